namespace EsusCheck.Storage.Tests;

public sealed class AzuriteTests
{
    [Fact]
    public async Task Azurite_answers_the_table_protocol()
    {
        var table = Azurite.Tables().GetTableClient(Azurite.UniqueName("smoke"));
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });

        var read = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal(42, read.Value.GetInt32("Value"));
    }
}
