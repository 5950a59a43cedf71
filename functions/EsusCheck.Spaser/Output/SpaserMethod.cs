using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;

namespace EsusCheck.Spaser.Output;

/// <summary>The « méthode » of every SPASER report: what the figures count and what they cannot count. The same
/// sentences go to <c>summary.json</c>, the HTML report and docs/spaser.md.</summary>
public static class SpaserMethod
{
    public static IReadOnlyList<string> Sentences { get; } =
    [
        "Source : les données essentielles de la commande publique (DECP) publiées par l'acheteur, au format des arrêtés du " +
        "22 décembre 2022 (JSON ou XML), ou le fichier consolidé des DECP (CSV). Un contrat est compté une fois, dans l'année de " +
        "sa notification initiale, avec son montant, sa durée et ses titulaires après les modifications publiées.",
        "Valeur : le montant HT déclaré dans les DECP (« montant forfaitaire ou estimé maximum HT ») : pour un accord-cadre, " +
        "c'est un maximum, pas ce qui sera commandé. Aucun paiement réel n'est connu des DECP.",
        "Ne sont pas comptés : les contrats sous le seuil de publication des données essentielles, les contrats de concession, " +
        "et les enregistrements illisibles (listés avec leur identifiant).",
        "Considérations sociales : telles que l'acheteur les a déclarées (« Clause sociale », « Critère social », « Marché " +
        "réservé »). Un contrat peut en déclarer plusieurs : il compte alors dans chaque sous-total, une seule fois dans le total. " +
        "Les heures d'insertion réalisées ne figurent pas dans les DECP.",
        $"Objectif national : {SpaserRules.NationalPlan.Text} ({SpaserRules.NationalPlan.Source}), mesuré en nombre de contrats.",
        "Titulaires et sous-traitants : chaque SIRET est vérifié par EsusCheck dans les registres publics (Recherche " +
        "d'entreprises, Sirene, Le Marché de l'inclusion, FINESS, liste des agréments ESUS), avec le code CPV du contrat pour " +
        "l'article L2113-15. Un titulaire déclaré avec un autre identifiant (TVA, HORS-UE…) n'est pas vérifiable et n'entre dans " +
        "aucune catégorie. Un statut « à vérifier » n'est pas compté : il est indiqué à part.",
        "Catégories : ESS (loi n° 2014-856, art. 1), agrément ESUS (code du travail, L3332-17-1), SIAE (marchés réservés " +
        "L2113-13), EA et ESAT (marchés réservés L2113-12). Un contrat est compté dans une catégorie si au moins un de ses " +
        "titulaires en relève ; sa valeur y est comptée au prorata des cotitulaires qui en relèvent, les DECP ne donnant pas la " +
        "répartition entre cotitulaires.",
        "Sous-traitance : les actes spéciaux de sous-traitance déclarés dans les DECP (le fichier consolidé CSV n'en contient " +
        "pas), avec leur montant après modification.",
        "Marchés réservés : les DECP ne disent pas quel article a fondé la réservation ; le rapport indique, pour chaque " +
        "article (L2113-12, L2113-13, L2113-13-1, L2113-15), les marchés dont au moins un titulaire a un verdict « éligible » " +
        "ou « à vérifier » à ce titre. L'article L2113-15 n'est jamais « éligible » sur les seules données des registres.",
        "Vérifications faites à la date du rapport : un titulaire fermé depuis est signalé, et daté quand les registres le datent.",
    ];

    public static IReadOnlyList<LegalBasis> LegalBasis { get; } =
    [
        SpaserRules.Duty, SpaserRules.Threshold, LegalReferences.ReservedDisability, LegalReferences.ReservedInclusion,
        LegalReferences.ReservedPrisonWork, LegalReferences.ReservedEss, LegalReferences.ReservedEssLimits,
        LegalReferences.EssDefinition, LegalReferences.EsusAgrement,
    ];
}
