using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace EsusCheck.Core.Identifiers;

/// <summary>A CPV code: 8 digits, optionally a dash and a check digit (« 85311000-2 »).</summary>
[JsonConverter(typeof(CpvCodeJsonConverter))]
public readonly partial record struct CpvCode
{
    private CpvCode(string digits, char? checkDigit) { Digits = digits; CheckDigit = checkDigit; }

    /// <summary>The 8 significant digits.</summary>
    public string Digits { get; }

    public char? CheckDigit { get; }

    public override string ToString() => CheckDigit is { } c ? $"{Digits}-{c}" : Digits;

    public const string InvalidCode = "cpv_invalid";

    public static bool TryParse(string? input, out CpvCode code, out IdentifierError? error)
    {
        code = default;
        var trimmed = input?.Trim() ?? "";
        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            error = new(InvalidCode,
                $"« {trimmed} » n'est pas un code CPV : un code CPV compte 8 chiffres, éventuellement suivis d'un tiret et " +
                "d'un chiffre de contrôle (par exemple 85311000-2).");
            return false;
        }
        var digits = match.Groups["digits"].Value.Replace(" ", "");
        code = new CpvCode(digits, match.Groups["check"].Success ? match.Groups["check"].Value[0] : null);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?:CPV\s*:?\s*)?(?<digits>\d{8}|\d{2} ?\d{3} ?\d{3})(?:\s*-\s*(?<check>\d))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

internal sealed class CpvCodeJsonConverter : JsonConverter<CpvCode>
{
    public override CpvCode Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        CpvCode.TryParse(reader.GetString(), out var code, out var error) ? code : throw new System.Text.Json.JsonException(error!.Message);

    public override void Write(System.Text.Json.Utf8JsonWriter writer, CpvCode value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
