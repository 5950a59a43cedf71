using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;

namespace EsusCheck.Core.Rules;

/// <summary>How sure a rule is: <see cref="Certain"/> rests on the article itself; <see cref="Caution"/> is a reading
/// the buyer must confirm (verdict <c>to_verify</c>).</summary>
public enum RuleCertainty { Certain, Caution }

/// <summary>One row of the inclusion-kind table: which reserved-contract article the kind opens, how surely, whether
/// it is a plein-droit ESUS kind (L3332-17-1 II), and the French words a buyer reads. A <see cref="RuleCertainty.Caution"/>
/// row says in <see cref="Caveat"/> what the buyer must check.</summary>
public sealed record InclusionKindRule(
    InclusionKind Kind,
    string Label,
    bool Feminine,
    ReservedArticle Article,
    RuleCertainty Certainty,
    bool EsusByRight,
    string Explanation,
    string? Caveat = null)
{
    /// <summary>The label with its indefinite article, « une entreprise adaptée (EA) ».</summary>
    public string WithArticle => (Feminine ? "une " : "un ") + Label;
}

/// <summary>Inclusion kind → reserved-contract article (law.md §3–§4).</summary>
public static class InclusionKindRules
{
    private const string EquivalentOnly = "seulement comme « structure équivalente », à vérifier par l'acheteur";

    public static readonly IReadOnlyList<InclusionKindRule> All =
    [
        new(InclusionKind.EI, "entreprise d'insertion (EI)", true, ReservedArticle.L2113_13, RuleCertainty.Certain, true,
            "Les entreprises d'insertion sont des SIAE au sens de l'article L5132-4 du code du travail."),
        new(InclusionKind.AI, "association intermédiaire (AI)", true, ReservedArticle.L2113_13, RuleCertainty.Certain, true,
            "Les associations intermédiaires sont des SIAE au sens de l'article L5132-4 du code du travail."),
        new(InclusionKind.ACI, "atelier et chantier d'insertion (ACI)", false, ReservedArticle.L2113_13, RuleCertainty.Certain, true,
            "Les ateliers et chantiers d'insertion sont des SIAE au sens de l'article L5132-4 du code du travail."),
        new(InclusionKind.ETTI, "entreprise de travail temporaire d'insertion (ETTI)", true, ReservedArticle.L2113_13, RuleCertainty.Certain, true,
            "Les entreprises de travail temporaire d'insertion sont des SIAE au sens de l'article L5132-4 du code du travail."),
        // An experiment (loi 2018-771 art. 83, extended to 22 December 2026), not listed in L5132-4.
        new(InclusionKind.EITI, "entreprise d'insertion par le travail indépendant (EITI)", true, ReservedArticle.L2113_13, RuleCertainty.Caution, false,
            "Les EITI relèvent d'une expérimentation (loi n° 2018-771, art. 83) et ne figurent pas à l'article L5132-4 du code du travail : " +
            "l'acheteur doit apprécier s'il s'agit d'une « structure équivalente » employant au moins 50 % de travailleurs défavorisés.",
            EquivalentOnly),
        // A GEIQ is not an SIAE; it may only qualify as an equivalent structure.
        new(InclusionKind.GEIQ, "groupement d'employeurs pour l'insertion et la qualification (GEIQ)", false, ReservedArticle.L2113_13, RuleCertainty.Caution, false,
            "Un GEIQ n'est pas une SIAE au sens de l'article L5132-4 du code du travail : l'acheteur doit vérifier qu'il constitue une " +
            "« structure équivalente » employant au moins 50 % de travailleurs défavorisés.",
            EquivalentOnly),
        // Le Marché itself leaves SEP out of its « clause sociale » list « par prudence » (law.md §4): the kind alone does
        // not show who performs the contract, nor under which arrangement.
        new(InclusionKind.SEP, "structure du travail pénitentiaire (SEP)", true, ReservedArticle.L2113_13_1, RuleCertainty.Caution, false,
            "Le marché ne peut être réservé qu'aux opérateurs qui l'exécutent avec des personnes détenues représentant au moins " +
            "50 % des personnes affectées à son exécution (article R2113-7), dans le cadre des activités de production des " +
            "établissements pénitentiaires régies par le code pénitentiaire : l'acheteur vérifie qui exécutera le marché, sous " +
            "ce régime de travail pénitentiaire, et la part de personnes détenues.",
            "à vérifier par l'acheteur : qui exécute le marché, sous le régime du travail pénitentiaire, avec au moins 50 % de personnes détenues (article R2113-7)"),
        new(InclusionKind.EA, "entreprise adaptée (EA)", true, ReservedArticle.L2113_12, RuleCertainty.Certain, true,
            "Les entreprises adaptées (article L5213-13 du code du travail) peuvent se voir réserver des marchés (au moins 50 % de " +
            ReservedContractRules.DisabledWorkers + ", article R2113-7)."),
        new(InclusionKind.EATT, "entreprise adaptée de travail temporaire (EATT)", true, ReservedArticle.L2113_12, RuleCertainty.Certain, true,
            "Les entreprises adaptées de travail temporaire sont des entreprises adaptées (article L5213-13 du code du travail)."),
        new(InclusionKind.ESAT, "établissement et service d'aide par le travail (ESAT)", false, ReservedArticle.L2113_12, RuleCertainty.Certain, true,
            "Les ESAT (article L344-2 du code de l'action sociale et des familles) peuvent se voir réserver des marchés (au moins 50 % de " +
            ReservedContractRules.DisabledWorkers + ", article R2113-7)."),
    ];

    private static readonly Dictionary<InclusionKind, InclusionKindRule> ByKind = All.ToDictionary(r => r.Kind);

    public static InclusionKindRule For(InclusionKind kind) => ByKind[kind];

    public static IEnumerable<InclusionKindRule> ForArticle(ReservedArticle article) => All.Where(r => r.Article == article);

    /// <summary>FINESS establishment categories that prove a disability structure for a SIRET (registries.md §4).</summary>
    public static readonly IReadOnlyDictionary<string, InclusionKind> FinessCategories = new Dictionary<string, InclusionKind>
    {
        ["246"] = InclusionKind.ESAT,
        ["247"] = InclusionKind.EA,
    };
}
