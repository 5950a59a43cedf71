using EsusCheck.Bulk.Reading;
using EsusCheck.Testing.Bulk;

namespace EsusCheck.Bulk.Tests.Hostile;

/// <summary>Hostile files through the functions' code on Azurite: whatever the file holds, its job row fits in Table
/// Storage and the job reaches a final state.</summary>
[Collection(AzureCollection.Name)]
public sealed class HostileJobTests
{
    [Fact]
    public async Task A_header_of_twenty_cells_of_4000_characters_fails_the_job_with_its_reason_instead_of_leaving_it_planning()
    {
        await using var harness = await AzureBulkHarness.StartAsync();

        var job = await harness.DropAsync("entete-geante.csv", HostileFiles.HugeHeaderWithoutSiret());

        Assert.Equal(BulkJobState.Failed, job.State);
        Assert.Equal(BulkFileError.Codes.NoSiretColumn, job.Error!.Code);
        Assert.Contains("\"bulk_no_siret_column\"", await harness.SummaryJsonAsync(job.JobId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_column_names_and_identifiers_in_error_are_capped_on_the_job_and_it_completes()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var name = new string('n', 4000);
        var lines = new List<string> { $"SIRET {new string('s', 4000)};Montant {new string('m', 4000)};CPV {new string('c', 4000)};{name}" };
        lines.Add($"{s.Siae};10;;a");
        lines.AddRange(Enumerable.Range(0, 25).Select(i => $"{new string((char)('0' + i % 10), 20_000)}x;1;;b"));

        var planned = await harness.DropAsync("colonnes-geantes.csv", TestFiles.Utf8Csv([.. lines]));
        await harness.DrainAsync();

        var job = await harness.JobAsync(planned.JobId);
        Assert.Equal(BulkJobState.Completed, job.State);
        Assert.Equal((26L, 25L), (job.RowsTotal, job.RowsInError));
        Assert.All(job.ErrorSample, e => Assert.True(e.Identifier!.Length <= 200));
        Assert.All(job.Notes, n => Assert.True(n.Length <= 600));
    }

    [Fact]
    public async Task The_same_content_dropped_under_hundreds_of_long_names_keeps_a_job_row_that_fits()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var bytes = TestFiles.Utf8Csv("SIRET", harness.Suppliers.Siae);
        var first = await harness.DropAsync("original.csv", bytes);

        for (var i = 0; i < 60; i++)
            await harness.DropAsync($"copie-{i}-{new string('x', 900)}.csv", bytes);

        var job = await harness.JobAsync(first.JobId);
        Assert.Equal(BulkJobState.Processing, job.State);
        Assert.InRange(job.AlsoUploadedAs.Count, 1, 20);
        Assert.True(Encoding.UTF8.GetByteCount(string.Join("", job.AlsoUploadedAs)) < 32 * 1024);
    }
}
