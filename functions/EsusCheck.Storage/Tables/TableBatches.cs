using Azure.Data.Tables;

namespace EsusCheck.Storage.Tables;

internal static class TableBatches
{
    /// <summary>The most actions one entity group transaction may hold.</summary>
    public const int MaxActions = 100;

    /// <summary>Submits actions as transactions of at most 100, each within one partition: Azure rejects a batch that
    /// mixes partition keys (Azurite accepts it, so tests alone would not catch it).</summary>
    public static async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var batch in Plan(actions)) await table.SubmitTransactionAsync(batch, cancellationToken);
    }

    public static IEnumerable<TableTransactionAction[]> Plan(IEnumerable<TableTransactionAction> actions) =>
        actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal).SelectMany(partition => partition.Chunk(MaxActions));

    /// <summary>Deletes entities (keys only are needed) partition by partition.</summary>
    public static Task DeleteAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken) =>
        SubmitAsync(table, entities.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All)), cancellationToken);
}
