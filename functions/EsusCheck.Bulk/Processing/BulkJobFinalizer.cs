using EsusCheck.Bulk.Output;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Bulk.Processing;

/// <summary>Last step of a job, once every chunk is done: joins the results back to every row and writes the result
/// files and the summary. Idempotent: the files are rewritten identically and the job completes once.</summary>
public sealed class BulkJobFinalizer(IBulkJobStore store, BulkResultWriter writer, TimeProvider clock, ILogger<BulkJobFinalizer> logger)
{
    public async Task<BulkSummary?> FinalizeAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await store.FindAsync(jobId, cancellationToken);
        if (job is null || job.IsFinished || !job.AllChunksDone) return null;

        var results = await ReadResultsAsync(store, job, cancellationToken);
        var (outputs, summary) = await writer.WriteAsync(job, results, cancellationToken);
        var now = clock.GetUtcNow();
        await store.UpdateAsync(jobId, j => j.IsFinished
            ? null
            : j with { State = BulkJobState.Completed, Outputs = outputs, CompletedAt = now, UpdatedAt = now }, cancellationToken);
        logger.LogInformation("Bulk job {JobId} completed: {Rows} rows, {Errors} in error", jobId, summary.Rows?.Total, summary.Rows?.InError);
        return summary;
    }

    /// <summary>Every check result of the job, by key. Many suppliers share the same reasons word for word: one copy
    /// each keeps memory proportional to the distinct texts, not to the suppliers.</summary>
    public static async Task<Dictionary<string, BulkItemResult>> ReadResultsAsync(IBulkJobStore store, BulkJob job, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, BulkItemResult>(job.UniqueItems);
        var reasons = new Dictionary<string, string>();
        await foreach (var result in store.GetAllResultsAsync(job.JobId, cancellationToken))
        {
            var shared = result.Reasons is null ? null : reasons.TryAdd(result.Reasons, result.Reasons) ? result.Reasons : reasons[result.Reasons];
            results[result.Key] = result with { Reasons = shared };
        }
        return results;
    }
}
