using Azure;
using EsusCheck.Storage.Tables;

namespace EsusCheck.Storage.Tests.Tables;

public sealed class CreatedOnFirstUseTests
{
    [Fact]
    public async Task A_failed_creation_is_tried_again_on_the_next_call_then_not_repeated()
    {
        var table = Azurite.Tables().GetTableClient(Azurite.UniqueName("firstuse"));
        var attempts = 0;
        var lazy = new CreatedOnFirstUse<TableClient>(() => table, async (t, ct) =>
        {
            // The first attempt meets a storage outage; the next ones reach Azurite.
            if (++attempts == 1) throw new RequestFailedException(503, "storage unavailable");
            await t.CreateIfNotExistsAsync(ct);
        });

        await Assert.ThrowsAsync<RequestFailedException>(() => lazy.GetAsync(CancellationToken.None).AsTask());
        var ready = await lazy.GetAsync(CancellationToken.None);
        await ready.AddEntityAsync(new TableEntity("p", "r"));
        await lazy.GetAsync(CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        await table.DeleteAsync();
    }

    [Fact]
    public async Task A_table_not_to_be_created_is_not_created()
    {
        var table = CreatedOnFirstUse.Table(Azurite.Tables(), Azurite.UniqueName("nocreate"), create: false);

        var client = await table.GetAsync(CancellationToken.None);

        await Assert.ThrowsAsync<RequestFailedException>(() => client.AddEntityAsync(new TableEntity("p", "r")));
    }
}
