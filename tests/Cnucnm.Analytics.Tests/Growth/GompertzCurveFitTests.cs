using Cnucnm.Analytics.Growth;

namespace Cnucnm.Analytics.Tests.Growth;

public sealed class GompertzCurveFitTests
{
    // A Hanwoo-like steer: mature 800 kg, 30 kg at birth (b = ln(800/30) = 3.2834), maturing rate 0.004 1/d.
    private static readonly GompertzCurve Known = new(800, Math.Log(800.0 / 30), 0.004);

    private static List<Weighing> Weighings(double noiseKg, int seed)
    {
        var noise = SyntheticNoise.Normal(noiseKg, seed);
        return Enumerable.Range(0, 16).Select(i => 60.0 * i).Select(t => new Weighing(t, Known.BodyWeightKg(t) + (t == 0 ? 0 : noise()))).ToList();
    }

    [Fact]
    public void Curve_values_worked_by_hand()
    {
        // BW(0) = A·e^(−b) = 30 kg; inflection at ln(b)/k = ln(3.283414)/0.004 = 1.188882/0.004 = 297.22 d, where BW = A/e = 294.3 kg.
        Assert.Equal(30, Known.BodyWeightKg(0), 9);
        Assert.Equal(297.22, Known.InflectionAgeDays, 2);
        Assert.Equal(800 / Math.E, Known.BodyWeightKg(Known.InflectionAgeDays), 9);
        // Gain at the inflection: k·b·e^(−k·t)·BW = k·BW(t) there (b·e^(−k·t) = 1) = 0.004 × 294.3 = 1.177 kg/d.
        Assert.Equal(0.004 * 800 / Math.E, Known.GainKgPerDay(Known.InflectionAgeDays), 9);
    }

    [Fact]
    public void Days_to_target_solve_the_curve_for_the_target_weight()
    {
        // t = −ln(−ln(700/800)/b)/k = −ln(0.133531/3.283414)/0.004 = −ln(0.0406685)/0.004 = 3.202303/0.004 = 800.58 d.
        var age = Known.AgeAtWeightDays(700);
        Assert.NotNull(age);
        Assert.Equal(800.58, age.Value, 2);
        Assert.Equal(700, Known.BodyWeightKg(age.Value), 9);
        Assert.Equal(age.Value - 500, Known.DaysToWeight(500, 700)!.Value, 9);
        Assert.Equal(0, Known.DaysToWeight(900, 700));
        Assert.Null(Known.DaysToWeight(500, 800));
        Assert.Null(Known.DaysToWeight(500, 850));
    }

    /// <summary>Issue 23: a Hanwoo steer weighed only while young, growing almost linearly (as in a fattening farm's records), let the
    /// free fit run to a mature weight of tons "converged". With the class's published growth the verdict says the weighings do not
    /// determine it and the curve uses the published mature weight (mean of 823.1 and 919.0 kg).</summary>
    [Fact]
    public void Sparse_young_weighings_of_a_hanwoo_steer_use_the_published_mature_weight_with_a_warning()
    {
        // 1.0 kg/d from 250 kg at 8 months, weighed every 2 months until 18 months, ±6 kg of scale noise.
        var noise = SyntheticNoise.Normal(6, 3);
        var weighings = Enumerable.Range(0, 6).Select(i => new Weighing(240 + 60.0 * i, 250 + 60.0 * i + noise())).ToList();
        var reference = GrowthReference.For("hanwoo", "Steer")!;

        var free = GompertzCurveFit.Fit(weighings);
        var judged = GompertzCurveFit.Fit(weighings, reference);

        Assert.True(free.Curve.MatureWeightKg > reference.MaximumKg || free.StandardErrors.MatureWeightKg > 0.25 * free.Curve.MatureWeightKg,
            $"free fit A {free.Curve.MatureWeightKg:0} ± {free.StandardErrors.MatureWeightKg:0} kg");
        var verdict = judged.Verdict!;
        Assert.True(verdict.MatureWeightFromReference);
        Assert.False(verdict.Identifiable && verdict.Plausible == true);
        Assert.Equal((823.1 + 919.0) / 2, judged.Curve.MatureWeightKg, 9);
        Assert.Equal(free.Curve.MatureWeightKg, verdict.FreeMatureWeightKg, 9);
        Assert.Contains("871 kg", verdict.Warning, StringComparison.Ordinal);
        Assert.Contains("한우 거세우", verdict.WarningKorean, StringComparison.Ordinal);
        // The curve still follows the weighings it was given.
        Assert.True(judged.Quality.RootMeanSquareError < 15, $"RMSE {judged.Quality.RootMeanSquareError:0.0} kg");
    }

    [Fact]
    public void Weighings_over_the_whole_growth_of_a_hanwoo_steer_give_an_identifiable_plausible_fit_without_warning()
    {
        var verdict = GompertzCurveFit.Fit(Weighings(noiseKg: 8, seed: 7), GrowthReference.For("hanwoo", "steer")).Verdict!;

        Assert.True(verdict is { Converged: true, Identifiable: true, Plausible: true, MatureWeightFromReference: false });
        Assert.Null(verdict.Warning);
        Assert.Null(GrowthReference.For("holstein", "steer"));
        Assert.Equal((658.48, 1148.75), (GrowthReference.For("hanwoo", "steer")!.MinimumKg, GrowthReference.For("hanwoo", "steer")!.MaximumKg));
    }

    [Fact]
    public void Nonlinear_fit_recovers_known_parameters_from_noisy_weighings()
    {
        var fit = GompertzCurveFit.Fit(Weighings(noiseKg: 8, seed: 7));

        Assert.True(fit.Converged);
        Assert.InRange(fit.Curve.MatureWeightKg, 760, 840);
        Assert.InRange(fit.Curve.B, 3.0, 3.6);
        Assert.InRange(fit.Curve.RatePerDay, 0.0037, 0.0043);
        Assert.InRange(fit.Quality.RootMeanSquareError, 4, 10);
        Assert.True(fit.Quality.RSquared > 0.99);
        // Days from 500 d of age to 700 kg: the true curve says 300.58 d.
        Assert.InRange(fit.Curve.DaysToWeight(500, 700)!.Value, 270, 335);
    }

    [Fact]
    public void Noise_free_weighings_are_fitted_exactly()
    {
        var fit = GompertzCurveFit.Fit(Weighings(noiseKg: 0, seed: 1));

        Assert.Equal(Known.MatureWeightKg, fit.Curve.MatureWeightKg, 4);
        Assert.Equal(Known.B, fit.Curve.B, 6);
        Assert.Equal(Known.RatePerDay, fit.Curve.RatePerDay, 9);
    }

    [Fact]
    public void Weighings_that_do_not_grow_or_are_too_few_are_refused()
    {
        Assert.Throws<ArgumentException>(() => GompertzCurveFit.Fit([new Weighing(0, 30), new Weighing(60, 80), new Weighing(120, 130)]));
        Assert.Throws<ArgumentException>(() => GompertzCurveFit.Fit([new Weighing(0, 300), new Weighing(60, 280), new Weighing(120, 260), new Weighing(180, 240)]));
        Assert.Throws<ArgumentException>(() => GompertzCurveFit.Fit([new Weighing(0, 300), new Weighing(0, 310), new Weighing(60, 360), new Weighing(60, 350)]));
    }
}
