using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Http;

public sealed class OpenApiFunction
{
    [Function(ApiOperations.GetOpenApiDocument)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        new ApiActionResult(OpenApiEndpoint.Render(ServerUrl(request), request.Query["format"], HttpGuard.Instance(request)));

    /// <summary>The URL the caller used, so that an imported connector points back at this deployment.</summary>
    public static string ServerUrl(HttpRequest request) =>
        request.Host.HasValue ? $"{request.Scheme}://{request.Host}{request.PathBase}/api" : "/api";
}
