using EsusCheck.Bulk.InProcess;
using EsusCheck.Bulk.Output;
using EsusCheck.Bulk.Processing;
using EsusCheck.Bulk.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EsusCheck.Bulk;

public static class BulkServiceCollectionExtensions
{
    /// <summary>The bulk supplier-file pipeline. The job store, file store and work queue are Azure adapters
    /// (<c>AddBulkStorage</c> in EsusCheck.Storage); <see cref="LocalBulkRunner"/> runs the same pipeline without Azure.</summary>
    public static IServiceCollection AddBulk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BulkOptions>().Bind(configuration.GetSection(BulkOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SupplierFileReader(sp.GetRequiredService<IOptions<BulkOptions>>().Value));
        services.TryAddSingleton<BulkResultWriter>();
        services.TryAddSingleton<BulkJobPlanner>();
        services.TryAddSingleton<BulkPrefetchProcessor>();
        services.TryAddSingleton<BulkChunkProcessor>();
        services.TryAddSingleton<BulkJobFinalizer>();
        services.TryAddSingleton<BulkWorkDispatcher>();
        services.TryAddSingleton<BulkUploadService>();
        services.TryAddSingleton<LocalBulkRunner>();
        return services;
    }
}
