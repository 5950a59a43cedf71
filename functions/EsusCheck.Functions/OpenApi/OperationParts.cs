using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;
using static EsusCheck.Functions.OpenApi.Schemas;

namespace EsusCheck.Functions.OpenApi;

/// <summary>The pieces every operation of the document is made of: parameters with their connector summaries, bodies,
/// and the responses that recur (rate limit, internal error, problems with their headers).</summary>
internal static class OperationParts
{
    public static OpenApiOperation Operation(
        string id, string tag, string summary, string description, IList<OpenApiSecurityRequirement> security,
        IList<OpenApiParameter>? parameters = null, OpenApiRequestBody? body = null, params (string Status, OpenApiResponse Response)[] responses) => new()
    {
        OperationId = id,
        Summary = summary,
        Description = description,
        Tags = [new OpenApiTag { Name = tag }],
        Security = security,
        Parameters = parameters ?? [],
        RequestBody = body,
        Responses = Responses(responses),
    };

    public static OpenApiOperation With(this OpenApiOperation operation, string extension, string value)
    {
        operation.Extensions[extension] = new OpenApiString(value);
        return operation;
    }

    public static OpenApiResponses Responses(IEnumerable<(string Status, OpenApiResponse Response)> responses)
    {
        var all = new OpenApiResponses();
        foreach (var (status, response) in responses) all[status] = response;
        return all;
    }

    public static OpenApiParameter SiretParameter(string description) =>
        PathParameter("siret", "SIRET ou SIREN", description, String(description, example: "73282932000074"));

    public static OpenApiParameter JobIdParameter() => PathParameter("jobId", "Identifiant du traitement",
        "L'identifiant renvoyé par le dépôt du fichier.", String("24 caractères hexadécimaux.", pattern: "^[0-9a-f]{24}$"));

    public static OpenApiParameter PathParameter(string name, string summary, string description, OpenApiSchema schema) => new()
    {
        Name = name,
        In = ParameterLocation.Path,
        Required = true,
        Description = description,
        Schema = schema,
        Extensions = { ["x-ms-summary"] = new OpenApiString(summary) },
    };

    public static OpenApiParameter Query(string name, string summary, OpenApiSchema schema) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = schema.Description,
        Schema = schema,
        Extensions = { ["x-ms-summary"] = new OpenApiString(summary) },
    };

    /// <summary>Shown by a connector only under « advanced parameters ».</summary>
    public static OpenApiParameter Advanced(OpenApiParameter parameter)
    {
        parameter.Extensions["x-ms-visibility"] = new OpenApiString("advanced");
        return parameter;
    }

    public static OpenApiRequestBody JsonBody(string description, OpenApiSchema schema) => Body(description, ("application/json", schema));

    public static OpenApiRequestBody Body(string description, params (string ContentType, OpenApiSchema Schema)[] contents) => new()
    {
        Required = true,
        Description = description,
        Content = contents.ToDictionary(c => c.ContentType, c => new OpenApiMediaType { Schema = c.Schema }),
    };

    /// <summary>A file sent or received as it is.</summary>
    public static OpenApiSchema Binary(string description) => new() { Type = "string", Format = "binary", Description = description };

    public static (string, OpenApiResponse) Ok(string description, OpenApiSchema schema, IDictionary<string, OpenApiHeader>? headers = null) =>
        ("200", Json(description, schema, headers));

    public static OpenApiResponse Json(string description, OpenApiSchema schema, IDictionary<string, OpenApiHeader>? headers = null) =>
        Content(description, headers, ("application/json", schema));

    public static OpenApiResponse Content(string description, IDictionary<string, OpenApiHeader>? headers, params (string ContentType, OpenApiSchema Schema)[] contents) => new()
    {
        Description = description,
        Content = contents.ToDictionary(c => c.ContentType, c => new OpenApiMediaType { Schema = c.Schema }),
        Headers = headers ?? new Dictionary<string, OpenApiHeader>(),
    };

    public static (string, OpenApiResponse) Problem(int status, string description, IDictionary<string, OpenApiHeader>? headers = null) =>
        (status.ToString(System.Globalization.CultureInfo.InvariantCulture), Content(description, headers, ("application/problem+json", Ref(ApiSchemas.Problem))));

    /// <summary>429, with what one request of this operation counts for.</summary>
    public static (string, OpenApiResponse) RateLimited(string? counts = null) =>
        Problem(429, $"Ce client a dépassé sa limite de vérifications par minute (code rate_limited){(counts is null ? "" : " : " + counts)}.", RetryAfter());

    public static (string, OpenApiResponse) InternalError() => Problem(500, "Erreur inattendue (code internal_error).");

    public static Dictionary<string, OpenApiHeader> CachingHeaders() => new()
    {
        ["ETag"] = new() { Description = "Empreinte forte du contenu du rapport (hors dates de consultation).", Schema = String("Un ETag.") },
        ["Cache-Control"] = new()
        {
            Description = "private, max-age=<secondes> ; private, no-cache quand le rapport repose sur des données périmées ou manquantes.",
            Schema = String("Directive de cache."),
        },
    };

    public static Dictionary<string, OpenApiHeader> RetryAfter() => new()
    {
        ["Retry-After"] = new() { Description = "Secondes à attendre avant de réessayer.", Schema = Integer("Secondes.") },
    };
}
