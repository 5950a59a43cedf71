using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

public sealed class CheckEligibilityBatchFunction(BatchCheckEndpoint endpoint, IOptions<HttpApiOptions> options, ClientRateLimiter limits, ILogger<CheckEligibilityBatchFunction> logger)
{
    [Function(ApiOperations.CheckEligibilityBatch)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.EligibilityBatch)] HttpRequest request) =>
        await HttpGuard.RunLimitedAsync(request, logger, ApiOperations.CheckEligibilityBatch, limits, options.Value.BatchCost,
            cancellationToken => endpoint.CheckAsync(request.Body, ClientIdentity.From(request, options.Value.AppServiceAuthentication),
                HttpGuard.Instance(request), cancellationToken));
}
