using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Esus;

/// <summary>Reads a candidate ESUS list file (XLSX or CSV, told apart by content, not by name) into entries, or says
/// why it is not one, through the shared tabular stack (<c>Spreadsheets/</c>: sniffing, encodings, delimiters, CSV
/// records, XLSX guard and sheets). Pure apart from reading the stream: no store, no clock.</summary>
public static class EsusListReader
{
    public static async Task<EsusListParse> ReadAsync(Stream content, string? fileName, EsusImportOptions limits, CancellationToken cancellationToken)
    {
        var bytes = await ReadBoundedAsync(content, limits.MaxFileBytes, cancellationToken);
        return bytes is null ? EsusListParse.Rejected(EsusListRejection.FileTooLarge(limits.MaxFileBytes)) : Read(bytes, fileName, limits);
    }

    public static EsusListParse Read(byte[] content, string? fileName, EsusImportOptions limits)
    {
        if (content.Length > limits.MaxFileBytes) return EsusListParse.Rejected(EsusListRejection.FileTooLarge(limits.MaxFileBytes));

        var sniffed = FileSniffer.Sniff(content);
        var parse = sniffed.Kind switch
        {
            SniffedKind.Zip => ReadXlsx(content, limits),
            SniffedKind.Text => ReadCsv(content, sniffed.Encoding),
            SniffedKind.LegacyXls => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet(
                "c'est un classeur Excel 97-2003 (.xls) ; enregistrez-le au format XLSX ou CSV et importez-le de nouveau")),
            SniffedKind.Pdf => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("c'est un document PDF")),
            SniffedKind.Empty => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("il est vide")),
            _ => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("son contenu est binaire")),
        };
        return parse.Rejection is null && parse.StatedPublishedOn is null && EsusDates.Find(Path.GetFileNameWithoutExtension(fileName)) is { } named
            ? parse with { StatedPublishedOn = named }
            : parse;
    }

    private const int HeadCharacters = 64 * 1024;
    private const int MaxColumns = 16_384;

    private static EsusListParse ReadXlsx(byte[] content, EsusImportOptions limits)
    {
        if (ZipBombGuard.Inspect(content, limits) is { } refused) return EsusListParse.Rejected(refused);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var workbook = XlsxSheetReader.Open(stream, MaxColumns);
            for (var sheet = 0; sheet < workbook.SheetNames.Count; sheet++)
                if (EsusSheetParser.Parse(SheetRows(workbook.Rows(sheet))) is { } parse) return parse;
        }
        catch (Exception ex) when (XlsxSheetReader.IsDamage(ex))
        {
            return EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("le classeur est endommagé et n'a pas pu être lu"));
        }
        return EsusListParse.Rejected(EsusListRejection.NoSirenColumn());
    }

    /// <summary>The rows numbered as Excel shows them. The header search counts blank rows too, so the rows the sheet
    /// does not store are produced (blank) up to its limit; past it a gap changes nothing, and a row stored at
    /// 1,000,000 costs no million blank rows.</summary>
    private static IEnumerable<SheetRow> SheetRows(IEnumerable<XlsxSheetRow> rows)
    {
        var next = 1L;
        foreach (var row in rows)
        {
            for (; next < row.Number && next <= EsusSheetParser.HeaderSearchRows; next++) yield return new SheetRow((int)next, []);
            yield return new SheetRow((int)row.Number, row.Cells);
            next = row.Number + 1;
        }
    }

    private static EsusListParse ReadCsv(byte[] content, TextEncodingKind encoding)
    {
        var text = TextEncodings.ForReading(encoding).GetString(content);
        if (text.AsSpan().TrimStart('\uFEFF').TrimStart().StartsWith('<'))
            return EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("c'est une page web (HTML ou XML)"));
        // The text is in memory: every read completes synchronously.
        using var csv = CsvTable.OpenAsync(new StringReader(text), HeadCharacters, int.MaxValue).GetAwaiter().GetResult();
        return EsusSheetParser.Parse(CsvRows(csv)) ?? EsusListParse.Rejected(EsusListRejection.NoSirenColumn());
    }

    private static IEnumerable<SheetRow> CsvRows(CsvTable csv)
    {
        while (csv.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } record)
            yield return new SheetRow((int)record.Line, record.Fields);
    }

    /// <summary>The whole stream, or null as soon as it exceeds <paramref name="maxBytes"/> (never buffered beyond).</summary>
    internal static async Task<byte[]?> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
