using EsusCheck.Storage.Tables;

namespace EsusCheck.Storage.Tests;

/// <summary>Azurite accepts a transaction mixing partitions; Azure does not. This is checked here, without storage.</summary>
public sealed class TableBatchesTests
{
    [Fact]
    public void Batches_hold_at_most_one_hundred_actions_of_a_single_partition()
    {
        var actions = new[] { ("a", 250), ("b", 30), ("c", 1), ("d", 100) }
            .SelectMany(p => Enumerable.Range(0, p.Item2).Select(i => new TableEntity(p.Item1, i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))))
            .OrderBy(e => e.RowKey, StringComparer.Ordinal) // interleave partitions, as an import's rows arrive
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .ToList();

        var batches = TableBatches.Plan(actions).ToList();

        Assert.All(batches, b => Assert.InRange(b.Length, 1, 100));
        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.Equal(actions.Count, batches.Sum(b => b.Length));
        Assert.Equal(3 + 1 + 1 + 1, batches.Count);
    }
}
