using EsusCheck.Bulk;
using EsusCheck.Bulk.Processing;
using EsusCheck.Spaser.Decp;
using EsusCheck.Spaser.InProcess;
using EsusCheck.Spaser.Output;
using EsusCheck.Spaser.Processing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EsusCheck.Spaser;

public static class SpaserServiceCollectionExtensions
{
    /// <summary>SPASER indicators from DECP files, on the bulk pipeline (<c>AddBulk</c>): the reader, the planner, the
    /// job kind the bulk dispatcher finalizes with, the upload service and the in-process runner. The input store is
    /// an adapter (<c>AddSpaserStorage</c> in EsusCheck.Storage).</summary>
    public static IServiceCollection AddSpaser(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBulk(configuration);
        services.TryAddSingleton(sp => new DecpReader(sp.GetRequiredService<IOptions<BulkOptions>>().Value));
        services.TryAddSingleton<SpaserReportWriter>();
        services.TryAddSingleton<SpaserJobPlanner>();
        services.TryAddSingleton<SpaserUploadService>();
        services.TryAddSingleton<LocalSpaserRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBulkJobKind, SpaserJobKind>());
        return services;
    }
}
