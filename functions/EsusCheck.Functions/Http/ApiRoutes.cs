namespace EsusCheck.Functions.Http;

/// <summary>Every HTTP route of the app, whole: host.json's <c>routePrefix</c> is empty so that the buyers' page can be
/// served at <c>/</c>, and each API route carries its own <see cref="Api"/> prefix. The function attributes,
/// <c>esuscheck serve</c> and the OpenAPI document all read these constants, so a route cannot change in one place only.</summary>
public static class ApiRoutes
{
    /// <summary>What every API route starts with; the OpenAPI document's server URL ends with it.</summary>
    public const string Api = "api/";
    public const string ServerPath = "/api";

    public const string Eligibility = Api + "v1/eligibility/{siret}";
    public const string EligibilityBatch = Api + "v1/eligibility";
    public const string EligibilityHistory = Api + "v1/eligibility/{siret}/history";
    public const string Reference = Api + "v1/reference";
    public const string Health = Api + "v1/health";
    public const string OpenApi = Api + "v1/openapi.json";
    public const string Chat = Api + "v1/chat";
    public const string Mcp = Api + "v1/mcp";
    public const string Teams = Api + "v1/teams";
    public const string Bulk = Api + "v1/bulk";
    public const string BulkStatus = Api + "v1/bulk/{jobId}";
    public const string BulkFile = Api + "v1/bulk/{jobId}/files/{file}";
    public const string Spaser = Api + "v1/spaser";
    public const string SpaserStatus = Api + "v1/spaser/{jobId}";

    // The buyers' page (Web/): not part of the API, not in the OpenAPI document. The host refuses an empty route, so
    // the root is an optional segment that must be empty (Azure/Azure-Functions#2473); /api/ui, its first address, stays.
    public const string Page = "{ignored:maxlength(0)?}";
    public const string PageUnderApi = Api + "ui";
    public const string PageAssetBase = Api + "ui";
    public const string PageAsset = PageAssetBase + "/{version}/{file}";

    /// <summary>The public path of a route (template): <c>/</c> and the route.</summary>
    public static string PathOf(string route) => "/" + route;

    /// <summary>A route relative to the OpenAPI server URL (<see cref="ServerPath"/>).</summary>
    public static string UnderServer(string route) =>
        route.StartsWith(Api, StringComparison.Ordinal) ? "/" + route[Api.Length..] : throw new ArgumentException($"{route} is not under {Api}", nameof(route));
}
