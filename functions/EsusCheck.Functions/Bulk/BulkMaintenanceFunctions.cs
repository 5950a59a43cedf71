using Azure.Storage.Queues.Models;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Bulk;

/// <summary>Nothing stuck silently: a timer fails the jobs that stopped moving, and the poison queue is drained into
/// settled chunks and failed jobs. Both log an error with the code the alerts look for (infra/modules/alerts.bicep).</summary>
public sealed class BulkMaintenanceFunctions(BulkJobWatchdog watchdog, BulkWorkDispatcher dispatcher)
{
    public const string WatchdogName = "BulkJobWatchdog";
    public const string PoisonName = "BulkPoison";

    /// <summary>Every 15 minutes: a job is stuck after <c>Bulk:StuckAfter</c> without change.</summary>
    public const string WatchdogSchedule = "0 */15 * * * *";

    [Function(WatchdogName)]
    public Task<int> Watchdog([TimerTrigger(WatchdogSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        watchdog.FailStuckJobsAsync(cancellationToken);

    [Function(PoisonName)]
    public Task Poison([QueueTrigger(BulkNames.PoisonQueue)] QueueMessage message, CancellationToken cancellationToken) =>
        dispatcher.HandlePoisonAsync(message.Body?.ToString(), cancellationToken);
}
