using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Registries.Esus;

/// <summary>The ESUS importer's reading of <see cref="XlsxPackageInspector"/>: its verdict as an ESUS rejection.</summary>
internal static class ZipBombGuard
{
    /// <returns>Null when the archive may be read; otherwise why not.</returns>
    public static EsusListRejection? Inspect(byte[] content, EsusImportOptions limits)
    {
        using var stream = new MemoryStream(content, writable: false);
        var inspection = XlsxPackageInspector.Inspect(stream,
            new XlsxLimits(limits.MaxUncompressedBytes, limits.MaxCompressionRatio, limits.RatioCheckFromBytes));
        return inspection.Verdict switch
        {
            XlsxPackageVerdict.Workbook => null,
            XlsxPackageVerdict.Unreadable => EsusListRejection.NotASpreadsheet("c'est une archive zip illisible ou tronquée"),
            XlsxPackageVerdict.NotAWorkbook => EsusListRejection.NotASpreadsheet("c'est une archive zip qui ne contient pas de classeur Excel"),
            _ when inspection.Ratio > 0 && inspection.UncompressedBytes <= limits.MaxUncompressedBytes => EsusListRejection.ZipBomb(
                $"son contenu est compressé {inspection.Ratio:0} fois (au plus {limits.MaxCompressionRatio:0} fois pour un vrai classeur)"),
            _ => EsusListRejection.ZipBomb($"une fois décompressé il dépasserait {EsusListRejection.Megabytes(limits.MaxUncompressedBytes)}"),
        };
    }
}
