using EsusCheck.Core.Facts;

namespace EsusCheck.Registries.Esus;

/// <summary>What a file held: its entries, the rows left out and why, the publication date it states (if any), and
/// warnings for the person importing it. Either <see cref="Rejection"/> is set, or the entries are usable.</summary>
public sealed record EsusListParse
{
    public IReadOnlyList<EsusListEntry> Entries { get; init; } = [];
    public IReadOnlyList<EsusSkippedRow> SkippedRows { get; init; } = [];
    /// <summary>The date the file states: a title cell (« mise à jour le … ») or, failing that, its name.</summary>
    public DateOnly? StatedPublishedOn { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public EsusListRejection? Rejection { get; init; }

    public int AssimilatedSkipped => SkippedRows.Count(r => r.Code == EsusSkippedRow.Codes.AssimilatedWithoutSiren);

    public static EsusListParse Rejected(EsusListRejection rejection) => new() { Rejection = rejection };
}
