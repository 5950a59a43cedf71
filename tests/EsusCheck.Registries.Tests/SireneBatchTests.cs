using System.Text.Json;
using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EsusCheck.Registries.Tests;

/// <summary>INSEE's multi-SIRET search (<c>POST /siret</c>) as the bulk prefetch uses it: the same mapping as single
/// lookups, SIRETs absent from the answer left to the per-SIRET path, 414 answered by halving the batch.</summary>
public sealed class SireneBatchTests : StubbedRegistriesTest
{
    private static readonly StubCompany[] Companies =
    [
        new() { Name = "ENTRAIDE DES LILAS", LegalForm = "9220", EstEss = true },
        new() { Name = "SCOP DU PORT", LegalForm = "5458", EstEss = null },
        new() { Name = "ATELIER FERME", EstablishmentClosed = true, IsHeadOffice = false },
        new() { Name = "DUPONT", LegalForm = "1000", NonDiffusible = true },
        new() { Name = "SAS ORDINAIRE", LegalForm = "5710", EstEss = false },
        new() { Name = "SOCIETE CESSEE", Ceased = true },
    ];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    private ServiceProvider Services(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var services = RegistryTestServices.Create(Stubs, sireneKey: true, overrides: overrides);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<IFactsCache, InMemoryFactsCache>();
        return services.BuildServiceProvider();
    }

    private static Siret Siret(string value) => IdentifierParser.ParseSiret(value).Value!.Value;

    [Fact]
    public async Task The_search_is_a_form_with_the_sirets_the_count_and_only_the_fields_the_engine_reads()
    {
        var sirets = new[] { TestSirets.Next(), TestSirets.Next() };
        foreach (var siret in sirets) Stubs.SireneBatchFound(siret);
        await using var services = Services();

        await services.GetRequiredService<IBatchRegistrySource>().FetchManyAsync(sirets.Select(Siret).ToList(), CancellationToken.None);

        var request = Assert.Single(Stubs.Server.LogEntries, e => e.RequestMessage.Method == "POST").RequestMessage;
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers!["Content-Type"].ToString());
        var form = request.Body!.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
        Assert.Equal($"siret:({sirets[0]} OR {sirets[1]})", form["q"]);
        Assert.Equal("2", form["nombre"]);
        Assert.Contains("economieSocialeSolidaireUniteLegale", form["champs"].Split(','));
        Assert.Contains("etatAdministratifEtablissement", form["champs"].Split(','));
        Assert.Equal(RegistryStubs.SireneApiKey, request.Headers["X-INSEE-Api-Key-Integration"].ToString());
    }

    [Fact]
    public async Task Each_establishment_of_a_batch_gives_exactly_the_facts_a_single_lookup_gives()
    {
        var sirets = Companies.Select(_ => TestSirets.Next()).ToList();
        for (var i = 0; i < sirets.Count; i++) Stubs.SireneBatchFound(sirets[i], Companies[i]).SireneFound(sirets[i], Companies[i]);
        await using var services = Services();
        var single = services.GetServices<IRegistrySource>().Single(s => s.Name == SourceNames.Sirene);

        var batch = await services.GetRequiredService<IBatchRegistrySource>().FetchManyAsync(sirets.Select(Siret).ToList(), CancellationToken.None);

        Assert.Equal(1, batch.Calls);
        Assert.Null(batch.Failure);
        foreach (var siret in sirets.Select(Siret))
            Assert.Equal(Json(await single.FetchAsync(siret, CancellationToken.None)), Json(batch.Found[siret]));
    }

    [Fact]
    public async Task Sirets_missing_from_the_batch_answer_and_only_those_are_looked_up_one_by_one()
    {
        var known = Enumerable.Range(0, 4).Select(_ => TestSirets.Next()).ToList();
        var missing = Enumerable.Range(0, 2).Select(_ => TestSirets.Next()).ToList();
        foreach (var siret in known) Stubs.SireneBatchFound(siret);
        foreach (var siret in known.Concat(missing)) Stubs.RechercheFound(siret);
        await using var services = Services();
        var prefetcher = services.GetRequiredService<FactsPrefetcher>();
        var checker = services.GetRequiredService<EligibilityService>();

        var prefetched = await prefetcher.PrefetchAsync(known.Concat(missing).Select(Siret).ToList(), CancellationToken.None);
        var outcomes = new List<CheckOutcome>();
        foreach (var siret in known.Concat(missing)) outcomes.Add(await checker.CheckAsync(new CheckRequest(siret, PreferStored: true)));

        Assert.Equal((6, 4, 2, 1), (prefetched.Asked, prefetched.Stored, prefetched.Missing, prefetched.Calls));
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Failure?.Detail));
        Assert.All(known, s => Assert.Equal(0, Stubs.RequestCount(Registry.RechercheEntreprises, s)));
        Assert.All(missing, s => Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, s)));
        Assert.Equal(0, Stubs.RequestCount(Registry.Sirene, null) - Stubs.SireneBatches.Count);
        Assert.All(outcomes.Take(4), o => Assert.Equal(SourceNames.Sirene, o.Report!.Evidence[0].Source));
        Assert.All(outcomes.Skip(4), o => Assert.Equal(SourceNames.RechercheEntreprises, o.Report!.Evidence[0].Source));
    }

    [Fact]
    public async Task A_batch_refused_as_too_long_is_halved_until_it_passes()
    {
        var sirets = Enumerable.Range(0, 5).Select(_ => TestSirets.Next()).ToList();
        foreach (var siret in sirets) Stubs.SireneBatchFound(siret);
        Stubs.SireneBatchLimit = 2;
        await using var services = Services();

        var batch = await services.GetRequiredService<IBatchRegistrySource>().FetchManyAsync(sirets.Select(Siret).ToList(), CancellationToken.None);

        Assert.Equal(sirets.Order(), batch.Found.Keys.Select(s => s.Value).Order());
        Assert.Null(batch.Failure);
        Assert.Equal([5, 2, 3, 1, 2], Stubs.SireneBatches.Select(b => b.Count));
    }

    [Fact]
    public async Task A_batch_of_which_nothing_is_known_leaves_every_siret_to_the_per_siret_path()
    {
        var sirets = Enumerable.Range(0, 3).Select(_ => TestSirets.Next()).ToList();
        await using var services = Services();

        var batch = await services.GetRequiredService<IBatchRegistrySource>().FetchManyAsync(sirets.Select(Siret).ToList(), CancellationToken.None);

        Assert.Empty(batch.Found);
        Assert.Null(batch.Failure);
    }

    /// <summary>Issue 11 §5: a report built from batched facts names its source and retrieval time exactly as a single
    /// lookup would, and gives the same verdicts. The per-SIRET path is INSEE single lookups (Recherche d'entreprises
    /// down), the batched path the prefetch then cache hits; both against the same stub companies and clock.</summary>
    [Fact]
    public async Task Batched_and_per_siret_paths_give_identical_verdicts_sources_and_times()
    {
        var sirets = Companies.Select(_ => TestSirets.Next()).ToList();
        for (var i = 0; i < sirets.Count; i++)
        {
            Stubs.SireneBatchFound(sirets[i], Companies[i]).SireneFound(sirets[i], Companies[i]);
            Stubs.Fails(Registry.RechercheEntreprises, sirets[i], 500);
        }

        await using var batched = Services();
        await batched.GetRequiredService<FactsPrefetcher>().PrefetchAsync(sirets.Select(Siret).ToList(), CancellationToken.None);
        var fromBatch = new List<EligibilityReport>();
        foreach (var siret in sirets)
            fromBatch.Add((await batched.GetRequiredService<EligibilityService>().CheckAsync(new CheckRequest(siret, PreferStored: true))).Report!);
        Assert.All(sirets, s => Assert.Equal(0, Stubs.RequestCount(Registry.RechercheEntreprises, s)));

        await using var single = Services(new Dictionary<string, string?> { ["Registries:RechercheEntreprises:MaxRetries"] = "0" });
        var perSiret = new List<EligibilityReport>();
        foreach (var siret in sirets)
            perSiret.Add((await single.GetRequiredService<EligibilityService>().CheckAsync(new CheckRequest(siret))).Report!);
        Assert.All(sirets, s => Assert.Equal(1, Stubs.RequestCount(Registry.Sirene, s)));

        for (var i = 0; i < sirets.Count; i++)
        {
            var (a, b) = (fromBatch[i], perSiret[i]);
            Assert.Equal(Json(b.Company), Json(a.Company));
            Assert.Equal(Json(b.Ess), Json(a.Ess));
            Assert.Equal(Json(b.Esus), Json(a.Esus));
            Assert.Equal(Json(b.InclusionKinds), Json(a.InclusionKinds));
            Assert.Equal(Json(b.ReservedContracts), Json(a.ReservedContracts));
            var (x, y) = (Assert.Single(a.Evidence, e => e.Source == SourceNames.Sirene), Assert.Single(b.Evidence, e => e.Source == SourceNames.Sirene));
            Assert.Equal((y.Outcome, y.RetrievedAt, y.Detail, y.Stale), (x.Outcome, x.RetrievedAt, x.Detail, x.Stale));
            Assert.True(x.FromCache);
        }
        Assert.Contains(fromBatch, r => r.Ess.Status == EssStatus.Yes);
        Assert.Contains(fromBatch, r => r.ReservedContracts.All(c => c.Status == ContractStatus.NotEligible));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ReportJson.Options);
}
