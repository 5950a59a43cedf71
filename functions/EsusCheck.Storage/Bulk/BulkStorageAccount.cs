using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Bulk;

/// <summary>The storage account of the bulk feature: the service clients <c>AddTableStorage</c> registers when there are
/// some, otherwise clients built by <see cref="StorageClients"/> from the same options. Built on first use, so that an
/// app without storage configured still starts (and a bulk call says what is missing).</summary>
public sealed class BulkStorageAccount(
    IOptions<StorageOptions> options,
    IEnumerable<TableServiceClient> tables,
    IEnumerable<BlobServiceClient> blobs,
    IEnumerable<QueueServiceClient> queues)
{
    private StorageClients? _clients;
    private TableServiceClient? _tables;
    private BlobServiceClient? _blobs;
    private QueueServiceClient? _queues;

    public TableServiceClient Tables => LazyInitializer.EnsureInitialized(ref _tables, () => tables.LastOrDefault() ?? Clients.Tables());
    public BlobServiceClient Blobs => LazyInitializer.EnsureInitialized(ref _blobs, () => blobs.LastOrDefault() ?? Clients.Blobs());
    public QueueServiceClient Queues => LazyInitializer.EnsureInitialized(ref _queues, () => queues.LastOrDefault() ?? Clients.Queues());

    private StorageClients Clients => LazyInitializer.EnsureInitialized(ref _clients, () => options.Value.IsConfigured
        ? new StorageClients(options)
        : throw new InvalidOperationException(
            "The bulk feature needs a storage account: set Storage:ConnectionString (Azurite, key) or Storage:AccountName (managed identity)."));

    /// <summary>Whether the tables may be created on first use (<c>Storage:CreateTables</c>).</summary>
    public bool CreateTables => options.Value.CreateTables;
}

/// <summary>A table, container or queue created on first use, once per process; a failed creation is tried again.</summary>
internal sealed class CreatedOnFirstUse<T>(Func<T> client, Func<T, CancellationToken, Task> create)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _ready;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        if (_ready is { } ready) return ready;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready is null)
            {
                var created = client();
                await create(created, cancellationToken);
                _ready = created;
            }
            return _ready;
        }
        finally
        {
            _gate.Release();
        }
    }
}
