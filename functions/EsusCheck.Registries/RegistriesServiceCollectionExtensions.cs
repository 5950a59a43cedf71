using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Registries.Finess;
using EsusCheck.Registries.Http;
using EsusCheck.Registries.MarcheInclusion;
using EsusCheck.Registries.RechercheEntreprises;
using EsusCheck.Registries.Sirene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace EsusCheck.Registries;

public static class RegistriesServiceCollectionExtensions
{
    /// <summary>The public registries as <c>IRegistrySource</c>s (and the SIREN → head office resolver), with their
    /// resilience and pacing, configured from the <c>Registries</c> section (docs/registries.md lists every key).</summary>
    public static IServiceCollection AddRegistries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistriesOptions>().Bind(configuration.GetSection(RegistriesOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<RechercheEntreprisesOptions>().Bind(configuration.GetSection(RechercheEntreprisesOptions.Section));
        services.AddRefitGeneratedClient<IRechercheEntreprisesApi>(RechercheEntreprisesJson.Default)
            .AddRegistryPipeline<RechercheEntreprisesOptions>(SourceNames.RechercheEntreprises);
        services.AddSingleton<IRegistrySource, RechercheEntreprisesSource>();
        services.AddSingleton<IHeadOfficeResolver, RechercheHeadOfficeResolver>();

        services.AddOptions<SireneOptions>().Bind(configuration.GetSection(SireneOptions.Section));
        services.AddRefitGeneratedClient<ISireneApi>(SireneJson.Default)
            .AddRegistryPipeline<SireneOptions>(SourceNames.Sirene, (client, options) =>
            {
                if (options.IsConfigured) client.DefaultRequestHeaders.Add("X-INSEE-Api-Key-Integration", options.ApiKey);
            });
        services.AddSingleton<IRegistrySource, SireneSource>();
        services.AddSingleton<IBatchRegistrySource, SireneBatchSource>();

        services.AddMarcheInclusionOptions(configuration);
        services.AddRefitGeneratedClient<IMarcheInclusionApi>(MarcheInclusionJson.Default)
            .AddRegistryPipeline<MarcheInclusionOptions>(SourceNames.MarcheInclusion, (client, options) =>
            {
                if (options.IsConfigured) client.DefaultRequestHeaders.Authorization = new("Bearer", options.Token);
            });
        services.TryAddSingleton<IMarcheCopyStore, InMemoryMarcheCopyStore>();
        services.AddSingleton<IRegistrySource, MarcheInclusionSource>();

        services.AddOptions<FinessOptions>().Bind(configuration.GetSection(FinessOptions.Section));
        services.AddRefitGeneratedClient<IFinessApi>(FinessJson.Default)
            .AddRegistryPipeline<FinessOptions>(SourceNames.Finess);
        services.TryAddSingleton<IFinessCopyStore, InMemoryFinessCopyStore>();
        services.AddSingleton<IRegistrySource, FinessSource>();
        services.TryAddSingleton<IFinessListSource, FinessListClient>();

        return services;
    }

    /// <summary>Binds <c>Registries:MarcheInclusion</c> once, whichever of <see cref="AddRegistries"/> and
    /// <c>AddReferenceRefresh</c> comes first: the per-SIRET source and the list copy read the same options.</summary>
    internal static IServiceCollection AddMarcheInclusionOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<MarcheInclusionOptions>))) return services;
        services.AddOptions<MarcheInclusionOptions>().Bind(configuration.GetSection(MarcheInclusionOptions.Section))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Registries:MarcheInclusion:BaseUrl must be an absolute URL.")
            .Validate(o => o.PageSize is > 0 and <= 100 && o.MaxPages > 0, "Registries:MarcheInclusion:PageSize must be 1 to 100 and MaxPages positive.");
        return services;
    }
}
