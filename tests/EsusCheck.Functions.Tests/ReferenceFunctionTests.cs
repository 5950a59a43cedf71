using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing;
using Moq;

namespace EsusCheck.Functions.Tests;

/// <summary><c>GET /api/v1/reference</c> invoked with a real HttpRequest.</summary>
public sealed class ReferenceFunctionTests
{
    private const string Token = "marche-token-0123456789abcdef0123456789abcdef0123456789abcdef0123";

    private static async Task<HttpCall.Response> Reference(ApiHarness api)
    {
        var request = HttpCall.Get("/api/v1/reference");
        return await (await api.Function<ReferenceFunction>().Run(request)).ExecuteAsync(request);
    }

    private static ApiHarness Api() => new(settings: new Dictionary<string, string?>
    {
        ["Registries:MarcheInclusion:Token"] = Token,
        ["Registries:Sirene:ApiKey"] = "",
    });

    [Fact]
    public async Task Each_source_says_what_it_is_and_whether_its_key_is_configured_never_the_key()
    {
        await using var api = Api();

        var response = await Reference(api);

        Assert.Equal(200, response.Status);
        Contract.AssertDocumented(response, ApiOperations.GetReference);
        Assert.DoesNotContain(Token, response.Body);
        var sources = response.Json["sources"]!.AsArray().ToDictionary(s => (string)s!["id"]!);
        Assert.Equal(
            [SourceNames.RechercheEntreprises, SourceNames.Sirene, SourceNames.MarcheInclusion, SourceNames.Finess],
            sources.Keys.ToArray());
        Assert.Equal("configured", (string?)sources[SourceNames.MarcheInclusion]!["configuration"]);
        Assert.Equal("not_configured", (string?)sources[SourceNames.Sirene]!["configuration"]);
        Assert.Equal("not_required", (string?)sources[SourceNames.RechercheEntreprises]!["configuration"]);
        Assert.Equal("identity", (string?)sources[SourceNames.RechercheEntreprises]!["role"]);
        Assert.True((bool)sources[SourceNames.RechercheEntreprises]!["registered"]!);
        Assert.False((bool)sources[SourceNames.Finess]!["registered"]!);
        Assert.All(sources.Values, s => Assert.False(string.IsNullOrWhiteSpace((string?)s!["description"])));
        Assert.Equal("Aucun cache : chaque vérification interroge la source.", (string?)sources[SourceNames.Finess]!["freshnessPolicy"]);
    }

    [Fact]
    public async Task Without_an_imported_esus_list_the_list_is_missing()
    {
        await using var api = Api();

        var esus = (await Reference(api)).Json["lists"]![0]!;

        Assert.Equal(SourceNames.EsusList, (string?)esus["id"]);
        Assert.Equal("missing", (string?)esus["state"]);
        Assert.Null(esus["publishedOn"]);
    }

    [Fact]
    public async Task The_esus_list_gives_its_publication_and_import_dates_and_staleness()
    {
        await using var api = Api();
        var importedAt = new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero);
        await api.Get<IEsusListStore>().ReplaceAsync(new EsusListInfo(new DateOnly(2026, 2, 1), 2, importedAt, "liste-esus-2026-02.xlsx"),
            [new EsusListEntry(IdentifierParser.ParseSiren("732829320").Value!.Value)], default);

        var response = await Reference(api);

        var esus = response.Json["lists"]![0]!;
        Assert.Equal("2026-02-01", (string?)esus["publishedOn"]);
        Assert.Equal(importedAt, DateTimeOffset.Parse((string)esus["importedAt"]!));
        Assert.Equal(2, (int?)esus["rowCount"]);
        Assert.Equal("liste-esus-2026-02.xlsx", (string?)esus["origin"]);
        // Checked in November 2026: the 1 July 2026 update is past due.
        Assert.Equal("stale", (string?)esus["state"]);
        Assert.True((bool)esus["stale"]!);
        Assert.Equal("2026-07-01", (string?)esus["nextDueDate"]);
        Assert.Contains("1er février", (string?)esus["freshnessPolicy"]);
        Contract.AssertDocumented(response, ApiOperations.GetReference);
    }

    [Fact]
    public async Task A_current_esus_list_is_loaded_and_not_stale()
    {
        await using var api = Api();
        await api.Get<IEsusListStore>().ReplaceAsync(
            new EsusListInfo(new DateOnly(2026, 7, 1), 0, new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), "liste.csv"), [], default);

        var esus = (await Reference(api)).Json["lists"]![0]!;

        Assert.Equal("loaded", (string?)esus["state"]);
        Assert.False((bool)esus["stale"]!);
        Assert.Equal("2027-02-01", (string?)esus["nextDueDate"]);
    }

    [Fact]
    public async Task The_rule_tables_are_listed_with_the_rules_version()
    {
        await using var api = Api();

        var lists = (await Reference(api)).Json["lists"]!.AsArray().Skip(1).ToList();

        Assert.Equal(new string?[] { "ess-legal-forms", "inclusion-kinds", "social-services-cpv", "legal-references" }, lists.Select(l => (string?)l!["id"]).ToArray());
        Assert.All(lists, l => Assert.Equal(Core.Rules.RulesVersion.Current, (string?)l!["version"]));
        Assert.All(lists, l => Assert.True((int)l!["rowCount"]! > 0));
    }

    [Fact]
    public async Task The_freshness_policy_follows_the_server_cache()
    {
        var freshness = new Mock<ISourceFreshness>();
        freshness.Setup(f => f.FreshnessOf(SourceNames.RechercheEntreprises)).Returns(TimeSpan.FromDays(1));
        freshness.Setup(f => f.FreshnessOf(SourceNames.Finess)).Returns(TimeSpan.FromDays(7));
        await using var api = new ApiHarness(services => ApiHarness.Replace(services, freshness.Object));

        var sources = (await Reference(api)).Json["sources"]!.AsArray().ToDictionary(s => (string)s!["id"]!);

        Assert.StartsWith("Réponses conservées en cache pendant 1 jour,", (string?)sources[SourceNames.RechercheEntreprises]!["freshnessPolicy"]);
        Assert.StartsWith("Réponses conservées en cache pendant 7 jours,", (string?)sources[SourceNames.Finess]!["freshnessPolicy"]);
    }

    [Fact]
    public async Task Health_shows_the_last_live_answers_this_instance_saw_including_an_outage()
    {
        await using var api = Api();
        api.Registry.Knows("73282932000074");
        Assert.Null((await Reference(api)).Json["sources"]![0]!["health"]);

        var check = HttpCall.Get("/api/v1/eligibility/73282932000074");
        await (await api.Function<CheckEligibilityFunction>().Run(check, "73282932000074")).ExecuteAsync(check);
        api.Registry.Outage = (true, null);
        check = HttpCall.Get("/api/v1/eligibility/41816609600069");
        await (await api.Function<CheckEligibilityFunction>().Run(check, "41816609600069")).ExecuteAsync(check);

        var response = await Reference(api);
        var health = response.Json["sources"]![0]!["health"]!;
        Assert.Equal("unavailable", (string?)health["lastOutcome"]);
        Assert.Equal(FactsBuilder.RetrievedAt, DateTimeOffset.Parse((string)health["lastAnsweredAt"]!));
        Assert.Equal(ApiHarness.Now, DateTimeOffset.Parse((string)health["lastUnavailableAt"]!));
        Assert.Null(response.Json["sources"]![2]!["health"]);
        Contract.AssertDocumented(response, ApiOperations.GetReference);
    }
}
