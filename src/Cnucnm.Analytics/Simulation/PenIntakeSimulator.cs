namespace Cnucnm.Analytics.Simulation;

/// <summary>How a simulated pen eats against its model: the true intake ratio (observed / model DMI) starts at
/// <paramref name="InitialRatio"/>, drifts by a normal step of <paramref name="RatioDriftPerDay"/> SD each day and jumps by
/// <paramref name="StepChanges"/> on the given day indexes (a ration change, a heat wave); each day's reading scatters around
/// the true intake with <paramref name="DayToDayCv"/> (coefficient of variation), and a day is lost to a sensor gap with
/// probability <paramref name="SensorGapProbability"/>.</summary>
public sealed record PenIntakeScenario(
    double InitialRatio,
    double RatioDriftPerDay,
    double DayToDayCv,
    double SensorGapProbability,
    IReadOnlyList<(int DayIndex, double RatioStep)>? StepChanges = null)
{
    /// <summary>The prior spread of the adaptive predictor (docs/analytics.md): equations miss a pen by 5–15 %; the day-to-day
    /// scatter of a pen's intake, 6 % CV (AdaptiveIntakeOptions.Default); the drift of the true ratio, 0.003 a day.</summary>
    public static PenIntakeScenario Typical(double initialRatio) => new(initialRatio, 0.003, 0.06, 0.03);
}

/// <summary>One simulated day of a pen: the model's DMI, the true ratio and the reading (null: a sensor gap), kg DM/head/d.</summary>
public sealed record SimulatedIntakeDay(DateOnly Date, double ModelDryMatterKgPerHeadPerDay, double TrueRatio, double? ObservedDryMatterKgPerHeadPerDay);

/// <summary>
/// Daily pen intake around a model's prediction: observed = model DMI × true ratio × (1 + CV·ε), with the true ratio
/// following the local-level model of West &amp; Harrison (1997, ch. 2) plus optional step changes. The model DMI comes from
/// the caller (NASEM 2021 Eq. 2-1 for dairy, the beef/KFS intake for Hanwoo: <c>src/Cnucnm.Nutrition</c>), so the simulator
/// invents no intake of its own.
/// </summary>
public static class PenIntakeSimulator
{
    public static IReadOnlyList<SimulatedIntakeDay> Simulate(
        IReadOnlyList<(DateOnly Date, double ModelDryMatterKgPerHeadPerDay)> modelDays, PenIntakeScenario scenario, SeededNoise noise)
    {
        ArgumentNullException.ThrowIfNull(modelDays);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(noise);
        var steps = (scenario.StepChanges ?? []).ToLookup(s => s.DayIndex, s => s.RatioStep);
        var ratio = scenario.InitialRatio;
        var days = new List<SimulatedIntakeDay>(modelDays.Count);
        for (var i = 0; i < modelDays.Count; i++)
        {
            if (i > 0)
            {
                ratio += noise.Normal(0, scenario.RatioDriftPerDay);
            }

            ratio += steps[i].Sum();
            ratio = Math.Max(0.3, ratio); // a pen never eats nothing for long; keeps a long drift physical
            var (date, model) = modelDays[i];
            var observed = Math.Max(0, model * ratio * (1 + noise.Normal(0, scenario.DayToDayCv)));
            days.Add(new SimulatedIntakeDay(date, model, ratio, noise.Chance(scenario.SensorGapProbability) ? null : observed));
        }

        return days;
    }
}
