using MathNet.Numerics.Distributions;

namespace Cnucnm.Analytics.Tests;

/// <summary>Seeded normal noise, so every synthetic data set is the same on every run.</summary>
internal static class SyntheticNoise
{
    public static Func<double> Normal(double standardDeviation, int seed)
    {
        var normal = new Normal(0, standardDeviation, new Random(seed));
        return normal.Sample;
    }
}
