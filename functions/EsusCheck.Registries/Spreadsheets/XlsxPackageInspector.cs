using System.IO.Compression;

namespace EsusCheck.Registries.Spreadsheets;

public enum XlsxPackageVerdict
{
    /// <summary>A workbook whose declared sizes stay within the limits: it may be parsed.</summary>
    Workbook,
    /// <summary>A readable zip that holds no Excel workbook (a .docx, a zip of files…).</summary>
    NotAWorkbook,
    /// <summary>Not a readable zip: truncated or damaged.</summary>
    Unreadable,
    /// <summary>It would inflate past the size limit, or compresses far better than a real workbook (a zip bomb).</summary>
    TooLarge,
}

/// <param name="MaxUncompressedBytes">the most the entries may declare in all</param>
/// <param name="MaxCompressionRatio">the highest uncompressed/compressed ratio of any part, and of the whole package…</param>
/// <param name="RatioCheckFromBytes">…checked once the part (or the package) declares more than this (tiny parts
/// compress very well)</param>
public sealed record XlsxLimits(long MaxUncompressedBytes, double MaxCompressionRatio, long RatioCheckFromBytes, int MaxEntries = 10_000);

public sealed record XlsxInspection(XlsxPackageVerdict Verdict, long UncompressedBytes = 0, double Ratio = 0);

/// <summary>Looks at an XLSX file's zip directory before any XML is parsed. The declared sizes are what a reader will
/// inflate (System.IO.Compression stops an entry at its declared length), so checking them bounds the work whatever
/// the file claims to be. Used by the ESUS list importer and the bulk supplier-file reader.</summary>
public static class XlsxPackageInspector
{
    /// <summary>Inspects a seekable stream and puts it back at its start.</summary>
    public static XlsxInspection Inspect(Stream seekable, XlsxLimits limits)
    {
        long compressed = 0, uncompressed = 0;
        var hasWorkbook = false;
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries) return new(XlsxPackageVerdict.TooLarge);
            foreach (var entry in zip.Entries)
            {
                compressed += entry.CompressedLength;
                uncompressed += entry.Length;
                // Part by part: a bomb sheet beside stored noise looks ordinary as a whole.
                var partRatio = entry.Length / (double)Math.Max(entry.CompressedLength, 1);
                if (entry.Length > limits.RatioCheckFromBytes && partRatio > limits.MaxCompressionRatio)
                    return new(XlsxPackageVerdict.TooLarge, entry.Length, partRatio);
                if (uncompressed > limits.MaxUncompressedBytes) return new(XlsxPackageVerdict.TooLarge, uncompressed);
                if (entry.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase)) hasWorkbook = true;
            }
        }
        catch (InvalidDataException)
        {
            return new(XlsxPackageVerdict.Unreadable);
        }
        finally
        {
            seekable.Position = 0;
        }

        var ratio = uncompressed / (double)Math.Max(compressed, 1);
        if (uncompressed > limits.RatioCheckFromBytes && ratio > limits.MaxCompressionRatio)
            return new(XlsxPackageVerdict.TooLarge, uncompressed, ratio);
        return new(hasWorkbook ? XlsxPackageVerdict.Workbook : XlsxPackageVerdict.NotAWorkbook, uncompressed, ratio);
    }
}
