using EsusCheck.Core.Identifiers;

namespace EsusCheck.Core.Facts;

/// <summary>One row of the DG Trésor « Liste nationale des agréments ESUS ». Only SIREN is certain; other columns
/// are kept when their header is recognised. <see cref="Assimilated"/> marks a row of the « assimilés » (funds, credit
/// institutions, L3332-17-1): they need not be ESS companies, so such a row proves nothing about ESS.</summary>
public sealed record EsusListEntry(
    Siren Siren,
    string? Name = null,
    DateOnly? AccreditedOn = null,
    DateOnly? ExpiresOn = null,
    string? Department = null,
    bool Assimilated = false);

/// <summary>Which ESUS list is loaded: its publication date and size (for evidence, staleness and audit).</summary>
public sealed record EsusListInfo(DateOnly PublishedOn, int RowCount, DateTimeOffset ImportedAt, string Source);

/// <summary>One consistent read of the list: the entry (if any) and the info of the same list version.</summary>
public sealed record EsusLookup(EsusListInfo? List, EsusListEntry? Entry)
{
    public static readonly EsusLookup NoList = new(null, null);

    /// <summary>A list may be loaded but could not be read (storage down): not the same as no list at all.</summary>
    public static readonly EsusLookup Unreadable = new(null, null) { IsUnreadable = true };

    public bool IsUnreadable { get; init; }
}
