using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace EsusCheck.Testing.Esus;

/// <summary>Builds ESUS list files the way people produce them: real XLSX workbooks (written by MiniExcel), CSV in
/// UTF-8 or Windows-1252, with title rows above the header when asked. Cells are given row by row.</summary>
public static class EsusListFiles
{
    static EsusListFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An XLSX workbook with one sheet holding <paramref name="rows"/> from A1 (null cells stay empty).</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, string sheetName = "Liste")
    {
        var list = rows.ToList();
        var width = list.Count == 0 ? 1 : list.Max(r => r.Length);
        var keyed = list.Select(row =>
        {
            var dictionary = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++) dictionary[ColumnName(i)] = i < row.Length ? row[i] : null;
            return dictionary;
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, keyed, printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A CSV file; values are quoted when they hold the separator or a quote.</summary>
    public static byte[] Csv(IEnumerable<object?[]> rows, char separator = ';', Encoding? encoding = null, bool bom = false)
    {
        var builder = new StringBuilder();
        foreach (var row in rows)
            builder.Append(string.Join(separator, row.Select(cell => Quote(Format(cell), separator)))).Append("\r\n");
        var enc = encoding ?? new UTF8Encoding(false);
        var body = enc.GetBytes(builder.ToString());
        return bom ? [.. enc.GetPreamble().Length > 0 ? enc.GetPreamble() : new UTF8Encoding(true).GetPreamble(), .. body] : body;
    }

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>A real workbook with one more part of <paramref name="zeroBytes"/> zeros: it compresses about a
    /// thousand times, as a zip bomb does.</summary>
    public static byte[] WithHighlyCompressedPart(byte[] xlsx, int zeroBytes)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < zeroBytes; written += zeros.Length)
                part.Write(zeros, 0, Math.Min(zeros.Length, zeroBytes - written));
        }
        return stream.ToArray();
    }

    /// <summary>A valid SIREN (Luhn key) from its first eight digits.</summary>
    public static string Siren(string firstEightDigits)
    {
        if (firstEightDigits.Length != 8 || !firstEightDigits.All(char.IsAsciiDigit))
            throw new ArgumentException("eight digits expected", nameof(firstEightDigits));
        for (var key = 0; key <= 9; key++)
        {
            var candidate = firstEightDigits + key.ToString(CultureInfo.InvariantCulture);
            if (LuhnValid(candidate)) return candidate;
        }
        throw new InvalidOperationException("unreachable: one Luhn key always exists");
    }

    /// <summary>The same SIREN with its last digit changed: the Luhn key no longer matches.</summary>
    public static string WithWrongKey(string siren) => siren[..8] + (char)('0' + (siren[8] - '0' + 1) % 10);

    private static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static string ColumnName(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static string Format(object? cell) => cell switch
    {
        null => "",
        DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Quote(string value, char separator) =>
        value.Contains(separator) || value.Contains('"') || value.Contains('\n')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
