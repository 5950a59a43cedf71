using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Registries.Tests;

public sealed class RechercheEntreprisesTests : StubbedRegistriesTest
{
    [Fact]
    public async Task A_company_found_yields_its_identity_legal_form_label_and_ess_flag()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { Name = "LES JARDINS DE COCAGNE", LegalForm = "9220", EstEss = true });

        var report = await ReportAsync(siret);

        Assert.Equal("LES JARDINS DE COCAGNE", report.Company.Name);
        Assert.Equal(new CodeLabel("9220", "Association déclarée"), report.Company.LegalForm);
        Assert.Equal("active", report.Company.CompanyState);
        Assert.Equal("active", report.Company.EstablishmentState);
        Assert.True(report.Company.HeadOffice);
        Assert.Equal("12 RUE DES LILAS 75011 PARIS", report.Company.Address);
        Assert.Equal("public", report.Company.Diffusion);
        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        var evidence = Assert.Single(report.Evidence, e => e.Source == SourceNames.RechercheEntreprises);
        Assert.Equal("found", evidence.Outcome);
        Assert.Equal("Établissement trouvé.", evidence.Detail);
    }

    [Fact]
    public async Task An_unknown_siret_is_unknown()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheUnknown(siret);

        var failure = (await CheckAsync(siret)).Failure!;

        Assert.Equal(CheckFailureKind.Unknown, failure.Kind);
        Assert.Equal(CheckFailure.Codes.UnknownSiret, failure.Code);
    }

    [Fact]
    public async Task A_result_for_another_establishment_is_not_taken_for_the_siret_asked()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheOtherEstablishment(siret, TestSirets.OtherEstablishment(siret));

        var failure = (await CheckAsync(siret)).Failure!;

        Assert.Equal(CheckFailureKind.Unknown, failure.Kind);
    }

    [Fact]
    public async Task Type_siae_gives_legal_unit_level_kinds_which_leave_the_inclusion_verdict_to_verify()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { LegalForm = "9220", TypeSiae = "EI, ACI" });

        var report = await ReportAsync(siret);

        Assert.Equal([InclusionKind.EI, InclusionKind.ACI], report.InclusionKinds);
        var l2113_13 = Assert.Single(report.ReservedContracts, c => c.Article == ReservedArticle.L2113_13);
        Assert.Equal(ContractStatus.ToVerify, l2113_13.Status);
        Assert.Contains(l2113_13.Reasons, r => r.Contains("unité légale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ceased_company_is_reported_ceased_and_not_eligible()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { Ceased = true, TypeSiae = "EA" });

        var report = await ReportAsync(siret);

        Assert.Equal("ceased", report.Company.CompanyState);
        Assert.Equal("closed", report.Company.EstablishmentState);
        Assert.All(report.ReservedContracts, c => Assert.Equal(ContractStatus.NotEligible, c.Status));
    }

    [Fact]
    public async Task A_closed_establishment_of_an_active_company_is_reported_closed()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { EstablishmentClosed = true, IsHeadOffice = false });

        var report = await ReportAsync(siret);

        Assert.Equal("active", report.Company.CompanyState);
        Assert.Equal("closed", report.Company.EstablishmentState);
        Assert.False(report.Company.HeadOffice);
        Assert.Contains(report.ReservedContracts, c => c.Reasons.Any(r => r.Contains("fermé depuis le 22 octobre 2022", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_non_diffusible_company_has_masked_values_mapped_to_null_and_partial_diffusion()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { LegalForm = "1000", NonDiffusible = true });

        var report = await ReportAsync(siret);

        Assert.Null(report.Company.Name);
        Assert.Null(report.Company.Address);
        Assert.Equal("partial", report.Company.Diffusion);
        Assert.Contains(report.Warnings, w => w.Contains("ne soient pas diffusées", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_siren_means_its_head_office()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret);

        var report = await ReportAsync(siret[..9]);

        Assert.Equal(siret, report.Siret);
        Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, siret[..9]));
        Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, siret));
    }

    [Fact]
    public async Task A_siren_of_a_branch_resolves_to_the_head_office_not_the_branch()
    {
        var branch = TestSirets.OtherEstablishment(TestSirets.Next());
        var headOffice = branch[..9] + "00015";
        Stubs.RechercheFound(branch, new StubCompany { IsHeadOffice = false, HeadOfficeSiret = headOffice })
            .RechercheFound(headOffice, new StubCompany { Name = "SIEGE" });

        var report = await ReportAsync(branch[..9]);

        Assert.Equal(headOffice, report.Siret);
        Assert.Equal("SIEGE", report.Company.Name);
    }

    [Fact]
    public async Task An_unknown_siren_is_unknown()
    {
        var siren = TestSirets.Next()[..9];
        Stubs.RechercheSirenUnknown(siren);

        var failure = (await CheckAsync(siren)).Failure!;

        Assert.Equal(CheckFailureKind.Unknown, failure.Kind);
        Assert.Equal(CheckFailure.Codes.UnknownSiren, failure.Code);
    }

    [Fact]
    public async Task A_siren_that_cannot_be_resolved_because_the_registry_fails_is_registries_unavailable()
    {
        var siren = TestSirets.Next()[..9];
        Stubs.RechercheSirenFails(siren, 503);

        var failure = (await CheckAsync(siren)).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
    }

    [Fact]
    public async Task Every_request_carries_the_configured_user_agent()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret);

        await CheckAsync(siret);

        var request = Assert.Single(Stubs.Requests(Registry.RechercheEntreprises, siret));
        Assert.Equal("EsusCheck-tests/1.0", request.RequestMessage.Headers!["User-Agent"].ToString());
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_that_delay_then_succeeds()
    {
        var siret = TestSirets.Next();
        Stubs.FailsThen(Registry.RechercheEntreprises, siret, 429, 1, Stubs.Found(Registry.RechercheEntreprises, siret), retryAfterSeconds: 1);

        var report = await ReportAsync(siret);

        Assert.Equal("found", Evidence(report, SourceNames.RechercheEntreprises).Outcome);
        var times = Stubs.Requests(Registry.RechercheEntreprises, siret).Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_429_asking_to_wait_too_long_is_not_retried_and_its_delay_reaches_the_failure()
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, 429, retryAfterSeconds: 120);

        var failure = (await CheckAsync(siret)).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Equal(1, Stubs.RequestCount(Registry.RechercheEntreprises, siret));
    }

    [Fact]
    public async Task Recherche_down_without_an_insee_key_is_registries_unavailable()
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, 500);

        var failure = (await CheckAsync(siret, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:MaxRetries"] = "2",
        })).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
        Assert.Equal(CheckFailure.Codes.RegistriesUnavailable, failure.Code);
        Assert.Equal(3, Stubs.RequestCount(Registry.RechercheEntreprises, siret));
        Assert.Equal(0, Stubs.RequestCount(Registry.Sirene));
    }

    [Fact]
    public async Task Recherche_down_with_an_insee_key_takes_identity_from_insee_with_a_warning()
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, 503)
            .SireneFound(siret, new StubCompany { Name = "SCOP DES LILAS", LegalForm = "5458", EstEss = true });

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Equal("SCOP DES LILAS", report.Company.Name);
        Assert.Equal(new CodeLabel("5458", "SARL coopérative ouvrière de production (SCOP)"), report.Company.LegalForm);
        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        var recherche = Evidence(report, SourceNames.RechercheEntreprises);
        Assert.Equal("unavailable", recherche.Outcome);
        Assert.Equal("Le registre a répondu par une erreur (HTTP 503).", recherche.Detail);
        Assert.Equal("found", Evidence(report, SourceNames.Sirene).Outcome);
        Assert.Contains(report.Warnings, w => w.Contains("l'identité provient de l'API Sirene de l'INSEE", StringComparison.Ordinal));
        // INSEE knows no structure kinds and Recherche failed: the inclusion verdicts cannot be settled.
        Assert.Equal(ContractStatus.ToVerify, Verdict(report, ReservedArticle.L2113_13).Status);
    }

    [Fact]
    public async Task A_timeout_is_retried_then_reported_unavailable()
    {
        var siret = TestSirets.Next();
        Stubs.Delayed(Registry.RechercheEntreprises, siret, TimeSpan.FromSeconds(1));

        var failure = (await CheckAsync(siret, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:AttemptTimeout"] = "00:00:00.300",
            ["Registries:RechercheEntreprises:MaxRetries"] = "1",
        })).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
        Assert.Equal(2, await Stubs.WaitForRequestsAsync(Registry.RechercheEntreprises, siret, 3, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task A_timeout_reads_as_such_in_the_evidence_when_insee_answers()
    {
        var siret = TestSirets.Next();
        Stubs.Delayed(Registry.RechercheEntreprises, siret, TimeSpan.FromSeconds(5)).SireneFound(siret);

        var report = await ReportAsync(siret, sireneKey: true, overrides: new Dictionary<string, string?>
        {
            ["Registries:RechercheEntreprises:AttemptTimeout"] = "00:00:00.300",
            ["Registries:RechercheEntreprises:MaxRetries"] = "0",
        });

        Assert.Equal("Le registre n'a pas répondu (délai dépassé).", Evidence(report, SourceNames.RechercheEntreprises).Detail);
    }

    [Fact]
    public async Task Malformed_json_is_unavailable_not_a_crash()
    {
        var siret = TestSirets.Next();
        Stubs.Malformed(Registry.RechercheEntreprises, siret).SireneFound(siret);

        var report = await ReportAsync(siret, sireneKey: true);

        var recherche = Evidence(report, SourceNames.RechercheEntreprises);
        Assert.Equal("unavailable", recherche.Outcome);
        Assert.Equal("La réponse du registre est illisible (format inattendu).", recherche.Detail);
    }
}
