using EsusCheck.Spaser.Processing;
using EsusCheck.Storage.Bulk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Storage.Spaser;

public static class SpaserStorageServiceCollectionExtensions
{
    /// <summary>The Azure adapters of SPASER jobs: the bulk adapters (jobs, results, queue) and the <c>spaser-in</c> container.</summary>
    public static IServiceCollection AddSpaserStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBulkStorage(configuration);
        services.AddSingleton<ISpaserInputStore, BlobSpaserInputStore>();
        return services;
    }
}
