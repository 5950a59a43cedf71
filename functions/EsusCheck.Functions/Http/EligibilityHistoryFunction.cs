using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

public sealed class EligibilityHistoryFunction(HistoryEndpoint endpoint, IOptions<HttpApiOptions> options, ILogger<EligibilityHistoryFunction> logger)
{
    [Function(ApiOperations.GetEligibilityHistory)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.EligibilityHistory)] HttpRequest request, string siret) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.GetEligibilityHistory, cancellationToken =>
            endpoint.ListAsync(siret, request.Query["max"], ClientIdentity.From(request, options.Value.AppServiceAuthentication),
                HttpGuard.Instance(request), cancellationToken));
}
