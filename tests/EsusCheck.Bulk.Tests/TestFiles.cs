using System.Text;
using EsusCheck.Bulk.Reading;
using EsusCheck.Registries.Spreadsheets;
using MiniExcelLibs;

namespace EsusCheck.Bulk.Tests;

/// <summary>Real supplier files built in the tests, byte for byte as the tools that produce them write them.</summary>
internal static class TestFiles
{
    public static Encoding Windows1252 => TextEncodings.Windows1252;

    /// <summary>Lines joined with <paramref name="newline"/> and encoded; a trailing newline as Excel writes it.</summary>
    public static byte[] Csv(Encoding encoding, string newline, bool bom, params string[] lines)
    {
        var text = string.Join(newline, lines) + newline;
        var body = encoding.GetBytes(text);
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    /// <summary>What French Excel writes for « CSV (séparateur : point-virgule) »: Windows-1252, CRLF, no BOM.</summary>
    public static byte[] FrenchExcelCsv(params string[] lines) => Csv(Windows1252, "\r\n", bom: false, lines);

    public static byte[] Utf8Csv(params string[] lines) => Csv(new UTF8Encoding(false), "\n", bom: false, lines);

    /// <summary>An XLSX with one sheet; each row an array of cells (string, double, null).</summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        var sheet = rows.Select(r => r.Select((value, i) => (Key: ((char)('A' + i)).ToString(), value))
            .ToDictionary(c => c.Key, c => c.value)).ToList();
        var width = rows.Max(r => r.Length);
        foreach (var row in sheet)
            for (var i = 0; i < width; i++) row.TryAdd(((char)('A' + i)).ToString(), null);
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false);
        return stream.ToArray();
    }

    public static async Task<ContentProbe> ProbeAsync(byte[] bytes) => await ContentProbe.ReadAsync(new MemoryStream(bytes), CancellationToken.None);

    public static async Task<(FileLayout Layout, List<SourceRow> Rows, long Blank)> ReadAsync(byte[] bytes, BulkOptions? options = null)
    {
        var probe = await ProbeAsync(bytes);
        await using var file = await new SupplierFileReader(options ?? new BulkOptions()).OpenAsync(new MemoryStream(bytes), probe, CancellationToken.None);
        var rows = new List<SourceRow>();
        await foreach (var row in file.Rows) rows.Add(row);
        return (file.Layout, rows, file.BlankLines);
    }
}
