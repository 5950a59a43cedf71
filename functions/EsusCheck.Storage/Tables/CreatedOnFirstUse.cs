using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;

namespace EsusCheck.Storage.Tables;

/// <summary>A table, container or queue created on first use, once per process. A failed creation (storage down) is not
/// remembered: the next call tries again, so a check during an outage falls back without poisoning the instance.</summary>
public sealed class CreatedOnFirstUse<T>(Func<T> client, Func<T, CancellationToken, Task>? create) where T : class
{
    // PublicationOnly: a client that could not be built (storage not configured) is not cached either.
    private readonly Lazy<T> _client = new(client, LazyThreadSafetyMode.PublicationOnly);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready = create is null;

    /// <summary>The client, without creating the resource (for names in log messages).</summary>
    public T Client => _client.Value;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        if (_ready) return Client;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await create!(Client, cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
        return Client;
    }
}

/// <summary>Tables created on first use (when <c>Storage:CreateTables</c> allows it), and blob containers.</summary>
public static class CreatedOnFirstUse
{
    public static CreatedOnFirstUse<TableClient> Table(TableServiceClient service, string name, bool create = true) =>
        Table(() => service.GetTableClient(name), create);

    public static CreatedOnFirstUse<TableClient> Table(Func<TableClient> table, bool create = true) =>
        new(table, create ? static async (t, ct) => await t.CreateIfNotExistsAsync(ct) : null);

    /// <summary>A container of the shared blob client (<see cref="StorageClientsServiceCollectionExtensions.AddStorageClients"/>).</summary>
    public static CreatedOnFirstUse<BlobContainerClient> Container(IAzureClientFactory<BlobServiceClient> blobs, string name) =>
        new(() => blobs.CreateClient(StorageClientsServiceCollectionExtensions.Name).GetBlobContainerClient(name),
            static async (container, ct) => await container.CreateIfNotExistsAsync(cancellationToken: ct));
}
