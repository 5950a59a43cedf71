namespace EsusCheck.Core.Rules;

/// <summary>What the ESUS agrément is and requires (law.md §3, code du travail L3332-17-1 and R3332-21-1), in French,
/// for explanations. Durations and list dates are in <see cref="EsusListRules"/>; the structure kinds that may hold it
/// de plein droit are the <see cref="InclusionKindRule.EsusByRight"/> rows of <see cref="InclusionKindRules"/>.</summary>
public static class EsusAgrementRules
{
    public const string Summary =
        "L'agrément « entreprise solidaire d'utilité sociale » (ESUS) est délivré par le préfet de département à une " +
        "entreprise de l'économie sociale et solidaire qui remplit cumulativement les conditions de l'article L3332-17-1 " +
        "du code du travail.";

    public static readonly IReadOnlyList<string> Conditions =
    [
        "être une entreprise de l'économie sociale et solidaire (loi n° 2014-856, art. 1)",
        "avoir pour objectif principal la recherche d'une utilité sociale (art. 2 de la même loi), inscrite dans ses statuts",
        "que cet objectif pèse significativement sur ses comptes (au moins 66 % des charges d'exploitation sur 3 ans, ou une rentabilité limitée, article R3332-21-1)",
        "une politique de rémunération encadrée, primes comprises : la moyenne des 5 rémunérations les plus élevées, y compris " +
        "les primes, ne dépasse pas 7 fois le SMIC annuel ou le salaire minimum de branche s'il est supérieur, et la plus " +
        "élevée, y compris les primes, ne dépasse pas 10 fois ce même montant",
        "des titres de capital qui ne sont pas négociés sur un marché réglementé",
    ];

    /// <summary>Plein-droit beneficiaries (L3332-17-1 II, law.md §3) that are not structure kinds of
    /// <see cref="InclusionKindRules"/> (EI, ETTI, AI, ACI, EA, ESAT are rows there).</summary>
    public static readonly IReadOnlyList<string> OtherByRightBeneficiaries =
    [
        "les organismes d'insertion sociale (article L121-2 du code de l'action sociale et des familles)",
        "les services de l'aide sociale à l'enfance",
        "les centres d'hébergement et de réinsertion sociale (CHRS)",
        "les régies de quartier",
        "les centres de distribution de travail à domicile",
        "les organismes agréés au titre de l'article L365-1 du code de la construction et de l'habitation",
        "les associations et fondations reconnues d'utilité publique poursuivant une utilité sociale",
        "les organismes agréés au titre de l'article L265-1 du code de l'action sociale et des familles",
        "les établissements et services sociaux et médico-sociaux accueillant des personnes handicapées (article L312-1, I, 2°, 3° et 7° du code de l'action sociale et des familles)",
    ];

    public const string ByRightCaveat =
        "Ces structures bénéficient de l'agrément de plein droit, sous réserve d'être des entreprises de l'ESS (loi n° 2014-856, " +
        "art. 1) et de respecter les conditions de rémunération et de non-cotation de leurs titres, mais doivent tout de même " +
        "en faire la demande : figurer dans cette énumération n'est pas un agrément.";

    public const string OnlySource =
        "La seule source publique des agréments délivrés est la liste nationale publiée par la DG Trésor.";
}
