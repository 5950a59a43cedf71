using EsusCheck.Bulk.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Bulk.Processing;

/// <summary>Fails the jobs that stopped moving: a blob trigger that never fired, a message lost, a crash between two
/// steps. Run on a timer; each stuck job gets its <c>summary.json</c> and the buyer is told to upload the file again
/// (which starts a new attempt).</summary>
public sealed class BulkJobWatchdog(
    IBulkJobStore store, BulkJobPlanner planner, IOptions<BulkOptions> options, TimeProvider clock, ILogger<BulkJobWatchdog> logger)
{
    public async Task<int> FailStuckJobsAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() - options.Value.StuckAfter;
        var failed = 0;
        await foreach (var job in store.FindUnfinishedAsync(deadline, cancellationToken))
        {
            var error = new BulkFileError(BulkCodes.JobStuck,
                $"Le traitement n'a plus avancé depuis plus de {options.Value.StuckAfter.TotalHours:0.#} heure(s) (étape : « " +
                $"{BulkJobStatus.Label(job.State)} », erreur technique) : déposez à nouveau le fichier, une nouvelle tentative sera lancée.");
            // Failed only if it is still as found: a job that moved in the meantime is not stuck.
            var result = await planner.FailAsync(job.JobId, error, cancellationToken, onlyIf: j => j.UpdatedAt == job.UpdatedAt);
            if (result.State != BulkJobState.Failed || result.Error?.Code != BulkCodes.JobStuck) continue;
            failed++;
            logger.LogError("Bulk job {JobId} settled as failed, code {Code}: no change since {UpdatedAt} ({State})",
                job.JobId, BulkCodes.JobStuck, job.UpdatedAt, job.State);
        }
        return failed;
    }
}
