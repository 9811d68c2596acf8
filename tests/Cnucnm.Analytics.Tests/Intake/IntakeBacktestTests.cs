using Cnucnm.Analytics.Intake;
using Cnucnm.Analytics.Simulation;

namespace Cnucnm.Analytics.Tests.Intake;

/// <summary>The rolling-origin backtest's arithmetic, on pens small enough to work by hand.</summary>
public sealed class IntakeBacktestTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static List<SimulatedIntakeDay> Pen(int days, Func<int, double> model, Func<int, double?> observed) =>
        [.. Enumerable.Range(0, days).Select(d => new SimulatedIntakeDay(Start.AddDays(d), model(d), 1, observed(d)))];

    [Fact]
    public void A_pen_eating_the_last_weeks_amount_scores_the_naive_forecast_zero_and_the_book_its_known_offset()
    {
        // The book says 20 kg, the pen eats 22 kg every day. From origin 7 (7 days seen) the last week's mean is 22: error 0;
        // the book is 2 kg low on every target day: MAE 2, bias −2; the adapted forecast is 20 × the ratio learned from 7 days.
        var pen = Pen(8, _ => 20, _ => 22);
        var errors = IntakeBacktest.Forecasts(pen, 7, [1], AdaptiveIntakeOptions.Default).ToList();
        var learned = AdaptiveIntakePredictor.Learn(pen.Take(7).Select(d => new ModelledIntakeDay(d.Date, 20, 22)), AdaptiveIntakeOptions.Default).MeanRatio;

        Assert.Equal(3, errors.Count);
        Assert.Equal(-2, errors.Single(e => e.Method == IntakeForecastMethod.Model).ErrorKg, 12);
        Assert.Equal(0, errors.Single(e => e.Method == IntakeForecastMethod.NaiveLastWeek).ErrorKg, 12);
        Assert.Equal(20 * learned - 22, errors.Single(e => e.Method == IntakeForecastMethod.Adaptive).ErrorKg, 12);
        Assert.InRange(learned, 1.0, 1.1); // moved from the prior 1 towards 22/20, not past it
    }

    [Fact]
    public void Mean_absolute_error_bias_and_count_are_the_mean_of_the_errors_over_pens_and_origins()
    {
        // Book 20 kg; the pen eats 21 on even days and 19 on odd days. Naive (mean of the 7 days before): origin 7 sees days 0–6
        // (4 even, 3 odd) = 20.142857; origin 9 sees days 2–8 (4 even, 3 odd) = 20.142857. Horizon 1 targets days 7 and 9 (both odd, 19):
        // book errors +1, +1 (MAE 1, bias +1); naive errors +1.142857 twice.
        var pen = Pen(10, _ => 20, d => d % 2 == 0 ? 21 : 19);
        var rows = IntakeBacktest.Run([pen], [1], originStepDays: 2);

        var model = rows.Single(r => r.Method == IntakeForecastMethod.Model);
        Assert.Equal(2, model.Count);
        Assert.Equal(1, model.MeanAbsoluteErrorKg, 12);
        Assert.Equal(1, model.BiasKg, 12);
        var naive = rows.Single(r => r.Method == IntakeForecastMethod.NaiveLastWeek);
        Assert.Equal(2, naive.Count);
        Assert.Equal(141.0 / 7 - 19, naive.BiasKg, 12);
        Assert.Equal(141.0 / 7 - 19, naive.MeanAbsoluteErrorKg, 12);
    }

    [Fact]
    public void Errors_of_opposite_sign_cancel_in_the_bias_but_not_in_the_mean_absolute_error()
    {
        // Book 20; the targets (days 7 and 8 from origin 7, horizons 1 and 2 pooled as two rows) are 22 and 18.
        var pen = Pen(9, _ => 20, d => d switch { 7 => 22, 8 => 18, _ => 20 });
        var rows = IntakeBacktest.Run([pen, pen], [1, 2], originStepDays: 100);

        var h1 = rows.Single(r => r.Method == IntakeForecastMethod.Model && r.HorizonDays == 1);
        var h2 = rows.Single(r => r.Method == IntakeForecastMethod.Model && r.HorizonDays == 2);
        Assert.Equal((2, 2.0, -2.0), (h1.Count, h1.MeanAbsoluteErrorKg, h1.BiasKg));
        Assert.Equal((2, 2.0, 2.0), (h2.Count, h2.MeanAbsoluteErrorKg, h2.BiasKg));
    }

    [Fact]
    public void Sensor_gaps_are_neither_learned_from_nor_scored_and_too_few_days_give_no_forecast()
    {
        // Days 3 and 7 lost: origins 7 and 8 have 6 days with readings (< 7 needed) and give nothing (origin 7 would have
        // scored day 8); origin 9 has 7 and forecasts day 9 (h = 1); h = 2 is past the end. One forecast of each method.
        var pen = Pen(10, _ => 20, d => d is 3 or 7 ? null : 20);
        Assert.Empty(IntakeBacktest.Forecasts(pen, 7, [1, 2], AdaptiveIntakeOptions.Default));
        var rows = IntakeBacktest.Run([pen], [1, 2], originStepDays: 1);

        Assert.All(rows, r => Assert.Equal(1, r.HorizonDays));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((1, 0.0), (r.Count, r.MeanAbsoluteErrorKg)));
    }

    [Fact]
    public void Only_the_last_sixty_days_before_the_origin_are_learned_from()
    {
        // 100 days: the first 40 the pen eats 30 kg (ratio 1.5), then 20 kg. From origin 100 the last 60 days are all 20 kg:
        // the learned ratio is the one learned from 60 days at ratio 1, whatever came before.
        var pen = Pen(101, _ => 20, d => d < 40 ? 30 : 20);
        var adaptive = IntakeBacktest.Forecasts(pen, 100, [1], AdaptiveIntakeOptions.Default).Single(e => e.Method == IntakeForecastMethod.Adaptive);
        var fromSixty = AdaptiveIntakePredictor.Learn(pen.Skip(40).Take(60).Select(d => new ModelledIntakeDay(d.Date, 20, 20)), AdaptiveIntakeOptions.Default);

        Assert.Equal(20 * fromSixty.MeanRatio - 20, adaptive.ErrorKg, 12);
    }

    [Fact]
    public void The_simulator_is_reproducible_by_seed_and_its_gaps_follow_the_probability()
    {
        var model = Enumerable.Range(0, 2000).Select(d => (Start.AddDays(d), 20.0)).ToList();
        var a = PenIntakeSimulator.Simulate(model, PenIntakeScenario.Typical(1.1), new SeededNoise(7));
        var b = PenIntakeSimulator.Simulate(model, PenIntakeScenario.Typical(1.1), new SeededNoise(7));

        Assert.Equal(a, b);
        Assert.InRange(a.Count(d => d.ObservedDryMatterKgPerHeadPerDay is null) / 2000.0, 0.02, 0.04); // 3 % ± sampling
        Assert.Equal(1.1, a[0].TrueRatio, 12);
    }
}
