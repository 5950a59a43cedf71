using System.Collections.Concurrent;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;

namespace EsusCheck.Functions.Http;

/// <summary>How one source last answered, as this instance saw it.</summary>
public sealed record SourceHealth(string LastOutcome, DateTimeOffset LastObservedAt, DateTimeOffset? LastAnsweredAt, DateTimeOffset? LastUnavailableAt);

/// <summary>The cheap health signal of <c>/reference</c>: the last live answer of each source seen by this instance's
/// checks. No probe call is made (each would spend the registries' rate limits). An answer served fresh from the cache
/// says nothing about the source today and is not counted; a stale one means the source just failed.</summary>
public sealed class SourceHealthMonitor
{
    private readonly ConcurrentDictionary<string, SourceHealth> _bySource = new(StringComparer.Ordinal);

    public void Observe(EligibilityReport report)
    {
        foreach (var item in report.Evidence)
        {
            if (item.Stale) Observe(item.Source, "unavailable", report.CheckedAt);
            else if (!item.FromCache) Observe(item.Source, item.Outcome, item.RetrievedAt);
        }
    }

    public SourceHealth? For(string source) => _bySource.GetValueOrDefault(source);

    public void Observe(string source, string outcome, DateTimeOffset at)
    {
        var answered = outcome is "found" or "not_found";
        var unavailable = outcome == "unavailable";
        _bySource.AddOrUpdate(source,
            _ => new(outcome, at, answered ? at : null, unavailable ? at : null),
            (_, previous) => previous.LastObservedAt > at ? previous : new(
                outcome, at,
                answered ? at : previous.LastAnsweredAt,
                unavailable ? at : previous.LastUnavailableAt));
    }
}

/// <summary>The checks of the HTTP API: the application service, with each answer shown to the health monitor.</summary>
public sealed class ObservedChecks(EligibilityService service, IEnumerable<IRegistrySource> sources, SourceHealthMonitor health, TimeProvider clock)
{
    private readonly IReadOnlyList<string> _identitySources = sources.Where(s => s.Role == SourceRole.Identity).Select(s => s.Name).ToList();

    public async Task<CheckOutcome> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var outcome = await service.CheckAsync(request, cancellationToken);
        if (outcome.Report is { } report) health.Observe(report);
        // No report for want of identity: the identity source (asked first, needing no key) did not answer — unless the
        // call only waited too long for its turn (busy): the registry was not asked, so says nothing of its health.
        else if (outcome.Failure is { Kind: CheckFailureKind.RegistriesUnavailable, Code: not CheckFailure.Codes.RegistriesBusy })
            foreach (var source in _identitySources) health.Observe(source, "unavailable", clock.GetUtcNow());
        return outcome;
    }
}
