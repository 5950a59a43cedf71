using EsusCheck.Bulk;
using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Processing;
using EsusCheck.Spaser.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Cli.Serve;

/// <summary>The function app's blob and queue triggers, inside <c>esuscheck serve</c>: plans each upload, then drains
/// the in-memory work queue through the same <see cref="BulkWorkDispatcher"/>, one message at a time (each chunk runs
/// its checks concurrently), re-delivering a failed message as the queue would.</summary>
public sealed class InProcessBulkWorker(
    BulkInbox inbox,
    InMemoryBulkWorkQueue queue,
    IBulkFileStore files,
    BulkJobPlanner planner,
    ISpaserInputStore decpFiles,
    SpaserJobPlanner spaserPlanner,
    BulkWorkDispatcher dispatcher,
    IOptions<BulkOptions> options,
    TimeProvider clock,
    ILogger<InProcessBulkWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One wait on the inbox at a time, kept across idle turns: a new one per turn would pile up while idle.
        Task<bool>? waiting = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (inbox.Reader.TryRead(out var upload)) await PlanAsync(upload, stoppingToken);
            else if (queue.TryDequeue(out var delivery)) await HandleAsync(delivery, stoppingToken);
            else
            {
                waiting ??= inbox.Reader.WaitToReadAsync(stoppingToken).AsTask();
                await Task.WhenAny(waiting, Task.Delay(Idle, clock, stoppingToken));
                if (waiting.IsCompleted) waiting = null;
            }
        }
    }

    private async Task PlanAsync(InboxItem upload, CancellationToken cancellationToken)
    {
        var name = upload.InputName;
        try
        {
            if (upload.Spaser)
                await spaserPlanner.PlanDroppedAsync(new BulkInputFile(name, token => decpFiles.OpenAsync(name, token)), cancellationToken);
            else
                await planner.PlanAsync(new BulkInputFile(name, token => files.OpenInputAsync(name, token)), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Planning uploaded file {Input} failed", name);
        }
    }

    private async Task HandleAsync(InMemoryBulkWorkQueue.Delivery delivery, CancellationToken cancellationToken)
    {
        var wait = delivery.NotBefore - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
        try
        {
            await dispatcher.HandleAsync(delivery.Message.ToJson(), delivery.DequeueCount, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Bulk work for job {JobId} failed (delivery {DequeueCount})", delivery.Message.JobId, delivery.DequeueCount);
            if (delivery.DequeueCount < options.Value.MaxAttempts) queue.Redeliver(delivery);
        }
    }
}
