using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace EsusCheck.Storage;

/// <summary>Builds the service clients from <see cref="StorageOptions"/>: a connection string (Azurite, or a key-based
/// account), else the account name with a managed identity (one credential shared by the three clients).</summary>
public sealed class StorageClients(IOptions<StorageOptions> options)
{
    private readonly StorageOptions _options = options.Value;
    private readonly Lazy<TokenCredential> _credential = new(() => new DefaultAzureCredential(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.Value.ManagedIdentityClientId) ? null : options.Value.ManagedIdentityClientId,
    }));

    /// <summary>Tables sit on the path of every check: a hung storage must fail fast so the check falls back.</summary>
    public TableServiceClient Tables()
    {
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return ConnectionString is { } connectionString
            ? new TableServiceClient(connectionString, clientOptions)
            : new TableServiceClient(Endpoint("table"), _credential.Value, clientOptions);
    }

    public BlobServiceClient Blobs() => ConnectionString is { } connectionString
        ? new BlobServiceClient(connectionString)
        : new BlobServiceClient(Endpoint("blob"), _credential.Value);

    public QueueServiceClient Queues() => ConnectionString is { } connectionString
        ? new QueueServiceClient(connectionString)
        : new QueueServiceClient(Endpoint("queue"), _credential.Value);

    private string? ConnectionString => string.IsNullOrWhiteSpace(_options.ConnectionString) ? null : _options.ConnectionString;

    private Uri Endpoint(string service) => new($"https://{_options.AccountName}.{service}.core.windows.net");
}
