using EsusCheck.Core.Rules;
using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Spaser;
using EsusCheck.Functions.Http;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using static EsusCheck.Functions.OpenApi.Schemas;

namespace EsusCheck.Functions.OpenApi;

/// <summary>Builds the OpenAPI document of the HTTP API from the route and operation constants the functions use,
/// so that it cannot describe a route the code does not serve.</summary>
public static class OpenApiDocumentBuilder
{
    public const string HeaderKeyScheme = "functionKeyHeader";
    public const string QueryKeyScheme = "functionKeyQuery";
    public const string FunctionKeyHeader = "x-functions-key";
    public const string FunctionKeyQuery = "code";

    /// <param name="serverUrl">The base URL up to and including <c>/api</c>.</param>
    /// <param name="headerKeyOnly">Declare only the header key scheme: Power Platform connectors accept one
    /// security definition.</param>
    public static OpenApiDocument Build(string serverUrl, bool headerKeyOnly = false)
    {
        var components = new OpenApiComponents
        {
            SecuritySchemes = new Dictionary<string, OpenApiSecurityScheme>
            {
                [HeaderKeyScheme] = new()
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = FunctionKeyHeader,
                    Description = "Clé de fonction Azure Functions, dans l'en-tête x-functions-key.",
                },
            },
        };
        if (!headerKeyOnly)
            components.SecuritySchemes[QueryKeyScheme] = new()
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = FunctionKeyQuery,
                Description = "La même clé de fonction, dans le paramètre de requête code (quand un en-tête n'est pas possible).",
            };
        ReportSchemas.AddTo(components.Schemas);
        ApiSchemas.AddTo(components.Schemas);
        ChatSchemas.AddTo(components.Schemas);
        BulkSchemas.AddTo(components.Schemas);

        var security = components.SecuritySchemes.Keys.Select(scheme => new OpenApiSecurityRequirement
        {
            [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = scheme } }] = [],
        }).ToList();

        return new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "EsusCheck",
                Version = "1.0",
                Description =
                    "Vérifie si un fournisseur (SIRET) relève de l'économie sociale et solidaire, détient l'agrément ESUS et peut " +
                    "candidater aux marchés réservés (articles L2113-12, L2113-13, L2113-13-1 et L2113-15 du code de la commande " +
                    $"publique), avec les textes qui fondent chaque réponse. Version des règles : {RulesVersion.Current}.",
            },
            Servers = [new OpenApiServer { Url = serverUrl }],
            Paths = new OpenApiPaths
            {
                [Path(ApiRoutes.Eligibility)] = Item(OperationType.Get, CheckEligibility(security)),
                [Path(ApiRoutes.EligibilityBatch)] = Item(OperationType.Post, CheckEligibilityBatch(security)),
                [Path(ApiRoutes.EligibilityHistory)] = Item(OperationType.Get, GetEligibilityHistory(security)),
                [Path(ApiRoutes.Reference)] = Item(OperationType.Get, GetReference(security)),
                [Path(ApiRoutes.Health)] = Item(OperationType.Get, Health()),
                [Path(ApiRoutes.OpenApi)] = Item(OperationType.Get, GetOpenApiDocument()),
                [Path(ApiRoutes.Chat)] = Item(OperationType.Post, Chat(security)),
                [Path(ApiRoutes.Mcp)] = Item(OperationType.Post, Mcp(security)),
                [Path(ApiRoutes.Teams)] = Item(OperationType.Post, TeamsWebhook()),
                [Path(ApiRoutes.Bulk)] = Item(OperationType.Post, UploadBulkFile(security)),
                [Path(ApiRoutes.BulkStatus)] = Item(OperationType.Get, GetBulkJob(security)),
                [Path(ApiRoutes.BulkFile)] = Item(OperationType.Get, GetBulkJobFile(security)),
                [Path(ApiRoutes.Spaser)] = Item(OperationType.Post, UploadSpaserFile(security)),
                [Path(ApiRoutes.SpaserStatus)] = Item(OperationType.Get, GetSpaserJob(security)),
            },
            Components = components,
        };
    }

    public static string Serialize(OpenApiDocument document, OpenApiSpecVersion version) => document.SerializeAsJson(version);

    public static string Path(string route) => ApiRoutes.UnderServer(route);

    private static OpenApiOperation CheckEligibility(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.CheckEligibility,
        Summary = "Vérifier un fournisseur",
        Description =
            "Renvoie le rapport d'éligibilité d'un établissement : appartenance à l'ESS, agrément ESUS, verdict pour chaque " +
            "marché réservé, raisons, textes et sources. Un SIREN désigne le siège de l'entreprise. Les réponses portent un " +
            "ETag : renvoyez-le dans If-None-Match pour obtenir 304 si le rapport n'a pas changé.",
        Tags = [Tag("Éligibilité")],
        Security = security,
        Parameters =
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
        Responses = new OpenApiResponses
        {
            ["200"] = Json("Le rapport d'éligibilité.", Ref(ReportSchemas.Report), CachingHeaders()),
            ["304"] = new OpenApiResponse { Description = "Le rapport n'a pas changé depuis l'ETag envoyé.", Headers = CachingHeaders() },
            ["400"] = Problem("Numéro SIRET/SIREN ou code CPV invalide (codes identifier_* et cpv_invalid), ou paramètre invalide."),
            ["404"] = Problem("Aucun établissement ne porte ce numéro (codes siret_unknown et siren_unknown)."),
            ["429"] = Problem("Ce client a dépassé sa limite de vérifications par minute (code rate_limited).", RetryAfter()),
            ["503"] = Problem("Les registres ne répondent pas (code registries_unavailable) ou sont trop sollicités (code registries_busy), et rien n'est en cache.", RetryAfter()),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiOperation CheckEligibilityBatch(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.CheckEligibilityBatch,
        Summary = "Vérifier un lot de fournisseurs",
        Description =
            $"Vérifie jusqu'à {BatchRequestReader.MaxItems} numéros avec le même code CPV et renvoie un résultat par numéro, dans " +
            "l'ordre d'envoi : son rapport, ou l'erreur qui l'empêche. Un numéro présent plusieurs fois n'est vérifié qu'une fois.",
        Tags = [Tag("Éligibilité")],
        Security = security,
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Les numéros et le code CPV.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Ref(ApiSchemas.BatchRequest) } },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = Json("Un résultat par numéro, dans l'ordre d'envoi.", Ref(ApiSchemas.BatchResponse)),
            ["400"] = Problem("Corps de requête invalide (body_invalid) ou code CPV invalide (cpv_invalid)."),
            ["413"] = Problem($"Plus de {BatchRequestReader.MaxItems} numéros, ou corps trop volumineux (batch_too_large)."),
            ["429"] = Problem("Ce client a dépassé sa limite de vérifications par minute (code rate_limited).", RetryAfter()),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiOperation GetEligibilityHistory(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.GetEligibilityHistory,
        Summary = "Historique des vérifications",
        Description =
            "Renvoie les vérifications passées d'un établissement, de la plus récente à la plus ancienne : ce que le service a " +
            "répondu, quel jour, sur quelles sources et pour quel demandeur. Utile pour justifier une attribution.",
        Tags = [Tag("Éligibilité")],
        Security = security,
        Parameters =
        [
            SiretParameter("Numéro SIRET (14 chiffres) : l'historique est tenu par établissement."),
            Query("max", "Nombre maximal", Integer($"Nombre maximal de lignes (1 à {HistoryEndpoint.MaxRows}).", 1, HistoryEndpoint.MaxRows)),
        ],
        Responses = new OpenApiResponses
        {
            ["200"] = Json("L'historique, de la plus récente à la plus ancienne vérification.", Ref(ApiSchemas.History)),
            ["400"] = Problem("SIRET invalide (identifier_*) ou paramètre max invalide (parameter_invalid)."),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiOperation GetReference(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.GetReference,
        Summary = "Sources et listes de référence",
        Description =
            "Décrit chaque registre et chaque liste de référence : ce qu'ils sont, leur date, leur politique de fraîcheur, leur " +
            "configuration (clé renseignée ou non, jamais sa valeur) et la santé observée des registres.",
        Tags = [Tag("Référence")],
        Security = security,
        Responses = new OpenApiResponses
        {
            ["200"] = Json("Les sources et listes de référence.", Ref(ApiSchemas.Reference)),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiOperation Health() => new()
    {
        OperationId = ApiOperations.Health,
        Summary = "État du service",
        Description = "Indique que le service répond. Sans clé. N'interroge aucun registre (voir les sources et listes de référence).",
        Tags = [Tag("Service")],
        Responses = new OpenApiResponses { ["200"] = Json("Le service répond.", Ref(ApiSchemas.Health)) },
    };

    private static OpenApiOperation GetOpenApiDocument() => new()
    {
        OperationId = ApiOperations.GetOpenApiDocument,
        Summary = "Description OpenAPI",
        Description =
            "Ce document, au format OpenAPI 3.0. Avec format=swagger2, le même au format Swagger 2.0 avec une seule méthode " +
            "d'authentification, pour l'import d'un connecteur personnalisé Power Platform. Sans clé.",
        Tags = [Tag("Service")],
        Parameters =
        [
            Advanced(Query("format", "Format", Enum("openapi3 (par défaut) ou swagger2.", "openapi3", "swagger2"))),
        ],
        Responses = new OpenApiResponses
        {
            ["200"] = Json("Le document OpenAPI.", new OpenApiSchema { Type = "object", Description = "Un document OpenAPI." }),
            ["400"] = Problem("Format inconnu (parameter_invalid)."),
        },
    };

    private static OpenApiOperation Chat(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.Chat,
        Summary = "Poser une question en français",
        Description =
            "Répond en français à une question sur un ou plusieurs fournisseurs (« 418 166 096 00069 est-elle agréée ESUS ? ») " +
            "ou sur une règle (« c'est quoi un marché réservé L2113-13 ? »). Renvoyez conversationId avec le message suivant " +
            "pour poursuivre la conversation sans répéter le numéro.",
        Tags = [Tag("Conversation")],
        Security = security,
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Le message.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Ref(ChatSchemas.Request) } },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = Json("La réponse, les rapports, la carte adaptative et les suggestions.", Ref(ChatSchemas.Answer)),
            ["400"] = Problem("Corps invalide : body_invalid_json, message_required, message_too_long, conversation_id_too_long."),
            ["429"] = Problem("Ce client a dépassé sa limite de vérifications par minute (code rate_limited) : chaque message compte pour une.", RetryAfter()),
        },
    };

    /// <summary>Described the way Copilot Studio expects an MCP server behind a connector (<c>x-ms-agentic-protocol</c>).
    /// GET and DELETE answer 405 (stateless transport) and are not described.</summary>
    private static OpenApiOperation Mcp(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.Mcp,
        Summary = "Serveur MCP d'EsusCheck",
        Description =
            "Serveur Model Context Protocol (transport HTTP « streamable », sans état) : outils check_supplier (vérifier un " +
            "fournisseur) et explain_rule (expliquer une règle), décrits en français. Corps et réponses JSON-RPC 2.0.",
        Tags = [Tag("Conversation")],
        Security = security,
        Extensions = { ["x-ms-agentic-protocol"] = new OpenApiString("mcp-streamable-1.0") },
        Responses = new OpenApiResponses
        {
            ["200"] = Json("La réponse JSON-RPC.", FreeObject("Un message JSON-RPC 2.0.")),
            ["429"] = Problem("Ce client a dépassé sa limite de vérifications par minute (code rate_limited) : chaque requête POST compte pour une.", RetryAfter()),
        },
    };

    private static OpenApiOperation TeamsWebhook() => new()
    {
        OperationId = ApiOperations.TeamsWebhook,
        Summary = "Webhook sortant Teams",
        Description =
            "Appelé par Microsoft Teams (webhook sortant « @EsusCheck ») et non par les applications : sans clé de fonction, " +
            "authentifié par la signature HMAC du corps (en-tête Authorization: HMAC …) avec le secret partagé donné par Teams.",
        Tags = [Tag("Conversation")],
        Extensions = { ["x-ms-visibility"] = new OpenApiString("internal") },
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "L'activité Teams.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = FreeObject("Une activité Teams.") } },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = Json("Une activité « message » : le texte de la réponse et sa carte adaptative.", FreeObject("Une activité Teams.")),
            ["400"] = Problem("Le corps n'est pas une activité Teams (activity_invalid)."),
            ["401"] = Problem("Signature absente ou invalide (teams_signature_missing, teams_signature_invalid)."),
            ["503"] = Problem("Le secret partagé n'est pas configuré (teams_not_configured)."),
        },
    };

    private static OpenApiOperation UploadBulkFile(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.UploadBulkFile,
        Summary = "Déposer un fichier de fournisseurs",
        Description =
            "Dépose une liste de fournisseurs (CSV ou classeur XLSX, tel qu'exporté) pour vérifier chaque ligne et calculer les " +
            "totaux du SPASER ; renvoie l'identifiant du traitement, à suivre avec GetBulkJob. Le corps est le fichier lui-même, " +
            "ou un formulaire multipart dont le premier fichier est pris. Un contenu déjà reçu n'est pas retraité.",
        Tags = [Tag("Fichiers")],
        Security = security,
        Parameters = [Query("name", "Nom du fichier", String("Le nom du fichier, qui nomme les fichiers de résultats.", example: "fournisseurs-2025.csv"))],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Le fichier.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = "string", Format = "binary", Description = "Un fichier CSV." } },
                ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] =
                    new() { Schema = new OpenApiSchema { Type = "string", Format = "binary", Description = "Un classeur XLSX." } },
            },
        },
        Responses = new OpenApiResponses
        {
            ["202"] = Json("Fichier reçu : le traitement commence (en-tête Location : son état).", Ref(BulkSchemas.Job)),
            ["200"] = Json("Ce contenu a déjà été reçu : l'état de son traitement.", Ref(BulkSchemas.Job)),
            ["400"] = Problem("Fichier vide (bulk_file_empty)."),
            ["413"] = Problem("Fichier trop volumineux (bulk_file_too_large)."),
            ["415"] = Problem("Ni un CSV ni un classeur XLSX (bulk_file_unsupported)."),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiOperation GetBulkJob(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.GetBulkJob,
        Summary = "Suivre un fichier de fournisseurs",
        Description =
            "Renvoie l'état du traitement d'un fichier déposé : lignes traitées sur le total, lignes sans verdict, remarques, et " +
            "une fois terminé les adresses des résultats (CSV, XLSX, synthèse summary.json).",
        Tags = [Tag("Fichiers")],
        Security = security,
        Parameters = [JobIdParameter()],
        Responses = new OpenApiResponses
        {
            ["200"] = Json("L'état du traitement.", Ref(BulkSchemas.Job)),
            ["400"] = Problem("Identifiant invalide (bulk_job_id_invalid)."),
            ["404"] = Problem("Aucun traitement ne porte cet identifiant (bulk_job_not_found)."),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiOperation UploadSpaserFile(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.UploadSpaserFile,
        Summary = "Calculer les indicateurs SPASER de DECP",
        Description =
            "Dépose les données essentielles de la commande publique (DECP) d'un acheteur : JSON ou XML au format des arrêtés du " +
            "22 décembre 2022, ou CSV des DECP consolidées. Chaque titulaire et sous-traitant muni d'un SIRET est vérifié, puis " +
            "les indicateurs du SPASER sont calculés par acheteur et par année (classeur XLSX, synthèse summary.json, rapport " +
            "HTML imprimable) ; à suivre avec GetSpaserJob. Le même contenu avec le même filtre n'est pas retraité.",
        Tags = [Tag("Fichiers")],
        Security = security,
        Parameters =
        [
            Query("name", "Nom du fichier", String("Le nom du fichier, qui nomme les fichiers de résultats.", example: "decp-2024.json")),
            Query("acheteur", "SIRET de l'acheteur", String("Ne retenir que les marchés de cet acheteur (acheteur.id).", example: "21750001600019")),
            Query("annee", "Année de notification", String("Ne retenir que les marchés notifiés cette année-là.", example: "2024")),
        ],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Le fichier des DECP.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = "string", Format = "binary", Description = "DECP en JSON." } },
                ["application/xml"] = new() { Schema = new OpenApiSchema { Type = "string", Format = "binary", Description = "DECP en XML." } },
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = "string", Format = "binary", Description = "DECP consolidées en CSV." } },
            },
        },
        Responses = new OpenApiResponses
        {
            ["202"] = Json("Fichier reçu : le traitement commence (en-tête Location : son état).", Ref(BulkSchemas.Job)),
            ["200"] = Json("Ce contenu a déjà été reçu avec ce filtre : l'état de son traitement.", Ref(BulkSchemas.Job)),
            ["400"] = Problem("Fichier vide (bulk_file_empty), SIRET de l'acheteur ou année invalide."),
            ["413"] = Problem("Fichier trop volumineux (bulk_file_too_large)."),
            ["415"] = Problem("Ni des DECP en JSON, XML ou CSV (decp_format_unsupported, bulk_file_unsupported)."),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiOperation GetSpaserJob(List<OpenApiSecurityRequirement> security)
    {
        var operation = GetBulkJob(security);
        operation.OperationId = ApiOperations.GetSpaserJob;
        operation.Summary = "Suivre un calcul d'indicateurs SPASER";
        operation.Description =
            "Renvoie l'état du traitement de DECP déposées : titulaires vérifiés sur le total, remarques, et une fois terminé les " +
            "adresses des résultats (marchés annotés en CSV, classeur XLSX, rapport HTML, synthèse summary.json).";
        return operation;
    }

    private static OpenApiOperation GetBulkJobFile(List<OpenApiSecurityRequirement> security) => new()
    {
        OperationId = ApiOperations.GetBulkJobFile,
        Summary = "Télécharger un résultat",
        Description =
            "Renvoie un fichier de résultats d'un traitement terminé : le CSV annoté, le classeur XLSX ou la synthèse " +
            "summary.json, par le nom que donne GetBulkJob (dernier segment de outputs.*.name).",
        Tags = [Tag("Fichiers")],
        Security = security,
        Parameters =
        [
            JobIdParameter(),
            new OpenApiParameter
            {
                Name = "file", In = ParameterLocation.Path, Required = true,
                Description = "Le nom du fichier de résultats, par exemple fournisseurs-2025-resultats.csv ou summary.json.",
                Schema = String("Un nom de fichier de résultats.", example: "summary.json"),
                Extensions = { ["x-ms-summary"] = new OpenApiString("Fichier") },
            },
        ],
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "Le fichier (en-tête Content-Disposition : attachment).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/csv"] = new() { Schema = new OpenApiSchema { Type = "string", Format = "binary", Description = "Le CSV annoté, dans l'encodage du fichier déposé." } },
                    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] =
                        new() { Schema = new OpenApiSchema { Type = "string", Format = "binary", Description = "Le classeur XLSX annoté." } },
                    ["application/json"] = new() { Schema = FreeObject("La synthèse summary.json (voir docs/bulk.md).") },
                },
            },
            ["400"] = Problem("Identifiant invalide (bulk_job_id_invalid)."),
            ["404"] = Problem("Traitement inconnu (bulk_job_not_found) ou fichier absent (bulk_file_not_found)."),
            ["500"] = Problem("Erreur inattendue (code internal_error)."),
        },
    };

    private static OpenApiParameter JobIdParameter() => new()
    {
        Name = "jobId", In = ParameterLocation.Path, Required = true,
        Description = "L'identifiant renvoyé par le dépôt du fichier.",
        Schema = String("24 caractères hexadécimaux.", pattern: "^[0-9a-f]{24}$"),
        Extensions = { ["x-ms-summary"] = new OpenApiString("Identifiant du traitement") },
    };

    private static OpenApiPathItem Item(OperationType type, OpenApiOperation operation) =>
        new() { Operations = new Dictionary<OperationType, OpenApiOperation> { [type] = operation } };

    private static OpenApiTag Tag(string name) => new() { Name = name };

    private static OpenApiParameter SiretParameter(string description) => new()
    {
        Name = "siret",
        In = ParameterLocation.Path,
        Required = true,
        Description = description,
        Schema = String(description, example: "73282932000074"),
        Extensions = { ["x-ms-summary"] = new OpenApiString("SIRET ou SIREN") },
    };

    private static OpenApiParameter Query(string name, string summary, OpenApiSchema schema) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = schema.Description,
        Schema = schema,
        Extensions = { ["x-ms-summary"] = new OpenApiString(summary) },
    };

    private static OpenApiParameter Advanced(OpenApiParameter parameter)
    {
        parameter.Extensions["x-ms-visibility"] = new OpenApiString("advanced");
        return parameter;
    }

    private static OpenApiResponse Json(string description, OpenApiSchema schema, IDictionary<string, OpenApiHeader>? headers = null) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        Headers = headers ?? new Dictionary<string, OpenApiHeader>(),
    };

    private static OpenApiResponse Problem(string description, IDictionary<string, OpenApiHeader>? headers = null) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = Ref(ApiSchemas.Problem) } },
        Headers = headers ?? new Dictionary<string, OpenApiHeader>(),
    };

    private static Dictionary<string, OpenApiHeader> CachingHeaders() => new()
    {
        ["ETag"] = new() { Description = "Empreinte forte du contenu du rapport (hors dates de consultation).", Schema = String("Un ETag.") },
        ["Cache-Control"] = new()
        {
            Description = "private, max-age=<secondes> ; private, no-cache quand le rapport repose sur des données périmées ou manquantes.",
            Schema = String("Directive de cache."),
        },
    };

    private static Dictionary<string, OpenApiHeader> RetryAfter() => new()
    {
        ["Retry-After"] = new() { Description = "Secondes à attendre avant de réessayer.", Schema = Integer("Secondes.") },
    };
}
