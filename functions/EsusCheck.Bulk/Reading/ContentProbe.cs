using System.Buffers;
using System.Security.Cryptography;

namespace EsusCheck.Bulk.Reading;

public enum FileFormat { Csv, Xlsx }

/// <summary>What one pass over the bytes found: the content hash (the job id derives from it), the format, the
/// text encoding, and when the file cannot be read at all, why.</summary>
public sealed record ContentProbe(
    string Sha256,
    long Length,
    FileFormat Format,
    TextEncodingKind Encoding,
    BulkFileError? Error,
    IReadOnlyList<string> Notes)
{
    private const int HeadSize = 8192;

    public static async Task<ContentProbe> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var census = new Utf8Census();
        var head = new byte[HeadSize];
        var headLength = 0;
        long length = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, 128 * 1024), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                if (headLength < HeadSize)
                {
                    var take = Math.Min(read, HeadSize - headLength);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                census.Feed(buffer.AsSpan(0, read));
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Classify(Convert.ToHexStringLower(hash.GetHashAndReset()), length, head.AsSpan(0, headLength), census);
    }

    private static ContentProbe Classify(string sha256, long length, ReadOnlySpan<byte> head, Utf8Census census)
    {
        ContentProbe Csv(TextEncodingKind encoding, params string[] notes) => new(sha256, length, FileFormat.Csv, encoding, null, notes);
        ContentProbe Refused(BulkFileError error) => new(sha256, length, FileFormat.Csv, TextEncodingKind.Utf8, error, []);

        if (length == 0) return Refused(BulkFileError.Empty());
        if (head.StartsWith("PK\u0003\u0004"u8)) return new(sha256, length, FileFormat.Xlsx, TextEncodingKind.Utf8Bom, null, []);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return Refused(new(BulkFileError.Codes.Unsupported,
                "Le fichier est un classeur Excel 97-2003 (.xls), format qui n'est pas pris en charge : enregistrez-le au " +
                "format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) » puis déposez-le à nouveau."));
        if (head.StartsWith("%PDF"u8))
            return Refused(new(BulkFileError.Codes.Unsupported,
                "Le fichier est un PDF : seuls les fichiers CSV et les classeurs Excel (.xlsx) sont pris en charge."));
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Csv(TextEncodingKind.Utf16LittleEndian);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Csv(TextEncodingKind.Utf16BigEndian);
        if (LooksBinary(head))
            return Refused(new(BulkFileError.Codes.Unsupported,
                "Le fichier n'est ni un fichier texte CSV ni un classeur Excel (.xlsx) : son contenu est binaire. " +
                "Exportez la liste des fournisseurs au format CSV ou XLSX."));
        if (census.NonWhitespaceBytes == 0) return Refused(BulkFileError.Empty());

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var truncated = census.EndsInsideSequence
            ? "Le fichier se termine au milieu d'un caractère : il semble tronqué (vérifiez que la dernière ligne est complète)."
            : null;
        if (census.InvalidBytes == 0)
            return Csv(bom ? TextEncodingKind.Utf8Bom : census.MultiByteSequences == 0 && !census.EndsInsideSequence ? TextEncodingKind.Ascii : TextEncodingKind.Utf8,
                truncated is null ? [] : [truncated]);
        if (census.FrenchSequences >= 2)
            return Csv(TextEncodingKind.Mixed,
                $"Le fichier mélange deux encodages : {census.MultiByteSequences} caractère(s) en UTF-8 et {census.InvalidBytes} " +
                "octet(s) en Windows-1252. Chaque caractère a été lu dans son encodage ; le fichier de résultats est écrit en UTF-8.");
        return Csv(TextEncodingKind.Windows1252);
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
