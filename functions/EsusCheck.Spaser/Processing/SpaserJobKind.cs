using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using EsusCheck.Spaser.Output;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Spaser.Processing;

/// <summary>The SPASER jobs on the bulk pipeline: once every check is done, <see cref="BulkWorkDispatcher"/> hands
/// the job here to write the indicators, the workbook and the report. Idempotent, like the bulk finalizer.</summary>
public sealed class SpaserJobKind(
    IBulkJobStore store,
    ISpaserInputStore inputs,
    SpaserReportWriter writer,
    SpaserJobPlanner planner,
    TimeProvider clock,
    ILogger<SpaserJobKind> logger) : IBulkJobKind
{
    public string Kind => SpaserNames.JobKind;

    public async Task FinalizeAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await store.FindAsync(jobId, cancellationToken);
        if (job is null || job.IsFinished || !job.AllChunksDone) return;
        var results = await BulkJobFinalizer.ReadResultsAsync(store, job, cancellationToken);
        var (outputs, summary) = await writer.WriteAsync(job, await inputs.OpenAsync(job.InputName, cancellationToken), results, cancellationToken);
        var now = clock.GetUtcNow();
        await store.UpdateAsync(jobId, j => j.IsFinished
            ? null
            : j with { State = BulkJobState.Completed, Outputs = outputs, CompletedAt = now, UpdatedAt = now }, cancellationToken);
        logger.LogInformation("SPASER job {JobId} completed: {Contracts} contracts, {Sets} buyer-years", jobId,
            summary.Contracts?.Counted, summary.Indicators.Count);
    }

    public Task FailAsync(string jobId, BulkFileError error, CancellationToken cancellationToken) =>
        planner.FailAsync(jobId, error, cancellationToken);
}
