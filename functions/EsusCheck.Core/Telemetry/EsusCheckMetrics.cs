using System.Diagnostics.Metrics;

namespace EsusCheck.Core.Telemetry;

/// <summary>The instruments of the <c>EsusCheck</c> meter, in one place so that names and tags stay stable: the KQL in
/// docs/operations.md and any alert query them by these names. Tag values are low-cardinality (source names, outcomes),
/// never a SIRET.</summary>
public sealed class EsusCheckMetrics : IDisposable
{
    public const string MeterName = "EsusCheck";

    /// <summary>Instrument names, as Application Insights shows them in <c>customMetrics</c>.</summary>
    public static class Names
    {
        public const string CacheHits = "esuscheck.cache.hits";
        public const string CacheMisses = "esuscheck.cache.misses";
        public const string RegistryDuration = "esuscheck.registry.duration";
        public const string RegistryThrottled = "esuscheck.registry.throttled";
        public const string CircuitOpened = "esuscheck.registry.circuit_opened";
        public const string ReferenceRefreshes = "esuscheck.reference.refreshes";
        public const string ReferenceStale = "esuscheck.reference.stale";
    }

    /// <summary>Tag keys.</summary>
    public static class Tags
    {
        public const string Source = "source";
        public const string Outcome = "outcome";
        public const string StatusCode = "status_code";
        public const string List = "list";
    }

    private readonly Meter _meter;

    /// <summary>The meter these instruments belong to (a listener bridging them elsewhere listens to this one only).</summary>
    public Meter Meter => _meter;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Histogram<double> _registryDuration;
    private readonly Counter<long> _registryThrottled;
    private readonly Counter<long> _circuitOpened;
    private readonly Counter<long> _referenceRefreshes;
    private readonly Counter<long> _referenceStale;

    /// <param name="meterFactory">The container's factory: one meter per container, so tests do not see each other's
    /// measurements.</param>
    public EsusCheckMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _cacheHits = _meter.CreateCounter<long>(Names.CacheHits, "{answer}",
            "Registry answers served fresh from the cache, without asking the registry.");
        _cacheMisses = _meter.CreateCounter<long>(Names.CacheMisses, "{answer}",
            "Registry answers that had to be asked for (absent, expired, or refresh asked), including those then served stale because the registry failed.");
        _registryDuration = _meter.CreateHistogram<double>(Names.RegistryDuration, "ms",
            "Duration of one HTTP attempt to a registry, retries counted separately.");
        _registryThrottled = _meter.CreateCounter<long>(Names.RegistryThrottled, "{response}",
            "429 Too Many Requests answered by a registry.");
        _circuitOpened = _meter.CreateCounter<long>(Names.CircuitOpened, "{opening}",
            "Circuit-breaker openings: the registry failed too often and calls stop for a while.");
        _referenceRefreshes = _meter.CreateCounter<long>(Names.ReferenceRefreshes, "{refresh}",
            "Reference list refreshes (ESUS list, Marché copy) by outcome: succeeded, failed, skipped.");
        _referenceStale = _meter.CreateCounter<long>(Names.ReferenceStale, "{check}",
            "Refreshes that found the list in use past its due date.");
    }

    public void CacheHit(string source) => _cacheHits.Add(1, new KeyValuePair<string, object?>(Tags.Source, source));

    public void CacheMiss(string source) => _cacheMisses.Add(1, new KeyValuePair<string, object?>(Tags.Source, source));

    /// <param name="statusCode">The HTTP status, or null when no response came (timeout, network error).</param>
    public void RegistryAttempt(string source, TimeSpan duration, int? statusCode)
    {
        _registryDuration.Record(duration.TotalMilliseconds,
            new KeyValuePair<string, object?>(Tags.Source, source),
            new KeyValuePair<string, object?>(Tags.StatusCode, statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));
        if (statusCode == 429) _registryThrottled.Add(1, new KeyValuePair<string, object?>(Tags.Source, source));
    }

    public void CircuitOpened(string source) => _circuitOpened.Add(1, new KeyValuePair<string, object?>(Tags.Source, source));

    public void ReferenceRefreshed(string list, RefreshOutcome outcome) =>
        _referenceRefreshes.Add(1,
            new KeyValuePair<string, object?>(Tags.List, list),
            new KeyValuePair<string, object?>(Tags.Outcome, outcome.ToString().ToLowerInvariant()));

    public void ReferenceStale(string list) => _referenceStale.Add(1, new KeyValuePair<string, object?>(Tags.List, list));

    public void Dispose() => _meter.Dispose();
}

/// <summary>How one reference refresh ended.</summary>
public enum RefreshOutcome
{
    /// <summary>A new version is active.</summary>
    Succeeded,
    /// <summary>The source failed or was rejected: the previous version stays active.</summary>
    Failed,
    /// <summary>Nothing to refresh from (no URL, no token).</summary>
    Skipped,
}
