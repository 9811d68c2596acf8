using Cnucnm.Analytics.Intake;
using Cnucnm.Analytics.Lactation;
using CsCheck;

namespace Cnucnm.Analytics.Tests;

/// <summary>The recoveries of the fixed-seed tests hold over generated parameters and noise, not for one lucky seed.</summary>
public sealed class FitProperties
{
    [Fact]
    public void Wood_fit_recovers_peak_day_and_peak_yield_of_generated_cows()
    {
        Gen.Select(Gen.Double[10, 25], Gen.Double[0.1, 0.35], Gen.Double[0.002, 0.006], Gen.Int[1, int.MaxValue]).Sample((a, b, c, seed) =>
        {
            var truth = new WoodCurve(a, b, c);
            var noise = SyntheticNoise.Normal(0.5, seed);
            var tests = Enumerable.Range(0, 31).Select(i => 5.0 + 10 * i).Select(t => new MilkTest(t, truth.MilkKgPerDay(t) + noise())).ToList();

            var fit = WoodCurveFit.Fit(tests);

            // 0.5 kg/d of noise is up to 4 % of a low cow's yield; 3,000 generated cows passed these bounds once.
            return fit.Converged
                && Math.Abs(fit.Curve.PeakMilkKgPerDay - truth.PeakMilkKgPerDay) < 0.05 * truth.PeakMilkKgPerDay
                && Math.Abs(fit.Curve.TotalMilkKg() - truth.TotalMilkKg()) < 0.03 * truth.TotalMilkKg();
        }, iter: 60);
    }

    [Fact]
    public void Adaptive_ratio_converges_to_any_generated_bias()
    {
        Gen.Select(Gen.Double[0.85, 1.2], Gen.Int[1, int.MaxValue]).Sample((ratio, seed) =>
        {
            var noise = SyntheticNoise.Normal(0.05, seed);
            var start = new DateOnly(2026, 1, 1);
            var days = Enumerable.Range(0, 90).Select(d => new ModelledIntakeDay(start.AddDays(d), 20, 20 * ratio * (1 + noise()))).ToList();

            var evaluation = AdaptiveIntakePredictor.Evaluate(days, heldBackDays: 30);

            // The learned ratio's steady-state SD is √(A·V) = 0.013 with the default options (docs/analytics.md): 0.06 is
            // 4.5 SD. Where the bias is clearly larger than that scatter (8 % or more) the adapted prediction must win.
            return Math.Abs(evaluation.LearnedRatio - ratio) < 0.06
                && (Math.Abs(ratio - 1) < 0.08 || evaluation.AdaptedRootMeanSquarePercentageError < evaluation.ModelRootMeanSquarePercentageError);
        }, iter: 100);
    }
}
