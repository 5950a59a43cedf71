using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage.Bulk;

/// <summary>The storage account of the bulk feature: the service clients <c>AddTableStorage</c> registers when there are
/// some, otherwise clients built from <see cref="StorageOptions"/>. Built on first use, so that an app without storage
/// configured still starts (and a bulk call says what is missing).</summary>
public sealed class BulkStorageAccount(
    IOptions<StorageOptions> options,
    IEnumerable<TableServiceClient> tables,
    IEnumerable<BlobServiceClient> blobs,
    IEnumerable<QueueServiceClient> queues)
{
    private readonly Lazy<TableServiceClient> _tables = new(() => tables.LastOrDefault() ?? Build(options.Value,
        cs => new TableServiceClient(cs), (uri, credential) => new TableServiceClient(uri, credential), "table"));
    private readonly Lazy<BlobServiceClient> _blobs = new(() => blobs.LastOrDefault() ?? Build(options.Value,
        cs => new BlobServiceClient(cs), (uri, credential) => new BlobServiceClient(uri, credential), "blob"));
    private readonly Lazy<QueueServiceClient> _queues = new(() => queues.LastOrDefault() ?? Build(options.Value,
        cs => new QueueServiceClient(cs), (uri, credential) => new QueueServiceClient(uri, credential), "queue"));

    public TableServiceClient Tables => _tables.Value;
    public BlobServiceClient Blobs => _blobs.Value;
    public QueueServiceClient Queues => _queues.Value;

    private static T Build<T>(StorageOptions options, Func<string, T> fromConnectionString, Func<Uri, DefaultAzureCredential, T> fromIdentity, string service)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return fromConnectionString(options.ConnectionString);
        if (!string.IsNullOrWhiteSpace(options.AccountName))
            return fromIdentity(new Uri($"https://{options.AccountName}.{service}.core.windows.net"), new DefaultAzureCredential());
        throw new InvalidOperationException(
            "The bulk feature needs a storage account: set Storage:ConnectionString (Azurite, key) or Storage:AccountName (managed identity).");
    }
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
