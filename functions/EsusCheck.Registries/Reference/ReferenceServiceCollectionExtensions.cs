using EsusCheck.Core.Application;
using EsusCheck.Core.Telemetry;
using EsusCheck.Registries.Esus;
using EsusCheck.Registries.Reference.Finess;
using EsusCheck.Registries.Reference.Marche;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EsusCheck.Registries.Reference;

public static class ReferenceServiceCollectionExtensions
{
    /// <summary>The reference refresh (<see cref="ReferenceRefreshService"/>): the ESUS list from its URL or a dropped
    /// file, the copy of Le Marché's list when a token is configured, and the copy of FINESS's ESAT and EA (read by the
    /// <see cref="IFinessListSource"/> that <see cref="RegistriesServiceCollectionExtensions.AddRegistries"/> registers:
    /// a composition root calls both). The copies are kept in memory unless an adapter registers durable stores (Table
    /// Storage in the function app, files in the CLI).</summary>
    public static IServiceCollection AddReferenceRefresh(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEsusList(configuration);
        services.AddEsusCheckTelemetry();
        services.AddOptions<ReferenceOptions>().Bind(configuration.GetSection(ReferenceOptions.Section))
            .Validate(o => o.MarcheMinimumShare is >= 0 and <= 1, "Reference:MarcheMinimumShare must be between 0 and 1.")
            .Validate(o => o.MarcheCopyMaxAge > TimeSpan.Zero, "Reference:MarcheCopyMaxAge must be positive.")
            .Validate(o => o.FinessMinimumShare is >= 0 and <= 1 && o.FinessCopyMaxAge > TimeSpan.Zero,
                "Reference:FinessMinimumShare must be between 0 and 1 and Reference:FinessCopyMaxAge positive.");
        services.AddMarcheInclusionOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMarcheCopyStore, InMemoryMarcheCopyStore>();
        services.TryAddSingleton<IFinessCopyStore, InMemoryFinessCopyStore>();
        services.AddHttpClient(MarcheListClient.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(60);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("EsusCheck/1.0 (copie de la liste du Marche de l'inclusion)");
        });
        services.TryAddSingleton<MarcheListClient>();
        services.TryAddSingleton<EsusListRefresher>();
        services.TryAddSingleton<MarcheCopyRefresher>();
        services.TryAddSingleton<FinessCopyRefresher>();
        services.TryAddSingleton<ReferenceRefreshService>();
        return services;
    }
}
