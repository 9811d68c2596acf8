using Cnucnm.Analytics.Intake;

namespace Cnucnm.Analytics.Tests.Intake;

/// <summary>The group intake ledger's decisions, in milliseconds (the cluster tests drive the same rules through a group grain).</summary>
public sealed class IntakeLedgerTests
{
    private static readonly DateOnly Today = new(2026, 6, 20);

    /// <summary>A pen's complete days before <see cref="Today"/>: <paramref name="kgDm"/> per day, newest last.</summary>
    private static Dictionary<DateOnly, double> Days(params double[] kgDm) =>
        kgDm.Select((kg, i) => (Day: Today.AddDays(-(kgDm.Length - i)), kg)).ToDictionary(d => d.Day, d => d.kg);

    [Fact]
    public void A_total_with_more_readings_supersedes_the_one_held_and_a_late_smaller_one_does_not()
    {
        Assert.True(IntakeLedger.Supersedes(3, null));
        Assert.True(IntakeLedger.Supersedes(5, 4));
        Assert.False(IntakeLedger.Supersedes(4, 4));
        Assert.False(IntakeLedger.Supersedes(3, 4));
    }

    [Fact]
    public void A_drop_beyond_the_threshold_against_the_window_before_yesterday_is_reported_with_its_figures()
    {
        // Window 3: the days before yesterday are 1000, 1000, 1000 kg DM; yesterday 800: a 20 % drop, beyond 15 %.
        var drop = IntakeLedger.Drop(Days(1000, 1000, 1000, 800), Today, windowDays: 3, thresholdPercent: 15);

        Assert.NotNull(drop);
        Assert.Equal(Today.AddDays(-1), drop.Day);
        Assert.Equal(800, drop.DryMatterKg);
        Assert.Equal(1000, drop.MeanBeforeKg);
        Assert.Equal(3, drop.DaysBefore);
        Assert.Equal(20, drop.DropPercent, 9);
        Assert.Null(drop.Unusual); // fewer than 14 days before: the robust rule does not judge yet
    }

    [Fact]
    public void A_drop_within_the_threshold_in_a_short_history_is_not_reported()
    {
        Assert.Null(IntakeLedger.Drop(Days(1000, 1000, 1000, 900), Today, windowDays: 3, thresholdPercent: 15));
    }

    [Fact]
    public void A_small_drop_in_a_steady_pen_is_reported_by_the_robust_z_score()
    {
        // Fifteen steady days (±0.5 %), then 6 % less: within the 15 % threshold, but outside this pen's usual scatter. Over the 14
        // days before: median 1000, MAD 5, floored at 1 % of the median = 10; z = 0.6745 × (940 − 1000) / 10 = −4.05 < −3.5.
        var steady = Enumerable.Range(0, 15).Select(i => 1000 * (i % 2 == 0 ? 1.005 : 0.995)).Append(940).ToArray();

        var drop = IntakeLedger.Drop(Days(steady), Today, windowDays: 3, thresholdPercent: 15);

        Assert.NotNull(drop);
        Assert.NotNull(drop.Unusual);
        Assert.Equal(-4.05, drop.Unusual.RobustZScore, 2);
        Assert.InRange(drop.DropPercent, 5.5, 6.5); // 1 − 940 / 1001.7 (the three days before yesterday)
    }

    [Fact]
    public void Without_yesterday_or_the_days_before_it_there_is_nothing_to_judge()
    {
        var withoutYesterday = Days(1000, 1000, 1000, 500);
        withoutYesterday.Remove(Today.AddDays(-1));
        Assert.Null(IntakeLedger.Drop(withoutYesterday, Today, 3, 15));
        Assert.Null(IntakeLedger.Drop(Days(500), Today, 3, 15));
    }

    [Fact]
    public void Intake_over_the_whole_window_beyond_the_threshold_from_the_formulated_calls_for_a_reformulation()
    {
        // 40 head eating 880 kg DM a day for 3 days: 22 kg/head against 25 formulated, −12 %, beyond 10 %.
        var deviation = IntakeLedger.Deviation(Days(880, 880, 880), Today, windowDays: 3, headCount: 40, formulatedKgPerHead: 25, thresholdPercent: 10);

        Assert.NotNull(deviation);
        Assert.Equal(22, deviation.ObservedKgPerHead, 9);
        Assert.Equal(25, deviation.FormulatedKgPerHead);
        Assert.Equal(-12, deviation.DeviationPercent, 9);
        Assert.Equal(3, deviation.Days);
    }

    [Fact]
    public void Intake_within_the_threshold_an_incomplete_window_or_no_formulated_intake_calls_for_nothing()
    {
        Assert.Null(IntakeLedger.Deviation(Days(960, 960, 960), Today, 3, 40, 25, 10)); // 24 kg: −4 %
        Assert.Null(IntakeLedger.Deviation(Days(880, 880), Today, 3, 40, 25, 10)); // two of three days
        Assert.Null(IntakeLedger.Deviation(Days(880, 880, 880), Today, 3, 40, null, 10));
        Assert.Null(IntakeLedger.Deviation(Days(880, 880, 880), Today, 3, 0, 25, 10));
        Assert.NotNull(IntakeLedger.Deviation(Days(1120, 1120, 1120), Today, 3, 40, 25, 10)); // 28 kg: +12 %, the other way
    }
}
