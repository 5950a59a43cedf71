using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Rules;

/// <summary>One reserved-contract article as a buyer reads it: a short title, what the article allows (law.md §4), the
/// articles to cite, and the conditions no registry can show, left to the buyer. The kinds of structure it opens come
/// from <see cref="InclusionKindRules"/>, the services of L2113-15 from <see cref="SocialServicesCpv"/>.</summary>
public sealed record ReservedContractRule(
    ReservedArticle Article,
    string Title,
    string Summary,
    IReadOnlyList<LegalBasis> LegalBasis,
    IReadOnlyList<ContractCondition> Conditions);

/// <summary>One row of the L2113-15 verdict table (law.md §4): a null column matches any value (a null CPV column also matches « no CPV given »). The first row that
/// matches decides. No row gives <c>eligible</c>: the public-service mission and the buyer's own award history are in
/// no registry.</summary>
public sealed record SocialServicesVerdictRule(CpvMatch? Cpv, EssStatus? Ess, ContractStatus Status);

/// <summary>What each reserved-contract article allows, in French, for explanations (chat, documentation) and for the
/// conditions of every verdict. The verdict logic stays in <c>Engine/</c>.</summary>
public static class ReservedContractRules
{
    /// <summary>L2113-12's own words for the workers concerned (law.md §4).</summary>
    public const string DisabledWorkers =
        "travailleurs handicapés qui, en raison de la nature ou de la gravité de leurs déficiences, ne peuvent exercer une " +
        "activité professionnelle dans des conditions normales";

    /// <summary>R2113-7: the reservation must be stated in the notice (L2113-12, L2113-13, L2113-13-1).</summary>
    public static readonly ContractCondition ReservationInNotice = new("reservation_in_notice",
        "L'avis de marché ou les documents de la consultation indiquent que le marché ou le lot est réservé sur ce fondement (article R2113-7).");

    public static readonly ContractCondition PerformedByDetainees = new("performed_by_detainees",
        "Le marché est exécuté avec des personnes détenues, qui représentent au moins 50 % des personnes affectées à son " +
        "exécution (article R2113-7) : vérifiez qui exécute le marché.");

    public static readonly ContractCondition PrisonWorkArrangement = new("prison_work_arrangement",
        "Ces personnes travaillent dans le cadre des activités de production des établissements pénitentiaires, selon les " +
        "règles du travail pénitentiaire fixées par le code pénitentiaire.");

    public static readonly ContractCondition NotCombined = new("not_combined_with_l2113_12_13",
        "La réservation n'est pas combinée avec celles des articles L2113-12 et L2113-13 (article L2113-14).");

    public static readonly ContractCondition PublicServiceMission = new("public_service_mission",
        "Les statuts de l'opérateur lui donnent pour objectif d'assumer une mission de service public liée à la prestation " +
        "des services du marché (article L2113-15) : cette condition vaut aussi pour les entreprises de l'ESS.");

    public static readonly ContractCondition NoRecentAward = new("no_award_in_last_three_years",
        "L'acheteur n'a pas attribué à cet opérateur, au cours des 3 dernières années, un marché réservé sur le fondement de " +
        "l'article L2113-15 pour les mêmes services (article L2113-16).");

    public static readonly ContractCondition MaxThreeYears = new("duration_at_most_three_years",
        "Le marché dure au plus 3 ans (article L2113-16).");

    public static readonly IReadOnlyList<ReservedContractRule> All =
    [
        new(ReservedArticle.L2113_12, "marché réservé aux entreprises adaptées et aux ESAT",
            "Un marché ou un lot peut être réservé aux entreprises adaptées (article L5213-13 du code du travail), aux " +
            "établissements et services d'aide par le travail (ESAT, article L344-2 du code de l'action sociale et des familles) " +
            $"et aux structures équivalentes, lorsqu'ils emploient au moins 50 % (article R2113-7) de {DisabledWorkers}.",
            [LegalReferences.ReservedDisability, LegalReferences.ReservedShare, LegalReferences.EntrepriseAdaptee, LegalReferences.Esat],
            [ReservationInNotice]),
        new(ReservedArticle.L2113_13, "marché réservé aux structures d'insertion par l'activité économique",
            "Un marché ou un lot peut être réservé aux structures d'insertion par l'activité économique (SIAE) mentionnées à " +
            "l'article L5132-4 du code du travail et aux structures équivalentes, lorsqu'elles emploient au moins 50 % " +
            "(article R2113-7) de travailleurs défavorisés.",
            [LegalReferences.ReservedInclusion, LegalReferences.ReservedShare, LegalReferences.SiaeDefinition],
            [ReservationInNotice]),
        new(ReservedArticle.L2113_13_1, "marché réservé aux structures du travail pénitentiaire",
            "Un marché ou un lot peut être réservé aux opérateurs qui l'exécutent avec des personnes détenues, dans le cadre des " +
            "activités de production des établissements pénitentiaires régies par le code pénitentiaire, lorsque celles-ci " +
            "représentent au moins 50 % des personnes affectées à son exécution (article R2113-7).",
            [LegalReferences.ReservedPrisonWork, LegalReferences.ReservedShare],
            [PerformedByDetainees, PrisonWorkArrangement, NotCombined, ReservationInNotice]),
        new(ReservedArticle.L2113_15, "marché de services sociaux réservé aux entreprises de l'ESS et aux structures équivalentes",
            "Un marché qui porte exclusivement sur certains services sociaux et autres services spécifiques peut être réservé " +
            "aux entreprises de l'économie sociale et solidaire (article 1 de la loi n° 2014-856) et aux structures " +
            "équivalentes, lorsqu'elles ont pour objectif d'assumer une mission de service public liée à la prestation de ces " +
            "services.",
            [LegalReferences.ReservedEss, LegalReferences.ReservedEssLimits, LegalReferences.EssDefinition],
            [PublicServiceMission, NoRecentAward, MaxThreeYears]),
    ];

    /// <summary>The L2113-15 verdict table (law.md §4), read top to bottom.</summary>
    public static readonly IReadOnlyList<SocialServicesVerdictRule> SocialServicesVerdicts =
    [
        new(CpvMatch.NotListed, null, ContractStatus.NotEligible),
        new(null, EssStatus.No, ContractStatus.NotEligible),
        new(null, EssStatus.Yes, ContractStatus.ToVerify),
        new(null, EssStatus.Unknown, ContractStatus.ToVerify),
    ];

    /// <param name="cpv">How the contract's CPV code matches the list; null when no code was given.</param>
    public static ContractStatus SocialServicesVerdict(CpvMatch? cpv, EssStatus ess) =>
        SocialServicesVerdicts.First(r => (r.Cpv is null || r.Cpv == cpv) && (r.Ess is null || r.Ess == ess)).Status;

    /// <summary>Why no L2113-15 verdict is ever <c>eligible</c> (bulk summary, documentation).</summary>
    public const string SocialServicesNeverEligible =
        "aucun registre ne montre la mission de service public exigée de chaque candidat, ni les marchés que l'acheteur a " +
        "déjà attribués sur ce fondement (article L2113-16) : un fournisseur de l'ESS est donc « à vérifier », jamais « éligible »";

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
