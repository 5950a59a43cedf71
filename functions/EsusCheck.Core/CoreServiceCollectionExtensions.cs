using EsusCheck.Core.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The application service and in-memory defaults for every port; storage and registries replace them.</summary>
    public static IServiceCollection AddEsusCheckCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EsusOptions>().Bind(configuration.GetSection(EsusOptions.Section));
        LogPrivacy.UseKey(configuration[LogPrivacy.KeySetting]);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFactsCache, NoFactsCache>();
        services.TryAddSingleton<IEsusListStore, InMemoryEsusListStore>();
        services.TryAddSingleton<ICheckAuditLog, InMemoryCheckAuditLog>();
        services.TryAddSingleton<IHeadOfficeResolver, NoHeadOfficeResolver>();
        services.TryAddSingleton<FactsGatherer>();
        services.TryAddSingleton<FactsPrefetcher>();
        services.TryAddSingleton<IRequestLog, InMemoryRequestLog>();
        services.TryAddSingleton<EligibilityService>();
        return services;
    }
}
