using EsusCheck.Core.Facts;
using EsusCheck.Core.Reports;
using EsusCheck.Core.Rules;
using Microsoft.OpenApi.Models;
using static EsusCheck.Functions.OpenApi.Schemas;

namespace EsusCheck.Functions.OpenApi;

// Written by hand: this is the contract a connector shows (French descriptions, x-ms-summary, patterns, documented enums,
// stricter than the records); OpenApiSchemaDerivationTests checks it against JsonSchemaExporter's schema of each record.
/// <summary>The schema of <see cref="EligibilityReport"/>, the public contract, with French descriptions. Enum values
/// come from the C# enums through <see cref="ReportJson.Options"/>; a test checks every property of real serialised
/// reports against it, both ways.</summary>
internal static class ReportSchemas
{
    public const string Report = "EligibilityReport";
    public const string Company = "CompanySection";
    public const string LegalBasis = "LegalBasis";
    public const string Ess = "EssVerdict";
    public const string Esus = "EsusVerdict";
    public const string ReservedContract = "ReservedContractVerdict";
    public const string Evidence = "EvidenceItem";
    public const string Condition = "ContractCondition";

    public static void AddTo(IDictionary<string, OpenApiSchema> components)
    {
        components[Report] = Object(
            "Rapport d'éligibilité d'un établissement : ESS, agrément ESUS et accès aux marchés réservés, chaque verdict avec " +
            "ses raisons et les textes qui le fondent.",
            Property("siret", "SIRET", String("SIRET de l'établissement vérifié (14 chiffres). Pour un SIREN demandé, celui du siège.",
                pattern: "^[0-9]{14}$", example: "73282932000074")),
            Property("siren", "SIREN", String("SIREN de l'entreprise (9 chiffres).", pattern: "^[0-9]{9}$", example: "732829320")),
            Property("checkedAt", "Date de la vérification", String("Date et heure de la vérification (UTC).", "date-time")),
            Property("cpv", "Code CPV", String("Code CPV du marché fourni avec la demande, normalisé ; null sans code CPV.").Nullable()),
            Property("company", "Entreprise", Ref(Company)),
            Property("ess", "ESS", Ref(Ess)),
            Property("esus", "ESUS", Ref(Esus)),
            Property("inclusionKinds", "Types de structure", Array(
                "Types de structures d'insertion ou du handicap actives reconnues pour cet établissement ou son entreprise.",
                InclusionKind("Type de structure : EI, AI, ACI, ETTI, EITI, GEIQ, SEP, EA, EATT ou ESAT."))),
            Property("reservedContracts", "Marchés réservés", Array(
                "Un verdict par article de marché réservé : L2113-12, L2113-13, L2113-13-1 et L2113-15.", Ref(ReservedContract))),
            Property("evidence", "Sources", Array(
                "Chaque source consultée : quand, depuis le cache ou non, et ce qu'elle a répondu.", Ref(Evidence))),
            Property("warnings", "Avertissements", Array(
                "Points d'attention en français (données masquées, source indisponible, liste ESUS périmée…).",
                String("Un avertissement."))),
            Property("rulesVersion", "Version des règles", String("Version des tables de règles qui ont produit les verdicts.")));

        components[Company] = Object(
            "L'entreprise et l'établissement tels que les registres les décrivent ; champs null quand l'identité est inconnue " +
            "ou masquée.",
            Property("name", "Dénomination", String("Dénomination ou nom ; null si masqué (diffusion partielle).").Nullable()),
            Property("legalForm", "Forme juridique", CodeLabel("Catégorie juridique INSEE (code et libellé).")),
            Property("activity", "Activité", CodeLabel("Activité principale (code NAF et libellé).")),
            Property("companyState", "État de l'entreprise", Enum("État administratif de l'entreprise.", "active", "ceased").Nullable()),
            Property("establishmentState", "État de l'établissement",
                Enum("État administratif de l'établissement.", "active", "closed").Nullable()),
            Property("headOffice", "Siège", Boolean("Vrai si l'établissement est le siège de l'entreprise.").Nullable()),
            Property("address", "Adresse", String("Adresse de l'établissement ; null si masquée.").Nullable()),
            Property("diffusion", "Diffusion", Enum(
                "« partial » quand l'entreprise a demandé que certaines données ne soient pas diffusées.", "public", "partial").Nullable()),
            Property("closedOn", "Fermée le", String(
                "Date de cessation de l'entreprise ou de fermeture de l'établissement, selon les registres ; null tant qu'il est actif.",
                "date").Nullable()));

        components[LegalBasis] = Object("Un texte de loi qui fonde un verdict.",
            Property("code", "Texte", String("Le code ou la loi, par exemple « Code de la commande publique ».")),
            Property("article", "Article", String("L'article, par exemple « L2113-13 ».")),
            Property("url", "Lien", String("Lien Légifrance.", "uri")));

        components[Ess] = Object("Appartenance à l'économie sociale et solidaire (loi n° 2014-856, article 1).",
            Property("status", "Statut ESS", Enum<EssStatus>("yes : ESS ; no : hors ESS ; unknown : impossible à établir.")),
            Reasons(), LegalBases());

        components[Esus] = Object("Agrément « entreprise solidaire d'utilité sociale » (article L3332-17-1 du code du travail).",
            Property("status", "Statut ESUS", Enum<EsusStatus>(
                "accredited : agréée ou ESUS de plein droit ; not_accredited : absente de la liste et sans catégorie de plein " +
                "droit ; unknown : impossible à établir (pas de liste chargée, par exemple).")),
            Property("byRightCategory", "Catégorie de plein droit", InclusionKind(
                "Type de structure qui vaut agrément ESUS de plein droit, ou null.").Nullable()),
            Property("listPublishedOn", "Date de la liste ESUS", String(
                "Date de publication de la liste ESUS consultée ; null sans liste.", "date").Nullable()),
            Reasons(), LegalBases());

        components[ReservedContract] = Object("Verdict pour un article de marché réservé du code de la commande publique.",
            Property("article", "Article", Enum<ReservedArticle>("L'article du code de la commande publique.")),
            Property("status", "Verdict", Enum<ContractStatus>(
                "eligible : peut candidater ; not_eligible : ne peut pas ; to_verify : à confirmer par l'acheteur.")),
            Reasons(), LegalBases(),
            Property("conditions", "Conditions à confirmer", Array(
                "Les conditions qu'aucun registre ne montre et que l'acheteur doit encore confirmer avant de réserver le marché " +
                "sur cet article (mission de service public, marchés déjà attribués, durée, mention dans l'avis…) ; vide quand " +
                "le verdict est not_eligible. Ajout de la version 2026-11-29.1 des règles : les autres champs ne changent pas.",
                Ref(Condition))));

        components[Condition] = Object("Une condition d'un marché réservé laissée à l'acheteur.",
            Property("code", "Code", Enum("Code stable de la condition (snake_case), pour les programmes.",
                ReservedContractRules.All.SelectMany(r => r.Conditions).Select(c => c.Code).Distinct().ToArray())),
            Property("text", "Texte", String("La condition, en français, avec l'article qui la pose.")));

        components[Evidence] = Object("Ce qu'une source a répondu pour cette vérification.",
            Property("source", "Source", String(
                "Identifiant de la source : recherche-entreprises, insee-sirene, marche-inclusion, finess ou esus-list.")),
            Property("retrievedAt", "Date de la réponse", String("Date et heure de la réponse de la source (UTC).", "date-time")),
            Property("fromCache", "Depuis le cache", Boolean("Vrai si la réponse vient du cache du service.")),
            Property("stale", "Périmée", Boolean(
                "Vrai si la source n'a pas répondu et que la dernière réponse connue a été utilisée.")),
            Property("detail", "Détail", String("Précision en français sur la réponse ; null sinon.").Nullable()),
            Property("outcome", "Résultat", Enum(
                "found : la source connaît l'établissement ; not_found : elle ne le connaît pas ; unavailable : elle n'a pas " +
                "répondu ; not_configured : sa clé ou son jeton n'est pas configuré.",
                "found", "not_found", "unavailable", "not_configured")));
    }

    public static OpenApiSchema InclusionKind(string description) => Enum<InclusionKind>(description);

    private static OpenApiSchema CodeLabel(string description) => Object(description,
        Property("code", "Code", String("Le code.")),
        Property("label", "Libellé", String("Le libellé ; null s'il n'est pas connu.").Nullable())).Nullable();

    private static (string, OpenApiSchema) Reasons() =>
        Property("reasons", "Raisons", Array("Les raisons du verdict, en français.", String("Une raison.")));

    private static (string, OpenApiSchema) LegalBases() =>
        Property("legalBasis", "Textes", Array("Les textes qui fondent le verdict.", Ref(LegalBasis)));
}
