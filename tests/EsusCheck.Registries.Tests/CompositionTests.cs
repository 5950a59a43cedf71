using EsusCheck.Core;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Registries.Finess;
using EsusCheck.Registries.MarcheInclusion;
using EsusCheck.Registries.RechercheEntreprises;
using EsusCheck.Registries.Reference;
using EsusCheck.Registries.Reference.Marche;
using EsusCheck.Registries.Sirene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EsusCheck.Registries.Tests;

public sealed class CompositionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddEsusCheckCore(configuration).AddRegistries(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void With_no_configuration_the_four_sources_point_at_the_real_public_endpoints()
    {
        using var services = Build([]);

        var sources = services.GetServices<IRegistrySource>().ToDictionary(s => s.Name, s => s.Role);
        Assert.Equal(new Dictionary<string, SourceRole>
        {
            [SourceNames.RechercheEntreprises] = SourceRole.Identity,
            [SourceNames.Sirene] = SourceRole.IdentityFallback,
            [SourceNames.MarcheInclusion] = SourceRole.Complement,
            [SourceNames.Finess] = SourceRole.Complement,
        }, sources);
        Assert.IsType<RechercheHeadOfficeResolver>(services.GetRequiredService<IHeadOfficeResolver>());
        Assert.NotNull(services.GetRequiredService<EligibilityService>());

        Assert.Equal("https://recherche-entreprises.api.gouv.fr/", services.GetRequiredService<IOptions<RechercheEntreprisesOptions>>().Value.BaseUrl);
        Assert.Equal("https://lemarche.inclusion.beta.gouv.fr/", services.GetRequiredService<IOptions<MarcheInclusionOptions>>().Value.BaseUrl);
        Assert.Equal("https://api.insee.fr/api-sirene/3.11/", services.GetRequiredService<IOptions<SireneOptions>>().Value.BaseUrl);
        Assert.Equal("https://tabular-api.data.gouv.fr/", services.GetRequiredService<IOptions<FinessOptions>>().Value.BaseUrl);
        Assert.False(services.GetRequiredService<IOptions<MarcheInclusionOptions>>().Value.IsConfigured);
        Assert.False(services.GetRequiredService<IOptions<SireneOptions>>().Value.IsConfigured);
    }

    [Fact]
    public void Every_key_is_bound_from_its_section()
    {
        using var services = Build(new()
        {
            ["Registries:UserAgent"] = "Acheteur/2.0",
            ["Registries:Sirene:ApiKey"] = "k",
            ["Registries:MarcheInclusion:Token"] = "t",
            ["Registries:RechercheEntreprises:MinInterval"] = "00:00:00.250",
            ["Registries:RechercheEntreprises:MaxRetries"] = "5",
            ["Registries:Finess:AttemptTimeout"] = "00:00:03",
            ["Registries:Finess:BreakDuration"] = "00:02:00",
        });

        Assert.Equal("Acheteur/2.0", services.GetRequiredService<IOptions<RegistriesOptions>>().Value.UserAgent);
        Assert.Equal("k", services.GetRequiredService<IOptions<SireneOptions>>().Value.ApiKey);
        Assert.Equal("t", services.GetRequiredService<IOptions<MarcheInclusionOptions>>().Value.Token);
        var recherche = services.GetRequiredService<IOptions<RechercheEntreprisesOptions>>().Value;
        Assert.Equal(TimeSpan.FromMilliseconds(250), recherche.MinInterval);
        Assert.Equal(5, recherche.MaxRetries);
        var finess = services.GetRequiredService<IOptions<FinessOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(3), finess.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), finess.BreakDuration);
    }

    [Fact]
    public void The_Marche_section_is_bound_once_for_the_source_and_the_list_copy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registries:MarcheInclusion:Token"] = "t",
            ["Registries:MarcheInclusion:PageSize"] = "50",
        }).Build();
        foreach (var services in new[]
                 {
                     new ServiceCollection().AddRegistries(configuration).AddReferenceRefresh(configuration),
                     new ServiceCollection().AddReferenceRefresh(configuration).AddRegistries(configuration),
                 })
        {
            Assert.Single(services, d => d.ServiceType == typeof(IConfigureOptions<MarcheInclusionOptions>));
            using var provider = services.AddLogging().AddEsusCheckCore(configuration).BuildServiceProvider();
            var options = provider.GetRequiredService<IOptions<MarcheInclusionOptions>>().Value;
            Assert.Equal(("t", 50), (options.Token, options.PageSize));
            Assert.NotNull(provider.GetRequiredService<MarcheListClient>());
        }
    }

    [Fact]
    public void A_Marche_page_size_the_API_would_not_serve_is_refused_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registries:MarcheInclusion:PageSize"] = "500",
        }).Build();
        using var provider = new ServiceCollection().AddReferenceRefresh(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MarcheInclusionOptions>>().Value);
        Assert.Contains("PageSize", error.Message);
    }

    [Fact]
    public void The_published_limits_are_respected_by_the_default_paces()
    {
        // No sliding second may hold more than 7 Recherche d'entreprises attempts, no sliding minute more than 30 INSEE ones:
        // each sliding window is at least the published one, with at most the published count.
        var recherche = new RechercheEntreprisesOptions();
        Assert.True(recherche.RequestsPerWindow is > 0 and <= 7 && recherche.Window >= TimeSpan.FromSeconds(1));
        var sirene = new SireneOptions();
        Assert.True(sirene.RequestsPerWindow is > 0 and <= 30 && sirene.Window >= TimeSpan.FromMinutes(1) && sirene.SharedQuota);
        // Within one process the spacing alone keeps INSEE under its limit too.
        Assert.True(TimeSpan.FromMinutes(1) / sirene.MinInterval + 1 <= 30);
    }
}
