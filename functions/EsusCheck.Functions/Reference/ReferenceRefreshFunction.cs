using EsusCheck.Registries.Reference;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace EsusCheck.Functions.Reference;

/// <summary>The nightly refresh of the reference lists (ESUS list from its URL, Marché copy). The schedule is the app
/// setting <c>Reference:RefreshSchedule</c> (NCRONTAB, UTC; <c>Reference__RefreshSchedule</c> in app settings).</summary>
public sealed class ReferenceRefreshFunction(ReferenceRefreshService refresh, ILogger<ReferenceRefreshFunction> logger)
{
    public const string Name = "ReferenceRefresh";

    [Function(Name)]
    public async Task<ReferenceRefreshReport> Run(
        [TimerTrigger("%Reference:RefreshSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await refresh.RefreshAllAsync(cancellationToken);
        // Failures were logged as errors by each list; this line gives the operator one summary per night.
        logger.LogInformation("Reference refresh done: {Results}; stale: {Stale}",
            string.Join(", ", report.Results.Select(r => $"{r.List}={r.Outcome}")),
            string.Join(", ", report.Staleness.Where(s => s.Stale).Select(s => s.List)));
        return report;
    }
}
