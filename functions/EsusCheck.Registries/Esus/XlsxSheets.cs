using MiniExcelLibs;

namespace EsusCheck.Registries.Esus;

/// <summary>The sheets of an XLSX workbook as rows of cells, streamed by MiniExcel (one row in memory at a time).</summary>
internal static class XlsxSheets
{
    public static IReadOnlyList<string> Names(byte[] content) => MiniExcel.GetSheetNames(Open(content));

    public static IEnumerable<SheetRow> Rows(byte[] content, string sheet)
    {
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(Open(content), useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            // MiniExcel yields every row from the first, blank ones included, keyed by column letter in column order.
            yield return new SheetRow(++number, row.Values.ToList());
    }

    private static MemoryStream Open(byte[] content) => new(content, writable: false);
}
