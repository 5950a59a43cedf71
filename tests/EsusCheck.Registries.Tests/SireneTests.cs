using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Registries.Tests;

/// <summary>INSEE Sirene is asked only when Recherche d'entreprises is unavailable: every test makes Recherche fail.</summary>
public sealed class SireneTests : StubbedRegistriesTest
{
    private string RechercheDown()
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, 500);
        return siret;
    }

    [Fact]
    public async Task The_etablissement_shape_yields_identity_and_the_ess_flag()
    {
        var siret = RechercheDown();
        Stubs.SireneFound(siret, new StubCompany { Name = "ENTRAIDE DES LILAS", LegalForm = "9220", EstEss = true });

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Equal("ENTRAIDE DES LILAS", report.Company.Name);
        Assert.Equal(new CodeLabel("9220", "Association déclarée"), report.Company.LegalForm);
        Assert.Equal("12 RUE DES LILAS 75011 PARIS", report.Company.Address);
        Assert.Equal("active", report.Company.EstablishmentState);
        Assert.True(report.Company.HeadOffice);
        Assert.Equal(EssStatus.Yes, report.Ess.Status);
        Assert.Equal("Établissement trouvé.", Evidence(report, SourceNames.Sirene).Detail);
        Assert.Equal(RegistryStubs.SireneApiKey,
            Assert.Single(Stubs.Requests(Registry.Sirene, siret)).RequestMessage.Headers!["X-INSEE-Api-Key-Integration"].ToString());
    }

    [Fact]
    public async Task The_etablissements_list_shape_is_read_too()
    {
        var siret = RechercheDown();
        Stubs.SireneFound(siret, new StubCompany { Name = "LISTE SARL" }, asList: true);

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Equal("LISTE SARL", report.Company.Name);
    }

    [Fact]
    public async Task The_establishment_state_is_read_from_the_current_period_only()
    {
        var siret = RechercheDown();
        // The stub's older period says "F" for an open establishment and "A" for a closed one.
        Stubs.SireneFound(siret, new StubCompany { EstablishmentClosed = true, IsHeadOffice = false });

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Equal("active", report.Company.CompanyState);
        Assert.Equal("closed", report.Company.EstablishmentState);
        Assert.All(report.ReservedContracts, c => Assert.Equal(ContractStatus.NotEligible, c.Status));
    }

    [Fact]
    public async Task A_ceased_company_is_ceased()
    {
        var siret = RechercheDown();
        Stubs.SireneFound(siret, new StubCompany { Ceased = true });

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Equal("ceased", report.Company.CompanyState);
    }

    [Fact]
    public async Task Nd_masks_are_null_and_diffusion_is_partial()
    {
        var siret = RechercheDown();
        Stubs.SireneFound(siret, new StubCompany { LegalForm = "1000", NonDiffusible = true });

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Null(report.Company.Name);
        Assert.Equal("75011 PARIS", report.Company.Address);
        Assert.Equal("partial", report.Company.Diffusion);
        Assert.Equal(EssStatus.No, report.Ess.Status); // an individual entrepreneur is never ESS
    }

    [Fact]
    public async Task An_ess_flag_left_empty_by_insee_leaves_ess_unknown_for_a_commercial_company()
    {
        var siret = RechercheDown();
        Stubs.SireneFound(siret, new StubCompany { LegalForm = "5710", EstEss = null });

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Equal(EssStatus.Unknown, report.Ess.Status);
    }

    [Fact]
    public async Task A_404_is_unknown()
    {
        var siret = RechercheDown();
        Stubs.SireneUnknown(siret);

        var failure = (await CheckAsync(siret, sireneKey: true)).Failure!;

        Assert.Equal(CheckFailureKind.Unknown, failure.Kind);
    }

    [Fact]
    public async Task Without_a_key_insee_is_never_called()
    {
        var siret = RechercheDown();
        Stubs.SireneFound(siret);

        var failure = (await CheckAsync(siret, sireneKey: false)).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
        Assert.Equal(0, Stubs.RequestCount(Registry.Sirene));
    }

    [Fact]
    public async Task A_refused_key_is_unavailable_and_names_the_setting_not_the_key()
    {
        var siret = RechercheDown();
        Stubs.SireneFound(siret);

        var outcome = await CheckAsync(siret, overrides: new Dictionary<string, string?> { ["Registries:Sirene:ApiKey"] = "wrong-key-42" });

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, outcome.Failure!.Kind);
        Assert.Equal(1, Stubs.RequestCount(Registry.Sirene, siret));
    }

    [Fact]
    public async Task A_429_then_success_is_retried()
    {
        var siret = RechercheDown();
        Stubs.FailsThen(Registry.Sirene, siret, 429, 1, Stubs.Found(Registry.Sirene, siret), retryAfterSeconds: 0);

        var report = await ReportAsync(siret, sireneKey: true);

        Assert.Equal("found", Evidence(report, SourceNames.Sirene).Outcome);
        Assert.Equal(2, Stubs.RequestCount(Registry.Sirene, siret));
    }

    [Fact]
    public async Task Malformed_json_is_unavailable()
    {
        var siret = RechercheDown();
        Stubs.Malformed(Registry.Sirene, siret);

        var failure = (await CheckAsync(siret, sireneKey: true)).Failure!;

        Assert.Equal(CheckFailureKind.RegistriesUnavailable, failure.Kind);
    }
}
