using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Http;

public sealed class EligibilityHistoryFunction(HistoryEndpoint endpoint, ILogger<EligibilityHistoryFunction> logger)
{
    [Function(ApiOperations.GetEligibilityHistory)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.EligibilityHistory)] HttpRequest request, string siret) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.GetEligibilityHistory, cancellationToken =>
            endpoint.ListAsync(siret, request.Query["max"], HttpGuard.Instance(request), cancellationToken));
}
