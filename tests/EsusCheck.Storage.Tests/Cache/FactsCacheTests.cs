namespace EsusCheck.Storage.Tests.Cache;

/// <summary>Cache behaviour that needs a controlled clock or a controlled registry: in-process sources (counting,
/// gated) through the real <see cref="EligibilityService"/> and the Table Storage cache on Azurite. The end-to-end
/// cases with the real registry clients are in <see cref="RegistryCacheIntegrationTests"/>.</summary>
public sealed class FactsCacheTests : IDisposable
{
    private readonly StorageHost _host;
    private readonly FakeRegistrySource _recherche;
    private readonly FakeRegistrySource _marche;
    private readonly FakeRegistrySource _finess;

    public FactsCacheTests()
    {
        _recherche = new(SourceNames.RechercheEntreprises, SourceRole.Identity, _ => Answers.Identity(_host!.Clock));
        _marche = new(SourceNames.MarcheInclusion, SourceRole.Complement, _ => Answers.Marche(_host!.Clock, InclusionKind.ACI));
        _finess = new(SourceNames.Finess, SourceRole.Complement, _ => Answers.Finess(_host!.Clock));
        _host = new StorageHost([_recherche, _marche, _finess]);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Each_source_stays_fresh_for_its_own_duration()
    {
        _finess.Answer = _ => Answers.Finess(_host.Clock, "246");
        await _host.ReportAsync();

        _host.Clock.Advance(TimeSpan.FromHours(23));
        await _host.ReportAsync();
        Assert.Equal((1, 1, 1), (_recherche.Calls, _marche.Calls, _finess.Calls));

        _host.Clock.Advance(TimeSpan.FromHours(2));
        await _host.ReportAsync();
        Assert.Equal((2, 2, 1), (_recherche.Calls, _marche.Calls, _finess.Calls));

        _host.Clock.Advance(TimeSpan.FromDays(6));
        await _host.ReportAsync();
        Assert.Equal((3, 3, 2), (_recherche.Calls, _marche.Calls, _finess.Calls));
    }

    [Fact]
    public async Task Freshness_is_configured_per_source()
    {
        using var host = new StorageHost([_recherche], new Dictionary<string, string?>
        {
            ["Cache:Freshness:recherche_entreprises"] = "00:10:00",
        });
        _recherche.Answer = _ => Answers.Identity(host.Clock);

        await host.ReportAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(9));
        await host.ReportAsync();
        Assert.Equal(1, _recherche.Calls);

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.ReportAsync();
        Assert.Equal(2, _recherche.Calls);
    }

    [Fact]
    public async Task A_refresh_during_an_outage_still_serves_the_stale_facts()
    {
        await _host.ReportAsync();
        _recherche.Answer = _ => Answers.Unavailable(SourceNames.RechercheEntreprises, _host.Clock);

        var report = await _host.ReportAsync(refresh: true);

        Assert.True(ReportEvidence.Of(report, SourceNames.RechercheEntreprises).Stale());
    }

    [Fact]
    public async Task A_source_that_throws_is_covered_by_stale_facts_too()
    {
        await _host.ReportAsync();
        _host.Clock.Advance(TimeSpan.FromDays(2));
        _marche.Answer = _ => throw new InvalidOperationException("bug in an adapter");

        var report = await _host.ReportAsync();

        Assert.True(ReportEvidence.Of(report, SourceNames.MarcheInclusion).Stale());
        Assert.Contains(InclusionKind.ACI, report.InclusionKinds);
    }

    [Fact]
    public async Task Unavailable_answers_are_never_cached()
    {
        _recherche.Answer = _ => Answers.Unavailable(SourceNames.RechercheEntreprises, _host.Clock);
        var first = await _host.CheckAsync();
        _recherche.Answer = _ => Answers.Identity(_host.Clock);
        var second = await _host.CheckAsync();

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, first.Failure?.Kind);
        Assert.True(second.Succeeded);
        Assert.Equal(2, _recherche.Calls);
    }

    [Fact]
    public async Task Not_configured_answers_are_never_cached()
    {
        _marche.Answer = _ => SourceFacts.NotConfigured(SourceNames.MarcheInclusion, _host.Clock.GetUtcNow(), "Aucun jeton configuré.");

        await _host.ReportAsync();
        var second = await _host.ReportAsync();

        Assert.Equal(2, _marche.Calls);
        Assert.Equal("not_configured", ReportEvidence.Of(second, SourceNames.MarcheInclusion).Outcome());
    }

    [Theory]
    [InlineData(true, 31 * 24)] // known, but older than Cache:MaxStaleAge
    [InlineData(false, 2)] // an old « unknown » would deny a company that exists
    public async Task Some_stored_answers_are_not_served_stale_during_an_outage(bool known, int hoursLater)
    {
        if (!known) _recherche.Answer = _ => Answers.NotFound(SourceNames.RechercheEntreprises, _host.Clock);
        await _host.CheckAsync();
        _host.Clock.Advance(TimeSpan.FromHours(hoursLater));
        _recherche.Answer = _ => Answers.Unavailable(SourceNames.RechercheEntreprises, _host.Clock);

        var outcome = await _host.CheckAsync();

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, outcome.Failure?.Kind);
        Assert.Equal(2, _recherche.Calls);
    }

    [Fact]
    public async Task Twenty_concurrent_checks_of_one_siret_make_one_upstream_call()
    {
        CountingFactsCache? counting = null;
        using var host = new StorageHost([_recherche, _marche, _finess], configure: services =>
            services.AddSingleton<IFactsCache>(sp => counting = new CountingFactsCache(ActivatorUtilities.CreateInstance<TableFactsCache>(sp))));
        foreach (var source in new[] { _recherche, _marche, _finess })
            source.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _recherche.Answer = _ => Answers.Identity(host.Clock);

        var checks = Enumerable.Range(0, 20).Select(_ => Task.Run(() => host.Service.CheckAsync(new CheckRequest(Answers.KnownSiret)))).ToList();
        // Hold the registries until every check has asked the cache for all three sources: without coalescing, each
        // of the twenty would be on its way to the registry by then.
        await Wait.UntilAsync(() => counting?.Entered == 60);
        foreach (var source in new[] { _recherche, _marche, _finess }) source.Gate!.SetResult();
        var outcomes = await Task.WhenAll(checks);

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal((1, 1, 1), (_recherche.Calls, _marche.Calls, _finess.Calls));
        Assert.All(outcomes, o => Assert.Equal("EXEMPLE SERVICES", o.Report!.Company.Name));
    }
}
