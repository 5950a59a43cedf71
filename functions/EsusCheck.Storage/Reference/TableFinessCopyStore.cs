using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using EsusCheck.Storage.Tables;

namespace EsusCheck.Storage.Reference;

/// <summary>The FINESS ESAT/EA copy in Table Storage: a few thousand establishments, kept whole in one entity (gzipped
/// JSON split over binary properties of 64 KiB), so a replacement is one atomic write and a reader sees one copy.
/// Each instance keeps the copy in memory and reads the entity again at most every <see cref="RecheckEvery"/>.</summary>
public sealed class TableFinessCopyStore(TableClient table, TimeProvider clock) : IFinessCopyStore
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(1);
    private const string Partition = "finess";
    private const string Row = "active";
    private const int ChunkBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly InMemoryFinessCopyStore _memory = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset? _checkedAt;
    private string? _etag;
    private readonly CreatedOnFirstUse<TableClient> _created = CreatedOnFirstUse.Table(() => table);

    private sealed record Stored(FinessCopyInfo Info, List<FinessCopyEntry> Establishments);

    public async Task<FinessCopyLookup> FindAsync(Siret siret, CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        return await _memory.FindAsync(siret, cancellationToken);
    }

    public async Task<FinessCopyInfo?> GetInfoAsync(CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        return await _memory.GetInfoAsync(cancellationToken);
    }

    public async Task ReplaceAsync(FinessCopyInfo info, IReadOnlyCollection<FinessCopyEntry> establishments, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            await JsonSerializer.SerializeAsync(gzip, new Stored(info, establishments.ToList()), Json, cancellationToken);
        var bytes = buffer.ToArray();
        var entity = new TableEntity(Partition, Row) { ["Chunks"] = (bytes.Length + ChunkBytes - 1) / ChunkBytes };
        for (var i = 0; i * ChunkBytes < bytes.Length; i++)
            entity["Data" + i] = bytes.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - i * ChunkBytes)).ToArray();
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await _memory.ReplaceAsync(info, establishments, cancellationToken);
        _checkedAt = null;
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (_checkedAt is { } at && clock.GetUtcNow() - at < RecheckEvery) return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_checkedAt is { } again && clock.GetUtcNow() - again < RecheckEvery) return;
            await EnsureTableAsync(cancellationToken);
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            if (row.HasValue && row.Value is { } entity && entity.ETag.ToString() != _etag)
            {
                using var buffer = new MemoryStream();
                for (var i = 0; i < (entity.GetInt32("Chunks") ?? 0); i++) buffer.Write(entity.GetBinary("Data" + i));
                buffer.Position = 0;
                await using var gzip = new GZipStream(buffer, CompressionMode.Decompress);
                if (await JsonSerializer.DeserializeAsync<Stored>(gzip, Json, cancellationToken) is { } stored)
                    await _memory.ReplaceAsync(stored.Info, stored.Establishments, cancellationToken);
                _etag = entity.ETag.ToString();
            }
            _checkedAt = clock.GetUtcNow();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken) => await _created.GetAsync(cancellationToken);
}
