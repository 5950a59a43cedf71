namespace EsusCheck.Functions.Http;

/// <summary>Every HTTP route, relative to the host's <c>api</c> prefix. The function attributes and the OpenAPI
/// document both read these constants, so a route cannot change in one place only.</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api/";

    public const string Eligibility = "v1/eligibility/{siret}";
    public const string EligibilityBatch = "v1/eligibility";
    public const string EligibilityHistory = "v1/eligibility/{siret}/history";
    public const string Reference = "v1/reference";
    public const string Health = "v1/health";
    public const string OpenApi = "v1/openapi.json";

    // Served by the chat functions (Chat/), which declare them in their own attributes; the OpenAPI test checks that
    // both agree.
    public const string Chat = "v1/chat";
    public const string Mcp = "v1/mcp";
    public const string Teams = "v1/teams";

    // The buyers' page (Web/): not part of the API, not in the OpenAPI document. `esuscheck serve` also serves the
    // page at "/".
    public const string Page = "ui";
    public const string PageAssetBase = "ui";
    public const string PageAsset = PageAssetBase + "/{version}/{file}";
}
