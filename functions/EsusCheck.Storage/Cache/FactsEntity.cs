using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;

namespace EsusCheck.Storage.Cache;

/// <summary>How one source's answer about one SIRET is stored: readable columns for people browsing the table, and
/// the <see cref="SourceFacts"/> as gzipped JSON split across binary properties, so that whatever a registry returned
/// fits Table Storage (64 KiB a property, 1 MiB an entity).</summary>
internal static class FactsEntity
{
    /// <summary>Bump whenever <see cref="SourceFacts"/> changes so that JSON stored before would be misread: rows of
    /// another version are treated as absent and re-fetched.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The largest binary property Table Storage accepts.</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>14 × 64 KiB = 896 KiB of facts, leaving room under 1 MiB for keys and the readable columns.</summary>
    public const int MaxChunks = 14;

    public const string SchemaVersionProperty = "SchemaVersion";
    private const string SourceProperty = "Source";
    private const string SiretProperty = "Siret";
    private const string OutcomeProperty = "Outcome";
    private const string RetrievedAtProperty = "RetrievedAt";
    private const string ChunkCountProperty = "FactsChunks";
    private const string LengthProperty = "FactsLength";
    private const string ChunkPrefix = "Facts";

    /// <summary>Enums as names (a renamed member then fails to read and is re-fetched, never silently shifted).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>One partition per company: a point read needs the SIREN, the source and the SIRET.</summary>
    public static string PartitionKey(Siret siret) => siret.Siren.Value;

    public static string RowKey(string source, Siret siret) => $"{KeySafe(source)}|{siret.Value}";

    /// <returns>The entity, or null when even compressed the facts exceed <see cref="MaxChunks"/> chunks.</returns>
    public static TableEntity? ToEntity(SourceFacts facts, Siret siret)
    {
        var compressed = Compress(JsonSerializer.SerializeToUtf8Bytes(facts, Json));
        var chunkCount = (compressed.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunkCount > MaxChunks) return null;

        var entity = new TableEntity(PartitionKey(siret), RowKey(facts.Source, siret))
        {
            [SchemaVersionProperty] = SchemaVersion,
            [SourceProperty] = facts.Source,
            [SiretProperty] = siret.Value,
            [OutcomeProperty] = facts.Outcome.ToString(),
            [RetrievedAtProperty] = facts.Evidence.RetrievedAt,
            [ChunkCountProperty] = chunkCount,
            [LengthProperty] = compressed.Length,
        };
        for (var i = 0; i < chunkCount; i++)
            entity[ChunkPrefix + i] = compressed.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, compressed.Length - i * ChunkBytes)).ToArray();
        return entity;
    }

    /// <returns>The stored facts, or null when the row is of another schema version or cannot be read whole.</returns>
    public static SourceFacts? FromEntity(TableEntity entity)
    {
        if (entity.GetInt32(SchemaVersionProperty) != SchemaVersion) return null;
        if (entity.GetInt32(ChunkCountProperty) is not { } chunkCount || entity.GetInt32(LengthProperty) is not { } length) return null;

        using var buffer = new MemoryStream(length);
        for (var i = 0; i < chunkCount; i++)
        {
            if (entity.GetBinary(ChunkPrefix + i) is not { } chunk) return null;
            buffer.Write(chunk);
        }
        if (buffer.Length != length) return null;

        try
        {
            buffer.Position = 0;
            using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
            return JsonSerializer.Deserialize<SourceFacts>(gzip, Json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    private static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(json);
        return output.ToArray();
    }

    /// <summary>'/', '\', '#', '?' and control characters are not allowed in keys.</summary>
    private static string KeySafe(string value) =>
        string.Create(value.Length, value, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is '/' or '\\' or '#' or '?' || char.IsControl(source[i]) ? '_' : source[i];
        });
}
