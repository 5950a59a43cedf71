using EsusCheck.Registries.Spreadsheets;
using EsusCheck.Testing.Bulk;
using MiniExcelLibs;

namespace EsusCheck.Registries.Tests.Spreadsheets;

public sealed class XlsxSheetReaderTests
{
    private static List<XlsxSheetRow> Read(byte[] workbook, int sheet = 0, int maxColumns = 16_384)
    {
        using var reader = XlsxSheetReader.Open(new MemoryStream(workbook), maxColumns);
        return reader.Rows(sheet).ToList();
    }

    [Fact]
    public void Cells_come_typed_only_where_they_exist_and_rows_keep_their_numbers()
    {
        var rows = Read(HostileFiles.Workbook(
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r><t>Act</t></r><r><t>if</t></r></is></c>" +
            "<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"e\"><v>#N/A</v></c><c r=\"E1\"><v>1234.5</v></c>" +
            "<c r=\"F1\" t=\"str\"><f>A1</f><v>73282932000074</v></c></row>" +
            "<row r=\"4\"><c r=\"B4\"><v>73282932000074</v></c></row></sheetData>"));

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Actif", null, true, "#N/A", 1234.5, "73282932000074"], rows[0].Cells);
        Assert.Equal((4L, 2), (rows[1].Number, rows[1].Cells.Count));
        Assert.Equal(73282932000074d, rows[1].Cells[1]);
    }

    [Fact]
    public void A_value_past_the_column_limit_marks_the_row_without_widening_it()
    {
        var rows = Read(HostileFiles.Workbook(
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>SIRET</t></is></c></row>" +
            "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"XFD2\"><v>2</v></c></row></sheetData>"), maxColumns: 10);

        Assert.False(rows[0].TooManyColumns);
        Assert.True(rows[1].TooManyColumns);
        Assert.Empty(rows[1].Cells);
    }

    [Fact]
    public void Dates_are_told_by_their_cell_style_and_every_sheet_can_be_read()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["Notes"] = new[] { new Dictionary<string, object?> { ["A"] = "Liste mise à jour" } },
            ["Liste"] = new[] { new Dictionary<string, object?> { ["A"] = "SIREN", ["B"] = new DateTime(2025, 3, 31) } },
        }, printHeader: false);
        using var reader = XlsxSheetReader.Open(new MemoryStream(stream.ToArray()), 16_384);

        Assert.Equal(["Notes", "Liste"], reader.SheetNames);
        Assert.Equal(["Liste mise à jour"], reader.Rows(0).Single().Cells);
        Assert.Equal(["SIREN", new DateTime(2025, 3, 31)], reader.Rows(1).Single().Cells);
    }

    [Fact]
    public void A_damaged_sheet_fails_with_an_exception_recognised_as_damage()
    {
        var workbook = HostileFiles.Workbook("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>");

        var error = Record.Exception(() => Read(workbook));

        Assert.NotNull(error);
        Assert.True(XlsxSheetReader.IsDamage(error), error.GetType().Name);
    }
}
