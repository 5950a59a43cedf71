using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Core.Engine;

/// <summary>L2113-12 (EA, EATT, ESAT), L2113-13 (SIAE) and L2113-13-1 (prison work): the verdict follows from the
/// kinds of structure the registries report, the level at which they report them, and which sources answered.</summary>
internal static class InclusionContractEvaluation
{
    public static ReservedContractVerdict Evaluate(ReservedArticle article, CompanyFacts facts, IReadOnlyList<KindSignal> signals)
    {
        var verdict = Verdict(article, facts, signals);
        return verdict.Status == ContractStatus.NotEligible
            ? verdict
            : verdict with { Conditions = ReservedContractRules.For(article).Conditions };
    }

    private static ReservedContractVerdict Verdict(ReservedArticle article, CompanyFacts facts, IReadOnlyList<KindSignal> signals)
    {
        var rules = InclusionKindRules.ForArticle(article).ToList();
        var basis = BasisFor(article);
        var kinds = FrenchText.Join(rules.Select(r => r.Kind.ToString()));

        if (ClosedOrCeased.Reason(facts) is { } closed)
            return new(article, ContractStatus.NotEligible, [closed], basis);

        var relevant = signals.Where(s => rules.Any(r => r.Kind == s.Kind)).ToList();
        var confirmed = relevant
            .Where(s => s.Level == FactLevel.Establishment && s.IsActive != false)
            .Where(s => InclusionKindRules.For(s.Kind).Certainty == RuleCertainty.Certain)
            .ToList();
        if (confirmed.Count > 0)
            return new(article, ContractStatus.Eligible,
                confirmed.Select(s => $"{s.Describe()}. {InclusionKindRules.For(s.Kind).Explanation}").Distinct().ToList(), basis);

        if (relevant.Count > 0)
            return new(article, ContractStatus.ToVerify, relevant.Select(CautionFor).Distinct().ToList(), basis);

        var unanswered = SourcesThatCouldNotSay(article, facts);
        if (unanswered.Count > 0)
            return new(article, ContractStatus.ToVerify,
            [
                $"{FrenchText.Join(unanswered).Capitalise()} n'a pas pu être consulté : impossible de confirmer que l'entreprise " +
                $"exploite une structure ouvrant droit à ce marché réservé ({kinds}). Demandez le justificatif à l'entreprise.",
            ], basis);

        return new(article, ContractStatus.NotEligible,
        [
            $"Aucun registre consulté ne recense cette entreprise comme {StructureWord(article)} ({kinds}).",
            EquivalentStructureNote(article),
        ], basis);
    }

    private static string CautionFor(KindSignal signal)
    {
        var rule = InclusionKindRules.For(signal.Kind);
        if (signal.IsActive == false)
            return $"{signal.Describe()}, mais la structure y est indiquée comme inactive : vérifiez qu'elle est toujours conventionnée ou agréée.";
        if (rule.Certainty == RuleCertainty.Caution)
            return $"{signal.Describe()}. {rule.Explanation}";
        return $"{signal.Describe()}. Vérifiez que c'est bien cet établissement, conventionné ou agréé comme {rule.Label}, " +
               "qui exécutera le marché (demandez la convention ou l'agrément en cours de validité).";
    }

    /// <summary>The sources whose silence leaves the question open: the establishment-level sources that failed, or no
    /// source at all that knows structure kinds (INSEE, used as a fallback, does not).</summary>
    private static List<string> SourcesThatCouldNotSay(ReservedArticle article, CompanyFacts facts)
    {
        var relevantSources = new List<string> { SourceNames.MarcheInclusion, SourceNames.RechercheEntreprises };
        if (article == ReservedArticle.L2113_12) relevantSources.Add(SourceNames.Finess);

        var failed = facts.Sources
            .Where(s => relevantSources.Contains(s.Source) && s.Outcome == SourceOutcome.Unavailable)
            .Select(s => SourceDisplayNames.For(s.Source))
            .ToList();
        // An identity taken from INSEE's batched answer, Recherche d'entreprises not asked: its type_siae is as unknown
        // as when it failed, and the verdict must be the same.
        if (facts.IdentitySource is { Source: not SourceNames.RechercheEntreprises } && facts.SourceNamed(SourceNames.RechercheEntreprises) is null)
            failed.Insert(0, SourceDisplayNames.For(SourceNames.RechercheEntreprises));
        var anyAnswered = facts.Sources.Any(s => relevantSources.Contains(s.Source) && s.Outcome is SourceOutcome.Found or SourceOutcome.NotFound);
        if (!anyAnswered && failed.Count == 0) failed.Add(SourceDisplayNames.For(SourceNames.MarcheInclusion));
        return failed;
    }

    private static string StructureWord(ReservedArticle article) => article switch
    {
        ReservedArticle.L2113_12 => "entreprise adaptée ou ESAT",
        ReservedArticle.L2113_13 => "structure d'insertion par l'activité économique",
        _ => "structure du travail pénitentiaire",
    };

    private static string EquivalentStructureNote(ReservedArticle article) => article switch
    {
        ReservedArticle.L2113_12 =>
            $"Une « structure équivalente » employant au moins 50 % (article R2113-7) de {ReservedContractRules.DisabledWorkers} " +
            "peut aussi candidater : elle doit le justifier.",
        ReservedArticle.L2113_13 =>
            "Une « structure équivalente » employant au moins 50 % (article R2113-7) de travailleurs défavorisés peut aussi candidater : elle doit le justifier.",
        _ => "Le marché ne peut être réservé qu'aux opérateurs qui l'exécutent avec au moins 50 % de personnes détenues (article R2113-7).",
    };

    private static IReadOnlyList<LegalBasis> BasisFor(ReservedArticle article) =>
        [.. ReservedContractRules.For(article).LegalBasis, LegalReferences.ReservedCombination];
}
