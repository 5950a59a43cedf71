using EsusCheck.Core.Application;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Bulk.Processing;

/// <summary>Checks the distinct suppliers of one chunk through <see cref="EligibilityService"/> (cache, paced
/// registries, audit), writing results as checkpoints so that a crash or a timeout resumes where it stopped, and
/// completes the chunk once, atomically with the job's progress.</summary>
public sealed class BulkChunkProcessor(
    IBulkJobStore store,
    IBulkWorkQueue queue,
    EligibilityService service,
    IOptions<BulkOptions> options,
    TimeProvider clock,
    ILogger<BulkChunkProcessor> logger)
{
    /// <summary>Checks in flight across every chunk this instance processes at once (the host hands over several
    /// messages together): the registry pacer then always has work waiting, and no caller waits for its turn long
    /// enough to time out.</summary>
    private readonly SemaphoreSlim _inFlight = new(Math.Max(1, options.Value.MaxConcurrency));

    /// <param name="attempt">1 for the first try; a chunk whose registries were unavailable comes back with the next
    /// attempt, and at <see cref="BulkOptions.MaxAttempts"/> their unavailability becomes the rows' result.</param>
    /// <param name="onRowsChecked">Progress, in rows, for the CLI.</param>
    public async Task ProcessAsync(string jobId, int index, int attempt, Action<long>? onRowsChecked, CancellationToken cancellationToken)
    {
        var job = await store.FindAsync(jobId, cancellationToken);
        if (job is null || job.IsFinished)
        {
            logger.LogInformation("Bulk chunk {JobId}/{Index} ignored: job {State}", jobId, index, job?.State.ToString() ?? "missing");
            return;
        }
        var chunk = await store.GetChunkAsync(jobId, index, cancellationToken);
        if (chunk is null)
        {
            logger.LogWarning("Bulk chunk {JobId}/{Index} does not exist", jobId, index);
            return;
        }
        if (chunk.Done)
        {
            // A re-delivered message: nothing to do, except re-sending the finalize message a crash may have lost.
            if (job.AllChunksDone) await queue.EnqueueAsync(BulkWorkMessage.ForFinalize(jobId), null, cancellationToken);
            return;
        }

        var last = attempt >= options.Value.MaxAttempts;
        var done = (await store.GetChunkResultsAsync(jobId, index, cancellationToken)).Select(r => r.Key).ToHashSet();
        var deferred = await CheckAsync(jobId, chunk, chunk.Items.Where(i => !done.Contains(i.Key)).ToList(), last, onRowsChecked, cancellationToken);
        if (deferred > 0)
        {
            logger.LogWarning("Bulk chunk {JobId}/{Index}: {Count} checks deferred, registries unavailable (attempt {Attempt})",
                jobId, index, deferred, attempt);
            await queue.EnqueueAsync(BulkWorkMessage.ForChunk(jobId, index, attempt + 1), options.Value.RetryDelay, cancellationToken);
            return;
        }
        await CompleteAsync(chunk, failed: false, cancellationToken);
    }

    /// <summary>The message failed on every delivery: every check without a result gets a reason, and the chunk is
    /// completed as failed so that the job still finishes with every row accounted for.</summary>
    public async Task SettleAsFailedAsync(string jobId, int index, int attempts, CancellationToken cancellationToken)
    {
        var chunk = await store.GetChunkAsync(jobId, index, cancellationToken);
        if (chunk is null || chunk.Done) return;
        HashSet<string> done;
        try
        {
            done = (await store.GetChunkResultsAsync(jobId, index, cancellationToken))
                .Select(r => r.Key).ToHashSet();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreadable checkpoints (the failure that poisoned the message, maybe): settle every supplier of the chunk.
            logger.LogError(ex, "Bulk chunk {JobId}/{Index}: checkpoints unreadable, every check settled as failed", jobId, index);
            done = [];
        }
        var failed = chunk.Items.Where(i => !done.Contains(i.Key))
            .Select(i => ItemResultMapping.Failed(i.Key, attempts, clock.GetUtcNow())).ToList();
        foreach (var batch in failed.Chunk(100)) await store.SaveResultsAsync(jobId, index, batch, cancellationToken);
        await CompleteAsync(chunk, failed: true, cancellationToken);
    }

    private async Task<int> CheckAsync(
        string jobId, BulkChunk chunk, List<BulkItem> todo, bool last, Action<long>? onRowsChecked, CancellationToken cancellationToken)
    {
        var pending = new List<BulkItemResult>();
        var deferred = 0;
        var gate = new SemaphoreSlim(1, 1);
        async Task Save(bool all, CancellationToken token)
        {
            List<BulkItemResult> batch;
            await gate.WaitAsync(token);
            try
            {
                if (pending.Count == 0 || (!all && pending.Count < options.Value.CheckpointEvery)) return;
                batch = [.. pending];
                pending.Clear();
            }
            finally
            {
                gate.Release();
            }
            await store.SaveResultsAsync(jobId, chunk.Index, batch, token);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(todo, parallel, async (item, token) =>
        {
            var result = await CheckOneAsync(jobId, item, last, token);
            if (result is null)
            {
                Interlocked.Increment(ref deferred);
                return;
            }
            await gate.WaitAsync(token);
            try
            {
                pending.Add(result);
            }
            finally
            {
                gate.Release();
            }
            onRowsChecked?.Invoke(item.Rows);
            await Save(all: false, token);
        });
        await Save(all: true, cancellationToken);
        return deferred;
    }

    /// <summary>Null when the check must be tried again later (registries unavailable, or an unexpected error,
    /// before the last attempt).</summary>
    private async Task<BulkItemResult?> CheckOneAsync(string jobId, BulkItem item, bool last, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            var outcome = await service.CheckAsync(
                new CheckRequest(item.Identifier, item.Cpv, ClientId: BulkNames.ClientIdPrefix + jobId, PreferStored: true), cancellationToken);
            var result = ItemResultMapping.From(item.Key, outcome, clock.GetUtcNow());
            return result.Status == ItemStatus.Unavailable && !last ? null : result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Bulk check failed for SIRET {SiretHash} in job {JobId}", LogPrivacy.Hash(item.Identifier), jobId);
            return last ? ItemResultMapping.Failed(item.Key, options.Value.MaxAttempts, clock.GetUtcNow()) : null;
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task CompleteAsync(BulkChunk chunk, bool failed, CancellationToken cancellationToken)
    {
        var results = (await store.GetChunkResultsAsync(chunk.JobId, chunk.Index, cancellationToken)).ToDictionary(r => r.Key);
        var inError = chunk.Items.Where(i => results.GetValueOrDefault(i.Key) is not { IsError: false }).ToList();
        var errors = inError.Take(BulkJob.ErrorSampleSize).Select(i => results.GetValueOrDefault(i.Key) is { } r
            ? new BulkRowError(null, i.Identifier, r.Code ?? BulkCodes.NotChecked, r.Message ?? "")
            : new BulkRowError(null, i.Identifier, BulkCodes.NotChecked, "Ce fournisseur n'a pas pu être vérifié."));
        var now = clock.GetUtcNow();
        var job = await store.CompleteChunkAsync(chunk.JobId, chunk.Index, failed, j =>
        {
            var next = j.WithErrors(errors) with
            {
                ChunksDone = j.ChunksDone + 1,
                ChunksFailed = j.ChunksFailed + (failed ? 1 : 0),
                ChunkRowsDone = j.ChunkRowsDone + chunk.Rows,
                ChunkRowsInError = j.ChunkRowsInError + inError.Sum(i => (long)i.Rows),
                Notes = failed
                    ? [.. j.Notes, $"Un lot de {chunk.Items.Count} fournisseur(s) n'a pas pu être vérifié après plusieurs tentatives (erreur technique)."]
                    : j.Notes,
                UpdatedAt = now,
            };
            return next.AllChunksDone && !next.IsFinished ? next with { State = BulkJobState.Finalizing } : next;
        }, cancellationToken);

        if (job is null) job = await store.FindAsync(chunk.JobId, cancellationToken);
        if (job is { AllChunksDone: true, IsFinished: false })
            await queue.EnqueueAsync(BulkWorkMessage.ForFinalize(chunk.JobId), null, cancellationToken);
    }
}
