using EsusCheck.Core.Identifiers;

namespace EsusCheck.Chat.Understanding;

/// <summary>A number that looks like a SIREN or SIRET, as typed. <see cref="Identifier"/> is set when the format is
/// right (the key may still be wrong: the registries decide then); <see cref="Error"/> says in French what is wrong.</summary>
public sealed record ExtractedIdentifier(string Text, CompanyIdentifier? Identifier, IdentifierError? Error)
{
    /// <summary>True when the number can be checked: right format, and a wrong key only on a SIRET (law.md §1).</summary>
    public bool IsCheckable => Identifier is { } id && (Error is null || (Error.Code == IdentifierError.Codes.InvalidChecksum && id.Siret is not null));

    public bool IsSiren => Identifier is { Siret: null };
}

/// <summary>A CPV code found in a message, either typed in digits or understood from words (« crèche »).</summary>
public sealed record ExtractedCpv(CpvCode Code, string? FromWords, string? Label);

/// <summary>Every number of a message, classified.</summary>
public sealed record ExtractedNumbers(
    IReadOnlyList<ExtractedIdentifier> Identifiers,
    IReadOnlyList<CpvCode> Cpvs,
    IReadOnlyList<IdentifierError> CpvErrors);
