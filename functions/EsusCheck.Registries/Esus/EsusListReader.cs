namespace EsusCheck.Registries.Esus;

/// <summary>Reads a candidate ESUS list file (XLSX or CSV, told apart by content, not by name) into entries, or says
/// why it is not one. Pure apart from reading the stream: no store, no clock.</summary>
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

        var parse = Sniff(content) switch
        {
            FileKind.Xlsx => ReadXlsx(content, limits),
            FileKind.Text => ReadCsv(content),
            FileKind.LegacyXls => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet(
                "c'est un classeur Excel 97-2003 (.xls) ; enregistrez-le au format XLSX ou CSV et importez-le de nouveau")),
            FileKind.Pdf => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("c'est un document PDF")),
            FileKind.Empty => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("il est vide")),
            _ => EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("son contenu est binaire")),
        };
        return parse.Rejection is null && parse.StatedPublishedOn is null && EsusDates.Find(Path.GetFileNameWithoutExtension(fileName)) is { } named
            ? parse with { StatedPublishedOn = named }
            : parse;
    }

    private enum FileKind { Empty, Xlsx, LegacyXls, Pdf, Binary, Text }

    private static FileKind Sniff(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 8192));
        if (head.IsEmpty) return FileKind.Empty;
        if (head.StartsWith("PK\x03\x04"u8)) return FileKind.Xlsx;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return FileKind.LegacyXls;
        if (head.StartsWith("%PDF"u8)) return FileKind.Pdf;
        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        return !utf16 && head.Contains((byte)0) ? FileKind.Binary : FileKind.Text;
    }

    private static EsusListParse ReadXlsx(byte[] content, EsusImportOptions limits)
    {
        if (ZipBombGuard.Inspect(content, limits) is { } refused) return EsusListParse.Rejected(refused);
        try
        {
            foreach (var sheet in XlsxSheets.Names(content))
                if (EsusSheetParser.Parse(XlsxSheets.Rows(content, sheet)) is { } parse) return parse;
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or FormatException or IOException)
        {
            return EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("le classeur est endommagé et n'a pas pu être lu"));
        }
        return EsusListParse.Rejected(EsusListRejection.NoSirenColumn());
    }

    private static EsusListParse ReadCsv(byte[] content)
    {
        var text = CsvSheet.Decode(content);
        if (text.TrimStart().StartsWith('<'))
            return EsusListParse.Rejected(EsusListRejection.NotASpreadsheet("c'est une page web (HTML ou XML)"));
        return EsusSheetParser.Parse(CsvSheet.Rows(text)) ?? EsusListParse.Rejected(EsusListRejection.NoSirenColumn());
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
