using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Tests.Engine;

public sealed class WarningsAndEvidenceTests
{
    [Fact]
    public void A_non_diffusible_company_is_reported_partial_with_a_warning()
    {
        var report = new FactsBuilder().WithIdentity(i => i with { Diffusion = Diffusion.Partial, Address = null }).Evaluate();

        Assert.Equal("partial", report.Company.Diffusion);
        Assert.Null(report.Company.Address);
        Assert.Contains(report.Warnings, w => w.Contains("ne soient pas diffusées"));
    }

    [Fact]
    public void Stale_facts_are_marked_in_evidence_and_warned_about_with_their_date()
    {
        var report = new FactsBuilder().WithSource(SourceNames.Finess, SourceOutcome.Found, fromCache: true, stale: true).Evaluate();

        var evidence = Assert.Single(report.Evidence, e => e.Source == SourceNames.Finess);
        Assert.True(evidence.Stale);
        Assert.True(evidence.FromCache);
        Assert.Contains(report.Warnings, w => w.Contains("dernières connues, datées du 20 novembre 2026"));
    }

    [Fact]
    public void Evidence_lists_every_source_asked_and_the_esus_list()
    {
        var report = new FactsBuilder().WithMarche().WithFiness().WithEsusList(new DateOnly(2026, 7, 1), listed: false).Evaluate();

        Assert.Equal(["recherche-entreprises", "marche-inclusion", "finess", "esus-list"], report.Evidence.Select(e => e.Source));
        Assert.Equal(["found", "not_found", "not_found", "not_found"], report.Evidence.Select(e => e.Outcome));
    }

    [Fact]
    public void The_engine_is_pure_same_facts_same_report()
    {
        var facts = new FactsBuilder().WithTypeSiae(InclusionKind.EI).WithEsusList(new DateOnly(2026, 7, 1), listed: true).Build();
        var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

        var first = ReportJson.Serialize(Core.Engine.EligibilityEngine.Evaluate(facts, Core.Engine.PurchaseContext.None, now));
        var second = ReportJson.Serialize(Core.Engine.EligibilityEngine.Evaluate(facts, Core.Engine.PurchaseContext.None, now));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Reasons_and_warnings_never_show_raw_enum_values()
    {
        var reports = new[]
        {
            new FactsBuilder().WithMarche((InclusionKind.GEIQ, true)).Evaluate("85311000"),
            new FactsBuilder().Ceased().Evaluate(),
            new FactsBuilder().WithSource(SourceNames.MarcheInclusion, SourceOutcome.Unavailable).Evaluate(),
            new FactsBuilder().WithLegalForm("9240").WithEssFlag(null).Evaluate(),
        };
        var texts = reports.SelectMany(r => r.Warnings.Concat(r.Ess.Reasons).Concat(r.Esus.Reasons).Concat(r.ReservedContracts.SelectMany(c => c.Reasons)));

        Assert.All(texts, text =>
        {
            foreach (var raw in new[] { "not_eligible", "to_verify", "NotEligible", "ToVerify", "Unavailable", "LegalUnit", "unknown", "null" })
                Assert.DoesNotContain(raw, text);
        });
    }
}
