using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Rules;

/// <summary>One reserved-contract article as a buyer reads it: a short title, what the article allows (law.md §4),
/// and the articles to cite. The kinds of structure it opens come from <see cref="InclusionKindRules"/>, the services
/// of L2113-15 from <see cref="SocialServicesCpv"/>.</summary>
public sealed record ReservedContractRule(ReservedArticle Article, string Title, string Summary, IReadOnlyList<LegalBasis> LegalBasis);

/// <summary>What each reserved-contract article allows, in French, for explanations (chat, documentation). The verdict
/// logic stays in <c>Engine/</c>; this table only says what the articles are about.</summary>
public static class ReservedContractRules
{
    public static readonly IReadOnlyList<ReservedContractRule> All =
    [
        new(ReservedArticle.L2113_12, "marché réservé aux entreprises adaptées et aux ESAT",
            "Un marché ou un lot peut être réservé aux entreprises adaptées (article L5213-13 du code du travail), aux " +
            "établissements et services d'aide par le travail (ESAT, article L344-2 du code de l'action sociale et des familles) " +
            "et aux structures équivalentes, lorsqu'ils emploient au moins 50 % de travailleurs handicapés (article R2113-7).",
            [LegalReferences.ReservedDisability, LegalReferences.ReservedDisabilityShare, LegalReferences.EntrepriseAdaptee, LegalReferences.Esat]),
        new(ReservedArticle.L2113_13, "marché réservé aux structures d'insertion par l'activité économique",
            "Un marché ou un lot peut être réservé aux structures d'insertion par l'activité économique (SIAE) mentionnées à " +
            "l'article L5132-4 du code du travail et aux structures équivalentes, lorsqu'elles emploient au moins 50 % de " +
            "travailleurs défavorisés.",
            [LegalReferences.ReservedInclusion, LegalReferences.SiaeDefinition]),
        new(ReservedArticle.L2113_13_1, "marché réservé aux structures du travail pénitentiaire",
            "Un marché ou un lot peut être réservé aux opérateurs qui l'exécutent avec des personnes détenues, lorsque " +
            "celles-ci représentent au moins 50 % des personnes affectées à son exécution.",
            [LegalReferences.ReservedPrisonWork]),
        new(ReservedArticle.L2113_15, "marché de services sociaux réservé aux entreprises de l'ESS",
            "Un marché qui porte exclusivement sur certains services sociaux et autres services spécifiques peut être réservé " +
            "aux entreprises de l'économie sociale et solidaire (article 1 de la loi n° 2014-856) et aux structures " +
            "équivalentes dont l'objet est une mission de service public liée à ces services.",
            [LegalReferences.ReservedEss, LegalReferences.ReservedEssLimits, LegalReferences.EssDefinition]),
    ];

    /// <summary>L2113-14: which reservations may be combined in one contract.</summary>
    public const string Combination =
        "Un même marché peut être réservé à la fois aux opérateurs de l'article L2113-12 et à ceux de l'article L2113-13 " +
        "(article L2113-14) ; la réservation aux structures du travail pénitentiaire (L2113-13-1) ne se combine pas avec elles.";

    /// <summary>L2113-16 (law.md [B], to be confirmed on Légifrance): the limits of an L2113-15 contract.</summary>
    public const string SocialServicesLimits =
        "Un marché réservé sur le fondement de l'article L2113-15 dure au plus 3 ans, et un opérateur qui a obtenu de " +
        "l'acheteur un marché sur ce fondement au cours des 3 dernières années ne peut pas en obtenir un nouveau sur ce " +
        "fondement (article L2113-16, à confirmer sur Légifrance).";

    private static readonly Dictionary<ReservedArticle, ReservedContractRule> ByArticle = All.ToDictionary(r => r.Article);

    public static ReservedContractRule For(ReservedArticle article) => ByArticle[article];
}
