using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Bulk.Processing;

/// <summary>The step between planning and the chunks: the distinct SIRETs of the file, in batches (one queue message
/// each), fetched in one registry call per batch and written to the facts cache, so that the chunks then run as cache
/// hits. A batch is checkpointed in the job once done; a re-delivered batch asks only what is not fresh yet; the chunk
/// messages go out once every batch is done. A batch that fails leaves its SIRETs to the chunks' per-SIRET path: the
/// prefetch only ever saves calls, it never holds a job back.</summary>
public sealed class BulkPrefetchProcessor(
    IBulkJobStore store,
    IBulkWorkQueue queue,
    FactsPrefetcher prefetcher,
    TimeProvider clock,
    ILogger<BulkPrefetchProcessor> logger)
{
    /// <summary>The prefetch messages of a planned job, or none (no batch registry configured, or nothing to prefetch):
    /// the planner then enqueues the chunks directly.</summary>
    public IReadOnlyList<BulkWorkMessage> Plan(string jobId, IEnumerable<BulkItem> items)
    {
        if (!prefetcher.IsAvailable) return [];
        var sirets = items.Select(i => i.Identifier).Where(IsSiret).Distinct(StringComparer.Ordinal).ToList();
        var size = Math.Clamp(prefetcher.BatchSize, 1, BulkWorkMessage.MaxSirets);
        return sirets.Chunk(size).Select((batch, index) => BulkWorkMessage.ForPrefetch(jobId, index, batch)).ToList();
    }

    public async Task ProcessAsync(BulkWorkMessage message, Action<int>? onBatchDone, CancellationToken cancellationToken)
    {
        var job = await store.FindAsync(message.JobId, cancellationToken);
        if (job is null || job.IsFinished) return;
        var index = message.Chunk!.Value;
        if (!job.PrefetchDone.Contains(index))
        {
            var sirets = message.Sirets!.Select(s => IdentifierParser.ParseSiret(s).Value).OfType<Siret>().ToList();
            var result = await prefetcher.PrefetchAsync(sirets, cancellationToken);
            job = await MarkDoneAsync(message.JobId, index, result, cancellationToken) ?? job;
            onBatchDone?.Invoke(sirets.Count);
        }
        await ReleaseChunksAsync(job, cancellationToken);
    }

    /// <summary>The batch failed on every delivery (storage, most likely): marked done so that the job goes on, its
    /// SIRETs taking the per-SIRET path.</summary>
    public async Task SettleAsFailedAsync(BulkWorkMessage message, CancellationToken cancellationToken)
    {
        var job = await MarkDoneAsync(message.JobId, message.Chunk!.Value, null, cancellationToken);
        if (job is not null) await ReleaseChunksAsync(job, cancellationToken);
    }

    private Task<BulkJob?> MarkDoneAsync(string jobId, int index, PrefetchResult? result, CancellationToken cancellationToken) =>
        store.UpdateAsync(jobId, j => j.PrefetchDone.Contains(index) ? null : j with
        {
            PrefetchDone = [.. j.PrefetchDone, index],
            PrefetchStored = j.PrefetchStored + (result?.Stored ?? 0),
            PrefetchMissing = j.PrefetchMissing + (result?.Missing ?? 0),
            Notes = result is { FailureDetail: null } ? j.Notes
                : [.. j.Notes, "Une interrogation groupée de l'INSEE a échoué : les fournisseurs concernés ont été vérifiés un par un."],
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);

    /// <summary>Sends the chunk messages once every batch is done, then notes it; a crash in between sends them again,
    /// which is harmless (a chunk already done ignores its message).</summary>
    private async Task ReleaseChunksAsync(BulkJob job, CancellationToken cancellationToken)
    {
        if (!job.PrefetchFinished || job.ChunksReleased) return;
        logger.LogInformation("Bulk job {JobId}: prefetch done ({Stored} stored, {Missing} left to single lookups); releasing {Chunks} chunks",
            job.JobId, job.PrefetchStored, job.PrefetchMissing, job.ChunksTotal);
        await BulkJobPlanner.EnqueueChunksAsync(queue, job.JobId, job.ChunksTotal, cancellationToken);
        await store.UpdateAsync(job.JobId, j => j.ChunksReleased ? null : j with { ChunksReleased = true, UpdatedAt = clock.GetUtcNow() },
            cancellationToken);
    }

    private static bool IsSiret(string identifier) => identifier.Length == 14 && identifier.All(char.IsAsciiDigit);
}
