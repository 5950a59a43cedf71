using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Reading;

public enum SourceRowKind
{
    /// <summary>A line before the header (a title, a date): written back as it is, without results.</summary>
    Preamble,
    Header,
    Data,
}

/// <summary>One row as read: where it is in the file (line for CSV, row for XLSX, 1-based), its cells, and whether
/// it could be read.</summary>
public sealed record SourceRow(long Line, IReadOnlyList<string> Cells, SourceRowKind Kind, RecordProblem Problem = RecordProblem.None)
{
    /// <summary>The last physical line of the record (a quoted field may span several lines).</summary>
    public long LastLine { get; init; } = Line;
}

/// <summary>What was detected about a file: everything the summary reports and the output needs to mirror it.</summary>
public sealed record FileLayout
{
    public required FileFormat Format { get; init; }
    public required TextEncodingKind Encoding { get; init; }
    /// <summary>Null for a single-column file.</summary>
    public char? Delimiter { get; init; }
    public string LineEnding { get; init; } = "\r\n";
    /// <summary>The header cells as written, or « Colonne 1 »… when the file has no header row.</summary>
    public required IReadOnlyList<string> Header { get; init; }
    public bool HasHeader { get; init; } = true;
    public long? HeaderLine { get; init; }
    public required ColumnRoles Roles { get; init; }
    public string? SheetName { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? ColumnName(int? index) => index is { } i && i < Header.Count ? Header[i] : null;
}
