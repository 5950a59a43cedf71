using EsusCheck.Cli;
using EsusCheck.Spaser.Output;
using Microsoft.Extensions.Configuration;
using MiniExcelLibs;

namespace EsusCheck.Spaser.Tests.Pipeline;

/// <summary>What a SPASER author gets: the workbook (three sheets), <c>summary.json</c>, the printable report, and the
/// CLI that writes them.</summary>
public sealed class OutputTests
{
    [Fact]
    public async Task The_workbook_has_the_indicators_one_row_per_contract_and_one_per_operator()
    {
        await using var harness = await SpaserHarness.StartAsync();
        var s = harness.Scenario;
        var run = await harness.RunAsync(harness.Write("decp-2024.json", DecpFiles.Json(s.Contracts())));
        var xlsx = harness.OutputPath("decp-2024-spaser.xlsx");

        Assert.Equal(["Indicateurs", "Marchés annotés", "Titulaires"], MiniExcel.GetSheetNames(xlsx));

        var indicators = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Indicateurs").Cast<IDictionary<string, object>>().ToList();
        var social = indicators.Single(r => (string)r["Acheteur (SIRET)"] == s.BuyerA && Convert.ToInt32(r["Année"]) == 2024 &&
                                            (string)r["Indicateur"] == "Contrats avec au moins une considération sociale");
        Assert.Equal((4m, 0.5714m, 370_000m, 0.7957m),
            (Convert.ToDecimal(social["Nombre"]), Convert.ToDecimal(social["Part en nombre"]), Convert.ToDecimal(social["Valeur HT (€)"]),
                Convert.ToDecimal(social["Part en valeur"])));
        Assert.StartsWith("Objectif national : 30 % des contrats (2022-2025) — atteint", (string)social["Commentaire"], StringComparison.Ordinal);

        var contracts = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Marchés annotés").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9"], contracts.Select(r => (string)r["Identifiant du marché"]));
        var m3 = contracts[2];
        Assert.Equal(80_000m, Convert.ToDecimal(m3["Montant HT (€)"]));
        Assert.Equal("ESS, ESUS", m3["Catégories des titulaires"]);
        Assert.Contains("25 000,00 € (ESS, SIAE)", (string)m3["Sous-traitance"], StringComparison.Ordinal);
        var m4 = contracts[3];
        Assert.Contains("n'est pas un service social ou spécifique de l'article L2113-15", (string)m4["Alertes"], StringComparison.Ordinal);
        Assert.Equal("L2113-13, L2113-15", contracts[0]["Réservation possible au titre de"]);

        var holders = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Titulaires").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(8, holders.Count); // five companies, a foreign holder, a foreign subcontractor, an invalid SIRET
        var siae = holders.Single(h => (string)h["SIRET vérifié"] == s.Siae);
        Assert.Equal(("RÉGIE DES LILAS", "oui", "éligible", 2, 160_000m, 1, 25_000m),
            ((string)siae["Raison sociale"], (string)siae["ESS"], (string)siae["L2113-13 (SIAE)"], Convert.ToInt32(siae["Contrats (titulaire)"]),
                Convert.ToDecimal(siae["Valeur attribuée HT (€)"]), Convert.ToInt32(siae["Actes de sous-traitance"]),
                Convert.ToDecimal(siae["Sous-traitance HT (€)"])));
        Assert.Equal("22/10/2022", holders.Single(h => (string)h["SIRET vérifié"] == s.Ceased)["Fermé ou cessé"]);
        Assert.Equal(run.Summary!.Contracts!.Counted, contracts.Count);
    }

    [Fact]
    public async Task The_report_is_one_french_page_with_inline_charts_the_flags_and_the_method_and_nothing_loaded_from_outside()
    {
        await using var harness = await SpaserHarness.StartAsync();
        var s = harness.Scenario;
        var run = await harness.RunAsync(harness.Write("decp-2024.xml", DecpFiles.Xml(s.Contracts())));

        var html = await File.ReadAllTextAsync(harness.OutputPath("decp-2024-rapport-spaser.html"));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg ").Length - 1); // one chart per buyer and year
        Assert.Contains("<h2>Méthode</h2>", html, StringComparison.Ordinal);
        var text = System.Net.WebUtility.HtmlDecode(html);
        foreach (var sentence in SpaserMethod.Sentences) Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains("objectif 30 % (2022-2025)", html, StringComparison.Ordinal);
        foreach (var flag in run.Summary!.Flags) Assert.Contains(flag.ContractId, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://www.legifrance.gouv.fr/search/code?query=L2111-3", html, StringComparison.Ordinal);

        // docs/spaser.md shows this very report: ESUSCHECK_WRITE_DOCS=<repository root> regenerates it.
        if (Environment.GetEnvironmentVariable("ESUSCHECK_WRITE_DOCS") is { Length: > 0 } root)
        {
            var examples = Directory.CreateDirectory(Path.Combine(root, "docs", "examples")).FullName;
            foreach (var (from, to) in new[] { ("decp-2024-rapport-spaser.html", "spaser-rapport.html"), ("summary.json", "spaser-summary.json"),
                         ("decp-2024-spaser.xlsx", "spaser.xlsx") })
                File.Copy(harness.OutputPath(from), Path.Combine(examples, to), overwrite: true);
        }
    }

    [Fact]
    public async Task The_summary_json_names_the_indicators_the_target_and_every_record_left_out()
    {
        await using var harness = await SpaserHarness.StartAsync();
        var s = harness.Scenario;
        var json = System.Text.Encoding.UTF8.GetString(DecpFiles.Json(s.Contracts())).Replace("\"2024-08-08\"", "\"08/08/2024\"", StringComparison.Ordinal);
        await harness.RunAsync(harness.Write("decp.json", System.Text.Encoding.UTF8.GetBytes(json)));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(harness.OutputPath("summary.json")));
        var root = summary.RootElement;
        Assert.Equal("completed", root.GetProperty("state").GetString());
        Assert.Equal("json", root.GetProperty("input").GetProperty("format").GetString());
        Assert.Equal(0.3m, root.GetProperty("target").GetProperty("share").GetDecimal());
        Assert.Equal("2022-2025", root.GetProperty("target").GetProperty("period").GetString());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "decp_record_date_invalid");
        Assert.Equal("M7", error.GetProperty("identifier").GetString());
        Assert.Equal(1, root.GetProperty("contracts").GetProperty("inError").GetInt32());
        var set = root.GetProperty("indicators")[1];
        Assert.Equal(6, set.GetProperty("contracts").GetProperty("contracts").GetInt32()); // M7 left out, reported
        Assert.Equal(460_000m, set.GetProperty("contracts").GetProperty("amount").GetDecimal());
        Assert.Equal("ess", set.GetProperty("categories")[0].GetProperty("category").GetString());
    }

    [Fact]
    public async Task Esuscheck_spaser_filters_by_buyer_and_year_and_prints_the_figures_in_french()
    {
        using var stubs = new RegistryStubs();
        var scenario = new Scenario();
        scenario.Stage(stubs);
        var folder = Directory.CreateTempSubdirectory("esuscheck-spaser-cli-").FullName;
        try
        {
            var path = Path.Combine(folder, "decp.json");
            await File.WriteAllBytesAsync(path, DecpFiles.Json(scenario.Contracts()));
            var settings = RegistryTestServices.Configuration(stubs, marcheToken: true);
            settings["Cli:DataDirectory"] = Path.Combine(folder, "data");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = await CliApp.RunAsync(["spaser", path, "--acheteur", scenario.BuyerA, "--annee", "2024"],
                new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), stdout, stderr);

            Assert.Equal(ExitCodes.Ok, exit);
            var output = stdout.ToString();
            Assert.Contains($"Acheteur {scenario.BuyerA}, 2024 : 7 contrat(s) pour 465 000,00 € HT ; 4 avec au moins une considération sociale " +
                            "(57,1 % ; objectif national 30 % en 2022-2025 : atteint)", output, StringComparison.Ordinal);
            foreach (var file in new[] { "decp-spaser.xlsx", "decp-rapport-spaser.html", "decp-marches-annotes.csv", "summary.json" })
                Assert.True(File.Exists(Path.Combine(folder, "decp-spaser", file)), file);

            var (badExit, badError) = (await CliApp.RunAsync(["spaser", path, "--annee", "24"],
                new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TextWriter.Null, stderr), stderr.ToString());
            Assert.Equal(ExitCodes.InvalidInput, badExit);
            Assert.Contains("« 24 » n'est pas une année", badError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
