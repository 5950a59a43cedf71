using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.Options;
using Moq;

namespace EsusCheck.Functions.Tests;

/// <summary><c>GET /api/v1/reference</c> invoked with a real HttpRequest.</summary>
public sealed class ReferenceFunctionTests
{
    private static async Task<HttpCall.Response> Reference(ApiHarness api)
    {
        var request = HttpCall.Get("/api/v1/reference");
        return await (await api.Function<ReferenceFunction>().Run(request)).ExecuteAsync(request);
    }

    private static Dictionary<string, System.Text.Json.Nodes.JsonNode> Sources(HttpCall.Response response) =>
        response.Json["sources"]!.AsArray().ToDictionary(s => (string)s!["id"]!, s => s!);

    [Fact]
    public async Task Each_source_says_what_it_is_and_whether_its_key_is_configured_never_the_key()
    {
        await using var api = new ApiHarness(marcheToken: true, sireneKey: false);

        var response = await Reference(api);

        Assert.Equal(200, response.Status);
        Contract.AssertDocumented(response, ApiOperations.GetReference);
        Assert.DoesNotContain(RegistryStubs.MarcheToken, response.Body);
        var sources = Sources(response);
        Assert.Equal([SourceNames.RechercheEntreprises, SourceNames.Sirene, SourceNames.MarcheInclusion, SourceNames.Finess], sources.Keys.ToArray());
        Assert.Equal("configured", (string?)sources[SourceNames.MarcheInclusion]["configuration"]);
        Assert.Equal("not_configured", (string?)sources[SourceNames.Sirene]["configuration"]);
        Assert.Equal("not_required", (string?)sources[SourceNames.RechercheEntreprises]["configuration"]);
        Assert.Equal("identity", (string?)sources[SourceNames.RechercheEntreprises]["role"]);
        Assert.Equal("identity_fallback", (string?)sources[SourceNames.Sirene]["role"]);
        Assert.All(sources.Values, s => Assert.True((bool)s["registered"]!));
        Assert.All(sources.Values, s => Assert.False(string.IsNullOrWhiteSpace((string?)s["description"])));
        Assert.Equal("L'API Recherche d'entreprises", (string?)sources[SourceNames.RechercheEntreprises]["name"]);
    }

    [Fact]
    public async Task The_reference_asks_no_registry()
    {
        await using var api = new ApiHarness();

        await Reference(api);

        Assert.Empty(api.Stubs.Server.LogEntries);
    }

    [Fact]
    public async Task Without_an_imported_esus_list_the_list_is_missing()
    {
        await using var api = new ApiHarness();

        var esus = (await Reference(api)).Json["lists"]![0]!;

        Assert.Equal(SourceNames.EsusList, (string?)esus["id"]);
        Assert.Equal("missing", (string?)esus["state"]);
        Assert.Null(esus["publishedOn"]);
    }

    [Fact]
    public async Task An_esus_list_store_that_does_not_answer_is_reported_unreadable()
    {
        var store = new Mock<IEsusListStore>();
        store.Setup(s => s.GetInfoAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("table unreachable"));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, store.Object));

        var response = await Reference(api);

        Assert.Equal(200, response.Status);
        Assert.Equal("unreadable", (string?)response.Json["lists"]![0]!["state"]);
        Assert.DoesNotContain("unreachable", response.Body);
        Contract.AssertDocumented(response, ApiOperations.GetReference);
    }

    [Fact]
    public async Task The_esus_list_gives_its_publication_and_import_dates_and_staleness()
    {
        await using var api = new ApiHarness();
        var importedAt = new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero);
        await api.Get<IEsusListStore>().ReplaceAsync(new EsusListInfo(new DateOnly(2026, 2, 1), 1, importedAt, "liste-esus-2026-02.xlsx"),
            [new EsusListEntry(IdentifierParser.ParseSiren("732829320").Value!.Value)], default);

        var response = await Reference(api);

        var esus = response.Json["lists"]![0]!;
        Assert.Equal("2026-02-01", (string?)esus["publishedOn"]);
        Assert.Equal(importedAt, DateTimeOffset.Parse((string)esus["importedAt"]!));
        Assert.Equal(1, (int?)esus["rowCount"]);
        Assert.Equal("liste-esus-2026-02.xlsx", (string?)esus["origin"]);
        // Asked on 28 November 2026: the 1 July 2026 update is past due.
        Assert.Equal("stale", (string?)esus["state"]);
        Assert.True((bool)esus["stale"]!);
        Assert.Equal("2026-07-01", (string?)esus["nextDueDate"]);
        Assert.Contains("le 1er février et le 1er juillet", (string?)esus["freshnessPolicy"]);
        Contract.AssertDocumented(response, ApiOperations.GetReference);
    }

    [Fact]
    public async Task A_current_esus_list_is_loaded_and_not_stale()
    {
        await using var api = new ApiHarness();
        await api.Get<IEsusListStore>().ReplaceAsync(
            new EsusListInfo(new DateOnly(2026, 7, 1), 1, new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), "liste.csv"),
            [new EsusListEntry(IdentifierParser.ParseSiren("732829320").Value!.Value)], default);

        var esus = (await Reference(api)).Json["lists"]![0]!;

        Assert.Equal("loaded", (string?)esus["state"]);
        Assert.False((bool)esus["stale"]!);
        Assert.Equal("2027-02-01", (string?)esus["nextDueDate"]);
    }

    [Fact]
    public async Task The_local_marche_copy_shows_its_date_size_and_staleness()
    {
        await using var api = new ApiHarness();
        Assert.Equal("missing", (string?)(await Reference(api)).Json["lists"]![1]!["state"]);

        var copiedAt = ApiHarness.Start.AddHours(-6);
        await api.Get<Core.Application.IMarcheCopyStore>().ReplaceAsync(
            new(copiedAt, 2, "https://lemarche.example/api/siae/"),
            [
                new(1, "53374499100035", InclusionKind.EI, "IDDEE 13", true),
                new(2, "73282932000074", InclusionKind.ESAT, "ATELIERS", true),
            ], default);

        var copy = (await Reference(api)).Json["lists"]![1]!;
        Assert.Equal("marche-inclusion-copy", (string?)copy["id"]);
        Assert.Equal("loaded", (string?)copy["state"]);
        Assert.Equal(2, (int)copy["rowCount"]!);
        Assert.False((bool)copy["stale"]!);

        api.Clock.Advance(TimeSpan.FromDays(4));
        var stale = (await Reference(api)).Json["lists"]![1]!;
        Assert.Equal("stale", (string?)stale["state"]);
        Assert.True((bool)stale["stale"]!);
    }

    [Fact]
    public async Task The_rule_tables_are_listed_with_the_rules_version()
    {
        await using var api = new ApiHarness();

        var lists = (await Reference(api)).Json["lists"]!.AsArray().Skip(2).ToList();

        Assert.Equal(new string?[] { "ess-legal-forms", "inclusion-kinds", "social-services-cpv", "legal-references" },
            lists.Select(l => (string?)l!["id"]).ToArray());
        Assert.All(lists, l => Assert.Equal(Core.Rules.RulesVersion.Current, (string?)l!["version"]));
        Assert.All(lists, l => Assert.True((int)l!["rowCount"]! > 0));
    }

    [Fact]
    public async Task The_freshness_policy_is_the_table_storage_cache_policy()
    {
        await using var api = new ApiHarness(settings: new Dictionary<string, string?> { ["Cache:Freshness:finess"] = "3.00:00:00" });

        var sources = Sources(await Reference(api));

        Assert.StartsWith("Réponses conservées en cache pendant 1 jour (une réponse « inconnu » : 1 heure), puis redemandées",
            (string?)sources[SourceNames.RechercheEntreprises]["freshnessPolicy"]);
        Assert.StartsWith("Réponses conservées en cache pendant 3 jours (", (string?)sources[SourceNames.Finess]["freshnessPolicy"]);
    }

    [Fact]
    public void Without_a_registry_cache_there_is_no_freshness()
    {
        var freshness = new CacheFreshness(new NoFactsCache(), Options.Create(new Storage.Cache.FactsCacheOptions()));

        Assert.Null(freshness.FreshnessOf(SourceNames.RechercheEntreprises, found: true));
    }

    [Fact]
    public async Task Health_shows_the_last_live_answers_this_instance_saw_including_an_outage()
    {
        await using var api = new ApiHarness();
        var (up, down) = (TestSirets.Next(), TestSirets.Next());
        api.Stubs.RechercheFound(up).Fails(Registry.RechercheEntreprises, down, 500);
        Assert.Null(Sources(await Reference(api))[SourceNames.RechercheEntreprises]["health"]);

        var answeredAt = api.Clock.Now;
        Assert.Equal(200, (await CheckEligibilityFunctionTests.Check(api, up)).Status);
        api.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(503, (await CheckEligibilityFunctionTests.Check(api, down)).Status);

        var response = await Reference(api);
        var health = Sources(response)[SourceNames.RechercheEntreprises]["health"]!;
        Assert.Equal("unavailable", (string?)health["lastOutcome"]);
        Assert.Equal(answeredAt, DateTimeOffset.Parse((string)health["lastAnsweredAt"]!));
        Assert.Equal(answeredAt.AddMinutes(3), DateTimeOffset.Parse((string)health["lastUnavailableAt"]!));
        Assert.Equal("not_found", (string?)Sources(response)[SourceNames.Finess]["health"]!["lastOutcome"]);
        Contract.AssertDocumented(response, ApiOperations.GetReference);
    }
}
