using EsusCheck.Functions.OpenApi;
using Microsoft.OpenApi;

namespace EsusCheck.Functions.Http;

/// <summary><c>GET /v1/openapi.json?format=</c>: the OpenAPI 3.0 document, or Swagger 2.0 for Power Platform imports.</summary>
public static class OpenApiEndpoint
{
    private static readonly IReadOnlyDictionary<string, string> Cacheable = new Dictionary<string, string>
    {
        ["Cache-Control"] = "public, max-age=3600",
        ["Access-Control-Allow-Origin"] = "*",
    };

    /// <param name="serverUrl">The base URL up to and including <c>/api</c>, as the caller reached it.</param>
    public static ApiResponse Render(string serverUrl, string? format, string instance) =>
        (format?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "openapi3" => ApiResponse.RawJson(
                OpenApiDocumentBuilder.Serialize(OpenApiDocumentBuilder.Build(serverUrl), OpenApiSpecVersion.OpenApi3_0), Cacheable),
            "swagger2" => ApiResponse.RawJson(
                OpenApiDocumentBuilder.Serialize(OpenApiDocumentBuilder.Build(serverUrl, headerKeyOnly: true), OpenApiSpecVersion.OpenApi2_0), Cacheable),
            _ => ApiResponse.Problem(ApiProblems.ParameterInvalid(
                $"Le paramètre « format » vaut « {format} » : les valeurs admises sont openapi3 et swagger2."), instance),
        };
}
