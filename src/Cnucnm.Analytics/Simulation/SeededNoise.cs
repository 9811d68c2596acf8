namespace Cnucnm.Analytics.Simulation;

/// <summary>Seeded random numbers for the simulators: the same seed gives the same farm, day for day. Normal deviates by the
/// Box–Muller transform (Box &amp; Muller 1958, Ann. Math. Statist. 29:610) of <see cref="Random"/>'s uniform numbers.</summary>
public sealed class SeededNoise(int seed)
{
    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>Uniform on [0, 1).</summary>
    public double Uniform() => _random.NextDouble();

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximumExclusive"/>).</summary>
    public int Between(int minimum, int maximumExclusive) => _random.Next(minimum, maximumExclusive);

    /// <summary>Normal deviate with the given mean and standard deviation.</summary>
    public double Normal(double mean, double standardDeviation)
    {
        var u1 = 1.0 - _random.NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = _random.NextDouble();
        return mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
