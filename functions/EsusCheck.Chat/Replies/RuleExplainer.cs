using EsusCheck.Chat.Understanding;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;

namespace EsusCheck.Chat.Replies;

/// <summary>Explains a rule from the very tables the engine applies (<c>Core/Rules</c>): article summaries, structure
/// kinds and their certainty, the L2113-15 services, ESUS durations and list dates. Nothing here restates the law in
/// prose of its own, so an explanation cannot drift from the verdicts.</summary>
public static class RuleExplainer
{
    public static ReplyDocument Explain(RuleTopic topic) => ReplyDocument.Of([.. Blocks(topic)]);

    public static IReadOnlyList<LegalBasis> References(RuleTopic topic) =>
        Blocks(topic).OfType<ReferencesBlock>().SelectMany(r => r.References).ToList();

    /// <summary>The title of an explanation, for cards and MCP results.</summary>
    public static string Title(RuleTopic topic) => Blocks(topic).OfType<HeadingBlock>().First().Text;

    private static IEnumerable<ReplyBlock> Blocks(RuleTopic topic) => topic.Kind switch
    {
        RuleTopicKind.ReservedArticle => Article(topic.Article!.Value),
        RuleTopicKind.ReservedContracts => Overview(),
        RuleTopicKind.Combination =>
        [
            new HeadingBlock("Combiner des réservations (article L2113-14 du code de la commande publique)"),
            new ParagraphBlock(ReservedContractRules.Combination),
            new ReferencesBlock([LegalReferences.ReservedCombination]),
        ],
        RuleTopicKind.SocialServicesLimits =>
        [
            new HeadingBlock("Limites d'un marché réservé de services sociaux (article L2113-16)"),
            new ParagraphBlock(ReservedContractRules.SocialServicesLimits),
            new ReferencesBlock([LegalReferences.ReservedEssLimits, LegalReferences.ReservedEss]),
        ],
        RuleTopicKind.Esus => Esus(),
        RuleTopicKind.Ess => Ess(),
        RuleTopicKind.StructureKind => Kind(topic.StructureKind!.Value),
        _ => Cpv(topic),
    };

    private static IEnumerable<ReplyBlock> Article(ReservedArticle article)
    {
        var rule = ReservedContractRules.For(article);
        yield return new HeadingBlock($"Article {article.ToArticle()} du code de la commande publique : {rule.Title}");
        yield return new ParagraphBlock(rule.Summary);
        var kinds = InclusionKindRules.ForArticle(article).ToList();
        if (kinds.Count > 0)
            yield return new BulletsBlock(kinds.Select(KindLine).ToList(), "Structures concernées :");
        if (article == ReservedArticle.L2113_15)
            yield return new BulletsBlock(SocialServices(), "Services concernés (codes CPV) :");
        yield return Conditions(rule);
        if (article != ReservedArticle.L2113_15) yield return new ParagraphBlock(ReservedContractRules.Combination);
        yield return new ReferencesBlock(rule.LegalBasis);
    }

    private static IEnumerable<ReplyBlock> Overview()
    {
        yield return new HeadingBlock("Les marchés réservés du code de la commande publique");
        yield return new ParagraphBlock("Un acheteur peut réserver un marché ou un lot à certains opérateurs :");
        yield return new BulletsBlock(ReservedContractRules.All.Select(r => $"{r.Article.ToArticle()} : {r.Title}").ToList());
        var noticeArticles = ReservedContractRules.All.Where(r => r.Conditions.Contains(ReservedContractRules.ReservationInNotice))
            .Select(r => r.Article.ToArticle());
        yield return new ParagraphBlock($"Pour les articles {FrenchText.Join(noticeArticles)} : " +
                                        ReservedContractRules.ReservationInNotice.Text.Replace("sur ce fondement", "sur l'un de ces fondements"));
        yield return new ParagraphBlock(ReservedContractRules.Combination);
        yield return new ReferencesBlock([.. ReservedContractRules.All.Select(r => r.LegalBasis[0]), LegalReferences.ReservedShare]);
    }

    private static IEnumerable<ReplyBlock> Esus()
    {
        yield return new HeadingBlock("L'agrément « entreprise solidaire d'utilité sociale » (ESUS)");
        yield return new ParagraphBlock(EsusAgrementRules.Summary);
        yield return new BulletsBlock(EsusAgrementRules.Conditions, "Conditions :");
        yield return new ParagraphBlock(
            $"Il est accordé pour {EsusListRules.AccreditationYears} ans ({EsusListRules.YoungCompanyAccreditationYears} ans " +
            $"pour une entreprise créée depuis moins de {EsusListRules.YoungCompanyYears} ans).");
        yield return new BulletsBlock(
            [.. InclusionKindRules.All.Where(r => r.EsusByRight).Select(r => FrenchText.Capitalise(r.WithArticle)),
             .. EsusAgrementRules.OtherByRightBeneficiaries.Select(FrenchText.Capitalise)],
            "En bénéficient de plein droit, sur demande :");
        yield return new ParagraphBlock(EsusAgrementRules.ByRightCaveat);
        var dueDates = EsusListRules.DueDates.Select(d => FrenchText.DayAndMonth(d.Month, d.Day)).ToList();
        yield return new ParagraphBlock(
            $"{EsusAgrementRules.OnlySource} Elle est publiée chaque année au plus tard le {dueDates[0]} et mise à jour au " +
            $"{FrenchText.Join(dueDates.Skip(1))}.");
        yield return new ReferencesBlock([LegalReferences.EsusAgrement, LegalReferences.EsusConditions]);
    }

    private static IEnumerable<ReplyBlock> Ess()
    {
        var families = EssLegalForms.FamilyLabels.Where(f => f.Key.IsEssByForm()).Select(f => Plural(f.Value)).ToList();
        yield return new HeadingBlock("L'économie sociale et solidaire (ESS)");
        yield return new ParagraphBlock(EssLegalForms.Summary);
        yield return new ParagraphBlock($"En font partie par leur statut les {FrenchText.Join(families)}. {EssLegalForms.CommercialCompanies}");
        yield return new ParagraphBlock(
            "Une entreprise qui détient un agrément ESUS en cours appartient nécessairement à l'ESS. Les entreprises de l'ESS, " +
            "comme les structures équivalentes, peuvent candidater aux marchés réservés de l'article L2113-15 " +
            $"({ReservedContractRules.For(ReservedArticle.L2113_15).Title}), sous les conditions que l'acheteur vérifie.");
        yield return new ParagraphBlock($"N'en font jamais partie, quel que soit le signalement des registres : les " +
            $"{FrenchText.Join(NeverEss())}, car {EssLegalForms.NeverEssReason}.");
        yield return new ReferencesBlock([LegalReferences.EssDefinition, LegalReferences.ReservedEss]);
    }

    private static IEnumerable<ReplyBlock> Kind(InclusionKind kind)
    {
        var rule = InclusionKindRules.For(kind);
        var contract = ReservedContractRules.For(rule.Article);
        yield return new HeadingBlock(FrenchText.Capitalise(rule.Label));
        yield return new ParagraphBlock(rule.Explanation);
        var pronoun = rule.Feminine ? "Elle" : "Il";
        yield return new ParagraphBlock(rule.Certainty == RuleCertainty.Certain
            ? $"{pronoun} peut se voir réserver un marché sur le fondement de l'article {rule.Article.ToArticle()} ({contract.Title})."
            : $"{pronoun} peut candidater à un marché réservé sur le fondement de l'article {rule.Article.ToArticle()} ({contract.Title}) " +
              $"{rule.Caveat}.",
            rule.Certainty == RuleCertainty.Certain ? Tone.Neutral : Tone.Warning);
        if (rule.EsusByRight)
            yield return new ParagraphBlock(
                $"{pronoun} peut bénéficier de l'agrément ESUS de plein droit (article L3332-17-1, II). {EsusAgrementRules.ByRightCaveat}");
        yield return new ReferencesBlock([contract.LegalBasis[0], .. rule.EsusByRight ? [LegalReferences.EsusAgrement] : Array.Empty<LegalBasis>()]);
    }

    private static IEnumerable<ReplyBlock> Cpv(RuleTopic topic)
    {
        var cpv = topic.Cpv!.Value;
        var l2113_15 = ReservedContractRules.For(ReservedArticle.L2113_15);
        yield return new HeadingBlock($"Le code CPV {cpv} et les marchés réservés");
        var match = SocialServicesCpv.Match(cpv, out var label);
        yield return match switch
        {
            CpvMatch.Listed => new ParagraphBlock(
                $"Le code CPV {cpv} fait partie des services sociaux et autres services spécifiques ({label}) : un marché portant " +
                $"exclusivement sur ces services peut être réservé aux entreprises de l'ESS et aux structures équivalentes ({l2113_15.Title}, " +
                "article L2113-15).", Tone.Good),
            CpvMatch.UnderListedCode => new ParagraphBlock(
                $"Le code CPV {cpv} est une subdivision de la catégorie « {label} » de la liste des services sociaux et autres " +
                "services spécifiques : vérifiez que le service acheté entre bien dans cette catégorie ; si c'est le cas, le marché " +
                "peut être réservé aux entreprises de l'ESS et aux structures équivalentes (article L2113-15).", Tone.Warning),
            _ => new ParagraphBlock(
                $"Le code CPV {cpv} ne figure pas parmi les services sociaux et autres services spécifiques : un marché de ce type " +
                "ne peut pas être réservé sur le fondement de l'article L2113-15.", Tone.Bad),
        };
        if (match != CpvMatch.NotListed) yield return Conditions(l2113_15);
        var anySubject = ReservedContractRules.All.Where(r => r.Article != ReservedArticle.L2113_15)
            .Select(r => $"{r.Title} ({r.Article.ToArticle()})");
        yield return new ParagraphBlock($"Quel que soit l'objet du marché, les autres réservations restent possibles : {FrenchText.Join(anySubject)}.");
        yield return new ReferencesBlock([LegalReferences.ReservedEss, LegalReferences.ReservedDisability, LegalReferences.ReservedInclusion]);
    }

    private static string KindLine(InclusionKindRule rule) =>
        rule.Certainty == RuleCertainty.Certain
            ? FrenchText.Capitalise(rule.WithArticle)
            : $"{FrenchText.Capitalise(rule.WithArticle)}, {rule.Caveat}";

    /// <summary>What the buyer must still confirm, from the same rows the verdicts carry.</summary>
    private static BulletsBlock Conditions(ReservedContractRule rule) =>
        new(rule.Conditions.Select(c => c.Text).ToList(), "À confirmer par l'acheteur :");

    private static IEnumerable<string> NeverEss() =>
        EssLegalForms.FamilyLabels.Where(f => f.Key.IsNeverEss()).Select(f => f.Key switch
        {
            LegalFormFamily.PublicBody => "personnes morales de droit public",
            LegalFormFamily.IndividualEntrepreneur => "entrepreneurs individuels",
            _ => "associations non déclarées, sans personnalité morale",
        });

    private static IReadOnlyList<string> SocialServices() =>
        [SocialServicesCpv.HealthAndSocialRange.Label, .. SocialServicesCpv.Listed.Select(l => $"{l.Code} : {l.Label}")];

    private static string Plural(string label) => label switch
    {
        "banque coopérative" => "banques coopératives",
        _ => label + "s",
    };
}
