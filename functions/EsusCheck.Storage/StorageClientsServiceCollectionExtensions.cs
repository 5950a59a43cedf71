using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Storage;

public static class StorageClientsServiceCollectionExtensions
{
    /// <summary>The name <c>AddAzureClients</c> gives a client registered without one.</summary>
    public const string Name = "Default";

    /// <summary>The Table, Blob and Queue service clients, built once through <c>AddAzureClients</c> from <c>Storage</c>: the
    /// connection string (Azurite, or a key-based account), else the account name with the managed identity
    /// (<c>Storage:ManagedIdentityClientId</c> for a user-assigned one). Nothing when neither is set.</summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!options.IsConfigured || services.Any(d => d.ServiceType == typeof(TableServiceClient))) return services;

        services.AddAzureClients(clients =>
        {
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                clients.AddTableServiceClient(options.ConnectionString).ConfigureOptions(FailFast);
                clients.AddBlobServiceClient(options.ConnectionString);
                clients.AddQueueServiceClient(options.ConnectionString);
                return;
            }
            clients.AddTableServiceClient(Endpoint(options, "table")).ConfigureOptions(FailFast);
            clients.AddBlobServiceClient(Endpoint(options, "blob"));
            clients.AddQueueServiceClient(Endpoint(options, "queue"));
            clients.UseCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
            }));
        });
        return services;
    }

    /// <summary>Tables sit on the path of every check: a hung storage must fail fast so the check falls back.</summary>
    private static void FailFast(TableClientOptions options)
    {
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }

    private static Uri Endpoint(StorageOptions options, string service) => new($"https://{options.AccountName}.{service}.core.windows.net");
}
