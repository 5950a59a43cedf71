using System.Collections.Concurrent;
using EsusCheck.Core.Application;
using EsusCheck.Core.Reports;

namespace EsusCheck.Functions.Http;

/// <summary>How one source last answered, as this instance saw it.</summary>
public sealed record SourceHealth(string LastOutcome, DateTimeOffset LastObservedAt, DateTimeOffset? LastAnsweredAt, DateTimeOffset? LastUnavailableAt);

/// <summary>The cheap health signal of <c>/reference</c>: the last live answer of each source seen by this instance's
/// checks. Answers served from the cache say nothing about the source today, so they are not counted; no probe call
/// is made (each would spend the registries' rate limits).</summary>
public sealed class SourceHealthMonitor
{
    private readonly ConcurrentDictionary<string, SourceHealth> _bySource = new(StringComparer.Ordinal);

    public void Observe(CheckOutcome outcome)
    {
        if (outcome.Report is not { } report) return;
        foreach (var item in report.Evidence.Where(e => !e.FromCache)) Observe(item);
    }

    public SourceHealth? For(string source) => _bySource.GetValueOrDefault(source);

    private void Observe(EvidenceItem item)
    {
        var answered = item.Outcome is "found" or "not_found";
        var unavailable = item.Outcome == "unavailable";
        _bySource.AddOrUpdate(item.Source,
            _ => new(item.Outcome, item.RetrievedAt, answered ? item.RetrievedAt : null, unavailable ? item.RetrievedAt : null),
            (_, previous) => previous.LastObservedAt > item.RetrievedAt ? previous : new(
                item.Outcome, item.RetrievedAt,
                answered ? item.RetrievedAt : previous.LastAnsweredAt,
                unavailable ? item.RetrievedAt : previous.LastUnavailableAt));
    }
}

/// <summary>The checks of the HTTP API: the application service, with each answer shown to the health monitor.</summary>
public sealed class ObservedChecks(EligibilityService service, SourceHealthMonitor health)
{
    public async Task<CheckOutcome> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        var outcome = await service.CheckAsync(request, cancellationToken);
        health.Observe(outcome);
        return outcome;
    }
}
