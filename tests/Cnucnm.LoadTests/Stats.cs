using System.Globalization;

namespace Cnucnm.LoadTests;

/// <summary>Latency percentiles of a run (nearest-rank on the sorted samples).</summary>
public sealed class Stats(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double Percentile(double p) => _sorted.Length == 0 ? double.NaN
        : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={Percentile(50):0.0} ms p90={Percentile(90):0.0} ms p99={Percentile(99):0.0} ms max={Percentile(100):0.0} ms");
}
