using System.Text.Json;
using System.Text.Json.Serialization;

namespace EsusCheck.Bulk.Processing;

/// <summary>A queue message: prefetch one batch of SIRETs (the batch travels in the message), process one chunk (at a
/// given attempt), or write the results of a job.</summary>
public sealed record BulkWorkMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("jobId")] string JobId,
    [property: JsonPropertyName("chunk")] int? Chunk = null,
    [property: JsonPropertyName("attempt")] int Attempt = 1,
    [property: JsonPropertyName("sirets")] IReadOnlyList<string>? Sirets = null)
{
    public const string PrefetchType = "prefetch";
    public const string ChunkType = "chunk";
    public const string FinalizeType = "finalize";

    /// <summary>A queue message holds 64 KB; 2,000 SIRETs are about 36 KB once base64-encoded.</summary>
    public const int MaxSirets = 2000;

    public static BulkWorkMessage ForPrefetch(string jobId, int batch, IReadOnlyList<string> sirets) =>
        new(PrefetchType, jobId, batch, Sirets: sirets);

    public static BulkWorkMessage ForChunk(string jobId, int chunk, int attempt = 1) => new(ChunkType, jobId, chunk, attempt);

    public static BulkWorkMessage ForFinalize(string jobId) => new(FinalizeType, jobId);

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Null for a payload that is not one of ours (a poison message is dropped, not retried).</summary>
    public static BulkWorkMessage? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var message = JsonSerializer.Deserialize<BulkWorkMessage>(json);
            if (message is null || !BulkJobId.IsValid(message.JobId)) return null;
            return message.Type switch
            {
                ChunkType when message.Chunk is >= 0 && message.Attempt >= 1 => message,
                PrefetchType when message.Chunk is >= 0 && message.Sirets is { Count: > 0 and <= MaxSirets } => message,
                FinalizeType => message,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
