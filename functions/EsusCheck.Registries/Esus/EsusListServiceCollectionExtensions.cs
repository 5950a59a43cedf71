using System.Net.Http.Headers;
using EsusCheck.Core.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Registries.Esus;

public static class EsusListServiceCollectionExtensions
{
    /// <summary>The ESUS list importer (<see cref="EsusListImportService"/>) and its download client. The list store
    /// itself is the one registered by <c>AddEsusCheckCore</c> or replaced by an adapter (Table Storage, CLI file).</summary>
    public static IServiceCollection AddEsusList(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EsusOptions>().Bind(configuration.GetSection(EsusOptions.Section));
        services.AddOptions<EsusImportOptions>().Bind(configuration.GetSection(EsusImportOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(EsusListImportService.HttpClientName, client =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan; // the importer applies Esus:Import:DownloadTimeout itself
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("EsusCheck", "1.0"));
            client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("(ESUS list import)"));
        });
        services.TryAddSingleton<EsusListImportService>();
        return services;
    }
}
