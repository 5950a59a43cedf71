using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EsusCheck.Functions.Http;

/// <summary>The eligibility API: one check, a batch, and an establishment's history. The checks spend the caller's
/// per-minute budget (a forced refresh and a batch count more); the history reads only the audit log.</summary>
public sealed class EligibilityFunctions(
    CheckEndpoint check, BatchCheckEndpoint batch, HistoryEndpoint history, IOptions<HttpApiOptions> options, ClientRateLimiter limits,
    ILogger<EligibilityFunctions> logger)
{
    [Function(ApiOperations.CheckEligibility)]
    public async Task<IActionResult> Check(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Eligibility)] HttpRequest request, string siret) =>
        await HttpGuard.RunLimitedAsync(request, logger, ApiOperations.CheckEligibility, limits, IsRefresh(request) ? options.Value.RefreshCost : 1,
            cancellationToken => check.CheckAsync(siret, request.Query["cpv"], request.Query["refresh"], Caller(request),
                request.Headers.IfNoneMatch, HttpGuard.Instance(request), cancellationToken));

    [Function(ApiOperations.CheckEligibilityBatch)]
    public async Task<IActionResult> CheckBatch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.EligibilityBatch)] HttpRequest request) =>
        await HttpGuard.RunLimitedAsync(request, logger, ApiOperations.CheckEligibilityBatch, limits, options.Value.BatchCost,
            cancellationToken => batch.CheckAsync(request.Body, Caller(request), HttpGuard.Instance(request), cancellationToken));

    [Function(ApiOperations.GetEligibilityHistory)]
    public async Task<IActionResult> History(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.EligibilityHistory)] HttpRequest request, string siret) =>
        await HttpGuard.RunAsync(request, logger, ApiOperations.GetEligibilityHistory,
            cancellationToken => history.ListAsync(siret, request.Query["max"], Caller(request), HttpGuard.Instance(request), cancellationToken));

    private string? Caller(HttpRequest request) => ClientIdentity.From(request, options.Value.AppServiceAuthentication);

    private static bool IsRefresh(HttpRequest request) => string.Equals(request.Query["refresh"], "true", StringComparison.OrdinalIgnoreCase);
}
