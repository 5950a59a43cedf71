using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Tests.Support;

namespace EsusCheck.Bulk.Tests.Pipeline;

/// <summary>Nothing stuck silently: the watchdog timer fails the jobs that stopped moving, and the poison queue is
/// drained into settled chunks and failed jobs, each with its <c>summary.json</c>.</summary>
[Collection(AzureCollection.Name)]
public sealed class StuckJobTests
{
    [Fact]
    public async Task A_job_that_stopped_moving_is_failed_by_the_watchdog_with_a_summary_and_a_finished_one_is_left_alone()
    {
        // Every unfinished job is past the deadline at once: the test needs no clock of its own.
        await using var harness = await AzureBulkHarness.StartAsync(new() { ["Bulk:StuckAfter"] = "00:00:00" });
        var s = harness.Suppliers;
        var done = await harness.DropAsync("fini.csv", TestFiles.Utf8Csv("SIRET", s.Esat));
        await harness.DrainAsync();
        var stuck = await harness.DropAsync("bloque.csv", TestFiles.Utf8Csv("SIRET", s.Siae));
        Assert.Equal(BulkJobState.Processing, stuck.State);

        var failed = await harness.Maintenance.Watchdog(null!, CancellationToken.None);

        Assert.Equal(1, failed);
        var job = await harness.JobAsync(stuck.JobId);
        Assert.Equal(BulkJobState.Failed, job.State);
        Assert.Equal(BulkCodes.JobStuck, job.Error!.Code);
        Assert.Contains("déposez à nouveau le fichier", job.Error.Message, StringComparison.Ordinal);
        Assert.Contains("\"bulk_job_stuck\"", await harness.SummaryJsonAsync(stuck.JobId), StringComparison.Ordinal);
        Assert.Equal(BulkJobState.Completed, (await harness.JobAsync(done.JobId)).State);
    }

    [Fact]
    public async Task A_chunk_message_in_the_poison_queue_settles_its_rows_and_the_job_completes()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var planned = await harness.DropAsync("poison.csv", TestFiles.Utf8Csv("SIRET", s.Siae, s.Esat));
        var chunk = (await harness.ReceiveAsync())!;
        await harness.Queue.DeleteMessageAsync(chunk.MessageId, chunk.PopReceipt);

        await harness.Maintenance.Poison(chunk, CancellationToken.None);
        await harness.DrainAsync();

        var job = await harness.JobAsync(planned.JobId);
        Assert.Equal(BulkJobState.Completed, job.State);
        Assert.Equal((2L, 2L), (job.RowsDone, job.RowsInError));
        Assert.All(job.ErrorSample, e => Assert.Equal(BulkCodes.CheckFailed, e.Code));
    }

    [Fact]
    public async Task A_finalize_message_in_the_poison_queue_fails_its_job_with_a_summary()
    {
        await using var harness = await AzureBulkHarness.StartAsync();
        var s = harness.Suppliers;
        var planned = await harness.DropAsync("poison-final.csv", TestFiles.Utf8Csv("SIRET", s.Siae));
        var chunk = (await harness.ReceiveAsync())!;
        await harness.Work.Run(chunk, CancellationToken.None);
        await harness.Queue.DeleteMessageAsync(chunk.MessageId, chunk.PopReceipt);
        var finalize = (await harness.ReceiveAsync())!;
        await harness.Queue.DeleteMessageAsync(finalize.MessageId, finalize.PopReceipt);

        await harness.Maintenance.Poison(finalize, CancellationToken.None);

        var job = await harness.JobAsync(planned.JobId);
        Assert.Equal(BulkJobState.Failed, job.State);
        Assert.Equal(BulkCodes.ProcessingFailed, job.Error!.Code);
        Assert.Contains("\"bulk_processing_failed\"", await harness.SummaryJsonAsync(planned.JobId), StringComparison.Ordinal);
    }
}
