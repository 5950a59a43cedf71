using Microsoft.Extensions.Azure;
using EsusCheck.Storage.Tables;
using System.Text;
using Azure.Storage.Queues;
using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;

namespace EsusCheck.Storage.Bulk;

/// <summary>The work queue on Storage Queues. Messages are base64-encoded text, as the Functions queue trigger reads
/// them by default, whatever options the shared queue client was built with.</summary>
public sealed class QueueBulkWorkQueue(IAzureClientFactory<QueueServiceClient> queues) : IBulkWorkQueue
{
    private readonly CreatedOnFirstUse<QueueClient> _queue = new(
        () => queues.CreateClient(StorageClientsServiceCollectionExtensions.Name).GetQueueClient(BulkNames.WorkQueue),
        (queue, cancellationToken) => queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    public async Task EnqueueAsync(BulkWorkMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var queue = await _queue.GetAsync(cancellationToken);
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.ToJson())), delay, cancellationToken: cancellationToken);
    }
}
