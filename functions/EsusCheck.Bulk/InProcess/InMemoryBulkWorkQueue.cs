using System.Collections.Concurrent;
using EsusCheck.Bulk.Processing;

namespace EsusCheck.Bulk.InProcess;

/// <summary>The work queue of a run inside one process: the runner drains it in order, honouring delays.</summary>
public sealed class InMemoryBulkWorkQueue(TimeProvider clock) : IBulkWorkQueue
{
    public sealed record Delivery(BulkWorkMessage Message, DateTimeOffset NotBefore, int DequeueCount);

    private readonly ConcurrentQueue<Delivery> _queue = new();

    public Task EnqueueAsync(BulkWorkMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        _queue.Enqueue(new Delivery(message, clock.GetUtcNow() + (delay ?? TimeSpan.Zero), 1));
        return Task.CompletedTask;
    }

    public void Redeliver(Delivery delivery) => _queue.Enqueue(delivery with { DequeueCount = delivery.DequeueCount + 1 });

    public bool TryDequeue(out Delivery delivery) => _queue.TryDequeue(out delivery!);

    /// <summary>Runs a planned job to its end inside the process: drains the queue through the dispatcher, reporting the
    /// SIRETs prefetched and the rows settled, and returns the job as it ended.</summary>
    public async Task<BulkJob> RunToEndAsync(
        BulkJob planned, IBulkJobStore store, BulkWorkDispatcher dispatcher, int maxAttempts, IProgress<BulkProgress>? progress,
        CancellationToken cancellationToken)
    {
        var total = planned.RowsTotal;
        var done = planned.RowsDone;
        var prefetchTotal = planned.PrefetchSirets;
        var prefetched = 0;
        BulkProgress Now(BulkJobState state, long rows) =>
            new(state, Math.Min(rows, total), total, Math.Min(Volatile.Read(ref prefetched), prefetchTotal), prefetchTotal);
        progress?.Report(Now(planned.State, done));
        await DrainAsync(dispatcher, maxAttempts,
            rows => progress?.Report(Now(BulkJobState.Processing, Interlocked.Add(ref done, rows))),
            cancellationToken,
            sirets =>
            {
                Interlocked.Add(ref prefetched, sirets);
                progress?.Report(Now(BulkJobState.Processing, Interlocked.Read(ref done)));
            });
        var job = await store.FindAsync(planned.JobId, cancellationToken) ?? planned;
        if (job.PrefetchFinished) prefetched = prefetchTotal;
        progress?.Report(Now(job.State, job.IsFinished ? total : done));
        return job;
    }

    /// <summary>Hands every message to the dispatcher in order, honouring delays, until the queue is empty; a message
    /// that throws is delivered again, with its dequeue count, as the Functions host would.</summary>
    public async Task DrainAsync(
        BulkWorkDispatcher dispatcher, int maxAttempts, Action<long> onRowsChecked, CancellationToken cancellationToken, Action<int>? onPrefetched = null)
    {
        while (TryDequeue(out var delivery))
        {
            var wait = delivery.NotBefore - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
            try
            {
                await dispatcher.HandleAsync(delivery.Message.ToJson(), delivery.DequeueCount, cancellationToken, onRowsChecked, onPrefetched);
            }
            catch (Exception) when (delivery.DequeueCount < maxAttempts && !cancellationToken.IsCancellationRequested)
            {
                Redeliver(delivery);
            }
        }
    }
}
