using EsusCheck.Cli.Output;
using EsusCheck.Core.Engine;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;
using EsusCheck.Testing;

namespace EsusCheck.Cli.Tests.Output;

public class ReportRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static (EligibilityReport Report, string Text) Render(FactsBuilder facts, string? cpv = null)
    {
        var context = cpv is null ? PurchaseContext.None : new PurchaseContext(CpvCode.TryParse(cpv, out var code, out _) ? code : default);
        var report = EligibilityEngine.Evaluate(facts.Build(), context, Now);
        using var writer = new StringWriter();
        ReportRenderer.Write(new CliConsole(writer, TextWriter.Null).Out, report);
        return (report, writer.ToString());
    }

    [Fact]
    public void Every_part_of_the_report_is_shown_with_french_words()
    {
        var (report, text) = Render(new FactsBuilder().WithEssFlag(true).WithTypeSiae(InclusionKind.EI)
            .WithEsusList(new DateOnly(2026, 7, 1), listed: true), "85311000-2");

        Assert.Contains("EXEMPLE SERVICES", text, StringComparison.Ordinal);
        Assert.Contains("SIRET 732 829 320 00074 · SIREN 732 829 320 · siège", text, StringComparison.Ordinal);
        Assert.Contains("Économie sociale et solidaire (ESS) : oui", text, StringComparison.Ordinal);
        Assert.Contains("Agrément ESUS : agréée (liste DG Trésor du 1er juillet 2026)", text, StringComparison.Ordinal);
        Assert.Contains("Structure d'insertion ou du handicap : entreprise d'insertion (EI)", text, StringComparison.Ordinal);
        Assert.Contains("Marchés réservés (code CPV 85311000-2)", text, StringComparison.Ordinal);
        foreach (var contract in report.ReservedContracts)
        {
            var words = VerdictWords.Of(contract.Status).Label;
            Assert.Contains($"{contract.Article.ToArticle()} — {ArticleWords.Describe(contract.Article)} : {words}", text, StringComparison.Ordinal);
            foreach (var reason in contract.Reasons) Assert.Contains(reason, text, StringComparison.Ordinal);
            foreach (var basis in contract.LegalBasis) Assert.Contains(basis.Url, text, StringComparison.Ordinal);
            // Every condition left to the buyer is printed exactly once: as a lettered reason, or in « À confirmer ».
            foreach (var condition in contract.Conditions)
                Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(condition.Text)));
        }
        Assert.Contains("    À confirmer par l'acheteur :\n      ◦ L'avis de marché ou les documents de la consultation", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("    • (a) Les statuts de l'opérateur", text, StringComparison.Ordinal);
        Assert.Contains("L'API Recherche d'entreprises : a répondu, consulté le 20 novembre 2026", text, StringComparison.Ordinal);
        Assert.Contains("règles version " + report.RulesVersion, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_status_values_never_appear()
    {
        var (_, text) = Render(new FactsBuilder().WithEssFlag(null).WithEsusList(new DateOnly(2024, 2, 1), listed: false)
            .WithSource(SourceNames.MarcheInclusion, SourceOutcome.Unavailable));

        foreach (var raw in new[] { "eligible", "not_eligible", "to_verify", "not_accredited", "accredited", "unknown", "unavailable", "not_found" })
            Assert.DoesNotMatch($@"(?<![\p{{L}}_-]){raw}(?![\p{{L}}_-])", text);
        Assert.Contains("à vérifier", text, StringComparison.Ordinal);
        Assert.Contains("Agrément ESUS : non agréée", text, StringComparison.Ordinal);
        Assert.Contains("Le Marché de l'inclusion : indisponible", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_listed()
    {
        var (report, text) = Render(new FactsBuilder().WithEsusList(new DateOnly(2024, 2, 1), listed: false));

        Assert.NotEmpty(report.Warnings);
        Assert.Contains("Avertissements", text, StringComparison.Ordinal);
        foreach (var warning in report.Warnings) Assert.Contains("! " + warning, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_establishment_says_so()
    {
        var (_, text) = Render(new FactsBuilder().EstablishmentClosed(new DateOnly(2025, 1, 31)));

        Assert.Contains("État : entreprise active, établissement fermé", text, StringComparison.Ordinal);
        Assert.Contains(": non éligible", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_to_a_writer_has_no_terminal_escape_codes()
    {
        var (_, text) = Render(new FactsBuilder().WithEssFlag(true));

        Assert.DoesNotContain('\u001b', text);
    }
}
