using EsusCheck.Chat.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Functions.Http;

public static class HttpApiServiceCollectionExtensions
{
    /// <summary>The HTTP API's plain classes (endpoints, batch orchestration, caching, health observation).</summary>
    public static IServiceCollection AddHttpApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpApiOptions>().Bind(configuration.GetSection(HttpApiOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISourceFreshness, CacheFreshness>();
        services.TryAddSingleton<SourceHealthMonitor>();
        services.TryAddSingleton<ObservedChecks>();
        services.TryAddSingleton<ReportCaching>();
        services.TryAddSingleton<ClientRateLimiter>();
        services.TryAddSingleton<IClientBudget>(provider => provider.GetRequiredService<ClientRateLimiter>());
        services.TryAddSingleton<CheckEndpoint>();
        services.TryAddSingleton<BatchChecker>();
        services.TryAddSingleton<BatchCheckEndpoint>();
        services.TryAddSingleton<HistoryEndpoint>();
        services.TryAddSingleton<ReferenceEndpoint>();
        return services;
    }
}
