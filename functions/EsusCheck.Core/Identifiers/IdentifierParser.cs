using System.Text;
using System.Text.RegularExpressions;

namespace EsusCheck.Core.Identifiers;

/// <summary>The one parser for SIREN and SIRET used by every interface (HTTP, bulk files, chat, CLI).</summary>
public static partial class IdentifierParser
{
    public static ParsedIdentifier<Siret> ParseSiret(string? input)
    {
        var (digits, error) = Normalise(input, SiretLength, "SIRET");
        if (error is not null) return new(digits is null ? null : new Siret(digits), error);
        var siret = new Siret(digits!);
        return siret.HasValidKey ? new(siret, null) : new(siret, ChecksumError("SIRET", siret.Formatted));
    }

    public static ParsedIdentifier<Siren> ParseSiren(string? input)
    {
        var (digits, error) = Normalise(input, SirenLength, "SIREN");
        if (error is not null) return new(digits is null ? null : new Siren(digits), error);
        var siren = new Siren(digits!);
        return siren.HasValidKey ? new(siren, null) : new(siren, ChecksumError("SIREN", siren.Formatted));
    }

    /// <summary>A SIRET, or a SIREN standing for its head office (the caller resolves which establishment that is).</summary>
    public static ParsedIdentifier<CompanyIdentifier> ParseSirenOrSiret(string? input)
    {
        var digitCount = input is null ? 0 : StripSeparators(input.Trim()).Count(char.IsAsciiDigit);
        if (digitCount is SirenLength or SirenLength - 1)
        {
            var siren = ParseSiren(input);
            return new(siren.Value is { } s ? CompanyIdentifier.Of(s) : null, siren.Error);
        }
        var siret = ParseSiret(input);
        return new(siret.Value is { } t ? CompanyIdentifier.Of(t) : null, siret.Error);
    }

    /// <summary>Builds a SIRET from 14 digits that a registry returned; null when they are not 14 digits.</summary>
    public static Siret? FromRegistry(string? digits) =>
        digits is { Length: SiretLength } && digits.All(char.IsAsciiDigit) ? new Siret(digits) : null;

    private const int SirenLength = 9;
    private const int SiretLength = 14;

    private static (string? Digits, IdentifierError? Error) Normalise(string? input, int length, string kind)
    {
        var trimmed = input?.Trim().Trim('"', '\'', '=').Trim() ?? "";
        if (trimmed.Length == 0)
            return (null, new(IdentifierError.Codes.Empty, $"Aucun numéro {kind} n'a été fourni."));

        if (ScientificNotation().IsMatch(trimmed))
            return (null, new(IdentifierError.Codes.ExcelScientificNotation,
                $"« {trimmed} » est un numéro {kind} qu'un tableur a converti en notation scientifique : des chiffres " +
                $"ont été perdus. Mettez la colonne au format texte et recopiez le numéro d'origine ({length} chiffres)."));

        var decimalSuffix = DecimalSuffix().Match(trimmed);
        if (decimalSuffix.Success && StripSeparators(decimalSuffix.Groups["digits"].Value).Length is SirenLength or SiretLength or SirenLength - 1 or SiretLength - 1)
            return (null, new(IdentifierError.Codes.ExcelDecimalSuffix,
                $"« {trimmed} » porte un suffixe décimal ajouté par un tableur : ce n'est pas un numéro {kind} tel quel. " +
                $"Mettez la colonne au format texte et recopiez le numéro d'origine ({length} chiffres)."));

        var digits = StripSeparators(trimmed);
        if (!digits.All(char.IsAsciiDigit))
            return (null, new(IdentifierError.Codes.InvalidCharacters,
                $"« {trimmed} » n'est pas un numéro {kind} : il ne doit contenir que des chiffres (espaces et points tolérés)."));

        if (digits.Length == length - 1)
            return (null, new(IdentifierError.Codes.LeadingZeroLost,
                $"« {trimmed} » compte {digits.Length} chiffres au lieu des {length} d'un {kind} : un tableur a probablement supprimé " +
                $"le zéro initial (essayez « 0{digits} »). Mettez la colonne au format texte."));

        if (digits.Length != length)
            return (null, new(IdentifierError.Codes.WrongLength,
                $"« {trimmed} » n'est pas un numéro {kind} : un {kind} compte {length} chiffres, celui-ci en compte {digits.Length}."));

        return (digits, null);
    }

    private static IdentifierError ChecksumError(string kind, string formatted) =>
        new(IdentifierError.Codes.InvalidChecksum,
            $"La clé de contrôle du {kind} {formatted} est invalide : le numéro contient probablement une faute de frappe.");

    private static string StripSeparators(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
            if (!char.IsWhiteSpace(c) && c != '.' && c != '\u200B') builder.Append(c);
        return builder.ToString();
    }

    [GeneratedRegex(@"^\d+([.,]\d+)?[eE][+]?\d+$")]
    private static partial Regex ScientificNotation();

    [GeneratedRegex(@"^(?<digits>[\d\s.]+?)[.,]0+$")]
    private static partial Regex DecimalSuffix();
}
