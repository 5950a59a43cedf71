using EsusCheck.Functions.OpenApi;
using Microsoft.OpenApi;

namespace EsusCheck.Functions.Http;

/// <summary><c>GET /v1/openapi.json?format=</c>: the OpenAPI 3.0 document, or Swagger 2.0 for Power Platform imports.</summary>
public static class OpenApiEndpoint
{
    private static IReadOnlyDictionary<string, string> Caching(bool shared) => new Dictionary<string, string>
    {
        ["Cache-Control"] = shared ? "public, max-age=3600" : "private, max-age=3600",
        ["Access-Control-Allow-Origin"] = "*",
    };

    /// <param name="serverUrl">The base URL up to and including <c>/api</c>.</param>
    /// <param name="shared">the URL is configured, not taken from the request: shared caches may keep the document</param>
    public static ApiResponse Render(string serverUrl, string? format, string instance, bool shared = true) =>
        (format?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "openapi3" => ApiResponse.RawJson(
                OpenApiDocumentBuilder.Serialize(OpenApiDocumentBuilder.Build(serverUrl), OpenApiSpecVersion.OpenApi3_0), Caching(shared)),
            "swagger2" => ApiResponse.RawJson(
                OpenApiDocumentBuilder.Serialize(OpenApiDocumentBuilder.Build(serverUrl, headerKeyOnly: true), OpenApiSpecVersion.OpenApi2_0), Caching(shared)),
            _ => ApiResponse.Problem(ApiProblems.ParameterInvalid(
                $"Le paramètre « format » vaut « {format} » : les valeurs admises sont openapi3 et swagger2."), instance),
        };
}
