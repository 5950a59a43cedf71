using EsusCheck.Core.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace EsusCheck.Functions.Http;

public sealed class HealthFunction(TimeProvider clock)
{
    [Function("Health")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok", rulesVersion = RulesVersion.Current, time = clock.GetUtcNow() });
}
