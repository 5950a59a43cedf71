using EsusCheck.Core.Identifiers;
using EsusCheck.Registries.Esus;
using EsusCheck.Testing.Esus;

namespace EsusCheck.Registries.Tests.Esus;

public class EsusListReaderXlsxTests
{
    private static readonly string Alpha = EsusListFiles.Siren("41816609");
    private static readonly string Beta = EsusListFiles.Siren("55203253");
    private static readonly string Gamma = EsusListFiles.Siren("78012345");
    private static readonly string Delta = EsusListFiles.Siren("00123456");

    private static EsusListParse Read(byte[] file, string name = "liste.xlsx", EsusImportOptions? limits = null) =>
        EsusListReader.Read(file, name, limits ?? new EsusImportOptions());

    [Fact]
    public void Header_on_row_three_under_a_title_is_found_and_every_row_is_read_or_explained()
    {
        var file = EsusListFiles.Xlsx(
        [
            ["Liste nationale des agréments ESUS - mise à jour le 15/01/2024", null, null, null, null, null],
            [null, null, null, null, null, null],
            ["N°", "SIREN", "Raison sociale", "Date d'agrément", "Date de fin d'agrément", "Département"],
            [1, $"{Alpha[..3]} {Alpha[3..6]} {Alpha[6..]}", "Coopérative Élan", new DateTime(2021, 3, 12), new DateTime(2026, 3, 11), 75],
            [2, double.Parse(Delta, System.Globalization.CultureInfo.InvariantCulture), "Zéro devant", "12/05/2022", "11/05/2027", 1],
            [3, null, "Fonds solidaire (assimilé)", null, null, null],
            [4, EsusListFiles.WithWrongKey(Beta), "Clé fausse", null, null, "2A"],
            [null, null, null, null, null, null],
            [5, Gamma, "Association Gamma", null, null, "971"],
        ]);

        var parse = Read(file);

        Assert.Null(parse.Rejection);
        Assert.Equal(new DateOnly(2024, 1, 15), parse.StatedPublishedOn);
        var bySiren = parse.Entries.ToDictionary(e => e.Siren.Value);
        Assert.Equal(new[] { Alpha, Delta, Gamma }.Order(), bySiren.Keys.Order());

        var alpha = bySiren[Alpha];
        Assert.Equal("Coopérative Élan", alpha.Name);
        Assert.Equal(new DateOnly(2021, 3, 12), alpha.AccreditedOn);
        Assert.Equal(new DateOnly(2026, 3, 11), alpha.ExpiresOn);
        Assert.Equal("75", alpha.Department);

        var delta = bySiren[Delta];
        Assert.Equal(new DateOnly(2022, 5, 12), delta.AccreditedOn);
        Assert.Equal("01", delta.Department);
        Assert.Equal("971", bySiren[Gamma].Department);

        Assert.Collection(parse.SkippedRows,
            fund =>
            {
                Assert.Equal(6, fund.Row);
                Assert.Equal(EsusSkippedRow.Codes.AssimilatedWithoutSiren, fund.Code);
            },
            wrongKey =>
            {
                Assert.Equal(7, wrongKey.Row);
                Assert.Equal(IdentifierError.Codes.InvalidChecksum, wrongKey.Code);
                Assert.Contains("clé de contrôle", wrongKey.Reason, StringComparison.Ordinal);
            });
        Assert.Equal(1, parse.AssimilatedSkipped);
    }

    [Fact]
    public void Headers_are_matched_whatever_their_accents_case_and_spacing()
    {
        var file = EsusListFiles.Xlsx(
        [
            ["  DÉNOMINATION  sociale ", " n° Siren ", "DEPARTEMENT", "Date d'expiration", "date de début"],
            ["Alpha SCOP", Alpha, "13", "31/12/2027", "01/01/2023"],
        ]);

        var entry = Assert.Single(Read(file).Entries);

        Assert.Equal(Alpha, entry.Siren.Value);
        Assert.Equal("Alpha SCOP", entry.Name);
        Assert.Equal("13", entry.Department);
        Assert.Equal(new DateOnly(2027, 12, 31), entry.ExpiresOn);
        Assert.Equal(new DateOnly(2023, 1, 1), entry.AccreditedOn);
    }

    [Fact]
    public void The_list_may_be_on_a_later_sheet()
    {
        var notes = EsusListFiles.Xlsx([["Notice"], ["Cette liste recense les agréments."]], sheetName: "Notice");
        var withList = AddSheet(notes, EsusListFiles.Xlsx([["SIREN"], [Alpha]]));

        Assert.Equal(Alpha, Assert.Single(Read(withList).Entries).Siren.Value);
    }

    [Fact]
    public void A_repeated_siren_keeps_the_most_recent_accreditation_and_says_so()
    {
        var file = EsusListFiles.Xlsx(
        [
            ["SIREN", "Date de fin"],
            [Alpha, new DateTime(2022, 1, 1)],
            [Alpha, new DateTime(2027, 1, 1)],
            [Alpha, new DateTime(2020, 1, 1)],
        ]);

        var parse = Read(file);

        Assert.Equal(new DateOnly(2027, 1, 1), Assert.Single(parse.Entries).ExpiresOn);
        Assert.Contains(parse.Warnings, w => w.StartsWith("2 ligne(s) répètent un SIREN", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_date_keeps_the_row_without_the_date()
    {
        var file = EsusListFiles.Xlsx([["SIREN", "Date d'agrément"], [Alpha, "bientôt"]]);

        var parse = Read(file);

        Assert.Null(Assert.Single(parse.Entries).AccreditedOn);
        Assert.Contains(parse.Warnings, w => w.Contains("illisible", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workbook_without_a_siren_column_is_rejected()
    {
        var file = EsusListFiles.Xlsx([["Nom", "Ville"], ["Alpha", "Lyon"]]);

        var parse = Read(file);

        Assert.Equal(EsusListRejection.Codes.NoSirenColumn, parse.Rejection?.Code);
        Assert.Contains("colonne « SIREN »", parse.Rejection!.Message, StringComparison.Ordinal);
        Assert.Empty(parse.Entries);
    }

    [Fact]
    public void A_siren_column_below_the_rows_searched_is_not_taken_for_a_header()
    {
        var rows = Enumerable.Range(0, EsusSheetParser.HeaderSearchRows).Select(i => new object?[] { $"note {i}" })
            .Append(["SIREN"]).Append([Alpha]);

        Assert.Equal(EsusListRejection.Codes.NoSirenColumn, Read(EsusListFiles.Xlsx(rows)).Rejection?.Code);
    }

    [Fact]
    public void A_list_whose_rows_all_lack_a_valid_siren_is_rejected_with_the_count()
    {
        var file = EsusListFiles.Xlsx([["SIREN", "Nom"], ["12345", "Trop court"], [EsusListFiles.WithWrongKey(Alpha), "Clé fausse"]]);

        var parse = Read(file);

        Assert.Equal(EsusListRejection.Codes.NoValidRows, parse.Rejection?.Code);
        Assert.Contains("aucune de ses 2 lignes", parse.Rejection!.Message, StringComparison.Ordinal);
        Assert.Equal(2, parse.SkippedRows.Count);
    }

    [Fact]
    public void A_header_without_any_data_row_is_rejected()
    {
        Assert.Equal(EsusListRejection.Codes.NoValidRows, Read(EsusListFiles.Xlsx([["SIREN", "Nom"]])).Rejection?.Code);
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_directory_before_any_sheet_is_parsed()
    {
        var bomb = EsusListFiles.WithHighlyCompressedPart(EsusListFiles.Xlsx([["SIREN"], [Alpha]]), zeroBytes: 16 * 1024 * 1024);

        var parse = Read(bomb);

        Assert.Equal(EsusListRejection.Codes.ZipBomb, parse.Rejection?.Code);
        Assert.Contains("fois (au plus 100 fois pour un vrai classeur)", parse.Rejection!.Message, StringComparison.Ordinal);
        Assert.Empty(parse.Entries);
    }

    [Fact]
    public void A_workbook_over_the_uncompressed_limit_is_refused()
    {
        var file = EsusListFiles.Xlsx([["SIREN"], [Alpha]]);

        var parse = Read(file, limits: new EsusImportOptions { MaxUncompressedBytes = 1000 });

        Assert.Equal(EsusListRejection.Codes.ZipBomb, parse.Rejection?.Code);
        Assert.Contains("décompressé", parse.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_workbook_within_the_limits_is_read()
    {
        var bomb = EsusListFiles.WithHighlyCompressedPart(EsusListFiles.Xlsx([["SIREN"], [Alpha]]), zeroBytes: 16 * 1024 * 1024);

        var parse = Read(bomb, limits: new EsusImportOptions { MaxCompressionRatio = 5000 });

        Assert.Null(parse.Rejection);
        Assert.Single(parse.Entries);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_not_a_spreadsheet()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            writer.Write("<document/>");

        Assert.Equal(EsusListRejection.Codes.NotASpreadsheet, Read(stream.ToArray()).Rejection?.Code);
    }

    [Fact]
    public void A_truncated_workbook_is_not_a_spreadsheet()
    {
        var file = EsusListFiles.Xlsx([["SIREN"], [Alpha]]);

        Assert.Equal(EsusListRejection.Codes.NotASpreadsheet, Read(file[..(file.Length / 2)]).Rejection?.Code);
    }

    [Fact]
    public void Rows_the_sheet_does_not_store_keep_excel_numbering_even_far_down()
    {
        static string Row(int number, string siren) =>
            $"<row r=\"{number}\"><c r=\"A{number}\" t=\"inlineStr\"><is><t>{siren}</t></is></c></row>";
        var file = EsusCheck.Testing.Bulk.HostileFiles.Workbook(
            $"<sheetData>{Row(3, "SIREN")}{Row(7, Alpha)}{Row(1_000_000, "123")}</sheetData>");

        var parse = Read(file);

        Assert.Equal(Alpha, Assert.Single(parse.Entries).Siren.Value);
        var skipped = Assert.Single(parse.SkippedRows);
        Assert.Equal((1_000_000, "identifier_wrong_length"), (skipped.Row, skipped.Code));
    }

    private static byte[] AddSheet(byte[] first, byte[] second)
    {
        // Rebuild one workbook with two sheets through MiniExcel's multi-sheet writer.
        var rowsOf = (byte[] bytes) => MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Notice"] = Keyed(rowsOf(first)),
            ["Liste"] = Keyed(rowsOf(second)),
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets, printHeader: false);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Keyed(List<object?[]> rows) =>
        rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), v)).ToDictionary(p => p.Key, p => p.v)).ToList();
}
