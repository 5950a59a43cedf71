using Azure.Storage.Queues.Models;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Bulk;

/// <summary>One chunk of suppliers to check, or a job to finalize. The dequeue count decides when a failing message
/// is settled rather than retried (<see cref="BulkWorkDispatcher"/>).</summary>
public sealed class BulkWorkFunction(BulkWorkDispatcher dispatcher)
{
    public const string Name = "BulkWork";

    [Function(Name)]
    public Task Run([QueueTrigger(BulkNames.WorkQueue)] QueueMessage message, CancellationToken cancellationToken) =>
        dispatcher.HandleAsync(message.Body?.ToString(), message.DequeueCount, cancellationToken);
}
