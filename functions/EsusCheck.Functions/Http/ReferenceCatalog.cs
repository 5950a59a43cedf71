using EsusCheck.Core.Application;
using EsusCheck.Core.Facts;
using EsusCheck.Core.Rules;
using EsusCheck.Core.Wording;
using EsusCheck.Registries.MarcheInclusion;
using EsusCheck.Registries.Sirene;

namespace EsusCheck.Functions.Http;

/// <summary>What each source and reference list is, in the words a buyer reads. Data, not logic: a new source gets a
/// row here.</summary>
public static class ReferenceCatalog
{
    /// <param name="SecretKey">The configuration key of the token or key the source needs, if any (only its presence
    /// is ever reported).</param>
    public sealed record SourceEntry(string Id, SourceRole Role, string Description, string? SecretKey);

    public static readonly IReadOnlyList<SourceEntry> Sources =
    [
        new(SourceNames.RechercheEntreprises, SourceRole.Identity,
            "API publique de l'État (annuaire des entreprises) : identité de l'entreprise et de l'établissement (dénomination, " +
            "forme juridique, activité, état administratif, siège), indicateur ESS et types de structures d'insertion connus " +
            "au niveau de l'unité légale. Sans clé ; 7 requêtes par seconde au plus.", null),
        new(SourceNames.Sirene, SourceRole.IdentityFallback,
            "API Sirene de l'INSEE : identité de secours quand l'API Recherche d'entreprises ne répond pas, et indicateur ESS " +
            "tenu par l'INSEE. Nécessite une clé d'API gratuite.", SireneOptions.ApiKeyKey),
        new(SourceNames.MarcheInclusion, SourceRole.Complement,
            "Le Marché de l'inclusion : structures d'insertion par l'activité économique (EI, AI, ACI, ETTI, EITI), GEIQ, SEP et " +
            "structures du handicap (EA, EATT, ESAT), au niveau de l'établissement. Nécessite un jeton d'API.",
            MarcheInclusionOptions.TokenKey),
        new(SourceNames.Finess, SourceRole.Complement,
            "Répertoire FINESS des établissements sanitaires, sociaux et médico-sociaux : catégories 246 (ESAT) et 247 " +
            "(entreprise adaptée). Sans clé.", null),
    ];

    public static string RoleName(SourceRole role) => role switch
    {
        SourceRole.Identity => "identity",
        SourceRole.IdentityFallback => "identity_fallback",
        _ => "complement",
    };

    public const string EsusListDescription =
        "Liste nationale des entreprises agréées « entreprise solidaire d'utilité sociale » (ESUS), publiée par la DG Trésor " +
        "(article L3332-17-1 du code du travail). Elle est importée par l'opérateur ; les structures ESUS de plein droit " +
        "(SIAE, EA, ESAT…) n'y figurent pas nécessairement.";

    public static readonly string EsusListFreshness =
        $"Échéances de publication par la DG Trésor : {DueDates()} de chaque année. La liste chargée est dite périmée dès " +
        "que l'échéance qui suit sa date de publication est passée ; les rapports le signalent alors.";

    public const string MarcheCopyId = "marche-inclusion-copy";

    public const string MarcheCopyDescription =
        "Copie locale de la liste complète des structures du Marché de l'inclusion (SIAE, EA, ESAT…, par établissement), " +
        "rafraîchie chaque nuit lorsqu'un jeton est configuré ; les vérifications la consultent avant l'API.";

    public static string MarcheCopyFreshness(TimeSpan maxAge) =>
        $"Utilisée tant qu'elle a moins de {maxAge.TotalDays:0} jours ; au-delà, les vérifications interrogent l'API du Marché.";

    /// <summary>The rule tables compiled into this version: their date is the rules version.</summary>
    public static IReadOnlyList<(string Id, string Name, string Description, int Count)> RuleTables =>
    [
        ("ess-legal-forms", "Formes juridiques de l'ESS",
            "Catégories juridiques INSEE qui relèvent de l'économie sociale et solidaire par leur seule forme (loi n° 2014-856 " +
            "du 31 juillet 2014, article 1) : associations, fondations, mutuelles, coopératives.",
            EssLegalForms.Codes.Sum(kv => kv.Value.Count)),
        ("inclusion-kinds", "Structures d'insertion et du handicap",
            "Types de structures (EI, AI, ACI, ETTI, EITI, GEIQ, SEP, EA, EATT, ESAT) et l'article de marché réservé " +
            "(L2113-12, L2113-13, L2113-13-1) auquel chacun donne accès.",
            InclusionKindRules.All.Count),
        ("social-services-cpv", "Codes CPV des services sociaux (L2113-15)",
            "Codes CPV des services sociaux et autres services spécifiques que peuvent couvrir les marchés réservés de " +
            "l'article L2113-15 du code de la commande publique, dont la plage 85000000 à 85323000.",
            SocialServicesCpv.Listed.Count + 1),
        ("legal-references", "Textes cités",
            "Articles de loi et de code cités par les rapports, avec leur lien Légifrance.",
            LegalReferences.All.Count),
    ];

    public const string RuleTablesFreshness =
        "Tables intégrées au code : elles changent avec la version des règles (rulesVersion), portée par chaque rapport " +
        "et chaque ligne d'historique.";

    private static string DueDates() =>
        FrenchText.Join(EsusListRules.DueDates.Select(d => "le " + FrenchText.DayAndMonth(d.Month, d.Day)));
}
