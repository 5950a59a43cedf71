using System.IO.Compression;

namespace EsusCheck.Bulk.Reading;

/// <summary>Checks an XLSX package before any parser inflates it: it must be a workbook, and its declared sizes must
/// stay under the configured limits (a zip bomb declares little and inflates to gigabytes).</summary>
internal static class XlsxGuard
{
    private const int MaxEntries = 10_000;
    private const long RatioCheckedAbove = 10L * 1024 * 1024;

    public static void Check(Stream seekable, BulkOptions options)
    {
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase)))
                throw new BulkFileException(new(BulkFileError.Codes.Unsupported,
                    "Le fichier est une archive ZIP mais pas un classeur Excel (.xlsx) : déposez le classeur lui-même ou un fichier CSV."));
            if (zip.Entries.Count > MaxEntries) throw TooLarge(options);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > RatioCheckedAbove &&
                    entry.Length / Math.Max(1, entry.CompressedLength) > options.MaxXlsxCompressionRatio)
                    throw TooLarge(options);
            }
            if (total > options.MaxXlsxUncompressedBytes) throw TooLarge(options);
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
        finally
        {
            seekable.Position = 0;
        }
    }

    public static BulkFileException Unreadable() => new(new(BulkFileError.Codes.XlsxUnreadable,
        "Le classeur Excel est illisible : il est probablement tronqué ou endommagé. Ouvrez-le dans Excel, enregistrez-le " +
        "à nouveau au format .xlsx, puis déposez-le."));

    private static BulkFileException TooLarge(BulkOptions options) => new(new(BulkFileError.Codes.XlsxTooLarge,
        $"Le classeur Excel décompressé dépasserait {options.MaxXlsxUncompressedBytes / (1024 * 1024)} Mo (ou son taux de compression est anormal) : " +
        "il n'a pas été ouvert. Enregistrez la liste des fournisseurs au format CSV et déposez ce fichier."));
}
