using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Reading;

/// <summary>The bulk reader's reading of <see cref="XlsxPackageInspector"/>: its verdict as a bulk file error.</summary>
internal static class XlsxGuard
{
    private const long RatioCheckedAbove = 10L * 1024 * 1024;

    public static void Check(Stream seekable, BulkOptions options)
    {
        var inspection = XlsxPackageInspector.Inspect(seekable,
            new XlsxLimits(options.MaxXlsxUncompressedBytes, options.MaxXlsxCompressionRatio, RatioCheckedAbove));
        switch (inspection.Verdict)
        {
            case XlsxPackageVerdict.Workbook:
                return;
            case XlsxPackageVerdict.NotAWorkbook:
                throw new BulkFileException(new(BulkFileError.Codes.Unsupported,
                    "Le fichier est une archive ZIP mais pas un classeur Excel (.xlsx) : déposez le classeur lui-même ou un fichier CSV."));
            case XlsxPackageVerdict.Unreadable:
                throw Unreadable();
            default:
                throw TooLarge(options);
        }
    }

    public static BulkFileException Unreadable() => new(new(BulkFileError.Codes.XlsxUnreadable,
        "Le classeur Excel est illisible : il est probablement tronqué ou endommagé. Ouvrez-le dans Excel, enregistrez-le " +
        "à nouveau au format .xlsx, puis déposez-le."));

    private static BulkFileException TooLarge(BulkOptions options) => new(new(BulkFileError.Codes.XlsxTooLarge,
        $"Le classeur Excel décompressé dépasserait {options.MaxXlsxUncompressedBytes / (1024 * 1024)} Mo (ou son taux de compression est anormal) : " +
        "il n'a pas été ouvert. Enregistrez la liste des fournisseurs au format CSV et déposez ce fichier."));
}
