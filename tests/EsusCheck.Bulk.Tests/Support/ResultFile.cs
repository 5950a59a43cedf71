using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Reading;
using MiniExcelLibs;

namespace EsusCheck.Bulk.Tests.Support;

/// <summary>A result file read back, to check it row by row by column name.</summary>
internal sealed class ResultFile(IReadOnlyList<IReadOnlyList<string>> rows)
{
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; } = rows;

    public IReadOnlyList<string> Header => Rows[0];

    public IReadOnlyList<IReadOnlyList<string>> Data => Rows.Skip(1).ToList();

    public string Cell(int dataRow, string column)
    {
        var index = Header.ToList().IndexOf(column);
        if (index < 0) throw new ArgumentException($"No column « {column} » in {string.Join(" | ", Header)}");
        var row = Data[dataRow];
        return index < row.Count ? row[index] : "";
    }

    public IReadOnlyList<string> Column(string column) => Enumerable.Range(0, Data.Count).Select(i => Cell(i, column)).ToList();

    public static async Task<ResultFile> CsvAsync(byte[] bytes, Encoding encoding, char delimiter)
    {
        var reader = new CsvRecordReader(new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: false), delimiter, 1_000_000);
        var rows = new List<IReadOnlyList<string>>();
        while (await reader.ReadAsync(CancellationToken.None) is { } record) rows.Add(record.Fields);
        return new ResultFile(rows);
    }

    public static ResultFile Xlsx(byte[] bytes)
    {
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>()
            .Select(r => (IReadOnlyList<string>)r.Values.Select(v => v?.ToString() ?? "").ToList())
            .ToList();
        return new ResultFile(rows);
    }

    public static readonly string Status = ResultColumns.Headers[0];
    public static readonly string CheckedSiret = ResultColumns.Headers[1];
    public static readonly string Name = ResultColumns.Headers[2];
    public static readonly string LegalForm = ResultColumns.Headers[3];
    public static readonly string Ess = ResultColumns.Headers[4];
    public static readonly string Esus = ResultColumns.Headers[5];
    public static readonly string L2113_12 = ResultColumns.Headers[6];
    public static readonly string L2113_13 = ResultColumns.Headers[7];
    public static readonly string L2113_13_1 = ResultColumns.Headers[8];
    public static readonly string L2113_15 = ResultColumns.Headers[9];
    public static readonly string Reasons = ResultColumns.Headers[10];
    public static readonly string CheckedAt = ResultColumns.Headers[11];
    public static readonly string Conditions = ResultColumns.Headers[12];
}
