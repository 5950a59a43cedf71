namespace EsusCheck.Bulk.Processing;

/// <summary>The work queue: chunk and finalize messages, optionally delayed.</summary>
public interface IBulkWorkQueue
{
    Task EnqueueAsync(BulkWorkMessage message, TimeSpan? delay, CancellationToken cancellationToken);
}
