using System.Buffers;
using System.Security.Cryptography;
using EsusCheck.Registries.Spreadsheets;

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
    private const int HeadSize = FileSniffer.HeadBytes;

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
        ContentProbe Refused(BulkFileError error) => new(sha256, length, FileFormat.Csv, TextEncodingKind.Utf8, error, []);

        var sniffed = FileSniffer.Sniff(head, length, census);
        switch (sniffed.Kind)
        {
            case SniffedKind.Empty:
                return Refused(BulkFileError.Empty());
            case SniffedKind.Zip:
                return new(sha256, length, FileFormat.Xlsx, TextEncodingKind.Utf8Bom, null, []);
            case SniffedKind.LegacyXls:
                return Refused(new(BulkFileError.Codes.Unsupported,
                    "Le fichier est un classeur Excel 97-2003 (.xls), format qui n'est pas pris en charge : enregistrez-le au " +
                    "format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) » puis déposez-le à nouveau."));
            case SniffedKind.Pdf:
                return Refused(new(BulkFileError.Codes.Unsupported,
                    "Le fichier est un PDF : seuls les fichiers CSV et les classeurs Excel (.xlsx) sont pris en charge."));
            case SniffedKind.Binary:
                return Refused(new(BulkFileError.Codes.Unsupported,
                    "Le fichier n'est ni un fichier texte CSV ni un classeur Excel (.xlsx) : son contenu est binaire. " +
                    "Exportez la liste des fournisseurs au format CSV ou XLSX."));
        }

        string[] notes = sniffed.Encoding == TextEncodingKind.Mixed
            ? [$"Le fichier mélange deux encodages : {census.MultiByteSequences} caractère(s) en UTF-8 et {census.InvalidBytes} " +
               "octet(s) en Windows-1252. Chaque caractère a été lu dans son encodage ; le fichier de résultats est écrit en UTF-8."]
            : sniffed.Truncated
                ? ["Le fichier se termine au milieu d'un caractère : il semble tronqué (vérifiez que la dernière ligne est complète)."]
                : [];
        return new(sha256, length, FileFormat.Csv, sniffed.Encoding, null, notes);
    }
}
