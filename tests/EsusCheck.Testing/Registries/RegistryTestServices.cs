using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Testing.Registries;

/// <summary>Builds the real application services (<c>AddEsusCheckCore</c> + <c>AddRegistries</c>) pointed at a
/// <see cref="RegistryStubs"/>, with short timeouts and no pacing, so that a test gets a real
/// <see cref="EligibilityService"/> in a few lines:
/// <code>
/// using var stubs = new RegistryStubs().RechercheFound(siret, new StubCompany { LegalForm = "9220" });
/// using var services = RegistryTestServices.Build(stubs);
/// var outcome = await services.GetRequiredService&lt;EligibilityService&gt;().CheckAsync(new CheckRequest(siret));
/// </code>
/// Add your own adapters to <see cref="Create"/>'s collection (last registration wins) before building.</summary>
public static class RegistryTestServices
{
    /// <summary>The configuration keys the registries read, set for the stub: base URLs, the stub's token and key when
    /// asked, timeouts short but generous for a loaded test machine (attempt 5 s, total 20 s), tiny retry delays, no pacing and a breaker that only a test
    /// aimed at it will open. <paramref name="overrides"/> win (e.g. <c>["Registries:RechercheEntreprises:MinInterval"] = "00:00:00.170"</c>).</summary>
    public static Dictionary<string, string?> Configuration(
        RegistryStubs stubs, bool marcheToken = false, bool sireneKey = false, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Registries:UserAgent"] = "EsusCheck-tests/1.0",
            ["Registries:RechercheEntreprises:BaseUrl"] = stubs.RechercheEntreprisesBaseUrl,
            ["Registries:MarcheInclusion:BaseUrl"] = stubs.MarcheInclusionBaseUrl,
            ["Registries:MarcheInclusion:Token"] = marcheToken ? RegistryStubs.MarcheToken : null,
            ["Registries:Sirene:BaseUrl"] = stubs.SireneBaseUrl,
            ["Registries:Sirene:ApiKey"] = sireneKey ? RegistryStubs.SireneApiKey : null,
            ["Registries:Finess:BaseUrl"] = stubs.FinessBaseUrl,
        };
        foreach (var source in new[] { "RechercheEntreprises", "MarcheInclusion", "Sirene", "Finess" })
        {
            settings[$"Registries:{source}:AttemptTimeout"] = "00:00:05";
            settings[$"Registries:{source}:TotalTimeout"] = "00:00:20";
            settings[$"Registries:{source}:RetryDelay"] = "00:00:00.010";
            settings[$"Registries:{source}:MinInterval"] = "00:00:00";
            settings[$"Registries:{source}:RequestsPerWindow"] = "0";
            settings[$"Registries:{source}:BreakerMinimumThroughput"] = "1000";
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary>Logging, core and registries, configured by <see cref="Configuration"/>.</summary>
    public static IServiceCollection Create(
        RegistryStubs stubs, bool marcheToken = false, bool sireneKey = false, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Configuration(stubs, marcheToken, sireneKey, overrides))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddEsusCheckCore(configuration);
        services.AddRegistries(configuration);
        return services;
    }

    /// <summary><see cref="Create"/>, built. Dispose it at the end of the test.</summary>
    public static ServiceProvider Build(
        RegistryStubs stubs, bool marcheToken = false, bool sireneKey = false, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Create(stubs, marcheToken, sireneKey, overrides).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
