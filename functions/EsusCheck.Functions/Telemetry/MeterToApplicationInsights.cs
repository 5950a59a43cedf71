using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EsusCheck.Core.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Metrics;
using Microsoft.Extensions.Hosting;

namespace EsusCheck.Functions.Telemetry;

/// <summary>Forwards every measurement of the <c>EsusCheck</c> meter to Application Insights. The worker's Application
/// Insights SDK (2.x) does not listen to <see cref="System.Diagnostics.Metrics"/> by itself; <see cref="TelemetryClient.GetMetric(MetricIdentifier)"/>
/// pre-aggregates each minute per name and tag set, so the <c>customMetrics</c> table gets one row per minute, not one
/// per check. Tag keys become <c>customDimensions</c>.</summary>
public sealed class MeterToApplicationInsights(TelemetryClient telemetry, EsusCheckMetrics metrics) : IHostedService, IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Keys), Metric> _metrics = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Track(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Track(instrument, value, tags));
        _listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Dispose();
        telemetry.Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();

    private void Track(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var ordered = tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        var keys = string.Join('|', ordered.Select(t => t.Key));
        var metric = _metrics.GetOrAdd((instrument.Name, keys), k =>
            telemetry.GetMetric(new MetricIdentifier(MetricIdentifier.DefaultMetricNamespace, k.Name, ordered.Select(t => t.Key).ToList())));
        var values = ordered.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray();
        if (metric.TryGetDataSeries(out var series, true, values)) series.TrackValue(value);
    }
}
