using Cnucnm.Analytics.Lactation;
using MathNet.Numerics;

namespace Cnucnm.Analytics.Tests.Lactation;

public sealed class WoodCurveFitTests
{
    // A cow with a = 15, b = 0.25, c = 0.004 1/d: peak at 62.5 DIM, 32.85 kg/d.
    private static readonly WoodCurve Known = new(15, 0.25, 0.004);

    private static List<MilkTest> MonthlyTests(WoodCurve curve, double noiseKgPerDay, int seed)
    {
        var noise = SyntheticNoise.Normal(noiseKgPerDay, seed);
        return Enumerable.Range(0, 31).Select(i => 5.0 + 10 * i).Select(t => new MilkTest(t, curve.MilkKgPerDay(t) + noise())).ToList();
    }

    [Fact]
    public void Peak_day_and_peak_yield_follow_Wood_1967_worked_by_hand()
    {
        // Peak day b/c = 0.25/0.004 = 62.5; peak yield a·(b/c)^b·e^(−b) = 15 × 62.5^0.25 × e^(−0.25)
        // = 15 × 2.811707 × 0.778801 = 32.8463 kg/d.
        Assert.Equal(62.5, Known.PeakDaysInMilk, 9);
        Assert.Equal(32.8463, Known.PeakMilkKgPerDay, 3);
        Assert.Equal(Known.PeakMilkKgPerDay, Known.MilkKgPerDay(62.5), 9);
        Assert.True(Known.MilkKgPerDay(61.5) < Known.PeakMilkKgPerDay && Known.MilkKgPerDay(63.5) < Known.PeakMilkKgPerDay);
    }

    [Fact]
    public void Lactation_total_matches_the_closed_form_with_the_incomplete_gamma_function()
    {
        // ∫₀ᵀ a·t^b·e^(−ct) dt = a·c^(−(b+1))·γ(b+1, cT) (lower incomplete gamma).
        var closedForm = Known.A * Math.Pow(Known.C, -(Known.B + 1)) * SpecialFunctions.GammaLowerIncomplete(Known.B + 1, Known.C * 305);
        Assert.Equal(closedForm, Known.TotalMilkKg(305), 4);
        Assert.InRange(Known.TotalMilkKg(305), 8000, 9500);
    }

    [Fact]
    public void Nonlinear_fit_recovers_known_parameters_from_noisy_monthly_tests()
    {
        var fit = WoodCurveFit.Fit(MonthlyTests(Known, noiseKgPerDay: 0.8, seed: 13));

        Assert.True(fit.Converged);
        Assert.InRange(fit.Curve.A, 13.5, 16.5);
        Assert.InRange(fit.Curve.B, 0.22, 0.28);
        Assert.InRange(fit.Curve.C, 0.0037, 0.0043);
        Assert.InRange(fit.Curve.PeakDaysInMilk, 57.5, 67.5);
        Assert.InRange(fit.Curve.PeakMilkKgPerDay, 32.0, 33.7);
        // The residual scatter is the noise put in (0.8 kg/d); R² of a curve explaining all but the noise.
        Assert.InRange(fit.Quality.RootMeanSquareError, 0.55, 1.05);
        Assert.True(fit.Quality.RSquared > 0.98, $"R² {fit.Quality.RSquared}");
        Assert.Equal(31, fit.Quality.Points);
        Assert.All([fit.StandardErrors.A, fit.StandardErrors.B, fit.StandardErrors.C], se => Assert.True(se > 0));
    }

    [Fact]
    public void Noise_free_tests_are_fitted_exactly()
    {
        var fit = WoodCurveFit.Fit(MonthlyTests(Known, noiseKgPerDay: 0, seed: 1));

        Assert.Equal(Known.A, fit.Curve.A, 6);
        Assert.Equal(Known.B, fit.Curve.B, 8);
        Assert.Equal(Known.C, fit.Curve.C, 10);
        Assert.True(fit.Quality.RootMeanSquareError < 1e-6);
    }

    [Fact]
    public void Projection_continues_the_fitted_curve_day_by_day()
    {
        var projection = Known.Project(fromDaysInMilk: 100, days: 14);

        Assert.Equal(14, projection.Count);
        Assert.Equal(101, projection[0].DaysInMilk);
        Assert.Equal(114, projection[^1].DaysInMilk);
        Assert.Equal(Known.MilkKgPerDay(114), projection[^1].MilkKgPerDay, 12);
        Assert.True(projection[^1].MilkKgPerDay < projection[0].MilkKgPerDay, "past the peak the projection declines");
    }

    [Fact]
    public void Too_few_or_non_positive_tests_are_refused()
    {
        Assert.Throws<ArgumentException>(() => WoodCurveFit.Fit([new MilkTest(10, 30), new MilkTest(40, 35), new MilkTest(100, 30)]));
        Assert.Throws<ArgumentException>(() => WoodCurveFit.Fit([new MilkTest(0, 30), new MilkTest(40, 35), new MilkTest(100, 30), new MilkTest(200, 25)]));
        Assert.Throws<ArgumentException>(() => WoodCurveFit.Fit([new MilkTest(10, -1), new MilkTest(40, 35), new MilkTest(100, 30), new MilkTest(200, 25)]));
    }
}
