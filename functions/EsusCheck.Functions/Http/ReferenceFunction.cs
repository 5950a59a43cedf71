using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Http;

public sealed class ReferenceFunction(ReferenceEndpoint endpoint, ILogger<ReferenceFunction> logger)
{
    [Function(ApiOperations.GetReference)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Reference)] HttpRequest request) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.GetReference, endpoint.DescribeAsync);
}
