using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Output;

/// <summary><c>summary.json</c>: what was read, the counts, the SPASER totals and every row in error. Keys in
/// English (for programs), texts in French (for people). See docs/bulk.md for each field.</summary>
public sealed record BulkSummary
{
    public required string JobId { get; init; }
    /// <summary>"completed" or "failed".</summary>
    public required string State { get; init; }
    public required SummaryInput Input { get; init; }
    public SummaryRows? Rows { get; init; }
    /// <summary>Distinct establishments (SIRET) that got a verdict.</summary>
    public int Suppliers { get; init; }
    /// <summary>Null when the file has no amount column.</summary>
    public SummarySpend? Spend { get; init; }
    public SummarySpaser? Spaser { get; init; }
    public IReadOnlyList<BulkRowError> Errors { get; init; } = [];
    public bool ErrorsTruncated { get; init; }
    /// <summary>What was detected and every choice made when the file was not clear (French).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>The totals in sentences (French).</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];
    public SummaryOutputs? Outputs { get; init; }
    public BulkFileError? Error { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required string RulesVersion { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

public sealed record SummaryInput(
    string Name, string? Sha256, long Bytes, string? Format, string? Encoding, string? Delimiter, string? Sheet,
    long? HeaderLine, SummaryColumns? Columns)
{
    public static string EncodingCode(TextEncodingKind kind) => kind switch
    {
        TextEncodingKind.Utf8 => "utf-8",
        TextEncodingKind.Utf8Bom => "utf-8-bom",
        TextEncodingKind.Windows1252 => "windows-1252",
        TextEncodingKind.Utf16LittleEndian => "utf-16le",
        TextEncodingKind.Utf16BigEndian => "utf-16be",
        TextEncodingKind.Ascii => "ascii",
        _ => "mixed",
    };
}

public sealed record SummaryColumns(string Siret, string? Spend, string? Cpv, string? Name);

public sealed record SummaryRows(long Total, long Checked, long InError, long Duplicates, long TotalLines, long BlankLines);

/// <summary>Amounts as read from the spend column. <see cref="Total"/> is the purchases (positive amounts) of every
/// row, rows in error included, so that shares are never overstated; credit notes (negative amounts) are summed apart
/// in <see cref="CreditNotes"/> and deducted from nothing, so that every share stays between 0 and 1.</summary>
public sealed record SummarySpend(
    decimal Total, decimal Checked, long RowsWithAmount, long RowsWithUnreadableAmount, decimal CreditNotes, long RowsWithCreditNote);

/// <param name="SocialServices">L2113-15, added with rules 2026-11-29.1: never « éligible » from registry data, its
/// suppliers are counted in <see cref="SpaserCategory.SuppliersToVerify"/>.</param>
public sealed record SummarySpaser(
    SpaserCategory Ess, SpaserCategory Esus, SpaserCategory Siae, SpaserCategory EaEsat, SpaserCategory SocialServices);

/// <summary>One SPASER indicator: distinct suppliers in the category and their share, the spend with them and its
/// share of the file's total spend, and the suppliers whose status is still to verify.</summary>
public sealed record SpaserCategory(
    string Label, int Suppliers, decimal? ShareOfSuppliers, decimal? Spend, decimal? ShareOfSpend, int SuppliersToVerify);

public sealed record SummaryOutputs(string Csv, string? Xlsx, string Summary);
