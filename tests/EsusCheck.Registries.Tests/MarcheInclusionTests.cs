using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Registries.Tests;

public sealed class MarcheInclusionTests : StubbedRegistriesTest
{
    private static readonly ReservedArticle[] InclusionArticles = [ReservedArticle.L2113_12, ReservedArticle.L2113_13, ReservedArticle.L2113_13_1];

    private string CompanyFound(string? typeSiae = null)
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { LegalForm = "9220", TypeSiae = typeSiae });
        return siret;
    }

    [Fact]
    public async Task An_active_ei_for_the_establishment_makes_it_eligible_to_l2113_13()
    {
        var siret = CompanyFound("EI");
        Stubs.MarcheFound(siret, ("EI", true));

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal(ContractStatus.Eligible, Verdict(report, ReservedArticle.L2113_13).Status);
        var evidence = Evidence(report, SourceNames.MarcheInclusion);
        Assert.Equal("found", evidence.Outcome);
        Assert.Equal("Une structure recensée pour ce SIRET : EI (active).", evidence.Detail);
        Assert.Equal("Bearer " + RegistryStubs.MarcheToken,
            Assert.Single(Stubs.Requests(Registry.MarcheInclusion, siret)).RequestMessage.Headers!["Authorization"].ToString());
    }

    [Fact]
    public async Task Several_structures_for_one_siret_are_all_read()
    {
        var siret = CompanyFound();
        Stubs.MarcheFound(siret, ("ESAT", true), ("ACI", true));

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal(ContractStatus.Eligible, Verdict(report, ReservedArticle.L2113_12).Status);
        Assert.Equal(ContractStatus.Eligible, Verdict(report, ReservedArticle.L2113_13).Status);
        Assert.Equal("2 structures recensées pour ce SIRET : ESAT (active), ACI (active).", Evidence(report, SourceNames.MarcheInclusion).Detail);
    }

    [Fact]
    public async Task An_inactive_structure_leaves_the_verdict_to_verify()
    {
        var siret = CompanyFound();
        Stubs.MarcheFound(siret, ("EA", false));

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal(ContractStatus.ToVerify, Verdict(report, ReservedArticle.L2113_12).Status);
    }

    [Fact]
    public async Task An_empty_list_is_not_found_and_with_recherche_silent_too_the_company_is_not_eligible()
    {
        var siret = CompanyFound();
        Stubs.MarcheUnknown(siret);

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal("not_found", Evidence(report, SourceNames.MarcheInclusion).Outcome);
        Assert.All(InclusionArticles, a => Assert.Equal(ContractStatus.NotEligible, Verdict(report, a).Status));
    }

    [Fact]
    public async Task Without_a_token_marche_is_not_called_and_the_evidence_says_type_siae_is_used()
    {
        var siret = CompanyFound("EI");

        var report = await ReportAsync(siret, marcheToken: false);

        Assert.Equal(0, Stubs.RequestCount(Registry.MarcheInclusion));
        var evidence = Evidence(report, SourceNames.MarcheInclusion);
        Assert.Equal("not_configured", evidence.Outcome);
        Assert.Contains("type_siae", evidence.Detail, StringComparison.Ordinal);
        Assert.Contains("unité légale", evidence.Detail, StringComparison.Ordinal);
        Assert.Equal(ContractStatus.ToVerify, Verdict(report, ReservedArticle.L2113_13).Status);
    }

    [Fact]
    public async Task A_refused_token_still_yields_a_report_with_marche_unavailable_and_inclusion_verdicts_to_verify()
    {
        var siret = CompanyFound();

        var report = await ReportAsync(siret, overrides: new Dictionary<string, string?>
        {
            ["Registries:MarcheInclusion:Token"] = "RevokedToken0000000000000000000000000000000000000000000000000000",
        });

        var evidence = Evidence(report, SourceNames.MarcheInclusion);
        Assert.Equal("unavailable", evidence.Outcome);
        Assert.Equal("Le registre a refusé l'accès (HTTP 401) : le secret configuré est absent ou invalide, vérifiez le paramètre " +
                     "Registries:MarcheInclusion:Token.", evidence.Detail);
        Assert.All(InclusionArticles, a => Assert.Equal(ContractStatus.ToVerify, Verdict(report, a).Status));
        Assert.Contains(report.Warnings, w => w.Contains("Le Marché de l'inclusion n'a pas pu être consulté", StringComparison.Ordinal));
        Assert.Equal(1, Stubs.RequestCount(Registry.MarcheInclusion, siret)); // a 401 is not retried
    }

    [Fact]
    public async Task Server_errors_leave_the_report_with_marche_unavailable()
    {
        var siret = CompanyFound();
        Stubs.Fails(Registry.MarcheInclusion, siret, 500);

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal("unavailable", Evidence(report, SourceNames.MarcheInclusion).Outcome);
        Assert.Equal(ContractStatus.ToVerify, Verdict(report, ReservedArticle.L2113_13).Status);
    }

    [Fact]
    public async Task A_429_then_success_is_retried()
    {
        var siret = CompanyFound();
        Stubs.FailsThen(Registry.MarcheInclusion, siret, 429, 2, Stubs.Found(Registry.MarcheInclusion, siret), retryAfterSeconds: 0);

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal(ContractStatus.Eligible, Verdict(report, ReservedArticle.L2113_13).Status);
        Assert.Equal(3, Stubs.RequestCount(Registry.MarcheInclusion, siret));
    }

    [Fact]
    public async Task A_timeout_is_unavailable()
    {
        var siret = CompanyFound();
        Stubs.Delayed(Registry.MarcheInclusion, siret, TimeSpan.FromSeconds(2));

        var report = await ReportAsync(siret, marcheToken: true, overrides: new Dictionary<string, string?>
        {
            ["Registries:MarcheInclusion:AttemptTimeout"] = "00:00:00.300",
            ["Registries:MarcheInclusion:MaxRetries"] = "0",
        });

        Assert.Equal("Le registre n'a pas répondu (délai dépassé).", Evidence(report, SourceNames.MarcheInclusion).Detail);
    }

    [Fact]
    public async Task Malformed_json_is_unavailable()
    {
        var siret = CompanyFound();
        Stubs.Malformed(Registry.MarcheInclusion, siret);

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal("La réponse du registre est illisible (format inattendu).", Evidence(report, SourceNames.MarcheInclusion).Detail);
    }
}
