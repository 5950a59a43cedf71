using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Identifiers;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Wording;

namespace EsusCheck.Chat.Replies;

/// <summary>One company's report as a reply section: the verdicts that answer the question first and in full, the
/// others in one line each, then warnings and the date of the data.</summary>
public static class ReportDocument
{
    public static IReadOnlyList<ReplyBlock> Build(EligibilityReport report, Intent intent, ReservedArticle? article, bool cpvGiven)
    {
        var blocks = new List<ReplyBlock> { Heading(report) };
        var ess = Ess(report.Ess, detailed: intent is Intent.EssQuestion or Intent.CheckCompany, maxReasons: intent == Intent.EssQuestion ? int.MaxValue : 1);
        var esus = Esus(report.Esus, detailed: intent is Intent.EsusQuestion or Intent.CheckCompany, maxReasons: intent == Intent.EsusQuestion ? int.MaxValue : 2);
        var contracts = Contracts(report, intent, article, cpvGiven).ToList();
        // A reason that closes every door (a ceased company, a closed establishment) is the first thing to read.
        blocks.AddRange(contracts.OfType<ParagraphBlock>());
        contracts.RemoveAll(b => b is ParagraphBlock);

        switch (intent)
        {
            case Intent.EsusQuestion:
                blocks.Add(esus);
                blocks.Add(ess);
                blocks.AddRange(contracts);
                break;
            case Intent.EssQuestion:
                blocks.Add(ess);
                blocks.Add(esus);
                blocks.AddRange(contracts);
                break;
            case Intent.ReservedContractQuestion:
                blocks.AddRange(contracts);
                blocks.Add(ess);
                blocks.Add(esus);
                break;
            default:
                blocks.Add(ess);
                blocks.Add(esus);
                blocks.AddRange(contracts);
                break;
        }
        blocks.AddRange(report.Warnings.Select(w => new ParagraphBlock("Attention : " + LowerFirst(w), Tone.Warning)));
        blocks.Add(new ParagraphBlock(DataDate(report), Tone.Subtle));
        return blocks;
    }

    private static HeadingBlock Heading(EligibilityReport report)
    {
        var siret = IdentifierParser.FromRegistry(report.Siret)?.Formatted ?? report.Siret;
        var company = report.Company;
        var subtitle = $"SIRET {siret}" + (company.HeadOffice == true ? " (siège)" : "") +
                       (company.Address is { Length: > 0 } address ? " — " + address : "");
        return new HeadingBlock(company.Name ?? "Nom non diffusé", subtitle);
    }

    private static VerdictBlock Ess(EssVerdict verdict, bool detailed, int maxReasons)
    {
        var (status, tone) = VerdictWords.Of(verdict.Status);
        return Verdict(VerdictWords.EssSubject, status, tone, verdict.Reasons, verdict.Status == EssStatus.Unknown,
            verdict.LegalBasis.FirstOrDefault(), detailed, maxReasons);
    }

    private static VerdictBlock Esus(EsusVerdict verdict, bool detailed, int maxReasons)
    {
        var (status, tone) = VerdictWords.Of(verdict.Status);
        return Verdict(VerdictWords.EsusSubject, status, tone, verdict.Reasons, verdict.Status == EsusStatus.Unknown,
            verdict.LegalBasis.FirstOrDefault(), detailed, maxReasons);
    }

    /// <summary>The article asked about first; with a CPV code, L2113-15 first; otherwise the open doors first. When every
    /// door is closed for one same reason (a ceased company), that reason is said once.</summary>
    private static IEnumerable<ReplyBlock> Contracts(EligibilityReport report, Intent intent, ReservedArticle? article, bool cpvGiven)
    {
        var focus = article ?? (cpvGiven ? ReservedArticle.L2113_15 : null);
        var allClosed = report.ReservedContracts.All(c => c.Status == ContractStatus.NotEligible);
        var ordered = report.ReservedContracts
            .OrderBy(c => c.Article == focus ? 0 : 1)
            .ThenBy(c => c.Status switch { ContractStatus.Eligible => 0, ContractStatus.ToVerify => 1, _ => 2 })
            .ThenBy(c => c.Article)
            .ToList();
        var firstReasons = ordered.Select(c => c.Reasons.FirstOrDefault()).Distinct().ToList();
        var sharedReason = allClosed && firstReasons.Count == 1 ? firstReasons[0] : null;
        foreach (var contract in ordered)
        {
            var (status, tone) = VerdictWords.Of(contract.Status);
            var detailed = intent switch
            {
                Intent.ReservedContractQuestion when focus is not null => contract.Article == focus,
                Intent.ReservedContractQuestion => sharedReason is null && (allClosed || contract.Status != ContractStatus.NotEligible),
                Intent.CheckCompany => contract.Status != ContractStatus.NotEligible,
                _ => false,
            };
            yield return Verdict(ArticleWords.Subject(contract.Article), status, tone, contract.ReasonsBesideConditions(),
                contract.Status == ContractStatus.ToVerify, contract.LegalBasis.FirstOrDefault(), detailed,
                contract.Article == focus ? int.MaxValue : 1);
            if (detailed && contract.Conditions.Count > 0)
                yield return new BulletsBlock(contract.Conditions.Select(c => c.Text).ToList(),
                    $"À confirmer par l'acheteur ({contract.Article.ToArticle()}) :");
        }
        if (sharedReason is not null) yield return new ParagraphBlock(sharedReason, Tone.Bad);
    }

    private static VerdictBlock Verdict(string subject, string status, Tone tone, IReadOnlyList<string> reasons, bool toVerify,
        LegalBasis? basis, bool detailed, int maxReasons)
    {
        var shown = detailed ? reasons.Take(maxReasons).ToList() : [];
        if (toVerify && shown.Count > 0) shown[0] = LowerFirst(shown[0]);
        return toVerify
            ? new VerdictBlock(subject, status, tone, [], shown, basis, detailed)
            : new VerdictBlock(subject, status, tone, shown, [], basis, detailed);
    }

    private static string DataDate(EligibilityReport report)
    {
        var registries = report.Evidence
            .Where(e => e.Source != SourceNames.EsusList && e.Outcome is "found" or "not_found")
            .ToList();
        var text = registries.Count == 0
            ? "Données des registres publics"
            : $"Données des registres publics du {FrenchText.Date(registries.Min(e => e.RetrievedAt))}" +
              (registries.Any(e => e.FromCache) ? " (en partie en cache)" : "");
        text += report.Esus.ListPublishedOn is { } published
            ? $" ; liste nationale des agréments ESUS publiée le {FrenchText.Date(published)}."
            : " ; aucune liste nationale des agréments ESUS n'est chargée.";
        return text;
    }

    public static string LowerFirst(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
        ? char.ToLowerInvariant(text[0]) + text[1..]
        : text;
}
