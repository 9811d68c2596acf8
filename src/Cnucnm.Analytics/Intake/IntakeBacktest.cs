using Cnucnm.Analytics.Simulation;

namespace Cnucnm.Analytics.Intake;

/// <summary>The intake forecasts the backtest compares.</summary>
public enum IntakeForecastMethod
{
    /// <summary>The book equation alone (NASEM 2021 Eq. 2-1 in the CLI's pens): the model's DMI of the target day.</summary>
    Model,

    /// <summary>The model's DMI of the target day × the ratio learned by <see cref="AdaptiveIntakePredictor"/> from the days
    /// before the origin (the last <see cref="IntakeBacktest.TrainingDays"/>, at least <see cref="IntakeBacktest.MinimumTrainingDays"/>),
    /// as the server formulates with it.</summary>
    Adaptive,

    /// <summary>The mean observed DMI of the 7 days before the origin (days with readings), whatever the model says.</summary>
    NaiveLastWeek,
}

/// <summary>One method at one horizon over every pen and origin: n forecasts, mean absolute error and mean error
/// (bias = forecast − observed: positive overpredicts), kg DM/head/d.</summary>
public sealed record IntakeBacktestRow(IntakeForecastMethod Method, int HorizonDays, int Count, double MeanAbsoluteErrorKg, double BiasKg);

/// <summary>
/// Rolling-origin backtest (Tashman 2000, Int. J. Forecast. 16:437, "out-of-sample tests of forecasting accuracy"): at each origin
/// day t every method sees only the days before t and forecasts day t + h − 1 for each horizon h (h = 1: the origin day, the
/// first day it has not seen); a forecast is scored only where that day has a reading. Origins start once
/// <see cref="MinimumTrainingDays"/> days are behind them and move by <c>originStepDays</c>.
/// </summary>
public static class IntakeBacktest
{
    /// <summary>The server learns from a group's last 60 intake days (docs/analytics.md, "Formulating for the adapted intake").</summary>
    public const int TrainingDays = 60;

    /// <summary>The adapted forecast is scored once 7 complete days are learned, as the server's per-pen rule scores it
    /// (<see cref="AdaptedIntakeRule.LearningDays"/>).</summary>
    public const int MinimumTrainingDays = AdaptedIntakeRule.LearningDays;

    /// <summary>The naive forecast's window, days.</summary>
    public const int NaiveWindowDays = 7;

    public static IReadOnlyList<IntakeBacktestRow> Run(IReadOnlyList<IReadOnlyList<SimulatedIntakeDay>> pens, IReadOnlyList<int> horizonsDays,
        int originStepDays, AdaptiveIntakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pens);
        ArgumentNullException.ThrowIfNull(horizonsDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(originStepDays, 1);
        if (horizonsDays.Any(h => h < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(horizonsDays), "horizons are 1 day or more.");
        }

        options ??= AdaptiveIntakeOptions.Default;
        var errors = new Dictionary<(IntakeForecastMethod, int), List<double>>();
        foreach (var pen in pens)
        {
            for (var origin = MinimumTrainingDays; origin < pen.Count; origin += originStepDays)
            {
                foreach (var (method, horizon, error) in Forecasts(pen, origin, horizonsDays, options))
                {
                    (errors.TryGetValue((method, horizon), out var list) ? list : errors[(method, horizon)] = []).Add(error);
                }
            }
        }

        return [.. errors.OrderBy(e => e.Key.Item2).ThenBy(e => e.Key.Item1)
            .Select(e => new IntakeBacktestRow(e.Key.Item1, e.Key.Item2, e.Value.Count, e.Value.Average(Math.Abs), e.Value.Average()))];
    }

    /// <summary>The errors (forecast − observed, kg DM/head/d) of every method and horizon from one origin (index into the pen's days).</summary>
    public static IEnumerable<(IntakeForecastMethod Method, int HorizonDays, double ErrorKg)> Forecasts(
        IReadOnlyList<SimulatedIntakeDay> pen, int origin, IReadOnlyList<int> horizonsDays, AdaptiveIntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(pen);
        ArgumentNullException.ThrowIfNull(horizonsDays);
        var seen = pen.Take(origin).Skip(Math.Max(0, origin - TrainingDays))
            .Where(d => d.ObservedDryMatterKgPerHeadPerDay is > 0)
            .Select(d => new ModelledIntakeDay(d.Date, d.ModelDryMatterKgPerHeadPerDay, d.ObservedDryMatterKgPerHeadPerDay!.Value))
            .ToList();
        if (seen.Count < MinimumTrainingDays)
        {
            yield break;
        }

        var ratio = AdaptiveIntakePredictor.Learn(seen, options).MeanRatio;
        var lastWeek = pen.Take(origin).Skip(Math.Max(0, origin - NaiveWindowDays))
            .Where(d => d.ObservedDryMatterKgPerHeadPerDay is > 0).Select(d => d.ObservedDryMatterKgPerHeadPerDay!.Value).ToList();
        foreach (var horizon in horizonsDays)
        {
            var target = origin + horizon - 1;
            if (target >= pen.Count || pen[target].ObservedDryMatterKgPerHeadPerDay is not { } observed)
            {
                continue;
            }

            var model = pen[target].ModelDryMatterKgPerHeadPerDay;
            yield return (IntakeForecastMethod.Model, horizon, model - observed);
            yield return (IntakeForecastMethod.Adaptive, horizon, model * ratio - observed);
            if (lastWeek.Count > 0)
            {
                yield return (IntakeForecastMethod.NaiveLastWeek, horizon, lastWeek.Average() - observed);
            }
        }
    }
}
