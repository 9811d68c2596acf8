namespace Cnucnm.Analytics.Growth;

/// <summary>
/// Flags animals growing slower than their group. Each animal's ADG is the least-squares slope of its weighings
/// (body weight on age). An animal is slow when its ADG is below mean − k·SD of the <em>other</em> animals of the
/// group (leave-one-out, so a slow animal does not widen the SD it is judged by); k = 1.5 by default, which flags
/// about 7 % of a normal group by chance. Needs at least 3 animals with 2 weighings on different days each.
/// </summary>
public static class SlowGrowerScreen
{
    public const double DefaultStandardDeviations = 1.5;

    public static IReadOnlyList<AnimalGrowth> Screen(IReadOnlyList<AnimalWeighings> group, double standardDeviations = DefaultStandardDeviations)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviations);
        if (group.Count < 3)
        {
            throw new ArgumentException("at least 3 animals are needed to compare one with the rest.", nameof(group));
        }

        var gains = group.Select(a => (a.AnimalId, Gain: AverageDailyGainKgPerDay(a))).ToList();
        return gains.Select((animal, index) =>
        {
            var others = gains.Where((_, j) => j != index).Select(g => g.Gain).ToArray();
            var mean = MathNet.Numerics.Statistics.Statistics.Mean(others);
            var sd = MathNet.Numerics.Statistics.Statistics.StandardDeviation(others);
            var z = sd > 0 ? (animal.Gain - mean) / sd : double.NaN;
            return new AnimalGrowth(animal.AnimalId, animal.Gain, mean, sd, z, animal.Gain < mean - standardDeviations * sd);
        }).ToList();
    }

    /// <summary>Slope of body weight (kg) on age (d) by ordinary least squares, kg/d.</summary>
    public static double AverageDailyGainKgPerDay(AnimalWeighings animal)
    {
        ArgumentNullException.ThrowIfNull(animal);
        if (animal.Weighings.Select(w => w.AgeDays).Distinct().Count() < 2)
        {
            throw new ArgumentException($"animal {animal.AnimalId} needs weighings on at least 2 different days.", nameof(animal));
        }

        var (_, slope) = MathNet.Numerics.Fit.Line(
            animal.Weighings.Select(w => w.AgeDays).ToArray(), animal.Weighings.Select(w => w.BodyWeightKg).ToArray());
        return slope;
    }
}
