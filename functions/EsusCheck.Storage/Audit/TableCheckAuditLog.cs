using Azure.Data.Tables;
using EsusCheck.Core.Application;
using EsusCheck.Core.Identifiers;
using EsusCheck.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Audit;

/// <summary>The durable audit history: one row per check, read back per SIRET newest first, bounded by
/// <see cref="AuditOptions"/> when each check is recorded.</summary>
public sealed class TableCheckAuditLog : ICheckAuditLog
{
    private readonly CreatedOnFirstUse<TableClient> _table;
    private readonly AuditOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TableCheckAuditLog> _logger;

    public TableCheckAuditLog(
        TableServiceClient service, IOptions<StorageOptions> storage, IOptions<AuditOptions> options,
        TimeProvider clock, ILogger<TableCheckAuditLog> logger)
    {
        _table = CreatedOnFirstUse.Table(service, storage.Value.Tables.Audit, storage.Value.CreateTables);
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.AddEntityAsync(AuditEntities.From(entry), cancellationToken);
        try
        {
            await PruneAsync(table, entry.Siret, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The row is written; surplus rows are removed by the next check of this SIRET.
            _logger.LogWarning(ex, "Audit history of SIRET {SiretHash} could not be pruned", LogPrivacy.Hash(entry.Siret));
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(Siret siret, int max, CancellationToken cancellationToken)
    {
        if (max <= 0) return [];
        var table = await _table.GetAsync(cancellationToken);
        var entries = new List<AuditEntry>(Math.Min(max, 100));
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == siret.Value, Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            entries.Add(AuditEntities.To(row));
            if (entries.Count == max) break;
        }
        return entries;
    }

    /// <summary>Row keys ascend from the newest check: everything past the first <c>MaxRowsPerSiret</c>, or past the
    /// retention cut-off, goes.</summary>
    private async Task PruneAsync(TableClient table, string siret, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var cutOff = _options.Retention < now - DateTimeOffset.MinValue ? AuditEntities.RowKeyPrefix(now - _options.Retention) : null;
        var surplus = new List<TableEntity>();
        var index = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == siret, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (index++ >= _options.MaxRowsPerSiret || (cutOff is not null && string.CompareOrdinal(row.RowKey, cutOff) > 0)) surplus.Add(row);
        }
        if (surplus.Count > 0) await TableBatches.DeleteAsync(table, surplus, cancellationToken);
    }
}
