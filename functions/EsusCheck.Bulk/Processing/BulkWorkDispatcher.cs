using System.Text.Json;
using EsusCheck.Bulk.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Bulk.Processing;

/// <summary>Handles one queue message. A payload that is not ours is dropped (never retried); a message that fails
/// on its last delivery is settled (its rows get a reason, the job carries the error) instead of going on failing:
/// a poison message never blocks the queue, and no row is lost.</summary>
public sealed class BulkWorkDispatcher(
    BulkChunkProcessor chunks,
    BulkPrefetchProcessor prefetch,
    BulkJobFinalizer finalizer,
    BulkJobPlanner planner,
    IBulkJobStore store,
    IEnumerable<IBulkJobKind> kinds,
    IOptions<BulkOptions> options,
    ILogger<BulkWorkDispatcher> logger)
{
    public async Task HandleAsync(
        string? body, long dequeueCount, CancellationToken cancellationToken, Action<long>? onRowsChecked = null, Action<int>? onPrefetched = null)
    {
        var message = BulkWorkMessage.TryParse(body);
        if (message is null)
        {
            logger.LogWarning("Bulk work message dropped: not a bulk message (dequeue count {DequeueCount})", dequeueCount);
            if (JobIdOf(body) is { } jobId)
                await store.UpdateAsync(jobId, j => j with { Notes = [.. j.Notes, "Un message de traitement illisible a été ignoré."] }, cancellationToken);
            return;
        }

        var lastDelivery = dequeueCount >= options.Value.MaxAttempts;
        try
        {
            if (message.Type == BulkWorkMessage.PrefetchType)
                await prefetch.ProcessAsync(message, onPrefetched, cancellationToken);
            else if (message.Type == BulkWorkMessage.ChunkType)
                await chunks.ProcessAsync(message.JobId, message.Chunk!.Value, message.Attempt, onRowsChecked, cancellationToken);
            else if (await KindOfAsync(message.JobId, cancellationToken) is { } kind)
                await kind.FinalizeAsync(message.JobId, cancellationToken);
            else
                await finalizer.FinalizeAsync(message.JobId, cancellationToken);
        }
        catch (Exception ex) when (lastDelivery && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Bulk work {Type} for job {JobId} failed on its last delivery ({DequeueCount}): settled as failed",
                message.Type, message.JobId, dequeueCount);
            if (message.Type == BulkWorkMessage.PrefetchType)
                await prefetch.SettleAsFailedAsync(message, cancellationToken);
            else if (message.Type == BulkWorkMessage.ChunkType)
                await chunks.SettleAsFailedAsync(message.JobId, message.Chunk!.Value, (int)dequeueCount, cancellationToken);
            else
            {
                var error = new BulkFileError(BulkCodes.ProcessingFailed,
                    $"Les fichiers de résultats n'ont pas pu être écrits après {dequeueCount} tentatives (erreur technique) : " +
                    "déposez à nouveau le fichier plus tard.");
                if (await KindOfAsync(message.JobId, cancellationToken) is { } kind) await kind.FailAsync(message.JobId, error, cancellationToken);
                else await planner.FailAsync(message.JobId, error, cancellationToken);
            }
        }
    }

    /// <summary>The kind that finalizes this job, or null for a supplier file (the default).</summary>
    private async Task<IBulkJobKind?> KindOfAsync(string jobId, CancellationToken cancellationToken)
    {
        if (!kinds.Any()) return null;
        var kind = (await store.FindAsync(jobId, cancellationToken))?.Kind;
        return kind is null ? null : kinds.FirstOrDefault(k => k.Kind == kind);
    }

    private static string? JobIdOf(string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty("jobId", out var id) && id.ValueKind == JsonValueKind.String &&
                   BulkJobId.IsValid(id.GetString())
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
