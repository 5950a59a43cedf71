using EsusCheck.Core.Engine;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Functions.Http;
using EsusCheck.Functions.Tests.Support;
using EsusCheck.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace EsusCheck.Functions.Tests.Plain;

/// <summary>ETag and Cache-Control computed by a plain class, without any HTTP type.</summary>
public sealed class ReportCachingTests
{
    private static readonly DateTimeOffset Now = FactsBuilder.RetrievedAt.AddMinutes(5);

    private static EligibilityReport Report(FactsBuilder facts, DateTimeOffset? at = null) =>
        EligibilityEngine.Evaluate(facts.Build(), PurchaseContext.None, at ?? Now);

    private static ReportCaching Caching(TimeSpan? maxAge = null, Func<string, bool, TimeSpan?>? freshness = null)
    {
        var port = new Mock<ISourceFreshness>();
        port.Setup(f => f.FreshnessOf(It.IsAny<string>(), It.IsAny<bool>())).Returns((string s, bool found) => freshness?.Invoke(s, found));
        return new ReportCaching(Options.Create(new HttpApiOptions { ReportMaxAge = maxAge ?? TimeSpan.FromHours(1) }), port.Object, new WallClock(Now));
    }

    [Fact]
    public void The_etag_is_the_same_for_the_same_verdicts_checked_at_another_time_from_the_cache()
    {
        var first = Report(new FactsBuilder());
        var later = Report(new FactsBuilder().WithSource(SourceNames.Finess, SourceOutcome.NotFound, fromCache: true), Now.AddDays(1)) with
        {
            Evidence = first.Evidence.Select(e => e with { RetrievedAt = e.RetrievedAt.AddHours(3), FromCache = true, Detail = "autre" }).ToList(),
        };

        Assert.Equal(ReportCaching.ETagOf(first), ReportCaching.ETagOf(later));
    }

    [Fact]
    public void The_etag_changes_with_a_verdict_a_source_outcome_or_staleness()
    {
        var report = Report(new FactsBuilder());
        var etag = ReportCaching.ETagOf(report);

        Assert.NotEqual(etag, ReportCaching.ETagOf(Report(new FactsBuilder().WithLegalForm("9220"))));
        Assert.NotEqual(etag, ReportCaching.ETagOf(report with { Evidence = [.. report.Evidence.Select(e => e with { Outcome = "unavailable" })] }));
        Assert.NotEqual(etag, ReportCaching.ETagOf(report with { Evidence = [.. report.Evidence.Select(e => e with { Stale = true })] }));
        Assert.NotEqual(etag, ReportCaching.ETagOf(report with { RulesVersion = "autre" }));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\",  \"abc\" ", true)]
    [InlineData("*", true)]
    [InlineData("\"abcd\"", false)]
    [InlineData("abc", false)]
    public void If_none_match_uses_the_weak_comparison(string? header, bool matches) =>
        Assert.Equal(matches, ReportCaching.Matches(header, "\"abc\""));

    [Fact]
    public void A_sound_report_may_be_kept_for_the_configured_max_age()
    {
        Assert.Equal("private, max-age=600", Caching(TimeSpan.FromMinutes(10)).CacheControlFor(Report(new FactsBuilder())));
    }

    [Fact]
    public void The_max_age_stops_when_the_server_would_fetch_the_first_fact_again()
    {
        var caching = Caching(freshness: (s, _) => s == SourceNames.RechercheEntreprises ? TimeSpan.FromMinutes(30) : null);

        // Retrieved 5 minutes before now and kept 30 minutes: 25 minutes left.
        Assert.Equal("private, max-age=1500", caching.CacheControlFor(Report(new FactsBuilder())));
    }

    [Fact]
    public void An_unknown_answer_counts_with_its_own_shorter_freshness()
    {
        var caching = Caching(freshness: (s, found) => s == SourceNames.Finess ? (found ? TimeSpan.FromDays(7) : TimeSpan.FromMinutes(20)) : null);

        // FINESS said « unknown » 5 minutes before now and is kept 20 minutes: 15 minutes left.
        Assert.Equal("private, max-age=900", caching.CacheControlFor(Report(new FactsBuilder().WithFiness())));
    }

    [Fact]
    public void Facts_already_past_their_freshness_must_be_revalidated()
    {
        var caching = Caching(freshness: (_, _) => TimeSpan.FromMinutes(2));

        Assert.Equal(ReportCaching.DegradedCacheControl, caching.CacheControlFor(Report(new FactsBuilder())));
    }

    [Theory]
    [InlineData(SourceOutcome.Unavailable, false)]
    [InlineData(SourceOutcome.Found, true)]
    public void A_report_on_stale_or_unavailable_facts_must_be_revalidated(SourceOutcome outcome, bool stale)
    {
        var report = Report(new FactsBuilder().WithSource(SourceNames.MarcheInclusion, outcome, fromCache: stale, stale: stale));

        Assert.Equal(ReportCaching.DegradedCacheControl, Caching().CacheControlFor(report));
    }
}
