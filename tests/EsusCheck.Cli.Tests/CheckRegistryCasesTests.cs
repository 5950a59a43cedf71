using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Cli.Tests;

/// <summary>Each registry case of issue 3 through <c>esuscheck check</c>: the report (or error) and the exit code.</summary>
public sealed class CheckRegistryCasesTests : StubbedCliTest
{
    private static ReservedContractVerdict Verdict(EligibilityReport report, ReservedArticle article) =>
        Assert.Single(report.ReservedContracts, c => c.Article == article);

    private static EvidenceItem Evidence(EligibilityReport report, string source) => Assert.Single(report.Evidence, e => e.Source == source);

    /// <summary>The same check read (asserted to say <paramref name="texts"/>) and as JSON.</summary>
    private async Task<(CliRun Text, CliRun Json, EligibilityReport Report)> TextAndReportAsync(string siret, params string[] texts)
    {
        var text = (await Cli.RunAsync("check", siret)).StdoutHas(ExitCodes.Ok, texts);
        var json = await Cli.RunAsync("check", siret, "--json");
        return (text, json, json.Report());
    }

    [Fact]
    public async Task A_closed_establishment_is_a_report_with_every_article_not_eligible()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret, new StubCompany { EstablishmentClosed = true, TypeSiae = "EI", EstEss = true });

        var (_, _, report) = await TextAndReportAsync(siret, "État : entreprise active, établissement fermé");

        Assert.Equal("closed", report.Company.EstablishmentState);
        Assert.All(report.ReservedContracts, c => Assert.Equal(ContractStatus.NotEligible, c.Status));
    }

    [Fact]
    public async Task A_ceased_company_is_a_report_too()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret, new StubCompany { Ceased = true });

        (await Cli.RunAsync("check", siret)).StdoutHas(ExitCodes.Ok, "État : entreprise cessée, établissement fermé");
    }

    [Fact]
    public async Task A_non_diffusible_company_is_reported_with_a_warning_about_masked_data()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret, new StubCompany { NonDiffusible = true });

        var (text, _, report) = await TextAndReportAsync(siret, "Avertissements");

        Assert.DoesNotContain("[NON-DIFFUSIBLE]", text.Stdout, StringComparison.Ordinal);
        Assert.Equal("partial", report.Company.Diffusion);
        Assert.Contains(report.Warnings, w => text.Stdout.Contains("! " + w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_with_retry_after_then_success_is_a_report()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);
        Stubs.FailsThen(Registry.RechercheEntreprises, siret, 429, times: 1, Stubs.Found(Registry.RechercheEntreprises, siret), retryAfterSeconds: 1);

        var report = (await Cli.RunAsync("check", siret, "--json")).Report();

        Assert.Equal(siret, report.Siret);
        Assert.Equal(2, Stubs.RequestCount(Registry.RechercheEntreprises, siret));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_past_the_retries_give_exit_code_4(int status)
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, status);

        (await Cli.RunAsync("check", siret)).Failed(ExitCodes.Unavailable, "Registres indisponibles : ", "registries_unavailable");
    }

    [Fact]
    public async Task An_open_circuit_gives_exit_code_4_without_calling_the_registry_again()
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, 500);
        Cli.Set("Registries:RechercheEntreprises:BreakerMinimumThroughput", "2");
        Cli.Set("Registries:RechercheEntreprises:MaxRetries", "2");

        (await Cli.RunAsync("check", siret)).StderrHas(ExitCodes.Unavailable);

        Assert.True(Stubs.RequestCount(Registry.RechercheEntreprises, siret) < 3, "the breaker stops the retries");
    }

    [Fact]
    public async Task A_registry_that_times_out_gives_exit_code_4()
    {
        var siret = TestSirets.Next();
        Stubs.Delayed(Registry.RechercheEntreprises, siret, TimeSpan.FromSeconds(5));
        Cli.Set("Registries:RechercheEntreprises:AttemptTimeout", "00:00:00.300");
        Cli.Set("Registries:RechercheEntreprises:MaxRetries", "0");

        (await Cli.RunAsync("check", siret)).Failed(ExitCodes.Unavailable, "Registres indisponibles : ", "registries_unavailable");
    }

    [Fact]
    public async Task Malformed_json_gives_exit_code_4()
    {
        var siret = TestSirets.Next();
        Stubs.Malformed(Registry.RechercheEntreprises, siret);

        (await Cli.RunAsync("check", siret)).StderrHas(ExitCodes.Unavailable);
    }

    [Fact]
    public async Task When_recherche_fails_the_insee_fallback_with_a_key_gives_the_report()
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, 503).SireneFound(siret);
        Cli.Set("Registries:Sirene:ApiKey", RegistryStubs.SireneApiKey);

        (await Cli.RunAsync("check", siret)).StdoutHas(ExitCodes.Ok, "l'identité provient de l'API Sirene de l'INSEE");
    }

    [Fact]
    public async Task An_invalid_marche_token_still_gives_a_report_with_the_source_unavailable()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret, new StubCompany { TypeSiae = "EI" });
        Cli.Set("Registries:MarcheInclusion:Token", new string('x', 64));

        var (text, json, report) = await TextAndReportAsync(siret, "Le Marché de l'inclusion : indisponible");

        Assert.DoesNotContain(new string('x', 64), text.Stdout + text.Stderr + json.Stdout, StringComparison.Ordinal);
        Assert.Equal("unavailable", Evidence(report, SourceNames.MarcheInclusion).Outcome);
        Assert.Equal(ContractStatus.ToVerify, Verdict(report, ReservedArticle.L2113_13).Status);
    }

    [Fact]
    public async Task Without_a_marche_token_the_report_says_the_source_is_not_configured()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);

        (await Cli.RunAsync("check", siret)).StdoutHas(ExitCodes.Ok, "Le Marché de l'inclusion : non configuré");
        Assert.Equal(0, Stubs.RequestCount(Registry.MarcheInclusion));
    }
}
