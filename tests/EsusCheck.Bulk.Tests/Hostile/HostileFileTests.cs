using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Reading;
using EsusCheck.Testing.Bulk;

namespace EsusCheck.Bulk.Tests.Hostile;

/// <summary>The corpus of <see cref="HostileFiles"/> through the in-process pipeline: each file finishes, every row
/// comes out with a verdict or a reason, and nothing is inflated beyond the file's real size.</summary>
public sealed class HostileFileTests
{
    private static readonly int ResultWidth = ResultColumns.Headers.Count;

    [Fact]
    public async Task Delimiters_count_against_the_row_length_so_a_row_of_empty_cells_is_unreadable_and_widens_no_other_row()
    {
        // Columns uncapped: only the delimiters counted as characters can stop this row.
        await using var harness = await LocalHarness.StartAsync(new() { ["Bulk:MaxColumns"] = "10000000" });
        var s = harness.Suppliers;
        var path = harness.Write("cellules-vides.csv", HostileFiles.RowOfEmptyCells([s.Siae, s.Esat], delimiters: 100_001));

        var run = await harness.RunAsync(path);

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        var csv = await ResultFile.CsvAsync(harness.Output("cellules-vides-resultats.csv"), Encoding.UTF8, ';');
        Assert.All(csv.Rows, row => Assert.Equal(2 + ResultWidth, row.Count));
        Assert.Equal(["vérifié", "ligne illisible", "vérifié"], csv.Column(ResultFile.Status));
        Assert.Equal(BulkCodes.RowTooLong, Assert.Single(run.Summary!.Errors).Code);
    }

    [Fact]
    public async Task A_row_with_more_cells_than_the_column_limit_is_unreadable_and_widens_no_other_row()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var path = harness.Write("colonnes.csv", HostileFiles.RowOfEmptyCells([s.Siae, s.Esat], delimiters: 5_000));

        var run = await harness.RunAsync(path);

        var csv = await ResultFile.CsvAsync(harness.Output("colonnes-resultats.csv"), Encoding.UTF8, ';');
        Assert.All(csv.Rows, row => Assert.Equal(2 + ResultWidth, row.Count));
        Assert.Equal(["vérifié", "ligne illisible", "vérifié"], csv.Column(ResultFile.Status));
        Assert.Contains("compte plus de 1 000 colonnes", csv.Cell(1, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Equal("bulk_row_too_many_columns", Assert.Single(run.Summary!.Errors).Code);
    }

    [Fact]
    public async Task Empty_cells_past_the_header_do_not_pad_the_output()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var path = harness.Write("traine.csv", TestFiles.Utf8Csv("SIRET;Montant", $"{s.Siae};10;;;;;;;;", $"{s.Esat};20"));

        await harness.RunAsync(path);

        var csv = await ResultFile.CsvAsync(harness.Output("traine-resultats.csv"), Encoding.UTF8, ';');
        Assert.All(csv.Rows, row => Assert.Equal(2 + ResultWidth, row.Count));
        Assert.Equal(["vérifié", "vérifié"], csv.Column(ResultFile.Status));
    }

    [Fact]
    public async Task A_carriage_return_only_file_comes_back_with_carriage_returns_only()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var path = harness.Write("mac.csv", HostileFiles.CarriageReturnsOnly("SIRET;Montant", $"{s.Siae};10", $"{s.Esat};20"));

        var run = await harness.RunAsync(path);

        var output = harness.Output("mac-resultats.csv");
        Assert.DoesNotContain((byte)'\n', output);
        Assert.Equal(3, output.Count(b => b == (byte)'\r'));
        Assert.Equal((2L, 2L), (run.Summary!.Rows!.Total, run.Summary.Rows.Checked));
    }

    [Fact]
    public async Task A_lone_inch_mark_in_an_unquoted_field_does_not_hide_the_delimiter()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv(
            "SIRET;Article;Montant", "73282932000074;Vis 3/4\" inox;12,50"));

        Assert.Equal(';', layout.Delimiter);
        Assert.Equal(["73282932000074", "Vis 3/4\" inox", "12,50"], rows[1].Cells);
    }

    [Fact]
    public async Task Rows_longer_and_shorter_than_the_header_still_split_on_the_delimiter()
    {
        var (layout, rows, _) = await TestFiles.ReadAsync(TestFiles.Utf8Csv(
            "SIRET;Fournisseur;Montant",
            "73282932000074;Crèche;1 234,56;commentaire",
            "88087814500015;SCOP",
            "44306184100047;Dupont;99,90;x;y",
            "35600000000048;Martin;12,00"));

        Assert.Equal(';', layout.Delimiter);
        Assert.Equal(0, layout.Roles.Identifier);
        Assert.Equal(2, layout.Roles.Spend);
        Assert.Equal("88087814500015", rows[2].Cells[0]);
    }

    [Fact]
    public async Task A_sheet_compressed_a_thousand_times_beside_stored_noise_is_refused_before_parsing()
    {
        var bytes = HostileFiles.BombBesideNoise();

        var error = await Assert.ThrowsAsync<BulkFileException>(() => TestFiles.ReadAsync(bytes));

        Assert.Equal(BulkFileError.Codes.XlsxTooLarge, error.Error.Code);
    }

    [Fact]
    public async Task Credit_notes_never_push_a_share_of_spend_past_100_percent_and_the_summary_says_how_they_count()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var path = harness.Write("avoirs.csv", TestFiles.Utf8Csv(
            "SIRET;Montant", $"{s.Siae};1000,00", $"{s.Company};-600,00", $"{s.Company};(300,00)", "123;50,00"));

        var run = await harness.RunAsync(path);

        var summary = run.Summary!;
        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.All(new[] { summary.Spaser!.Ess, summary.Spaser.Esus, summary.Spaser.Siae, summary.Spaser.EaEsat },
            c => Assert.InRange(c.ShareOfSpend ?? 0, 0m, 1m));
        Assert.Equal(1050m, summary.Spend!.Total);
        Assert.Equal(-900m, summary.Spend.CreditNotes);
        Assert.Equal(2, summary.Spend.RowsWithCreditNote);
        Assert.Equal(0.9524m, summary.Spaser.Siae.ShareOfSpend);
        Assert.Contains(summary.Highlights, h => h.Contains("avoir", StringComparison.Ordinal) && h.Contains("ne sont pas déduits", StringComparison.Ordinal));
        Assert.Contains(summary.Highlights, h => h.Contains("lignes sans verdict", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Amounts_past_any_real_spend_are_a_row_note_and_never_fail_the_job()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var huge = "70000000000000000000000000000";
        var path = harness.Write("montants.csv", TestFiles.Utf8Csv(
            "SIRET;Montant", $"{s.Siae};{huge}", $"{s.Esat};{huge}", $"{s.Company};99999999999999999999999999999999", $"{s.Esus};10"));

        var run = await harness.RunAsync(path);

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.Equal(10m, run.Summary!.Spend!.Total);
        Assert.Equal(3, run.Summary.Spend.RowsWithUnreadableAmount);
        var csv = await ResultFile.CsvAsync(harness.Output("montants-resultats.csv"), Encoding.UTF8, ';');
        Assert.Equal(["vérifié", "vérifié", "vérifié", "vérifié"], csv.Column(ResultFile.Status));
        Assert.Contains("n'est pas compté dans les totaux", csv.Cell(0, ResultFile.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sparse_workbook_with_one_cell_in_column_xfd_reads_only_the_cells_that_exist()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var path = harness.Write("creux.xlsx", HostileFiles.SparseXlsx([s.Siae, s.Esat], lastRow: 300));

        var run = await harness.RunAsync(path);

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.Equal((3L, 2L, 0L), (run.Summary!.Rows!.Total, run.Summary.Rows.Checked, run.Summary.Rows.BlankLines));
        var error = Assert.Single(run.Summary.Errors);
        Assert.Equal(("bulk_row_too_many_columns", 300L), (error.Code, error.Line));
        var csv = await ResultFile.CsvAsync(harness.Output("creux-resultats.csv"), Encoding.UTF8, ';');
        Assert.All(csv.Rows, row => Assert.Equal(2 + ResultWidth, row.Count));
        Assert.Equal(["vérifié", "vérifié", "ligne illisible"], csv.Column(ResultFile.Status));
        Assert.Equal(300m, run.Summary.Spend!.Total);
        var xlsx = ResultFile.Xlsx(harness.Output("creux-resultats.xlsx"));
        Assert.Equal(4, xlsx.Rows.Count);
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_with_its_reason()
    {
        await using var harness = await LocalHarness.StartAsync(new() { ["Bulk:MaxRows"] = "3" });
        var s = harness.Suppliers;
        var path = harness.Write("lignes.csv", TestFiles.Utf8Csv(["SIRET", .. s.Known]));

        var run = await harness.RunAsync(path);

        Assert.Equal(BulkJobState.Failed, run.Job.State);
        Assert.Equal("bulk_too_many_rows", run.Summary!.Error!.Code);
        Assert.Contains("plus de 3 lignes", run.Summary.Error.Message, StringComparison.Ordinal);
    }
}
