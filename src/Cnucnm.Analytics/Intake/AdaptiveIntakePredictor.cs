namespace Cnucnm.Analytics.Intake;

/// <summary>
/// Learns how far a group's observed dry matter intake sits from the nutrition model's prediction, and predicts
/// tomorrow's intake as model DMI × learned ratio with a 95 % prediction interval.
/// <para>
/// The ratio r = observed / model follows the first-order polynomial (local level) dynamic linear model of
/// West &amp; Harrison (1997, Bayesian Forecasting and Dynamic Models, 2nd ed., ch. 2): the true ratio μ drifts,
/// μ_t = μ_(t−1) + ω_t with ω ~ N(0, W), and a day's ratio is r_t = μ_t + ν_t with ν ~ N(0, V). With the normal
/// belief μ_(t−1) ~ N(m, C) the conjugate normal update for day t is
/// R = C + W (prior variance after a day's drift), Q = R + V (one-day forecast variance), A = R/Q (adaptive
/// coefficient), m' = m + A·(r_t − m), C' = A·V. The forecast of a day's observed intake is
/// model·N(m, R + V); its 95 % interval is model·(m ± 1.96·√(R + V)).
/// </para>
/// </summary>
public static class AdaptiveIntakePredictor
{
    /// <summary>The belief after one more day: the conjugate normal (Kalman) update above.</summary>
    public static IntakeRatioBelief Update(IntakeRatioBelief belief, ModelledIntakeDay day, AdaptiveIntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(belief);
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(options);
        if (!(day.ModelDryMatterKgPerHeadPerDay > 0) || !(day.ObservedDryMatterKgPerHeadPerDay >= 0))
        {
            throw new ArgumentException($"day {day.Date:yyyy-MM-dd} needs model DMI > 0 and observed DMI ≥ 0 kg/head/d.", nameof(day));
        }

        var observationVariance = options.ObservationStandardDeviation * options.ObservationStandardDeviation;
        var priorVariance = belief.Variance + options.DriftStandardDeviationPerDay * options.DriftStandardDeviationPerDay;
        var adaptiveCoefficient = priorVariance / (priorVariance + observationVariance);
        var ratio = day.ObservedDryMatterKgPerHeadPerDay / day.ModelDryMatterKgPerHeadPerDay;
        return new IntakeRatioBelief(
            belief.MeanRatio + adaptiveCoefficient * (ratio - belief.MeanRatio),
            adaptiveCoefficient * observationVariance,
            belief.DaysSeen + 1);
    }

    /// <summary>The belief after every day of <paramref name="days"/> in date order, starting from the prior.</summary>
    public static IntakeRatioBelief Learn(IEnumerable<ModelledIntakeDay> days, AdaptiveIntakeOptions? options = null)
    {
        options ??= AdaptiveIntakeOptions.Default;
        options.Validate();
        return days.OrderBy(d => d.Date).Aggregate(IntakeRatioBelief.Prior(options), (belief, day) => Update(belief, day, options));
    }

    /// <summary>Adapted intake for a day whose model DMI is <paramref name="modelDryMatterKgPerHeadPerDay"/>, from the
    /// belief held before that day (one day's drift added to its variance).</summary>
    public static IntakePrediction Predict(IntakeRatioBelief belief, DateOnly date, double modelDryMatterKgPerHeadPerDay,
        AdaptiveIntakeOptions options, double? observedDryMatterKgPerHeadPerDay = null)
    {
        ArgumentNullException.ThrowIfNull(belief);
        ArgumentNullException.ThrowIfNull(options);
        var forecastVariance = belief.Variance
            + options.DriftStandardDeviationPerDay * options.DriftStandardDeviationPerDay
            + options.ObservationStandardDeviation * options.ObservationStandardDeviation;
        var halfWidth = AdaptiveIntakeOptions.NormalQuantile975 * Math.Sqrt(forecastVariance);
        return new IntakePrediction(date, modelDryMatterKgPerHeadPerDay,
            modelDryMatterKgPerHeadPerDay * belief.MeanRatio,
            modelDryMatterKgPerHeadPerDay * Math.Max(0, belief.MeanRatio - halfWidth),
            modelDryMatterKgPerHeadPerDay * (belief.MeanRatio + halfWidth),
            belief.MeanRatio,
            observedDryMatterKgPerHeadPerDay);
    }

    /// <summary>Model vs adapted vs observed for every day: each day is predicted from the days before it, then learned
    /// (one-step-ahead, as the predictor runs on a farm).</summary>
    public static IReadOnlyList<IntakePrediction> OneStepAhead(IEnumerable<ModelledIntakeDay> days, AdaptiveIntakeOptions? options = null)
    {
        options ??= AdaptiveIntakeOptions.Default;
        options.Validate();
        var belief = IntakeRatioBelief.Prior(options);
        var predictions = new List<IntakePrediction>();
        foreach (var day in days.OrderBy(d => d.Date))
        {
            predictions.Add(Predict(belief, day.Date, day.ModelDryMatterKgPerHeadPerDay, options, day.ObservedDryMatterKgPerHeadPerDay));
            belief = Update(belief, day, options);
        }

        return predictions;
    }

    /// <summary>
    /// Honest evaluation: learns from all days but the last <paramref name="heldBackDays"/>, then predicts those days
    /// without learning from them, and scores the book equation and the adapted prediction against what was observed.
    /// </summary>
    public static IntakeEvaluation Evaluate(IReadOnlyList<ModelledIntakeDay> days, int heldBackDays, AdaptiveIntakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        options ??= AdaptiveIntakeOptions.Default;
        options.Validate();
        if (heldBackDays < 1 || heldBackDays >= days.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(heldBackDays), $"hold back between 1 and {days.Count - 1} of the {days.Count} days.");
        }

        var ordered = days.OrderBy(d => d.Date).ToList();
        var learning = ordered.Take(ordered.Count - heldBackDays).ToList();
        var belief = Learn(learning, options);
        var heldBack = ordered.Skip(learning.Count)
            .Select(d => Predict(belief, d.Date, d.ModelDryMatterKgPerHeadPerDay, options, d.ObservedDryMatterKgPerHeadPerDay))
            .ToList();
        if (heldBack.Any(p => !(p.ObservedDryMatterKgPerHeadPerDay > 0)))
        {
            throw new ArgumentException("held-back days need observed DMI > 0 kg/head/d for a percentage error.", nameof(days));
        }

        var observed = heldBack.Select(p => p.ObservedDryMatterKgPerHeadPerDay!.Value).ToArray();
        var model = heldBack.Select(p => p.ModelDryMatterKgPerHeadPerDay).ToArray();
        var adapted = heldBack.Select(p => p.AdaptedDryMatterKgPerHeadPerDay).ToArray();
        var covered = heldBack.Count(p => p.ObservedDryMatterKgPerHeadPerDay >= p.AdaptedLower95KgPerHeadPerDay
            && p.ObservedDryMatterKgPerHeadPerDay <= p.AdaptedUpper95KgPerHeadPerDay);
        return new IntakeEvaluation(learning.Count, heldBack.Count, belief.MeanRatio,
            MathNet.Numerics.Distance.MAE(observed, model),
            MathNet.Numerics.Distance.MAE(observed, adapted),
            RootMeanSquarePercentageError(observed, model),
            RootMeanSquarePercentageError(observed, adapted),
            100.0 * covered / heldBack.Count,
            heldBack);
    }

    /// <summary>RMSPE = 100·√(mean(((observed − predicted)/observed)²)), %.</summary>
    public static double RootMeanSquarePercentageError(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(predicted);
        var sum = observed.Select((o, i) => Math.Pow((o - predicted[i]) / o, 2)).Sum();
        return 100 * Math.Sqrt(sum / observed.Count);
    }
}
