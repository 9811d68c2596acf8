using Cnucnm.Analytics.Intake;

namespace Cnucnm.Analytics.Tests.Intake;

public sealed class AdaptiveIntakePredictorTests
{
    private static readonly DateOnly Start = new(2026, 6, 1);

    /// <summary>A pen that eats <paramref name="trueRatio"/> × the book's DMI with 5 % day-to-day scatter; the book's
    /// DMI itself rises 0.02 kg/d (stage of lactation).</summary>
    private static List<ModelledIntakeDay> Pen(double trueRatio, int days, int seed)
    {
        var noise = SyntheticNoise.Normal(0.05, seed);
        return Enumerable.Range(0, days).Select(d =>
        {
            var model = 21.0 + 0.02 * d;
            return new ModelledIntakeDay(Start.AddDays(d), model, model * trueRatio * (1 + noise()));
        }).ToList();
    }

    [Fact]
    public void One_update_follows_the_conjugate_normal_equations_worked_by_hand()
    {
        // Prior m = 1, C = 0.15² = 0.0225; W = 0.003² = 0.000009; V = 0.06² = 0.0036. A day at 24 kg against 20 kg: r = 1.2.
        // R = 0.022509, Q = 0.026109, A = 0.022509/0.026109 = 0.862117; m' = 1 + 0.862117 × 0.2 = 1.172423;
        // C' = A·V = 0.00310362.
        var belief = AdaptiveIntakePredictor.Update(IntakeRatioBelief.Prior(AdaptiveIntakeOptions.Default),
            new ModelledIntakeDay(Start, 20, 24), AdaptiveIntakeOptions.Default);

        Assert.Equal(1.172423, belief.MeanRatio, 6);
        Assert.Equal(0.00310362, belief.Variance, 8);
        Assert.Equal(1, belief.DaysSeen);

        // The next day's forecast for a 20 kg model day: 20 × 1.172423 = 23.4485 kg; variance C' + W + V = 0.00671262,
        // half-width 1.959964 × 0.0819306 = 0.160581 → 20 × (1.172423 ± 0.160581) = 20.2368 … 26.6601 kg.
        var forecast = AdaptiveIntakePredictor.Predict(belief, Start.AddDays(1), 20, AdaptiveIntakeOptions.Default);
        Assert.Equal(23.4485, forecast.AdaptedDryMatterKgPerHeadPerDay, 3);
        Assert.Equal(20.2368, forecast.AdaptedLower95KgPerHeadPerDay, 3);
        Assert.Equal(26.6601, forecast.AdaptedUpper95KgPerHeadPerDay, 3);
    }

    [Fact]
    public void Learned_ratio_converges_to_a_known_bias_and_its_uncertainty_shrinks()
    {
        var days = Pen(trueRatio: 1.12, days: 60, seed: 3);

        var after5 = AdaptiveIntakePredictor.Learn(days.Take(5));
        var after60 = AdaptiveIntakePredictor.Learn(days);

        Assert.InRange(after60.MeanRatio, 1.09, 1.15);
        Assert.True(after60.StandardDeviation < 0.03, $"posterior SD {after60.StandardDeviation}");
        Assert.True(after60.StandardDeviation <= after5.StandardDeviation);
        Assert.Equal(60, after60.DaysSeen);
    }

    [Fact]
    public void On_held_back_days_the_adapted_prediction_beats_the_biased_book_equation()
    {
        var evaluation = AdaptiveIntakePredictor.Evaluate(Pen(trueRatio: 1.12, days: 90, seed: 21), heldBackDays: 30);

        Assert.Equal(60, evaluation.LearningDays);
        Assert.Equal(30, evaluation.HeldBackDays);
        // The book misses by the 12 % bias (~2.8 kg/head/d); the adapted prediction is left with the 5 % day-to-day scatter.
        Assert.InRange(evaluation.ModelRootMeanSquarePercentageError, 9, 15);
        Assert.InRange(evaluation.AdaptedRootMeanSquarePercentageError, 3, 7);
        Assert.True(evaluation.AdaptedMeanAbsoluteErrorKgPerHeadPerDay < 0.5 * evaluation.ModelMeanAbsoluteErrorKgPerHeadPerDay,
            $"adapted MAE {evaluation.AdaptedMeanAbsoluteErrorKgPerHeadPerDay} vs model {evaluation.ModelMeanAbsoluteErrorKgPerHeadPerDay}");
        Assert.True(evaluation.IntervalCoveragePercent >= 85, $"coverage {evaluation.IntervalCoveragePercent} %");
        Assert.All(evaluation.HeldBack, p => Assert.Equal(evaluation.LearnedRatio, p.RatioUsed));
    }

    [Fact]
    public void An_unbiased_book_equation_is_left_alone()
    {
        var evaluation = AdaptiveIntakePredictor.Evaluate(Pen(trueRatio: 1.0, days: 90, seed: 8), heldBackDays: 30);

        Assert.InRange(evaluation.LearnedRatio, 0.97, 1.03);
        Assert.True(Math.Abs(evaluation.AdaptedRootMeanSquarePercentageError - evaluation.ModelRootMeanSquarePercentageError) < 1.0);
    }

    [Fact]
    public void One_step_ahead_series_predicts_each_day_before_learning_it()
    {
        var days = Pen(trueRatio: 1.12, days: 10, seed: 4);

        var series = AdaptiveIntakePredictor.OneStepAhead(days);

        Assert.Equal(10, series.Count);
        Assert.Equal(1.0, series[0].RatioUsed);
        Assert.Equal(series[0].ModelDryMatterKgPerHeadPerDay, series[0].AdaptedDryMatterKgPerHeadPerDay);
        Assert.Equal(AdaptiveIntakePredictor.Learn(days.Take(9)).MeanRatio, series[9].RatioUsed, 12);
        Assert.Equal(days[9].ObservedDryMatterKgPerHeadPerDay, series[9].ObservedDryMatterKgPerHeadPerDay);
    }

    [Fact]
    public void Root_mean_square_percentage_error_worked_by_hand()
    {
        // Errors of 10 % and −20 %: √((0.01 + 0.04)/2) = 15.811 %.
        Assert.Equal(15.8114, AdaptiveIntakePredictor.RootMeanSquarePercentageError([20, 25], [18, 30]), 4);
    }

    [Fact]
    public void Bad_days_and_hold_backs_are_refused()
    {
        var days = Pen(1.1, 10, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveIntakePredictor.Evaluate(days, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveIntakePredictor.Evaluate(days, 10));
        Assert.Throws<ArgumentException>(() => AdaptiveIntakePredictor.Learn([new ModelledIntakeDay(Start, 0, 20)]));
        Assert.Throws<ArgumentException>(() => AdaptiveIntakePredictor.Learn(days, new AdaptiveIntakeOptions(ObservationStandardDeviation: 0)));
    }
}
