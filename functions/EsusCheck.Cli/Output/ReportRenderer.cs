using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using Spectre.Console;
using EsusCheck.Core.Wording;

namespace EsusCheck.Cli.Output;

/// <summary>The report as a French buyer reads it in a terminal: the company, ESS, ESUS, each reserved-contract article
/// with its status, reasons and legal bases (with their Légifrance links), the sources with their dates, and warnings.</summary>
internal static class ReportRenderer
{
    private const string Indent = "  ";

    public static void Write(IAnsiConsole console, EligibilityReport report)
    {
        WriteCompany(console, report);

        var ess = VerdictWords.Short(report.Ess.Status);
        Heading(console, VerdictWords.EssSubject, ess.Label, Colour(ess.Tone));
        Details(console, report.Ess.Reasons, report.Ess.LegalBasis, Indent);

        var esus = VerdictWords.Of(report.Esus.Status);
        var list = report.Esus.ListPublishedOn is { } published ? $" (liste DG Trésor du {FrenchText.Date(published)})" : "";
        Heading(console, VerdictWords.EsusSubject, esus.Label + list, Colour(esus.Tone));
        Details(console, report.Esus.Reasons, report.Esus.LegalBasis, Indent);

        if (report.InclusionKinds.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Structure d'insertion ou du handicap[/] : " +
                               Markup.Escape(string.Join(", ", report.InclusionKinds.Select(k => InclusionKindRules.For(k).Label))));
        }

        console.WriteLine();
        console.MarkupLine("[bold]Marchés réservés[/]" + (report.Cpv is { } cpv ? Markup.Escape($" (code CPV {cpv})") : ""));
        foreach (var contract in report.ReservedContracts)
        {
            var (status, tone) = VerdictWords.Of(contract.Status);
            console.MarkupLine($"{Indent}[bold]{Markup.Escape(contract.Article.ToArticle())}[/] " +
                               $"{Markup.Escape("— " + ArticleWords.Describe(contract.Article))} : [{Colour(tone)} bold]{Markup.Escape(status)}[/]");
            Details(console, contract.Reasons, contract.LegalBasis, Indent + Indent);
            var conditions = contract.ConditionsBesideReasons();
            if (conditions.Count > 0)
            {
                console.MarkupLine(Indent + Indent + Markup.Escape("À confirmer par l'acheteur :"));
                foreach (var condition in conditions)
                    console.MarkupLine(Indent + Indent + Indent + Markup.Escape("◦ " + condition.Text));
            }
        }

        console.WriteLine();
        console.MarkupLine("[bold]Sources consultées[/]");
        foreach (var evidence in report.Evidence) console.MarkupLine(Indent + "• " + Markup.Escape(EvidenceLine(evidence)));

        if (report.Warnings.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold yellow]Avertissements[/]");
            foreach (var warning in report.Warnings) console.MarkupLine($"{Indent}[yellow]![/] {Markup.Escape(warning)}");
        }

        console.WriteLine();
        console.MarkupLine(Markup.Escape($"Vérification du {FrenchText.DateAndTime(report.CheckedAt)}, règles version {report.RulesVersion}."));
    }

    private static void WriteCompany(IAnsiConsole console, EligibilityReport report)
    {
        var company = report.Company;
        console.MarkupLine($"[bold]{Markup.Escape(company.Name ?? "Entreprise sans nom diffusé")}[/]");
        var siret = IdentifierParser.ParseSiret(report.Siret).Value?.Formatted ?? report.Siret;
        var siren = IdentifierParser.ParseSiren(report.Siren).Value?.Formatted ?? report.Siren;
        var office = company.HeadOffice switch { true => " · siège", false => " · établissement secondaire", _ => "" };
        console.MarkupLine(Markup.Escape($"SIRET {siret} · SIREN {siren}{office}"));
        if (company.LegalForm is { } form)
            console.MarkupLine(Markup.Escape($"Forme juridique : {form.Label ?? form.Code} ({form.Code})"));
        if (company.Activity is { } activity)
            console.MarkupLine(Markup.Escape($"Activité : {(activity.Label is null ? activity.Code : $"{activity.Label} ({activity.Code})")}"));
        if (!string.IsNullOrWhiteSpace(company.Address))
            console.MarkupLine(Markup.Escape($"Adresse : {company.Address}"));
        if (company.CompanyState is not null || company.EstablishmentState is not null)
        {
            var closed = company.CompanyState == "ceased" || company.EstablishmentState == "closed";
            var state = $"{EvidenceWords.CompanyState(company.CompanyState)}, {EvidenceWords.EstablishmentState(company.EstablishmentState)}";
            console.MarkupLine("État : " + (closed ? $"[red]{Markup.Escape(state)}[/]" : Markup.Escape(state)));
        }
    }

    private static string EvidenceLine(EvidenceItem evidence)
    {
        var line = $"{SourceDisplayNames.For(evidence.Source).Capitalise()} : {EvidenceWords.Outcome(evidence.Source, evidence.Outcome)}";
        if (evidence.Source == SourceNames.EsusList)
            // The list is read locally: what matters is when it was imported, and no « cache » applies.
            return evidence.Outcome == "not_configured" ? line : $"{line}, importée le {FrenchText.DateAndTime(evidence.RetrievedAt)} — {evidence.Detail}";
        if (evidence.Outcome == "not_configured")
            return string.IsNullOrWhiteSpace(evidence.Detail) ? line : $"{line} — {evidence.Detail}";
        return $"{line}, consulté le {FrenchText.DateAndTime(evidence.RetrievedAt)}"
               + (evidence.FromCache ? " (réponse en cache)" : "")
               + (evidence.Stale ? " (données anciennes : le registre n'a pas répondu)" : "")
               + (string.IsNullOrWhiteSpace(evidence.Detail) ? "" : $" — {evidence.Detail}");
    }

    /// <summary>The terminal colour of each tone.</summary>
    private static string Colour(Tone tone) => tone switch
    {
        Tone.Good => "green",
        Tone.Bad => "red",
        _ => "yellow",
    };

    private static void Heading(IAnsiConsole console, string title, string status, string colour)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/] : [{colour} bold]{Markup.Escape(status)}[/]");
    }

    private static void Details(IAnsiConsole console, IEnumerable<string> reasons, IEnumerable<LegalBasis> bases, string indent)
    {
        foreach (var reason in reasons) console.MarkupLine(indent + Markup.Escape("• " + reason));
        foreach (var basis in bases)
            console.MarkupLine(indent + Markup.Escape($"§ {basis.Code}, {basis.Article} : ") + $"[link]{Markup.Escape(basis.Url)}[/]");
    }
}
