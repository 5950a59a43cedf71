using EsusCheck.Core.Reports;
using EsusCheck.Testing.Esus;
using EsusCheck.Testing.Registries;

namespace EsusCheck.Cli.Tests;

/// <summary><c>esuscheck check</c> run in-process against the WireMock registries (real response shapes).</summary>
public sealed class CheckCommandTests : StubbedCliTest
{
    private static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

    [Fact]
    public async Task A_found_company_gets_a_french_report_and_exit_code_0()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret, new StubCompany { Name = "ATELIER DES LILAS", LegalForm = "9220", EstEss = true, TypeSiae = "EI" });

        var run = (await Cli.RunAsync("check", siret, "--cpv", "85311000-2")).StdoutHas(ExitCodes.Ok,
            "ATELIER DES LILAS",
            $"SIRET {Spaced(siret)}",
            "Économie sociale et solidaire (ESS) : oui",
            "Agrément ESUS : à vérifier",
            "L2113-15 — services sociaux réservés aux entreprises de l'ESS et structures équivalentes : à vérifier",
            "(c) Le marché dure au plus 3 ans (article L2113-16).",
            "https://www.legifrance.gouv.fr/search/code?query=L2113-15",
            "L'API Recherche d'entreprises : a répondu, consulté le");

        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task With_json_the_output_is_exactly_the_report_json()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret, new StubCompany { EstEss = false });

        var run = await Cli.RunAsync("check", siret, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var report = ReportJson.Deserialize(run.Stdout);
        Assert.NotNull(report);
        Assert.Equal(siret, report.Siret);
        Assert.Equal(EssStatus.No, report.Ess.Status);
        Assert.Equal(4, report.ReservedContracts.Count);
        Assert.Equal(ReportJson.Serialize(report, indented: true), run.Stdout.TrimEnd());
        Assert.Contains("\"status\": \"not_eligible\"", run.Stdout, StringComparison.Ordinal);
        // Not ESS and no structure: nothing left to the buyer, but the field is always written.
        Assert.All(report.ReservedContracts, c => Assert.Empty(c.Conditions));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(run.Stdout, "\"conditions\": \\[\\]").Count);
    }

    [Fact]
    public async Task A_siret_typed_with_spaces_and_without_quotes_is_one_number()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);

        var report = (await Cli.RunAsync(["check", .. Spaced(siret).Split(' '), "--json"])).Report();

        Assert.Equal(siret, report.Siret);
    }

    [Fact]
    public async Task A_siren_means_the_head_office()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);

        var report = (await Cli.RunAsync("check", siret[..9], "--json")).Report();

        Assert.Equal(siret, report.Siret);
    }

    [Fact]
    public async Task A_siret_with_a_wrong_key_unknown_to_the_registries_is_invalid_input()
    {
        var valid = TestSirets.Next();
        var wrongKey = valid[..13] + (char)('0' + (valid[13] - '0' + 1) % 10);

        (await Cli.RunAsync("check", wrongKey)).Failed(ExitCodes.InvalidInput, "Saisie invalide : La clé de contrôle du SIRET", "identifier_invalid_checksum");
    }

    [Fact]
    public async Task An_invalid_cpv_code_is_refused_before_any_registry_is_asked()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);

        (await Cli.RunAsync("check", siret, "--cpv", "85-311")).StderrHas(ExitCodes.InvalidInput, "n'est pas un code CPV");

        Assert.Equal(0, Stubs.RequestCount(Registry.RechercheEntreprises, siret));
    }

    [Fact]
    public async Task A_number_no_registry_knows_gives_exit_code_3()
    {
        var siret = TestSirets.Next();
        Stubs.RechercheUnknown(siret);

        (await Cli.RunAsync("check", siret)).Failed(ExitCodes.Unknown, "Entreprise inconnue : Aucun établissement ne porte le SIRET", "siret_unknown");
    }

    [Fact]
    public async Task Registries_that_do_not_answer_give_exit_code_4()
    {
        var siret = TestSirets.Next();
        Stubs.Fails(Registry.RechercheEntreprises, siret, 503);

        (await Cli.RunAsync("check", siret, "--json")).Failed(ExitCodes.Unavailable, "Registres indisponibles : Les registres publics ne répondent pas", "registries_unavailable");
        Assert.True(Stubs.RequestCount(Registry.RechercheEntreprises, siret) >= 1);
    }

    [Fact]
    public async Task After_an_import_the_check_says_accredited_and_cites_the_list()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret, new StubCompany { LegalForm = "5458" });
        var list = Cli.WriteFile("liste-esus-2026-07-01.xlsx", EsusListFiles.Xlsx(
        [
            ["SIREN", "Raison sociale", "Date d'agrément", "Date de fin d'agrément"],
            [siret[..9], "ATELIER DES LILAS", new DateTime(2024, 5, 2), new DateTime(2099, 5, 1)],
            [EsusListFiles.Siren("55203253"), "AUTRE", null, null],
        ]));

        (await Cli.RunAsync("esus", "import", list)).StdoutHas(ExitCodes.Ok);
        (await Cli.RunAsync("esus", "status")).StdoutHas(ExitCodes.Ok, "Agréments : 2");
        (await Cli.RunAsync("check", siret)).StdoutHas(ExitCodes.Ok,
            "Agrément ESUS : agréée (liste DG Trésor du 1er juillet 2026)", "Agrément délivré le 2 mai 2024");
        var json = await Cli.RunAsync("check", siret, "--json");

        var report = ReportJson.Deserialize(json.Stdout)!;
        Assert.Equal(EsusStatus.Accredited, report.Esus.Status);
        Assert.Equal(new DateOnly(2026, 7, 1), report.Esus.ListPublishedOn);
        Assert.Contains("\"status\": \"accredited\"", json.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_import_keeps_the_list_the_check_relies_on()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);
        var good = Cli.WriteFile("liste-esus-2026-07-01.csv", EsusListFiles.Csv([["SIREN"], [siret[..9]]]));
        var bad = Cli.WriteFile("pas-une-liste.csv", EsusListFiles.Csv([["SIRET", "Nom"], [siret, "ATELIER"]]));

        (await Cli.RunAsync("esus", "import", good)).StdoutHas(ExitCodes.Ok);
        (await Cli.RunAsync("esus", "import", bad)).StderrHas(ExitCodes.InvalidInput, "esus_list_no_siren_column");
        var check = await Cli.RunAsync("check", siret, "--json");

        Assert.Equal(EsusStatus.Accredited, ReportJson.Deserialize(check.Stdout)!.Esus.Status);
    }

    [Fact]
    public async Task The_configured_list_is_loaded_on_the_first_check_only()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);
        var listed = EsusListFiles.Siren("55203253");
        Cli.Set("Esus:ListSource", Cli.WriteFile("liste-esus-2026-07-01.csv", EsusListFiles.Csv([["SIREN"], [listed]])));

        var first = (await Cli.RunAsync("check", siret, "--json")).StderrHas(ExitCodes.Ok, "Liste ESUS chargée depuis");
        var second = await Cli.RunAsync("check", siret, "--json");

        Assert.Equal(EsusStatus.NotAccredited, ReportJson.Deserialize(first.Stdout)!.Esus.Status);
        Assert.Empty(second.Stderr);
        Assert.Equal(EsusStatus.NotAccredited, ReportJson.Deserialize(second.Stdout)!.Esus.Status);
    }

    [Fact]
    public async Task A_configured_list_that_cannot_be_loaded_is_told_and_the_report_still_comes()
    {
        var siret = TestSirets.Next();
        Stubs.CompanyFound(siret);
        Cli.Set("Esus:ListSource", Cli.WriteFile("notes.csv", EsusListFiles.Csv([["Nom"], ["rien"]])));

        var run = await Cli.RunAsync("check", siret, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("Liste ESUS non chargée : ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(EsusStatus.Unknown, ReportJson.Deserialize(run.Stdout)!.Esus.Status);
    }
}
