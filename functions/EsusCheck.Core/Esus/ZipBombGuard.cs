using System.IO.Compression;

namespace EsusCheck.Core.Esus;

/// <summary>Looks at an XLSX file's zip directory before any XML is parsed: the declared sizes are what the reader
/// will inflate (System.IO.Compression stops an entry at its declared length), so checking them bounds the work.</summary>
internal static class ZipBombGuard
{
    /// <returns>Null when the archive may be read; otherwise why not.</returns>
    public static EsusListRejection? Inspect(byte[] content, EsusImportOptions limits)
    {
        long compressed = 0, uncompressed = 0;
        var hasWorkbook = false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                compressed += entry.CompressedLength;
                uncompressed += entry.Length;
                if (uncompressed > limits.MaxUncompressedBytes)
                    return EsusListRejection.ZipBomb(
                        $"une fois décompressé il dépasserait {EsusListRejection.Megabytes(limits.MaxUncompressedBytes)}");
                if (entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) hasWorkbook = true;
            }
        }
        catch (InvalidDataException)
        {
            return EsusListRejection.NotASpreadsheet("c'est une archive zip illisible ou tronquée");
        }

        var ratio = uncompressed / (double)Math.Max(compressed, 1);
        if (uncompressed > limits.RatioCheckFromBytes && ratio > limits.MaxCompressionRatio)
            return EsusListRejection.ZipBomb(
                $"son contenu est compressé {ratio:0} fois (au plus {limits.MaxCompressionRatio:0} fois pour un vrai classeur)");
        return hasWorkbook ? null : EsusListRejection.NotASpreadsheet("c'est une archive zip qui ne contient pas de classeur Excel");
    }
}
