using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Registries.Http;
using EsusCheck.Registries.RechercheEntreprises;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refit;

namespace EsusCheck.Registries;

public static class RegistriesServiceCollectionExtensions
{
    /// <summary>The public registries as <c>IRegistrySource</c>s (and the SIREN → head office resolver), with their
    /// resilience and pacing, configured from the <c>Registries</c> section.</summary>
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistriesOptions>().Bind(configuration.GetSection(RegistriesOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<RechercheEntreprisesOptions>().Bind(configuration.GetSection(RechercheEntreprisesOptions.Section));
        services.AddRefitGeneratedClient<IRechercheEntreprisesApi>(RechercheEntreprisesJson.Default)
            .AddRegistryPipeline<RechercheEntreprisesOptions>(SourceNames.RechercheEntreprises);
        services.AddSingleton<IRegistrySource, RechercheEntreprisesSource>();
        services.AddSingleton<IHeadOfficeResolver, RechercheHeadOfficeResolver>();

        return services;
    }
}
