using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Registries.Tests;

public sealed class RechercheEntreprisesTests : IDisposable
{
    private readonly RegistryStubs _stubs = new();

    public void Dispose() => _stubs.Dispose();

    private async Task<CheckOutcome> CheckAsync(string identifier, bool marcheToken = false, bool sireneKey = false,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        await using var services = RegistryTestServices.Build(_stubs, marcheToken, sireneKey, overrides);
        return await services.GetRequiredService<EligibilityService>().CheckAsync(new CheckRequest(identifier));
    }

    [Fact]
    public async Task A_company_found_yields_its_identity_legal_form_label_and_ess_flag()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheFound(siret, new StubCompany { Name = "LES JARDINS DE COCAGNE", LegalForm = "9220", EstEss = true });

        var report = (await CheckAsync(siret)).Report!;

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
        _stubs.RechercheUnknown(siret);

        var failure = (await CheckAsync(siret)).Failure!;

        Assert.Equal(CheckFailureKind.Unknown, failure.Kind);
        Assert.Equal(CheckFailure.Codes.UnknownSiret, failure.Code);
    }

    [Fact]
    public async Task A_result_for_another_establishment_is_not_taken_for_the_siret_asked()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheOtherEstablishment(siret, TestSirets.OtherEstablishment(siret));

        var failure = (await CheckAsync(siret)).Failure!;

        Assert.Equal(CheckFailureKind.Unknown, failure.Kind);
    }

    [Fact]
    public async Task Type_siae_gives_legal_unit_level_kinds_which_leave_the_inclusion_verdict_to_verify()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheFound(siret, new StubCompany { LegalForm = "9220", TypeSiae = "EI, ACI" });

        var report = (await CheckAsync(siret)).Report!;

        Assert.Equal([InclusionKind.EI, InclusionKind.ACI], report.InclusionKinds);
        var l2113_13 = Assert.Single(report.ReservedContracts, c => c.Article == ReservedArticle.L2113_13);
        Assert.Equal(ContractStatus.ToVerify, l2113_13.Status);
        Assert.Contains(l2113_13.Reasons, r => r.Contains("unité légale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ceased_company_is_reported_ceased_and_not_eligible()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheFound(siret, new StubCompany { Ceased = true, TypeSiae = "EA" });

        var report = (await CheckAsync(siret)).Report!;

        Assert.Equal("ceased", report.Company.CompanyState);
        Assert.Equal("closed", report.Company.EstablishmentState);
        Assert.All(report.ReservedContracts, c => Assert.Equal(ContractStatus.NotEligible, c.Status));
    }

    [Fact]
    public async Task A_closed_establishment_of_an_active_company_is_reported_closed()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheFound(siret, new StubCompany { EstablishmentClosed = true, IsHeadOffice = false });

        var report = (await CheckAsync(siret)).Report!;

        Assert.Equal("active", report.Company.CompanyState);
        Assert.Equal("closed", report.Company.EstablishmentState);
        Assert.False(report.Company.HeadOffice);
        Assert.Contains(report.ReservedContracts, c => c.Reasons.Any(r => r.Contains("fermé depuis le 22 octobre 2022", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_non_diffusible_company_has_masked_values_mapped_to_null_and_partial_diffusion()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheFound(siret, new StubCompany { LegalForm = "1000", NonDiffusible = true });

        var report = (await CheckAsync(siret)).Report!;

        Assert.Null(report.Company.Name);
        Assert.Null(report.Company.Address);
        Assert.Equal("partial", report.Company.Diffusion);
        Assert.Contains(report.Warnings, w => w.Contains("ne soient pas diffusées", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_siren_means_its_head_office()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheFound(siret);

        var report = (await CheckAsync(siret[..9])).Report!;

        Assert.Equal(siret, report.Siret);
        Assert.Equal(1, _stubs.RequestCount(Registry.RechercheEntreprises, siret[..9]));
        Assert.Equal(1, _stubs.RequestCount(Registry.RechercheEntreprises, siret));
    }

    [Fact]
    public async Task A_siren_that_cannot_be_resolved_because_the_registry_fails_is_registries_unavailable()
    {
        var siren = TestSirets.Next()[..9];
        _stubs.RechercheSirenFails(siren, 503);

        var failure = (await CheckAsync(siren)).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
    }

    [Fact]
    public async Task Every_request_carries_the_configured_user_agent()
    {
        var siret = TestSirets.Next();
        _stubs.RechercheFound(siret);

        await CheckAsync(siret);

        var request = Assert.Single(_stubs.Requests(Registry.RechercheEntreprises, siret));
        Assert.Equal("EsusCheck-tests/1.0", request.RequestMessage.Headers!["User-Agent"].ToString());
    }
}
