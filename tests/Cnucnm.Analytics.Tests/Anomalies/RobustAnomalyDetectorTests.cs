using Cnucnm.Analytics.Anomalies;

namespace Cnucnm.Analytics.Tests.Anomalies;

public sealed class RobustAnomalyDetectorTests
{
    private static readonly DateOnly Start = new(2026, 7, 1);

    private static List<DailyValue> Series(params double[] values) => values.Select((v, i) => new DailyValue(Start.AddDays(i), v)).ToList();

    [Fact]
    public void Modified_z_score_worked_by_hand()
    {
        // Window 22, 22.6, 21.4, 22.3, 21.7, 22, 22.9: median 22.0; |deviations| 0, .6, .6, .3, .3, 0, .9 → MAD 0.3
        // (above the 1 % floor of 0.22). Day 8 at 20 kg: z = 0.6745 × (20 − 22)/0.3 = −4.4967.
        var anomaly = Assert.Single(RobustAnomalyDetector.Detect(Series(22, 22.6, 21.4, 22.3, 21.7, 22, 22.9, 20), AnomalyDirection.Drop, windowDays: 7));

        Assert.Equal(Start.AddDays(7), anomaly.Date);
        Assert.Equal(22.0, anomaly.RecentMedian, 9);
        Assert.Equal(0.3, anomaly.RecentMedianAbsoluteDeviation, 9);
        Assert.Equal(-4.4967, anomaly.RobustZScore, 4);
    }

    [Fact]
    public void A_flat_series_uses_one_percent_of_the_median_as_its_mad()
    {
        // MAD 0 → 0.22 kg (1 % of 22): 21.9 kg scores 0.6745 × −0.1/0.22 = −0.31, 21 kg scores −3.07, 20 kg −6.13.
        Assert.Empty(RobustAnomalyDetector.Detect(Series(22, 22, 22, 22, 22, 22, 22, 21.9), AnomalyDirection.Drop, windowDays: 7));
        Assert.Empty(RobustAnomalyDetector.Detect(Series(22, 22, 22, 22, 22, 22, 22, 21), AnomalyDirection.Drop, windowDays: 7));
        Assert.Equal(-6.1318, Assert.Single(RobustAnomalyDetector.Detect(Series(22, 22, 22, 22, 22, 22, 22, 20), AnomalyDirection.Drop, windowDays: 7)).RobustZScore, 4);
    }

    [Fact]
    public void Only_the_planted_intake_drop_is_flagged_in_two_months_of_noisy_days()
    {
        var noise = SyntheticNoise.Normal(0.4, seed: 17);
        var values = Enumerable.Range(0, 60).Select(d => 22 + 0.01 * d + noise()).ToArray();
        values[40] -= 4.5;      // a 20 % drop: a sick pen, an empty water trough
        values[50] += 4.5;      // a rise is not a drop

        var drops = RobustAnomalyDetector.Detect(Series(values), AnomalyDirection.Drop);

        var drop = Assert.Single(drops);
        Assert.Equal(Start.AddDays(40), drop.Date);
        Assert.True(drop.RobustZScore < -3.5);
    }

    [Fact]
    public void Cost_spikes_are_rises_of_the_same_detector()
    {
        var costs = Series(9_800, 10_000, 10_100, 9_900, 10_050, 9_950, 10_000, 10_020, 13_000, 10_010);

        var spike = Assert.Single(RobustAnomalyDetector.Detect(costs, AnomalyDirection.Rise, windowDays: 7));
        Assert.Equal(Start.AddDays(8), spike.Date);
        Assert.Empty(RobustAnomalyDetector.Detect(costs, AnomalyDirection.Drop, windowDays: 7));
    }

    [Fact]
    public void Days_before_a_full_window_are_not_judged()
    {
        Assert.Empty(RobustAnomalyDetector.Detect(Series(22, 22, 22, 22, 22, 22, 5), AnomalyDirection.Drop, windowDays: 7));
        Assert.Empty(RobustAnomalyDetector.Detect(Series([.. Enumerable.Repeat(22.0, 13), 5]), AnomalyDirection.Drop));
        Assert.Throws<ArgumentException>(() => RobustAnomalyDetector.Detect(Series(22, double.NaN), AnomalyDirection.Drop, windowDays: 7));
    }
}
