using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace EsusCheck.Functions.Tests.Support;

/// <summary>Checks a JSON value against an OpenAPI schema as read back by Microsoft.OpenApi.Readers (references
/// resolved): every property written must be declared, every required property must be written, and types, nullability,
/// enums, formats and patterns must hold. Returns every mismatch with its JSON path.</summary>
public static class SchemaValidator
{
    public static IReadOnlyList<string> Validate(JsonNode? value, OpenApiSchema schema, string path = "$")
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    private static void Check(JsonNode? value, OpenApiSchema schema, string path, List<string> errors)
    {
        if (value is null)
        {
            if (!schema.Nullable) errors.Add($"{path}: null but the schema is not nullable");
            return;
        }
        switch (schema.Type)
        {
            case "object":
                if (value is not JsonObject obj) { errors.Add($"{path}: expected an object, got {value.GetValueKind()}"); return; }
                if (schema.Properties.Count == 0 && schema.AdditionalProperties is null) return; // free-form (Adaptive Card…)
                foreach (var (name, child) in obj)
                {
                    if (schema.Properties.TryGetValue(name, out var propertySchema)) Check(child, propertySchema, $"{path}.{name}", errors);
                    else if (schema.AdditionalProperties is { } values) Check(child, values, $"{path}.{name}", errors);
                    else errors.Add($"{path}.{name}: written but not declared in the schema");
                }
                foreach (var required in schema.Required.Where(r => !obj.ContainsKey(r)))
                    errors.Add($"{path}.{required}: required by the schema but not written");
                break;
            case "array":
                if (value is not JsonArray array) { errors.Add($"{path}: expected an array, got {value.GetValueKind()}"); return; }
                if (schema.MaxItems is { } max && array.Count > max) errors.Add($"{path}: {array.Count} items, more than {max}");
                for (var i = 0; i < array.Count; i++) Check(array[i], schema.Items, $"{path}[{i}]", errors);
                break;
            case "string":
                if (value.GetValueKind() != JsonValueKind.String) { errors.Add($"{path}: expected a string, got {value.GetValueKind()}"); return; }
                CheckString(value.GetValue<string>(), schema, path, errors);
                break;
            case "integer":
                if (value.GetValueKind() != JsonValueKind.Number || !long.TryParse(value.ToJsonString(), out _))
                    errors.Add($"{path}: expected an integer, got {value.ToJsonString()}");
                break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected a boolean");
                break;
            default:
                errors.Add($"{path}: the schema has no usable type ({schema.Type ?? "none"})");
                break;
        }
    }

    private static void CheckString(string text, OpenApiSchema schema, string path, List<string> errors)
    {
        if (schema.Enum.Count > 0 && !schema.Enum.OfType<OpenApiString>().Any(e => e.Value == text))
            errors.Add($"{path}: « {text} » is not one of {string.Join(", ", schema.Enum.OfType<OpenApiString>().Select(e => e.Value))}");
        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern)) errors.Add($"{path}: « {text} » does not match {pattern}");
        var formatOk = schema.Format switch
        {
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => true,
        };
        if (!formatOk) errors.Add($"{path}: « {text} » is not a {schema.Format}");
    }
}
