using EsusCheck.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Web;

/// <summary>The buyers' page and its assets. Anonymous: the page holds no data; the API calls it makes carry the key
/// the user types (or pass through App Service Authentication, see docs/web.md).</summary>
public sealed class WebPageFunctions(WebPage page, ILogger<WebPageFunctions> logger)
{
    public const string PageName = "WebPage";
    public const string PageUnderApiName = "WebPageUnderApi";
    public const string AssetName = "WebPageAsset";

    [Function(PageName)]
    public IActionResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Page)] HttpRequest request) =>
        HttpGuard.Run(request, logger, PageName, () => page.Page(request.PathBase.Value ?? ""));

    /// <summary>The page's first address, kept for the links already shared.</summary>
    [Function(PageUnderApiName)]
    public IActionResult PageUnderApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageUnderApi)] HttpRequest request) =>
        HttpGuard.Run(request, logger, PageUnderApiName, () => page.Page(request.PathBase.Value ?? ""));

    [Function(AssetName)]
    public IActionResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageAsset)] HttpRequest request, string version, string file) =>
        HttpGuard.Run(request, logger, AssetName, () => page.Asset(version, file, HttpGuard.Instance(request)));
}
