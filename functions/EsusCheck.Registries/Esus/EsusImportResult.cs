using EsusCheck.Core.Facts;

namespace EsusCheck.Registries.Esus;

/// <summary>What an import did: the list now loaded (on success) or why the file was refused (the previous list then
/// stays in place), the rows left out and why, and warnings for the person importing.</summary>
public sealed record EsusImportResult
{
    public EsusListInfo? List { get; init; }
    public EsusListRejection? Rejection { get; init; }
    public IReadOnlyList<EsusSkippedRow> SkippedRows { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Succeeded => Rejection is null && List is not null;
    public int RowCount => List?.RowCount ?? 0;
    public int AssimilatedSkipped => SkippedRows.Count(r => r.Code == EsusSkippedRow.Codes.AssimilatedWithoutSiren);
    /// <summary>Rows left out for a missing or invalid SIREN (funds without SIREN are counted apart).</summary>
    public int InvalidRows => SkippedRows.Count - AssimilatedSkipped;

    public static EsusImportResult Rejected(EsusListRejection rejection, IReadOnlyList<EsusSkippedRow>? skipped = null) =>
        new() { Rejection = rejection, SkippedRows = skipped ?? [] };
}
