using Cnucnm.Analytics.Growth;
using Cnucnm.Analytics.Lactation;

namespace Cnucnm.Analytics.Simulation;

/// <summary>A simulated dated measurement (milk kg/d of a test day, or body weight kg).</summary>
public sealed record SimulatedMeasurement(DateOnly Date, double Value);

/// <summary>Test-day milk yields on a Wood (1967) curve and weighings on a Gompertz curve, with normal measurement noise.</summary>
public static class RecordSimulator
{
    /// <summary>Milk tests every <paramref name="intervalDays"/> days from the first test day after calving (DIM
    /// <paramref name="firstTestDaysInMilk"/>) up to <paramref name="until"/> or <paramref name="lastDaysInMilk"/>, kg/d ±
    /// <paramref name="noiseKg"/> (never below 0.5 kg: a cow tested is in milk).</summary>
    public static IReadOnlyList<SimulatedMeasurement> MilkTests(WoodCurve cow, DateOnly calving, DateOnly until, int firstTestDaysInMilk,
        int intervalDays, int lastDaysInMilk, double noiseKg, SeededNoise noise)
    {
        ArgumentNullException.ThrowIfNull(cow);
        ArgumentNullException.ThrowIfNull(noise);
        var tests = new List<SimulatedMeasurement>();
        for (var dim = firstTestDaysInMilk; dim <= lastDaysInMilk && calving.AddDays(dim) <= until; dim += intervalDays)
        {
            tests.Add(new SimulatedMeasurement(calving.AddDays(dim), Math.Round(Math.Max(0.5, cow.MilkKgPerDay(dim) + noise.Normal(0, noiseKg)), 1)));
        }

        return tests;
    }

    /// <summary>Weighings on the given days, kg ± <paramref name="noiseKg"/> (scale and gut fill).</summary>
    public static IReadOnlyList<SimulatedMeasurement> Weighings(GompertzCurve animal, DateOnly birth, IEnumerable<DateOnly> days, double noiseKg, SeededNoise noise)
    {
        ArgumentNullException.ThrowIfNull(animal);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(noise);
        return [.. days.Where(d => d > birth)
            .Select(d => new SimulatedMeasurement(d, Math.Round(animal.BodyWeightKg(d.DayNumber - birth.DayNumber) + noise.Normal(0, noiseKg), 1)))];
    }
}
