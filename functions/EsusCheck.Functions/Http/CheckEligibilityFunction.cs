using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

public sealed class CheckEligibilityFunction(CheckEndpoint endpoint, IOptions<HttpApiOptions> options, ClientRateLimiter limits, ILogger<CheckEligibilityFunction> logger)
{
    [Function(ApiOperations.CheckEligibility)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Eligibility)] HttpRequest request, string siret) =>
        await HttpGuard.RunLimitedAsync(request, logger, ApiOperations.CheckEligibility, limits, IsRefresh(request) ? options.Value.RefreshCost : 1,
            cancellationToken => endpoint.CheckAsync(siret, request.Query["cpv"], request.Query["refresh"],
                ClientIdentity.From(request, options.Value.AppServiceAuthentication), request.Headers.IfNoneMatch, HttpGuard.Instance(request),
                cancellationToken));

    private static bool IsRefresh(HttpRequest request) => string.Equals(request.Query["refresh"], "true", StringComparison.OrdinalIgnoreCase);
}
