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
    /// rows settled, and returns the job as it ended.</summary>
    public async Task<BulkJob> RunToEndAsync(
        BulkJob planned, IBulkJobStore store, BulkWorkDispatcher dispatcher, int maxAttempts, IProgress<BulkProgress>? progress,
        CancellationToken cancellationToken)
    {
        var total = planned.RowsTotal;
        var done = planned.RowsDone;
        progress?.Report(new BulkProgress(planned.State, done, total));
        await DrainAsync(dispatcher, maxAttempts, rows =>
        {
            var now = Interlocked.Add(ref done, rows);
            progress?.Report(new BulkProgress(BulkJobState.Processing, Math.Min(now, total), total));
        }, cancellationToken);
        var job = await store.FindAsync(planned.JobId, cancellationToken) ?? planned;
        progress?.Report(new BulkProgress(job.State, job.IsFinished ? total : done, total));
        return job;
    }

    /// <summary>Hands every message to the dispatcher in order, honouring delays, until the queue is empty; a message
    /// that throws is delivered again, with its dequeue count, as the Functions host would.</summary>
    public async Task DrainAsync(BulkWorkDispatcher dispatcher, int maxAttempts, Action<long> onRowsChecked, CancellationToken cancellationToken)
    {
        while (TryDequeue(out var delivery))
        {
            var wait = delivery.NotBefore - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
            try
            {
                await dispatcher.HandleAsync(delivery.Message.ToJson(), delivery.DequeueCount, cancellationToken, onRowsChecked);
            }
            catch (Exception) when (delivery.DequeueCount < maxAttempts && !cancellationToken.IsCancellationRequested)
            {
                Redeliver(delivery);
            }
        }
    }
}
