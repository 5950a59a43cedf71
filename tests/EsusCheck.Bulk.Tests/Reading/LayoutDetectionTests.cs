using EsusCheck.Bulk.Reading;
using EsusCheck.Registries.Spreadsheets;

namespace EsusCheck.Bulk.Tests.Reading;

/// <summary>Detect, don't ask: delimiter, header row and column roles, French or English, with a note whenever the
/// choice was not obvious.</summary>
public sealed class LayoutDetectionTests
{
    [Fact]
    public async Task French_excel_export_semicolon_windows_1252_n_siret_and_french_amounts()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.FrenchExcelCsv(
            "Raison sociale;N° SIRET;Montant HT;Code CPV",
            "Crèche des Lilas;732 829 320 00074;1 234,56;85311000-2",
            "SCOP Bâtiment;88087814500015;12,5;"));

        Assert.Equal(';', layout.Delimiter);
        Assert.Equal(TextEncodingKind.Windows1252, layout.Encoding);
        Assert.Equal("\r\n", layout.LineEnding);
        Assert.Equal(1, layout.Roles.Identifier);
        Assert.Equal(2, layout.Roles.Spend);
        Assert.Equal(3, layout.Roles.Cpv);
        Assert.Equal(0, layout.Roles.Name);
        Assert.True(layout.Roles.DecimalComma);
        Assert.Equal(SourceRowKind.Header, rows[0].Kind);
        Assert.Equal("Crèche des Lilas", rows[1].Cells[0]);
    }

    [Fact]
    public async Task English_utf8_comma_separated_with_quoted_amounts()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv(
            "Supplier name,SIRET,Amount",
            "\"Acme, Ltd\",73282932000074,\"1,234.50\"",
            "Other,88087814500015,99"));

        Assert.Equal(',', layout.Delimiter);
        Assert.Equal((1, 2, 0), (layout.Roles.Identifier, layout.Roles.Spend!.Value, layout.Roles.Name!.Value));
        Assert.False(layout.Roles.DecimalComma);
        Assert.Equal("Acme, Ltd", rows[1].Cells[0]);
    }

    [Theory]
    [InlineData("siret")]
    [InlineData("SIRET")]
    [InlineData("N° SIRET")]
    [InlineData("numéro siret")]
    [InlineData("Numéro SIRET")]
    [InlineData("Siret fournisseur")]
    [InlineData("  N°  Siret du titulaire ")]
    [InlineData("SIRET_FOURNISSEUR")]
    public async Task Siret_headers_as_people_write_them(string header)
    {
        var (layout, _, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv($"Nom;{header};Dépense", "A;73282932000074;10"));

        Assert.Equal(1, layout.Roles.Identifier);
        Assert.Equal(2, layout.Roles.Spend);
    }

    [Fact]
    public async Task The_supplier_siret_wins_over_the_buyer_siret_and_the_choice_is_noted()
    {
        var (layout, _, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv(
            "SIRET acheteur;SIRET fournisseur;Montant", "21750001600019;73282932000074;10"));

        Assert.Equal(1, layout.Roles.Identifier);
    }

    [Fact]
    public async Task Two_equally_plausible_siret_columns_are_said_in_the_notes()
    {
        var (layout, _, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv("SIRET;N° SIRET;Montant", "73282932000074;88087814500015;10"));

        Assert.Contains(layout.Notes, n => n.StartsWith("Plusieurs colonnes peuvent contenir le SIRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Montant_ht_is_preferred_to_montant_ttc_and_noted()
    {
        var (layout, _, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv("SIRET;Montant TTC;Montant HT", "73282932000074;12;10"));

        Assert.Equal(2, layout.Roles.Spend);
        Assert.Contains(layout.Notes, n => n.Contains("« Montant HT » a été utilisée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_title_line_before_the_header_is_kept_as_preamble()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.FrenchExcelCsv(
            "Liste des fournisseurs 2025;;", ";;", "Fournisseur;SIRET;Montant", "A;73282932000074;10"));

        Assert.Equal(3, layout.HeaderLine);
        Assert.Equal([SourceRowKind.Preamble, SourceRowKind.Header, SourceRowKind.Data], rows.Select(r => r.Kind));
    }

    [Fact]
    public async Task A_file_of_bare_sirets_without_header_is_read_by_content()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv("73282932000074", "88087814500015"));

        Assert.False(layout.HasHeader);
        Assert.Null(layout.Delimiter);
        Assert.Equal(["Colonne 1"], layout.Header);
        Assert.Equal(2, rows.Count(r => r.Kind == SourceRowKind.Data));
        Assert.Contains(layout.Notes, n => n.Contains("pas de ligne d'en-tête", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_siren_column_is_accepted_as_head_offices()
    {
        var (layout, _, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv("N° SIREN;Nom", "732829320;A"));

        Assert.True(layout.Roles.IdentifierIsSiren);
        Assert.Contains(layout.Notes, n => n.Contains("siège", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_siret_column_is_a_clear_error_listing_the_columns_read()
    {
        var error = await Assert.ThrowsAsync<BulkFileException>(() => TestFiles.ReadAsync(TestFiles.Utf8Csv("Nom;Ville", "A;Paris")));

        Assert.Equal(BulkFileError.Codes.NoSiretColumn, error.Error.Code);
        Assert.Contains("« Nom », « Ville »", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_excel_sep_line_is_not_written_back_and_is_noted()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv("sep=,", "SIRET,Montant", "73282932000074,\"10,5\""));

        Assert.Equal(SourceRowKind.Header, rows[0].Kind);
        Assert.Contains(layout.Notes, n => n.Contains("« sep= »", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_counted()
    {
        var (_, rows, blank) = await TestFiles.ReadAsync(TestFiles.Utf8Csv("SIRET;Nom", "73282932000074;A", "", ";", "88087814500015;B"));

        Assert.Equal(3, rows.Count);
        Assert.Equal(2, blank);
    }

    [Fact]
    public async Task Xlsx_numbers_and_text_are_read_as_a_spreadsheet_shows_them()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.Xlsx(
            ["Fournisseur", "N° SIRET", "Montant HT"],
            ["Crèche", 73282932000074d, 1234.56],
            ["SCOP", "88087814500015", null]));

        Assert.Equal(FileFormat.Xlsx, layout.Format);
        Assert.Equal(1, layout.Roles.Identifier);
        Assert.Equal("73282932000074", rows[1].Cells[1]);
        Assert.Equal("1234,56", rows[1].Cells[2]);
    }

    [Fact]
    public async Task Xlsx_dates_booleans_and_rich_shared_strings_are_read_as_a_spreadsheet_shows_them()
    {
        var excelDates = MiniExcelLibs.MiniExcel.Query(new MemoryStream(TestFiles.Xlsx(["SIRET", "Date"], ["73282932000074", new DateTime(2025, 3, 31)])),
            useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var (_, dated, _) = await TestFiles.ReadAsync(TestFiles.Xlsx(["SIRET", "Date"], ["73282932000074", new DateTime(2025, 3, 31)]));
        Assert.IsType<DateTime>(excelDates[1]["B"]);
        Assert.Equal("31/03/2025", dated[1].Cells[1]);

        var (_, rows, _) = await TestFiles.ReadAsync(EsusCheck.Testing.Bulk.HostileFiles.Workbook(
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>SIRET</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><r><t>Act</t></r><r><t>if</t></r></is></c></row>" +
            "<row r=\"2\"><c r=\"A2\" t=\"str\"><f>A1</f><v>73282932000074</v></c><c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"e\"><v>#N/A</v></c></row></sheetData>"));

        Assert.Equal(["SIRET", "", "Actif"], rows[0].Cells);
        Assert.Equal(["73282932000074", "", "VRAI", "#N/A"], rows[1].Cells);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            await using (var entry = zip.CreateEntry("readme.txt").Open()) entry.Write("hello"u8);

        var error = await Assert.ThrowsAsync<BulkFileException>(() => TestFiles.ReadAsync(stream.ToArray()));

        Assert.Equal(BulkFileError.Codes.Unsupported, error.Error.Code);
    }

    [Fact]
    public async Task A_truncated_workbook_is_refused_as_unreadable()
    {
        var bytes = TestFiles.Xlsx(["SIRET"], ["73282932000074"]);

        var error = await Assert.ThrowsAsync<BulkFileException>(() => TestFiles.ReadAsync(bytes[..(bytes.Length / 2)]));

        Assert.Equal(BulkFileError.Codes.XlsxUnreadable, error.Error.Code);
    }

    [Fact]
    public async Task A_workbook_inflating_beyond_the_limit_is_not_opened()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var workbook = zip.CreateEntry("xl/workbook.xml").Open()) workbook.Write("<workbook/>"u8);
            await using var bomb = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) bomb.Write(zeros);
        }

        var error = await Assert.ThrowsAsync<BulkFileException>(() =>
            TestFiles.ReadAsync(stream.ToArray(), new BulkOptions { MaxXlsxUncompressedBytes = 32L * 1024 * 1024 }));

        Assert.Equal(BulkFileError.Codes.XlsxTooLarge, error.Error.Code);
    }
}
