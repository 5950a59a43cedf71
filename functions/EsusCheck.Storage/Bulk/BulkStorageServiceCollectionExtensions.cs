using Microsoft.Extensions.Azure;
using EsusCheck.Bulk.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Storage.Bulk;

public static class BulkStorageServiceCollectionExtensions
{
    /// <summary>The Azure adapters of the bulk pipeline: job state in Table Storage, files in Blob Storage, work on a
    /// Storage Queue. They reach the account of <c>Storage:*</c>, which must be the one the blob and queue triggers
    /// listen to (<c>AzureWebJobsStorage</c>).</summary>
    public static IServiceCollection AddBulkStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddStorageClients(configuration);
        // Without a storage account the app still starts, and a bulk call says what is missing.
        services.TryAddSingleton(typeof(IAzureClientFactory<>), typeof(NoStorageAccount<>));
        services.AddSingleton<IBulkJobStore, TableBulkJobStore>();
        services.AddSingleton<IBulkFileStore, BlobBulkFileStore>();
        services.AddSingleton<IBulkWorkQueue, QueueBulkWorkQueue>();
        return services;
    }

    private sealed class NoStorageAccount<TClient> : IAzureClientFactory<TClient>
    {
        public TClient CreateClient(string name) => throw new InvalidOperationException(
            "The bulk feature needs a storage account: set Storage:ConnectionString (Azurite, key) or Storage:AccountName (managed identity).");
    }
}
