using System.Globalization;

namespace EsusCheck.Benchmarks;

/// <summary>Percentiles (nearest rank) of a set of latencies, in milliseconds.</summary>
public sealed class LatencyStats
{
    private readonly double[] _sorted;

    public LatencyStats(IEnumerable<double> milliseconds)
    {
        _sorted = milliseconds.Order().ToArray();
        if (_sorted.Length == 0) throw new ArgumentException("No sample.", nameof(milliseconds));
    }

    public int Count => _sorted.Length;

    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Mean => _sorted.Average();

    public double Max => _sorted[^1];

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count}  p50={Percentile(50):F2} ms  p90={Percentile(90):F2} ms  p99={Percentile(99):F2} ms  max={Max:F2} ms  mean={Mean:F2} ms");
}
