using EsusCheck.Core.Reports;
using EsusCheck.Functions.Http;
using Microsoft.OpenApi.Models;
using static EsusCheck.Functions.OpenApi.Schemas;

namespace EsusCheck.Functions.OpenApi;

// Written by hand: this is the contract a connector shows (French descriptions, x-ms-summary, patterns, documented enums,
// stricter than the records); OpenApiSchemaDerivationTests checks it against JsonSchemaExporter's schema of each record.
/// <summary>The schemas of every other body: batch, history, reference, health, problem details.</summary>
internal static class ApiSchemas
{
    public const string BatchRequest = "BatchRequest";
    public const string BatchResponse = "BatchResponse";
    public const string BatchItem = "BatchItem";
    public const string BatchItemError = "BatchItemError";
    public const string History = "HistoryResponse";
    public const string AuditEntry = "AuditEntry";
    public const string Reference = "ReferenceResponse";
    public const string ReferenceList = "ReferenceList";
    public const string ReferenceSource = "ReferenceSource";
    public const string Health = "HealthResponse";
    public const string Problem = "Problem";

    public static void AddTo(IDictionary<string, OpenApiSchema> components)
    {
        // The request's wire shape (sirets) is read by hand by BatchRequestReader, to explain each malformed input: no record restates it.
        var batchRequest = Object("Un lot de numéros à vérifier avec le même code CPV.",
            Property("sirets", "Numéros", Array(
                $"Numéros SIRET (ou SIREN, qui désigne le siège), de 1 à {BatchRequestReader.MaxItems}, tels que saisis.",
                String("Un numéro SIRET ou SIREN, en chaîne de caractères.", example: "73282932000074"), BatchRequestReader.MaxItems)),
            Property("cpv", "Code CPV", String("Code CPV du marché, facultatif, par exemple 85311000-2.").Nullable())).Optional("cpv");
        batchRequest.Properties["sirets"].MinItems = 1;
        components[BatchRequest] = batchRequest;

        components[BatchResponse] = Object("Un résultat par numéro envoyé, dans l'ordre d'envoi.",
            Property("count", "Nombre de résultats", Integer("Nombre de résultats (égal au nombre de numéros envoyés).")),
            Property("results", "Résultats", Array("Les résultats, dans l'ordre des numéros envoyés.", Ref(BatchItem))));

        components[BatchItem] = Object("Le résultat d'un numéro : son rapport, ou l'erreur qui l'empêche (jamais les deux).",
            Property("input", "Numéro envoyé", String("Le numéro tel qu'envoyé.").Nullable()),
            Property("report", "Rapport", Ref(ReportSchemas.Report)),
            Property("error", "Erreur", Ref(BatchItemError))).Optional("report", "error");

        components[BatchItemError] = Object("Pourquoi un numéro n'a pas de rapport : le même code que la vérification unitaire.",
            Property("code", "Code d'erreur", String("Code stable, par exemple identifier_invalid_checksum ou siret_unknown.")),
            Property("title", "Titre", String("Titre en français.")),
            Property("detail", "Détail", String("Explication en français de ce qui ne va pas.")),
            Property("status", "Statut HTTP", Integer("Le statut HTTP qu'aurait eu la vérification unitaire (400, 404, 503 ou 500).")));

        components[History] = Object("L'historique des vérifications d'un établissement, de la plus récente à la plus ancienne.",
            Property("siret", "SIRET", String("Le SIRET demandé.", pattern: "^[0-9]{14}$")),
            Property("count", "Nombre de lignes", Integer("Nombre de lignes renvoyées.")),
            Property("entries", "Vérifications", Array("Les vérifications, de la plus récente à la plus ancienne.", Ref(AuditEntry))));

        components[AuditEntry] = Object("Une vérification telle que l'historique la conserve : ce qui a été répondu, sur quelles données, pour qui.",
            Property("siret", "SIRET", String("SIRET vérifié.")),
            Property("checkedAt", "Date de la vérification", String("Date et heure de la vérification (UTC).", "date-time")),
            Property("cpv", "Code CPV", String("Code CPV de la demande ; null sans code.").Nullable()),
            Property("ess", "Statut ESS", Enum<EssStatus>("Le statut ESS répondu.")),
            Property("esus", "Statut ESUS", Enum<EsusStatus>("Le statut ESUS répondu.")),
            Property("reservedContracts", "Marchés réservés", Map(
                "Verdict par article (clé : L2113-12, L2113-13, L2113-13-1, L2113-15).",
                Enum<ContractStatus>("Le verdict pour cet article."))),
            Property("sources", "Sources", Array(
                "Chaque source utilisée, sous la forme source:résultat@date, suivie de :cache ou :stale le cas échéant.",
                String("Une source."))),
            Property("esusListPublishedOn", "Date de la liste ESUS", String("Date de la liste ESUS consultée ; null sans liste.", "date").Nullable()),
            Property("rulesVersion", "Version des règles", String("Version des règles appliquées.")),
            Property("clientId", "Demandeur", String("Identifiant du demandeur quand il est connu ; null sinon.").Nullable()));

        components[Reference] = Object("Les sources et listes de référence sur lesquelles reposent les verdicts, et leur état.",
            Property("rulesVersion", "Version des règles", String("Version des tables de règles de ce service.")),
            Property("generatedAt", "Date", String("Date et heure de cette réponse (UTC).", "date-time")),
            Property("lists", "Listes de référence", Array("La liste ESUS importée puis les tables de règles intégrées.", Ref(ReferenceList))),
            Property("sources", "Registres", Array("Les registres publics interrogés.", Ref(ReferenceSource))));

        components[ReferenceList] = Object("Une liste de référence.",
            Property("id", "Identifiant", String("Identifiant stable de la liste.")),
            Property("name", "Nom", String("Nom en français.")),
            Property("description", "Description", String("Ce qu'est la liste et à quoi elle sert.")),
            Property("state", "État", Enum(
                "loaded : chargée et à jour ; stale : chargée mais périmée ; missing : aucune liste chargée ; unreadable : le " +
                "stockage de la liste ne répond pas ; built_in : table intégrée au code.", "loaded", "stale", "missing", "unreadable", "built_in")),
            Property("version", "Version", String("Date de publication (liste ESUS) ou version des règles (tables intégrées).").Nullable()),
            Property("publishedOn", "Date de publication", String("Date de publication de la liste ESUS chargée.", "date").Nullable()),
            Property("importedAt", "Date d'import", String("Date et heure de l'import de la liste ESUS.", "date-time").Nullable()),
            Property("rowCount", "Nombre de lignes", Integer("Nombre de lignes de la liste ou de la table.").Nullable()),
            Property("origin", "Provenance", String("Fichier ou adresse d'où la liste a été importée.").Nullable()),
            Property("stale", "Périmée", Boolean("Vrai si une liste plus récente aurait dû être publiée.").Nullable()),
            Property("nextDueDate", "Prochaine échéance", String("Date à laquelle une liste plus récente est attendue.", "date").Nullable()),
            Property("freshnessPolicy", "Politique de fraîcheur", String("Quand la liste est renouvelée et quand elle est dite périmée.")));

        components[ReferenceSource] = Object("Un registre public interrogé par les vérifications.",
            Property("id", "Identifiant", String("Identifiant stable de la source, celui des preuves (evidence).")),
            Property("name", "Nom", String("Nom en français.")),
            Property("description", "Description", String("Ce que la source apporte aux verdicts.")),
            Property("role", "Rôle", Enum(
                "identity : établit l'identité ; identity_fallback : l'établit quand la première ne répond pas ; complement : " +
                "ajoute des faits.", "identity", "identity_fallback", "complement")),
            Property("registered", "Active", Boolean("Vrai si ce service interroge effectivement cette source.")),
            Property("configuration", "Configuration", Enum(
                "configured : la clé ou le jeton est renseigné (sa valeur n'est jamais affichée) ; not_configured : il manque ; " +
                "not_required : la source n'en demande pas.", "configured", "not_configured", "not_required")),
            Property("freshnessPolicy", "Politique de fraîcheur", String("Combien de temps ses réponses sont gardées en cache.")),
            Property("health", "Santé observée", Object(
                "Dernière réponse en direct de la source vue par cette instance depuis son démarrage ; null si aucune.",
                Property("lastOutcome", "Dernier résultat", Enum("Dernier résultat observé.", "found", "not_found", "unavailable", "not_configured")),
                Property("lastObservedAt", "Dernière observation", String("Date de la dernière réponse observée.", "date-time")),
                Property("lastAnsweredAt", "Dernière réponse", String("Date de la dernière réponse utilisable.", "date-time").Nullable()),
                Property("lastUnavailableAt", "Dernière panne", String("Date de la dernière indisponibilité observée.", "date-time").Nullable()))
                .Nullable()));

        components[Health] = Object("Le service répond.",
            Property("status", "État", Enum("Toujours « ok » quand le service répond.", "ok")),
            Property("rulesVersion", "Version des règles", String("Version des tables de règles.")),
            Property("time", "Heure", String("Heure du serveur (UTC).", "date-time")));

        components[Problem] = Object("Erreur au format RFC 9457 (application/problem+json).",
            Property("type", "Type", String(
                $"Identifiant du type d'erreur : {ApiProblem.TypePrefix}<code>.", "uri")),
            Property("title", "Titre", String("Titre en français.")),
            Property("status", "Statut HTTP", Integer("Le statut HTTP.")),
            Property("detail", "Détail", String("Explication en français de ce qui ne va pas et de ce qu'il faut changer.")),
            Property("instance", "Chemin", String("Le chemin de la requête.")),
            Property("code", "Code d'erreur", String(
                "Code stable : identifier_*, cpv_invalid, siret_unknown, siren_unknown, registries_unavailable, registries_busy, batch_too_large, " +
                "body_invalid, parameter_invalid, internal_error, et pour la conversation body_invalid_json, message_required…")),
            Property("retryAfter", "Réessayer après", Integer("Secondes à attendre avant de réessayer (503).")))
            .Optional("instance", "retryAfter");
    }
}
