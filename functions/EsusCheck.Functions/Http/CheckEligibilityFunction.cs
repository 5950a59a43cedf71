using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

public sealed class CheckEligibilityFunction(CheckEndpoint endpoint, IOptions<HttpApiOptions> options, ILogger<CheckEligibilityFunction> logger)
{
    [Function(ApiOperations.CheckEligibility)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Eligibility)] HttpRequest request, string siret) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.CheckEligibility, cancellationToken => endpoint.CheckAsync(
            siret, request.Query["cpv"], request.Query["refresh"], ClientIdentity.From(request, options.Value.AppServiceAuthentication), request.Headers.IfNoneMatch,
            HttpGuard.Instance(request), cancellationToken));
}
