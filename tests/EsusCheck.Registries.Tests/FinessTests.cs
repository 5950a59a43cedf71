using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EsusCheck.Registries.Tests;

public sealed class FinessTests : StubbedRegistriesTest
{
    private string CompanyFound()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheFound(siret, new StubCompany { LegalForm = "9220" });
        return siret;
    }

    [Fact]
    public async Task An_esat_category_makes_the_establishment_eligible_to_l2113_12()
    {
        var siret = CompanyFound();
        Stubs.FinessFound(siret, ("246", "Etablissement et Service d'Aide par le Travail (E.S.A.T.)"));

        var report = await ReportAsync(siret);

        Assert.Equal(ContractStatus.Eligible, Verdict(report, ReservedArticle.L2113_12).Status);
        Assert.Equal("Un établissement FINESS porte ce SIRET : catégorie 246 (Etablissement et Service d'Aide par le Travail (E.S.A.T.)).",
            Evidence(report, SourceNames.Finess).Detail);
    }

    [Fact]
    public async Task Codes_sent_as_json_numbers_are_read()
    {
        var siret = CompanyFound();
        Stubs.Server.Given(Request.Create().UsingGet().WithPath($"/api/resources/{RegistryStubs.FinessResource}/data/").WithParam("siret__exact", siret))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                """{"data":[{"__id":7,"nofinesset":130780001,"siret":""" + siret +
                ""","categetab":247,"libcategetab":"Entreprise Adaptée"}],"links":{},"meta":{"page":1,"page_size":20,"total":1}}"""));

        var report = await ReportAsync(siret);

        Assert.Equal(ContractStatus.Eligible, Verdict(report, ReservedArticle.L2113_12).Status);
    }

    [Fact]
    public async Task An_empty_page_is_not_found()
    {
        var siret = CompanyFound();
        Stubs.FinessUnknown(siret);

        var report = await ReportAsync(siret);

        var evidence = Evidence(report, SourceNames.Finess);
        Assert.Equal("not_found", evidence.Outcome);
        Assert.Equal("Aucun établissement FINESS ne porte ce SIRET.", evidence.Detail);
    }

    [Fact]
    public async Task A_failure_leaves_l2113_12_to_verify()
    {
        var siret = CompanyFound();
        Stubs.Fails(Registry.Finess, siret, 502);

        var report = await ReportAsync(siret, marcheToken: true);

        Assert.Equal("unavailable", Evidence(report, SourceNames.Finess).Outcome);
        Assert.Equal(ContractStatus.ToVerify, Verdict(report, ReservedArticle.L2113_12).Status);
        Assert.Equal(ContractStatus.NotEligible, Verdict(report, ReservedArticle.L2113_13).Status);
    }

    [Fact]
    public async Task Malformed_json_is_unavailable()
    {
        var siret = CompanyFound();
        Stubs.Malformed(Registry.Finess, siret);

        var report = await ReportAsync(siret);

        Assert.Equal("unavailable", Evidence(report, SourceNames.Finess).Outcome);
    }
}
