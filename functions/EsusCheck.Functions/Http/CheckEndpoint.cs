using EsusCheck.Core.Application;

namespace EsusCheck.Functions.Http;

/// <summary><c>GET /v1/eligibility/{siret}</c>: one check, mapped to a report with caching headers, a 304 when the
/// client already holds the same report, or a problem.</summary>
public sealed class CheckEndpoint(ObservedChecks checks, ReportCaching caching)
{
    public async Task<ApiResponse> CheckAsync(
        string? identifier, string? cpv, string? refresh, string? clientId, string? ifNoneMatch, string instance,
        CancellationToken cancellationToken)
    {
        if (!QueryParameters.TryParseBool("refresh", refresh, out var bypassCache, out var problem))
            return ApiResponse.Problem(problem, instance);

        var outcome = await checks.CheckAsync(new CheckRequest(identifier, cpv, bypassCache, clientId), cancellationToken);
        if (outcome.Report is not { } report) return ApiResponse.Problem(ApiProblems.From(outcome.Failure!), instance);

        var headers = caching.HeadersFor(report);
        return ReportCaching.Matches(ifNoneMatch, headers["ETag"]) ? ApiResponse.NotModified(headers) : ApiResponse.Ok(report, headers);
    }
}
