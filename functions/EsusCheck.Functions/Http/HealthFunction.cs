using EsusCheck.Core.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Http;

/// <summary>The answer of <c>GET /v1/health</c>: the process is up. It calls nothing (see <c>/v1/reference</c> for the
/// sources).</summary>
public sealed record HealthResponse(string Status, string RulesVersion, DateTimeOffset Time);

public sealed class HealthFunction(TimeProvider clock, ILogger<HealthFunction> logger)
{
    [Function(ApiOperations.Health)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        HttpGuard.Run(request, logger, ApiOperations.Health, () => ApiResponse.Ok(new HealthResponse("ok", RulesVersion.Current, clock.GetUtcNow())));
}
