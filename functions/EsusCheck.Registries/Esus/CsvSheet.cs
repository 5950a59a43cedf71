using System.Text;
using nietras.SeparatedValues;

namespace EsusCheck.Registries.Esus;

/// <summary>A CSV export of the list as rows of cells: UTF-8 (with or without BOM), UTF-16 (Excel's « texte
/// Unicode ») or Windows-1252 (Excel's « CSV (séparateur : point-virgule) » on a French Windows), separated by
/// semicolons, commas or tabs.</summary>
internal static class CsvSheet
{
    private static readonly char[] Separators = [';', ',', '\t'];

    static CsvSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith("\xEF\xBB\xBF"u8)) return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    public static IEnumerable<SheetRow> Rows(string text)
    {
        using var reader = Sep.New(DetectSeparator(text))
            .Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All })
            .FromText(text);
        foreach (var row in reader)
        {
            var cells = new object?[row.ColCount];
            for (var i = 0; i < row.ColCount; i++) cells[i] = row[i].ToString();
            yield return new SheetRow(row.LineNumberFrom, cells);
        }
    }

    /// <summary>The separator of the header line (the first that mentions SIREN): title lines above it may have none.</summary>
    internal static char DetectSeparator(string text)
    {
        var lines = text.Split('\n', EsusSheetParser.HeaderSearchRows + 1);
        var header = lines.Take(EsusSheetParser.HeaderSearchRows).FirstOrDefault(l => l.Contains("siren", StringComparison.OrdinalIgnoreCase))
                     ?? lines[0];
        return Separators.OrderByDescending(s => CountOutsideQuotes(header, s)).First();
    }

    private static int CountOutsideQuotes(string line, char separator)
    {
        int count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == separator && !quoted) count++;
        }
        return count;
    }
}
