using Cnucnm.Analytics.Intake;

namespace Cnucnm.Analytics.Tests.Intake;

public sealed class AdaptedIntakeRuleTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    /// <summary>Days of a pen whose book prediction is 22 kg DM/head/d, eating <paramref name="observed"/>(day index).</summary>
    private static List<ModelledIntakeDay> Pen(int days, Func<int, double> observed) =>
        [.. Enumerable.Range(0, days).Select(i => new ModelledIntakeDay(Start.AddDays(i), 22, observed(i)))];

    [Fact]
    public void A_pen_eating_steadily_below_the_book_formulates_for_its_adapted_intake_once_a_week_is_scored()
    {
        // 10 % below the book every day, with ±0.3 kg of day-to-day noise: the learned ratio beats the book's 2.2 kg error.
        var pen = Pen(14, i => 19.8 + (i % 2 == 0 ? 0.3 : -0.3));

        var verdict = AdaptedIntakeRule.Judge(pen);

        Assert.True(verdict.UseAdapted);
        Assert.Equal(7, verdict.DaysScored);
        // Days 7–13 scored: four odd days at 19.5 (2.5 below the book), three even days at 20.1 (1.9 below).
        Assert.Equal((4 * 2.5 + 3 * 1.9) / 7, verdict.ModelMeanAbsoluteError!.Value, 9);
        Assert.True(verdict.AdaptedMeanAbsoluteError < 1.0, $"adapted MAE {verdict.AdaptedMeanAbsoluteError}");
    }

    [Fact]
    public void Before_a_week_is_scored_the_book_prediction_stands()
    {
        var verdict = AdaptedIntakeRule.Judge(Pen(13, _ => 19.8));

        Assert.False(verdict.UseAdapted);
        Assert.Equal(6, verdict.DaysScored);
        Assert.Null(verdict.ModelMeanAbsoluteError);
        Assert.Null(verdict.AdaptedMeanAbsoluteError);
    }

    [Fact]
    public void A_pen_the_book_predicts_well_keeps_the_book_prediction()
    {
        // Noise around the book's own figure: nothing to learn, and the learned ratio's wandering only adds error.
        var pen = Pen(30, i => 22 + (i % 3 - 1) * 0.8);

        var verdict = AdaptedIntakeRule.Judge(pen);

        Assert.False(verdict.UseAdapted);
        Assert.Equal(23, verdict.DaysScored);
        Assert.True(verdict.AdaptedMeanAbsoluteError >= verdict.ModelMeanAbsoluteError,
            $"adapted {verdict.AdaptedMeanAbsoluteError} against the book {verdict.ModelMeanAbsoluteError}");
    }
}
