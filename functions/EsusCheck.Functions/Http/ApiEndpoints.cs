using EsusCheck.Functions.Bulk;
using EsusCheck.Functions.Chat;
using EsusCheck.Functions.Spaser;
using EsusCheck.Functions.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace EsusCheck.Functions.Http;

/// <summary>One HTTP function as another host serves it: its name, methods, route (whole: host.json has no route prefix),
/// whether it takes a key, and how to call it. The call creates the function class from the request's services, as the
/// Functions host does, and runs the very same method: a second host adds no implementation of any endpoint.</summary>
public sealed record ApiEndpoint(
    string Name, IReadOnlyList<string> Methods, string Route, bool Anonymous, Func<HttpContext, Task<IActionResult>> Invoke)
{
    public string Path => ApiRoutes.PathOf(Route);

    /// <summary>The API's operations are described in the OpenAPI document; the page and its assets are not.</summary>
    public bool InOpenApi => Name is not (WebPageFunctions.PageName or WebPageFunctions.PageUnderApiName or WebPageFunctions.AssetName);
}

/// <summary>Every HTTP function of the app, read by <c>esuscheck serve</c>. A test checks it against the functions'
/// own attributes (name, methods, route, authorization level), so that a function added without its row fails.</summary>
public static class ApiEndpoints
{
    private const string Get = "GET", Post = "POST";

    public static IReadOnlyList<ApiEndpoint> All { get; } =
    [
        Key<EligibilityFunctions>(ApiOperations.CheckEligibility, [Get], ApiRoutes.Eligibility,
            (f, r, _) => f.Check(r, RouteValue(r, "siret"))),
        Key<EligibilityFunctions>(ApiOperations.CheckEligibilityBatch, [Post], ApiRoutes.EligibilityBatch, (f, r, _) => f.CheckBatch(r)),
        Key<EligibilityFunctions>(ApiOperations.GetEligibilityHistory, [Get], ApiRoutes.EligibilityHistory,
            (f, r, _) => f.History(r, RouteValue(r, "siret"))),
        Key<ReferenceFunction>(ApiOperations.GetReference, [Get], ApiRoutes.Reference, (f, r, _) => f.Run(r)),
        Open<HealthFunction>(ApiOperations.Health, [Get], ApiRoutes.Health, (f, r, _) => Task.FromResult(f.Run(r))),
        Open<OpenApiFunction>(ApiOperations.GetOpenApiDocument, [Get], ApiRoutes.OpenApi, (f, r, _) => Task.FromResult(f.Run(r))),
        Key<ChatFunction>(ApiOperations.Chat, [Post], ApiRoutes.Chat, (f, r, c) => f.Run(r, c)),
        Key<McpFunction>(ApiOperations.Mcp, [Post, Get, "DELETE"], ApiRoutes.Mcp, (f, r, c) => f.Run(r, c)),
        Open<TeamsWebhookFunction>(ApiOperations.TeamsWebhook, [Post], ApiRoutes.Teams, (f, r, c) => f.Run(r, c)),
        Key<BulkHttpFunctions>(ApiOperations.UploadBulkFile, [Post], ApiRoutes.Bulk, (f, r, _) => f.Upload(r)),
        Key<BulkHttpFunctions>(ApiOperations.GetBulkJob, [Get], ApiRoutes.BulkStatus,
            (f, r, _) => f.Status(r, RouteValue(r, "jobId"))),
        Key<BulkHttpFunctions>(ApiOperations.GetBulkJobFile, [Get], ApiRoutes.BulkFile,
            (f, r, _) => f.Download(r, RouteValue(r, "jobId"), RouteValue(r, "file"))),
        Key<SpaserHttpFunctions>(ApiOperations.UploadSpaserFile, [Post], ApiRoutes.Spaser, (f, r, _) => f.Upload(r)),
        Key<SpaserHttpFunctions>(ApiOperations.GetSpaserJob, [Get], ApiRoutes.SpaserStatus,
            (f, r, _) => f.Status(r, RouteValue(r, "jobId"))),
        Open<WebPageFunctions>(WebPageFunctions.PageName, [Get], ApiRoutes.Page, (f, r, _) => Task.FromResult(f.Page(r))),
        Open<WebPageFunctions>(WebPageFunctions.PageUnderApiName, [Get], ApiRoutes.PageUnderApi, (f, r, _) => Task.FromResult(f.PageUnderApi(r))),
        Open<WebPageFunctions>(WebPageFunctions.AssetName, [Get], ApiRoutes.PageAsset,
            (f, r, _) => Task.FromResult(f.Asset(r, RouteValue(r, "version"), RouteValue(r, "file")))),
    ];

    /// <summary>A route value as the Functions host binds it to a <c>string</c> parameter (decoded, or empty).</summary>
    public static string RouteValue(HttpRequest request, string name) => request.RouteValues[name]?.ToString() ?? "";

    private static ApiEndpoint Key<TFunction>(string name, string[] methods, string route, Func<TFunction, HttpRequest, CancellationToken, Task<IActionResult>> run)
        where TFunction : class => new(name, methods, route, Anonymous: false, Invoker(run));

    private static ApiEndpoint Open<TFunction>(string name, string[] methods, string route, Func<TFunction, HttpRequest, CancellationToken, Task<IActionResult>> run)
        where TFunction : class => new(name, methods, route, Anonymous: true, Invoker(run));

    private static Func<HttpContext, Task<IActionResult>> Invoker<TFunction>(Func<TFunction, HttpRequest, CancellationToken, Task<IActionResult>> run)
        where TFunction : class =>
        context => run(ActivatorUtilities.CreateInstance<TFunction>(context.RequestServices), context.Request, context.RequestAborted);
}
