using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Registries.Tests;

public sealed class CircuitBreakerTests : StubbedRegistriesTest
{
    [Fact]
    public async Task Repeated_500s_open_the_breaker_and_later_checks_no_longer_reach_the_registry()
    {
        var sirets = Enumerable.Range(0, 8).Select(_ => TestSirets.Next()).ToList();
        foreach (var siret in sirets) Stubs.Fails(Registry.RechercheEntreprises, siret, 500).SireneFound(siret);
        await using var services = RegistryTestServices.Build(Stubs, sireneKey: true, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:MaxRetries"] = "0",
            ["Registries:RechercheEntreprises:BreakerMinimumThroughput"] = "4",
            ["Registries:RechercheEntreprises:BreakerFailureRatio"] = "0.5",
            ["Registries:RechercheEntreprises:BreakDuration"] = "00:01:00",
        });
        var checker = services.GetRequiredService<EligibilityService>();

        var reports = new List<Core.Reports.EligibilityReport>();
        foreach (var siret in sirets) reports.Add((await checker.CheckAsync(new CheckRequest(siret))).Report!);

        // Four failures fill the breaker's minimum throughput at a 100 % failure ratio: it opens, and the next four
        // checks are answered from INSEE without Recherche d'entreprises being asked.
        Assert.Equal(4, Stubs.RequestCount(Registry.RechercheEntreprises));
        Assert.All(reports, r => Assert.Equal("found", Evidence(r, SourceNames.Sirene).Outcome));
        Assert.StartsWith("Le registre a échoué plusieurs fois de suite : il n'est plus interrogé pendant un court délai",
            Evidence(reports[^1], SourceNames.RechercheEntreprises).Detail);
        Assert.Equal("Le registre a répondu par une erreur (HTTP 500).", Evidence(reports[0], SourceNames.RechercheEntreprises).Detail);
    }

    [Fact]
    public async Task An_open_breaker_on_one_registry_does_not_stop_the_others()
    {
        var sirets = Enumerable.Range(0, 5).Select(_ => TestSirets.Next()).ToList();
        foreach (var siret in sirets) Stubs.RechercheFound(siret).Fails(Registry.Finess, siret, 503);
        await using var services = RegistryTestServices.Build(Stubs, overrides: new Dictionary<string, string?>
        {
            ["Registries:Finess:MaxRetries"] = "0",
            ["Registries:Finess:BreakerMinimumThroughput"] = "2",
            ["Registries:Finess:BreakDuration"] = "00:01:00",
        });
        var checker = services.GetRequiredService<EligibilityService>();

        foreach (var siret in sirets) Assert.True((await checker.CheckAsync(new CheckRequest(siret))).Succeeded);

        Assert.Equal(2, Stubs.RequestCount(Registry.Finess));
        Assert.Equal(5, Stubs.RequestCount(Registry.RechercheEntreprises));
    }
}
