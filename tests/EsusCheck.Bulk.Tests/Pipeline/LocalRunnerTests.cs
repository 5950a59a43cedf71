using System.Text;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Tests.Support;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary>The same pipeline in-process (the CLI's <c>esuscheck bulk</c>) and the bad files buyers really send.</summary>
public sealed class LocalRunnerTests
{
    [Fact]
    public async Task The_local_run_writes_the_three_outputs_and_reports_progress_up_to_every_row()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var path = harness.Write("fournisseurs.csv", TestFiles.FrenchExcelCsv(
            "Fournisseur;SIRET;Montant", $"A;{s.Siae};1 000,00", $"B;{s.Esat};500", $"C;{s.Siae};250", "D;12;1"));
        var progress = new RecordedProgress();

        var run = await harness.RunAsync(path, progress);

        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.Equal(["fournisseurs-resultats.csv", "fournisseurs-resultats.xlsx", "summary.json"],
            Directory.GetFiles(harness.OutputFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal((4L, 4L), (progress.Reports[^1].RowsDone, progress.Reports[^1].RowsTotal));
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.RowsDone <= p.Second.RowsDone));
        Assert.Equal(4, run.Summary!.Rows!.Total);
        Assert.Equal(1_250m, run.Summary.Spaser!.Siae.Spend);
        Assert.Equal(500m, run.Summary.Spaser.EaEsat.Spend);
        Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Siae));
        // Plain ASCII input: the results, which hold accents, are written in UTF-8 with a BOM that spreadsheets recognise.
        var output = harness.Output("fournisseurs-resultats.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], output[..3]);
        var csv = await ResultFile.CsvAsync(output, Encoding.UTF8, ';');
        Assert.Equal(["vérifié", "vérifié", "vérifié", "numéro invalide"], csv.Column(ResultFile.Status));
    }

    [Fact]
    public async Task A_line_of_10_MB_is_one_unreadable_row_and_every_other_row_is_checked()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var huge = new string('x', 10 * 1024 * 1024);
        var path = harness.Write("ligne-geante.csv", TestFiles.Utf8Csv("SIRET;Nom", $"{s.Siae};a", $"{s.Esat};{huge}", $"{s.Company};c"));

        var run = await harness.RunAsync(path);

        var csv = await ResultFile.CsvAsync(harness.Output("ligne-geante-resultats.csv"), Encoding.UTF8, ';');
        Assert.Equal(["vérifié", "ligne illisible", "vérifié"], csv.Column(ResultFile.Status));
        Assert.Equal(["", ""], csv.Data[1].Take(2));
        Assert.Contains("La ligne 3 dépasse 100 000 caractères", csv.Cell(1, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Equal(BulkCodes.RowTooLong, Assert.Single(run.Summary!.Errors).Code);
        Assert.Equal(0, harness.Stubs.RequestCount(Registry.RechercheEntreprises, s.Esat));
    }

    [Fact]
    public async Task A_truncated_csv_ending_inside_quotes_says_so_on_its_last_row()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var path = harness.Write("tronque.csv", Encoding.UTF8.GetBytes($"SIRET;Nom\n{s.Siae};a\n{s.Esat};\"Ateliers du"));

        var run = await harness.RunAsync(path);

        var csv = await ResultFile.CsvAsync(harness.Output("tronque-resultats.csv"), Encoding.UTF8, ';');
        Assert.Equal(["vérifié", "ligne illisible"], csv.Column(ResultFile.Status));
        Assert.Contains("tronqué", csv.Cell(1, ResultFile.Reasons), StringComparison.Ordinal);
        Assert.Equal(BulkCodes.RowUnterminatedQuote, Assert.Single(run.Summary!.Errors).Code);
    }

    [Fact]
    public async Task A_file_mixing_encodings_is_read_line_by_line_and_written_in_utf8()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        byte[] bytes = [.. TestFiles.FrenchExcelCsv("SIRET;Nom", $"{s.Siae};Crèche"), .. Encoding.UTF8.GetBytes($"{s.Esat};Établissement « Été »\r\n")];
        var path = harness.Write("mixte.csv", bytes);

        var run = await harness.RunAsync(path);

        var output = harness.Output("mixte-resultats.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], output[..3]);
        var csv = await ResultFile.CsvAsync(output, Encoding.UTF8, ';');
        Assert.Equal(["Crèche", "Établissement « Été »"], csv.Column("Nom"));
        Assert.Equal("mixed", run.Summary!.Input.Encoding);
        Assert.Contains(run.Summary.Notes, n => n.Contains("mélange deux encodages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_file_fails_with_a_summary_and_no_result_file()
    {
        await using var harness = await LocalHarness.StartAsync();

        var run = await harness.RunAsync(harness.Write("vide.csv", []));

        Assert.Equal(BulkJobState.Failed, run.Job.State);
        Assert.Equal("bulk_file_empty", run.Summary!.Error!.Code);
        Assert.Equal(["summary.json"], Directory.GetFiles(harness.OutputFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_file_over_100_MB_is_streamed_through_and_every_row_comes_out()
    {
        await using var harness = await LocalHarness.StartAsync();
        var s = harness.Suppliers;
        var sirets = s.Known.ToArray();
        var path = Path.Combine(harness.Folder, "gros.csv");
        var comment = new string('c', 1000);
        long rows = 0;
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            await writer.WriteAsync("SIRET;Montant;Commentaire\n");
            while (writer.BaseStream.Length < 101L * 1024 * 1024)
            {
                await writer.WriteAsync($"{sirets[rows % sirets.Length]};{rows % 100},50;{comment}\n");
                rows++;
            }
        }

        var run = await harness.RunAsync(path);

        Assert.True(new FileInfo(path).Length > 100L * 1024 * 1024);
        Assert.Equal(BulkJobState.Completed, run.Job.State);
        Assert.Equal((rows, rows), (run.Summary!.Rows!.Total, run.Summary.Rows.Checked));
        Assert.Equal(4, run.Summary.Suppliers);
        foreach (var siret in sirets) Assert.Equal(1, harness.Stubs.RequestCount(Registry.RechercheEntreprises, siret));
        long outputRows = 0;
        using (var reader = new StreamReader(Path.Combine(harness.OutputFolder, "gros-resultats.csv")))
            while (await reader.ReadLineAsync() is not null) outputRows++;
        Assert.Equal(rows + 1, outputRows);
    }
}
