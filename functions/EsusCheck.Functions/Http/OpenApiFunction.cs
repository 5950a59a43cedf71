using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

public sealed class OpenApiFunction(IOptions<HttpApiOptions> options, ILogger<OpenApiFunction> logger)
{
    [Function(ApiOperations.GetOpenApiDocument)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        HttpGuard.Run(request, logger, ApiOperations.GetOpenApiDocument, () => options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? OpenApiEndpoint.Render(configured.TrimEnd('/') + ApiRoutes.ServerPath, request.Query["format"], HttpGuard.Instance(request), shared: true)
            : OpenApiEndpoint.Render(ServerUrl(request), request.Query["format"], HttpGuard.Instance(request), shared: false));

    /// <summary>The host the caller used, so that an imported connector points back at this deployment. Always https:
    /// the platform ends TLS before the worker, whose request may say http (only a local host keeps its scheme).</summary>
    public static string ServerUrl(HttpRequest request)
    {
        if (!request.Host.HasValue) return ApiRoutes.ServerPath;
        var local = request.Host.Host is "localhost" or "127.0.0.1" or "[::1]";
        return $"{(local ? request.Scheme : "https")}://{request.Host}{request.PathBase}{ApiRoutes.ServerPath}";
    }
}
