using System.Text.Json;
using EsusCheck.Core.Reports;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace EsusCheck.Functions.OpenApi;

/// <summary>Small builders for OpenAPI schemas. Nullable references are inlined rather than wrapped in <c>allOf</c>,
/// which Power Platform connectors do not render well.</summary>
internal static class Schemas
{
    public static (string Name, OpenApiSchema Schema) Property(string name, string summary, OpenApiSchema schema)
    {
        schema.Extensions["x-ms-summary"] = new OpenApiString(summary);
        return (name, schema);
    }

    /// <summary>An object whose properties are all required: the public contract writes every property, nulls included.</summary>
    public static OpenApiSchema Object(string description, params (string Name, OpenApiSchema Schema)[] properties) => new()
    {
        Type = "object",
        Description = description,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        Required = properties.Select(p => p.Name).ToHashSet(),
    };

    public static OpenApiSchema Optional(this OpenApiSchema schema, params string[] names)
    {
        foreach (var name in names) schema.Required.Remove(name);
        return schema;
    }

    public static OpenApiSchema Nullable(this OpenApiSchema schema)
    {
        schema.Nullable = true;
        return schema;
    }

    public static OpenApiSchema String(string description, string? format = null, string? pattern = null, string? example = null) => new()
    {
        Type = "string",
        Description = description,
        Format = format,
        Pattern = pattern,
        Example = example is null ? null : new OpenApiString(example),
    };

    public static OpenApiSchema Boolean(string description) => new() { Type = "boolean", Description = description };

    public static OpenApiSchema Integer(string description, int? minimum = null, int? maximum = null) => new()
    {
        Type = "integer",
        Format = "int32",
        Description = description,
        Minimum = minimum,
        Maximum = maximum,
    };

    public static OpenApiSchema Array(string description, OpenApiSchema items, int? maxItems = null) => new()
    {
        Type = "array",
        Description = description,
        Items = items,
        MaxItems = maxItems,
    };

    public static OpenApiSchema Map(string description, OpenApiSchema values) => new()
    {
        Type = "object",
        Description = description,
        AdditionalPropertiesAllowed = true,
        AdditionalProperties = values,
    };

    /// <summary>An object whose members are not described (an Adaptive Card, a Teams activity).</summary>
    public static OpenApiSchema FreeObject(string description) => new()
    {
        Type = "object",
        Description = description,
        AdditionalPropertiesAllowed = true,
    };

    public static OpenApiSchema Ref(string id) => new() { Reference = new OpenApiReference { Type = ReferenceType.Schema, Id = id } };

    /// <summary>The values of a C# enum exactly as the public contract writes them.</summary>
    public static OpenApiSchema Enum<T>(string description) where T : struct, Enum =>
        Enum(description, System.Enum.GetValues<T>().Select(v => JsonSerializer.Serialize(v, ReportJson.Options).Trim('"')).ToArray());

    public static OpenApiSchema Enum(string description, params string[] values) => new()
    {
        Type = "string",
        Description = description,
        Enum = values.Select(v => (IOpenApiAny)new OpenApiString(v)).ToList(),
    };
}
