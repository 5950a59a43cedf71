namespace EsusCheck.Registries.Spreadsheets;

/// <summary>What a file's bytes are before any reader opens it: nothing, a zip package (an XLSX workbook, or not:
/// <see cref="XlsxPackageInspector"/> tells), a format that is no table, or text in one of the encodings spreadsheets
/// write.</summary>
public enum SniffedKind { Empty, Zip, LegacyXls, Pdf, Binary, Text }

/// <param name="Truncated">text whose last multi-byte character is cut (a truncated file)</param>
/// <param name="Census">the UTF-8 census the encoding was decided on</param>
public sealed record SniffedFile(SniffedKind Kind, TextEncodingKind Encoding, bool Truncated, Utf8Census Census);

/// <summary>Tells a tabular file's kind and text encoding from its first bytes and a <see cref="Utf8Census"/> of all of
/// them: UTF-16 by its BOM, UTF-8 (with or without BOM) when every sequence is valid, a mix of UTF-8 and
/// Windows-1252 when invalid bytes sit beside the sequences French text produces in UTF-8, otherwise Windows-1252.
/// Used by the bulk content probe (one streamed pass, with the hash) and the ESUS list importer (in memory).</summary>
public static class FileSniffer
{
    /// <summary>How many first bytes <see cref="Sniff(ReadOnlySpan{byte}, long, Utf8Census)"/> looks at.</summary>
    public const int HeadBytes = 8192;

    public static SniffedFile Sniff(byte[] content)
    {
        var census = new Utf8Census();
        census.Feed(content);
        return Sniff(content.AsSpan(0, Math.Min(content.Length, HeadBytes)), content.Length, census);
    }

    /// <param name="head">the first <see cref="HeadBytes"/> bytes (fewer for a shorter file)</param>
    /// <param name="census">fed with every byte of the file</param>
    public static SniffedFile Sniff(ReadOnlySpan<byte> head, long length, Utf8Census census)
    {
        SniffedFile Of(SniffedKind kind, TextEncodingKind encoding = TextEncodingKind.Utf8) => new(kind, encoding, false, census);

        if (length == 0) return Of(SniffedKind.Empty);
        if (head.StartsWith("PK\u0003\u0004"u8)) return Of(SniffedKind.Zip, TextEncodingKind.Utf8Bom);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return Of(SniffedKind.LegacyXls);
        if (head.StartsWith("%PDF"u8)) return Of(SniffedKind.Pdf);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Of(SniffedKind.Text, TextEncodingKind.Utf16LittleEndian);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Of(SniffedKind.Text, TextEncodingKind.Utf16BigEndian);
        if (LooksBinary(head)) return Of(SniffedKind.Binary);
        if (census.NonWhitespaceBytes == 0) return Of(SniffedKind.Empty);

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var encoding = census.InvalidBytes == 0
            ? bom ? TextEncodingKind.Utf8Bom
              : census.MultiByteSequences == 0 && !census.EndsInsideSequence ? TextEncodingKind.Ascii
              : TextEncodingKind.Utf8
            : census.FrenchSequences >= 2 ? TextEncodingKind.Mixed
            : TextEncodingKind.Windows1252;
        return new(SniffedKind.Text, encoding, census.InvalidBytes == 0 && census.EndsInsideSequence, census);
    }

    /// <summary>NUL bytes or many control characters at the start: not text (UTF-16 was recognised before, by its BOM).</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) controls++;
        }
        return controls > Math.Max(4, head.Length / 100);
    }
}
