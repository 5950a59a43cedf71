using System.Text.Json;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Functions.Http;

/// <summary>A well-formed batch: the inputs as sent (a JSON number keeps its digits, null stays null), in order, and
/// the CPV code if any.</summary>
public sealed record BatchRequest(IReadOnlyList<string?> Inputs, string? Cpv);

/// <summary>Reads <c>{ "sirets": [...], "cpv": "..." }</c>. Every refusal says, in French, what to change.</summary>
public static class BatchRequestReader
{
    public const int MaxItems = 100;

    /// <summary>100 numbers fit in a few kilobytes; a larger body is refused before it is parsed.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<(BatchRequest? Request, ApiProblem? Problem)> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        if (await BoundedBody.ReadAsync(body, MaxBodyBytes, cancellationToken) is not { } buffer)
            return (null, ApiProblems.BatchTooLarge(
                $"Le corps de la requête dépasse {MaxBodyBytes / 1024} Kio. Envoyez au plus {MaxItems} numéros par requête."));
        if (buffer.Length == 0)
            return Invalid("Le corps de la requête est vide. Envoyez un objet JSON de la forme { \"sirets\": [\"73282932000074\"], \"cpv\": \"85311000\" }.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer);
        }
        catch (JsonException ex)
        {
            return Invalid($"Le corps de la requête n'est pas un JSON valide (ligne {(ex.LineNumber ?? 0) + 1}, " +
                           $"position {(ex.BytePositionInLine ?? 0) + 1}).");
        }
        using (document) return Read(document.RootElement);
    }

    private static (BatchRequest?, ApiProblem?) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Invalid("Le corps de la requête doit être un objet JSON de la forme { \"sirets\": [...], \"cpv\": \"...\" }.");

        JsonElement? sirets = null, cpv = null;
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, "sirets", StringComparison.OrdinalIgnoreCase)) sirets = property.Value;
            else if (string.Equals(property.Name, "cpv", StringComparison.OrdinalIgnoreCase)) cpv = property.Value;
        }

        if (sirets is not { ValueKind: JsonValueKind.Array } list)
            return Invalid("La propriété « sirets » est obligatoire et doit être une liste de numéros SIRET ou SIREN " +
                           "(chaînes de caractères).");
        var count = list.GetArrayLength();
        if (count == 0) return Invalid("La liste « sirets » est vide : envoyez au moins un numéro SIRET ou SIREN.");
        if (count > MaxItems)
            return (null, ApiProblems.BatchTooLarge(
                $"La liste « sirets » compte {count} numéros ; une requête en accepte au plus {MaxItems}. Découpez-la en plusieurs requêtes."));

        var inputs = new List<string?>(count);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            index++;
            switch (item.ValueKind)
            {
                case JsonValueKind.String: inputs.Add(item.GetString()); break;
                // A number keeps its digits as sent, so that a lost leading zero is reported as such.
                case JsonValueKind.Number: inputs.Add(item.GetRawText()); break;
                case JsonValueKind.Null: inputs.Add(null); break;
                default:
                    return Invalid($"L'élément n° {index} de « sirets » n'est pas un numéro : chaque élément doit être une chaîne " +
                                   "de caractères comme \"73282932000074\".");
            }
        }

        string? cpvCode = null;
        if (cpv is { } value && value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind != JsonValueKind.String)
                return Invalid("La propriété « cpv » doit être une chaîne de caractères, par exemple \"85311000-2\".");
            cpvCode = value.GetString();
            if (!string.IsNullOrWhiteSpace(cpvCode) && !CpvCode.TryParse(cpvCode, out _, out var cpvError))
                return (null, ApiProblems.InvalidInput(cpvError!));
        }
        return (new BatchRequest(inputs, cpvCode), null);
    }

    private static (BatchRequest?, ApiProblem?) Invalid(string detail) => (null, ApiProblems.BodyInvalid(detail));
}
