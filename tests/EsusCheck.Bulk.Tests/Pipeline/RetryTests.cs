using System.Text.Json;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Bulk.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary>A failed job's messages tell buyers to upload the file again: doing so starts a new attempt, dropped in
/// the container or posted to the API. A completed job is still recognised.</summary>
[Collection(AzureCollection.Name)]
public sealed class RetryTests
{
    private static readonly BulkFileError FinalizeFailed = new(BulkCodes.ProcessingFailed, "Les fichiers de résultats n'ont pas pu être écrits.");

    /// <summary>Runs the chunks, then fails the job as the dispatcher does when the finalize message fails on its last
    /// delivery.</summary>
    private static async Task<BulkJob> FailAtFinalizeAsync(AzureBulkHarness harness, string jobId)
    {
        var chunk = (await harness.ReceiveAsync())!;
        await harness.Work.Run(chunk, CancellationToken.None);
        await harness.Queue.DeleteMessageAsync(chunk.MessageId, chunk.PopReceipt);
        var finalize = (await harness.ReceiveAsync())!;
        await harness.Queue.DeleteMessageAsync(finalize.MessageId, finalize.PopReceipt);
        return await harness.Services.GetRequiredService<BulkJobPlanner>().FailAsync(jobId, FinalizeFailed, CancellationToken.None);
    }

    [Fact]
    public async Task Dropping_the_content_of_a_failed_job_again_starts_a_new_attempt_that_completes()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var bytes = TestFiles.Utf8Csv("SIRET;Montant", $"{s.Siae};10", $"{s.Company};20");
        var planned = await harness.DropAsync("achats.csv", bytes);
        Assert.Equal(BulkJobState.Failed, (await FailAtFinalizeAsync(harness, planned.JobId)).State);

        var again = await harness.DropAsync("achats (2).csv", bytes);
        await harness.DrainAsync();

        Assert.Equal((BulkJobState.Processing, 2), (again.State, again.Attempt));
        var job = await harness.JobAsync(planned.JobId);
        Assert.Equal(BulkJobState.Completed, job.State);
        Assert.Null(job.Error);
        Assert.Equal((2L, 2L), (job.RowsTotal, job.RowsDone));
        Assert.Equal("achats (2).csv", job.InputName);
        Assert.Contains("achats.csv", job.AlsoUploadedAs);
        Assert.Contains(job.Notes, n => n.StartsWith("Nouvelle tentative (n° 2)", StringComparison.Ordinal));
        Assert.NotEmpty(await harness.OutputAsync(job.JobId, "achats-2-resultats.csv"));
    }

    [Fact]
    public async Task Posting_the_content_of_a_failed_job_again_is_accepted_as_a_new_attempt()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var bytes = TestFiles.Utf8Csv("SIRET", s.Siae);
        var (first, _, body, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(bytes));
        Assert.Equal(202, first);
        var jobId = JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetString()!;
        var stored = harness.Input.GetBlobClient((await harness.JobAsync(jobId)).InputName);
        await harness.Dropped.Run(stored, CancellationToken.None);
        await FailAtFinalizeAsync(harness, jobId);

        var (second, _, secondBody, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(bytes));
        await harness.Dropped.Run(stored, CancellationToken.None);
        await harness.DrainAsync();

        Assert.Equal(202, second);
        Assert.Equal("received", JsonDocument.Parse(secondBody).RootElement.GetProperty("state").GetString());
        Assert.Equal(BulkJobState.Completed, (await harness.JobAsync(jobId)).State);

        var (third, _, thirdBody, _) = await AzureBulkHarness.ExecuteAsync(harness.Http.Upload, Post(bytes));
        Assert.Equal(200, third);
        Assert.Equal("completed", JsonDocument.Parse(thirdBody).RootElement.GetProperty("state").GetString());
    }

    private static HttpRequest Post(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/v1/bulk";
        context.Request.QueryString = new QueryString("?name=achats.csv");
        context.Request.ContentType = "text/csv";
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }
}
