using EsusCheck.Core.Reports;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Functions.Tests;

/// <summary>The HTTP check over the Table Storage cache on Azurite, the registries played by WireMock: what the cache
/// changes for a client (fromCache, refresh, stale-if-error, negative cache, caching headers).</summary>
public sealed class CachedChecksTests : IAsyncLifetime
{
    private readonly string _siret = TestSirets.Next();
    private readonly ApiHarness _api = new();

    public CachedChecksTests() => _api.Stubs.RechercheFound(_siret, new StubCompany { LegalForm = "9220", EstEss = true });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<HttpCall.Response> Check(string? query = null, IDictionary<string, string>? headers = null, string? siret = null) =>
        CheckEligibilityFunctionTests.Check(_api, siret ?? _siret, query, headers);

    private static EvidenceItem Recherche(HttpCall.Response response) =>
        ReportJson.Deserialize(response.Body)!.Evidence.Single(e => e.Source == "recherche-entreprises");

    [Fact]
    public async Task The_second_check_is_served_from_the_cache_with_the_same_etag_and_can_be_a_304()
    {
        var first = await Check();
        _api.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Check();
        var revalidated = await Check(headers: new Dictionary<string, string> { ["If-None-Match"] = first.Header("ETag")! });

        Assert.False(Recherche(first).FromCache);
        Assert.True(Recherche(second).FromCache);
        Assert.Equal(first.Header("ETag"), second.Header("ETag"));
        Assert.Equal(304, revalidated.Status);
        Assert.Equal(1, _api.RechercheCalls(_siret));
    }

    [Fact]
    public async Task Refresh_true_asks_the_registry_again()
    {
        await Check();

        var refreshed = await Check("refresh=true");

        Assert.False(Recherche(refreshed).FromCache);
        Assert.Equal(2, _api.RechercheCalls(_siret));
    }

    [Fact]
    public async Task The_max_age_ends_when_the_first_cached_answer_would_be_asked_again()
    {
        await Check();
        _api.Clock.Advance(TimeSpan.FromMinutes(30));

        var second = await Check();

        // FINESS said « unknown » 30 minutes ago; the cache keeps that one hour (Cache:NotFoundFreshness): 30 minutes left.
        Assert.Contains(ReportJson.Deserialize(second.Body)!.Evidence, e => e is { Source: "finess", Outcome: "not_found", FromCache: true });
        Assert.Equal("private, max-age=1800", second.Header("Cache-Control"));
    }

    [Fact]
    public async Task An_outage_after_a_check_serves_the_last_facts_marked_stale_to_revalidate()
    {
        await Check();
        _api.Clock.Advance(TimeSpan.FromDays(2));
        _api.Stubs.Fails(Registry.RechercheEntreprises, _siret, 500);

        var response = await Check();

        Assert.Equal(200, response.Status);
        var evidence = Recherche(response);
        Assert.True(evidence.Stale);
        Assert.Equal(ApiHarness.Start, evidence.RetrievedAt);
        Assert.Equal(ReportCaching.DegradedCacheControl, response.Header("Cache-Control"));
        Assert.Contains(ReportJson.Deserialize(response.Body)!.Warnings, w => w.Contains("dernières connues", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_siret_is_answered_404_again_without_asking_the_registry()
    {
        var unknown = TestSirets.Next();
        _api.Stubs.RechercheUnknown(unknown);

        var first = await Check(siret: unknown);
        var second = await Check(siret: unknown);

        Assert.Equal((404, 404), (first.Status, second.Status));
        Assert.Equal(1, _api.RechercheCalls(unknown));
    }
}
