using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Http;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static EsusCheck.Functions.OpenApi.OperationParts;
using static EsusCheck.Functions.OpenApi.Schemas;

namespace EsusCheck.Functions.OpenApi;

/// <summary>What the document says of each API function, by its name (<see cref="ApiOperations"/>): the French text a
/// buyer's connector shows, and the responses with their codes. The path and method come from <see cref="ApiEndpoints"/>;
/// this text is the contract, written for people, so it is not generated.</summary>
internal static class OperationDescriptions
{
    private const string Eligibility = "Éligibilité", Reference = "Référence", Service = "Service", Conversation = "Conversation", Files = "Fichiers";

    /// <param name="security">The key schemes, or none for an anonymous function.</param>
    public static OpenApiOperation For(string name, IList<OpenApiSecurityRequirement> security) => name switch
    {
        ApiOperations.CheckEligibility => Operation(name, Eligibility, "Vérifier un fournisseur",
            "Renvoie le rapport d'éligibilité d'un établissement : appartenance à l'ESS, agrément ESUS, verdict pour chaque " +
            "marché réservé, raisons, textes et sources. Un SIREN désigne le siège de l'entreprise. Les réponses portent un " +
            "ETag : renvoyez-le dans If-None-Match pour obtenir 304 si le rapport n'a pas changé.", security,
            [
                SiretParameter("Numéro SIRET (14 chiffres) ou SIREN (9 chiffres, pour le siège). Espaces tolérés."),
                Query("cpv", "Code CPV", String("Code CPV du marché, par exemple 85311000-2 : il précise le verdict L2113-15.", example: "85311000-2")),
                Advanced(Query("refresh", "Forcer l'actualisation", Boolean("true pour interroger les registres même si le cache est frais."))),
                Advanced(new OpenApiParameter
                {
                    Name = "If-None-Match", In = ParameterLocation.Header,
                    Description = "L'ETag d'un rapport déjà reçu : la réponse est 304 sans corps s'il est toujours valable.",
                    Schema = String("Un ETag."),
                    Extensions = { ["x-ms-summary"] = new OpenApiString("ETag déjà reçu") },
                }),
            ],
            null,
            Ok("Le rapport d'éligibilité.", Ref(ReportSchemas.Report), CachingHeaders()),
            ("304", new OpenApiResponse { Description = "Le rapport n'a pas changé depuis l'ETag envoyé.", Headers = CachingHeaders() }),
            Problem(400, "Numéro SIRET/SIREN ou code CPV invalide (codes identifier_* et cpv_invalid), ou paramètre invalide."),
            Problem(404, "Aucun établissement ne porte ce numéro (codes siret_unknown et siren_unknown)."),
            RateLimited(),
            Problem(503, "Les registres ne répondent pas (code registries_unavailable) ou sont trop sollicités (code registries_busy), et rien n'est en cache.", RetryAfter()),
            InternalError()),

        ApiOperations.CheckEligibilityBatch => Operation(name, Eligibility, "Vérifier un lot de fournisseurs",
            $"Vérifie jusqu'à {BatchRequestReader.MaxItems} numéros avec le même code CPV et renvoie un résultat par numéro, dans " +
            "l'ordre d'envoi : son rapport, ou l'erreur qui l'empêche. Un numéro présent plusieurs fois n'est vérifié qu'une fois.", security,
            null,
            JsonBody("Les numéros et le code CPV.", Ref(ApiSchemas.BatchRequest)),
            Ok("Un résultat par numéro, dans l'ordre d'envoi.", Ref(ApiSchemas.BatchResponse)),
            Problem(400, "Corps de requête invalide (body_invalid) ou code CPV invalide (cpv_invalid)."),
            Problem(413, $"Plus de {BatchRequestReader.MaxItems} numéros, ou corps trop volumineux (batch_too_large)."),
            RateLimited(),
            InternalError()),

        ApiOperations.GetEligibilityHistory => Operation(name, Eligibility, "Historique des vérifications",
            "Renvoie les vérifications passées d'un établissement, de la plus récente à la plus ancienne : ce que le service a " +
            "répondu, quel jour, sur quelles sources et pour quel demandeur. Utile pour justifier une attribution.", security,
            [
                SiretParameter("Numéro SIRET (14 chiffres) : l'historique est tenu par établissement."),
                Query("max", "Nombre maximal", Integer($"Nombre maximal de lignes (1 à {HistoryEndpoint.MaxRows}).", 1, HistoryEndpoint.MaxRows)),
            ],
            null,
            Ok("L'historique, de la plus récente à la plus ancienne vérification.", Ref(ApiSchemas.History)),
            Problem(400, "SIRET invalide (identifier_*) ou paramètre max invalide (parameter_invalid)."),
            InternalError()),

        ApiOperations.GetReference => Operation(name, Reference, "Sources et listes de référence",
            "Décrit chaque registre et chaque liste de référence : ce qu'ils sont, leur date, leur politique de fraîcheur, leur " +
            "configuration (clé renseignée ou non, jamais sa valeur) et la santé observée des registres.", security,
            null, null,
            Ok("Les sources et listes de référence.", Ref(ApiSchemas.Reference)),
            InternalError()),

        ApiOperations.Health => Operation(name, Service, "État du service",
            "Indique que le service répond. Sans clé. N'interroge aucun registre (voir les sources et listes de référence).", security,
            null, null,
            Ok("Le service répond.", Ref(ApiSchemas.Health))),

        ApiOperations.GetOpenApiDocument => Operation(name, Service, "Description OpenAPI",
            "Ce document, au format OpenAPI 3.0. Avec format=swagger2, le même au format Swagger 2.0 avec une seule méthode " +
            "d'authentification, pour l'import d'un connecteur personnalisé Power Platform. Sans clé.", security,
            [Advanced(Query("format", "Format", Enum("openapi3 (par défaut) ou swagger2.", "openapi3", "swagger2")))],
            null,
            Ok("Le document OpenAPI.", new OpenApiSchema { Type = "object", Description = "Un document OpenAPI." }),
            Problem(400, "Format inconnu (parameter_invalid).")),

        ApiOperations.Chat => Operation(name, Conversation, "Poser une question en français",
            "Répond en français à une question sur un ou plusieurs fournisseurs (« 418 166 096 00069 est-elle agréée ESUS ? ») " +
            "ou sur une règle (« c'est quoi un marché réservé L2113-13 ? »). Renvoyez conversationId avec le message suivant " +
            "pour poursuivre la conversation sans répéter le numéro.", security,
            null,
            JsonBody("Le message.", Ref(ChatSchemas.Request)),
            Ok("La réponse, les rapports, la carte adaptative et les suggestions.", Ref(ChatSchemas.Answer)),
            Problem(400, "Corps invalide : body_invalid_json, message_required, message_too_long, conversation_id_too_long."),
            RateLimited("chaque message compte pour une")),

        // Described the way Copilot Studio expects an MCP server behind a connector (x-ms-agentic-protocol). GET and
        // DELETE answer 405 (stateless transport) and are not described.
        ApiOperations.Mcp => Operation(name, Conversation, "Serveur MCP d'EsusCheck",
            "Serveur Model Context Protocol (transport HTTP « streamable », sans état) : outils check_supplier (vérifier un " +
            "fournisseur) et explain_rule (expliquer une règle), décrits en français. Corps et réponses JSON-RPC 2.0.", security,
            null, null,
            Ok("La réponse JSON-RPC.", FreeObject("Un message JSON-RPC 2.0.")),
            RateLimited("chaque requête POST compte pour une"))
            .With("x-ms-agentic-protocol", "mcp-streamable-1.0"),

        ApiOperations.TeamsWebhook => Operation(name, Conversation, "Webhook sortant Teams",
            "Appelé par Microsoft Teams (webhook sortant « @EsusCheck ») et non par les applications : sans clé de fonction, " +
            "authentifié par la signature HMAC du corps (en-tête Authorization: HMAC …) avec le secret partagé donné par Teams.", security,
            null,
            JsonBody("L'activité Teams.", FreeObject("Une activité Teams.")),
            Ok("Une activité « message » : le texte de la réponse et sa carte adaptative.", FreeObject("Une activité Teams.")),
            Problem(400, "Le corps n'est pas une activité Teams (activity_invalid)."),
            Problem(401, "Signature absente ou invalide (teams_signature_missing, teams_signature_invalid)."),
            Problem(503, "Le secret partagé n'est pas configuré (teams_not_configured)."))
            .With("x-ms-visibility", "internal"),

        ApiOperations.UploadBulkFile => Operation(name, Files, "Déposer un fichier de fournisseurs",
            "Dépose une liste de fournisseurs (CSV ou classeur XLSX, tel qu'exporté) pour vérifier chaque ligne et calculer les " +
            "totaux du SPASER ; renvoie l'identifiant du traitement, à suivre avec GetBulkJob. Le corps est le fichier lui-même, " +
            "ou un formulaire multipart dont le premier fichier est pris. Un contenu déjà reçu n'est pas retraité.", security,
            [Query("name", "Nom du fichier", String("Le nom du fichier, qui nomme les fichiers de résultats.", example: "fournisseurs-2025.csv"))],
            Body("Le fichier.", ("text/csv", Binary("Un fichier CSV.")), (Xlsx, Binary("Un classeur XLSX."))),
            Accepted(),
            ("200", Json("Ce contenu a déjà été reçu : l'état de son traitement.", Ref(BulkSchemas.Job))),
            Problem(400, "Fichier vide (bulk_file_empty)."),
            TooLarge(),
            Problem(415, "Ni un CSV ni un classeur XLSX (bulk_file_unsupported)."),
            InternalError()),

        ApiOperations.GetBulkJob => JobStatus(name, "Suivre un fichier de fournisseurs",
            "Renvoie l'état du traitement d'un fichier déposé : lignes traitées sur le total, lignes sans verdict, remarques, et " +
            "une fois terminé les adresses des résultats (CSV, XLSX, synthèse summary.json).", security),

        ApiOperations.GetBulkJobFile => Operation(name, Files, "Télécharger un résultat",
            "Renvoie un fichier de résultats d'un traitement terminé : le CSV annoté, le classeur XLSX ou la synthèse " +
            "summary.json, par le nom que donne GetBulkJob (dernier segment de outputs.*.name).", security,
            [
                JobIdParameter(),
                PathParameter("file", "Fichier", "Le nom du fichier de résultats, par exemple fournisseurs-2025-resultats.csv ou summary.json.",
                    String("Un nom de fichier de résultats.", example: "summary.json")),
            ],
            null,
            ("200", Content("Le fichier (en-tête Content-Disposition : attachment).", null,
                ("text/csv", Binary("Le CSV annoté, dans l'encodage du fichier déposé.")),
                (Xlsx, Binary("Le classeur XLSX annoté.")),
                ("application/json", FreeObject("La synthèse summary.json (voir docs/bulk.md).")))),
            Problem(400, "Identifiant invalide (bulk_job_id_invalid)."),
            Problem(404, "Traitement inconnu (bulk_job_not_found) ou fichier absent (bulk_file_not_found)."),
            InternalError()),

        ApiOperations.UploadSpaserFile => Operation(name, Files, "Calculer les indicateurs SPASER de DECP",
            "Dépose les données essentielles de la commande publique (DECP) d'un acheteur : JSON ou XML au format des arrêtés du " +
            "22 décembre 2022, ou CSV des DECP consolidées. Chaque titulaire et sous-traitant muni d'un SIRET est vérifié, puis " +
            "les indicateurs du SPASER sont calculés par acheteur et par année (classeur XLSX, synthèse summary.json, rapport " +
            "HTML imprimable) ; à suivre avec GetSpaserJob. Le même contenu avec le même filtre n'est pas retraité.", security,
            [
                Query("name", "Nom du fichier", String("Le nom du fichier, qui nomme les fichiers de résultats.", example: "decp-2024.json")),
                Query("acheteur", "SIRET de l'acheteur", String("Ne retenir que les marchés de cet acheteur (acheteur.id).", example: "21750001600019")),
                Query("annee", "Année de notification", String("Ne retenir que les marchés notifiés cette année-là.", example: "2024")),
            ],
            Body("Le fichier des DECP.",
                ("application/json", Binary("DECP en JSON.")), ("application/xml", Binary("DECP en XML.")), ("text/csv", Binary("DECP consolidées en CSV."))),
            Accepted(),
            ("200", Json("Ce contenu a déjà été reçu avec ce filtre : l'état de son traitement.", Ref(BulkSchemas.Job))),
            Problem(400, "Fichier vide (bulk_file_empty), SIRET de l'acheteur ou année invalide."),
            TooLarge(),
            Problem(415, "Ni des DECP en JSON, XML ou CSV (decp_format_unsupported, bulk_file_unsupported)."),
            InternalError()),

        ApiOperations.GetSpaserJob => JobStatus(name, "Suivre un calcul d'indicateurs SPASER",
            "Renvoie l'état du traitement de DECP déposées : titulaires vérifiés sur le total, remarques, et une fois terminé les " +
            "adresses des résultats (marchés annotés en CSV, classeur XLSX, rapport HTML, synthèse summary.json).", security),

        _ => throw new InvalidOperationException($"The HTTP function {name} has no OpenAPI description: add it here, or mark it out of the API (ApiEndpoint.InOpenApi)."),
    };

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static (string, OpenApiResponse) Accepted() =>
        ("202", Json("Fichier reçu : le traitement commence (en-tête Location : son état).", Ref(BulkSchemas.Job)));

    private static (string, OpenApiResponse) TooLarge() => Problem(413, "Fichier trop volumineux (bulk_file_too_large).");

    /// <summary>A bulk job and a SPASER job answer their status alike.</summary>
    private static OpenApiOperation JobStatus(string name, string summary, string description, IList<OpenApiSecurityRequirement> security) =>
        Operation(name, Files, summary, description, security,
            [JobIdParameter()],
            null,
            Ok("L'état du traitement.", Ref(BulkSchemas.Job)),
            Problem(400, "Identifiant invalide (bulk_job_id_invalid)."),
            Problem(404, "Aucun traitement ne porte cet identifiant (bulk_job_not_found)."),
            InternalError());
}
