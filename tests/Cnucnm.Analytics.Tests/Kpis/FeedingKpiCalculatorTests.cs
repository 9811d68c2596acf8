using Cnucnm.Analytics.Kpis;
using CsCheck;

namespace Cnucnm.Analytics.Tests.Kpis;

public sealed class FeedingKpiCalculatorTests
{
    private static readonly DateOnly From = new(2026, 11, 1);

    // 30 cows for 7 days = 210 head-days. Formulated 50 kg as fed/head/d = 10,500 kg; delivered 98 % = 10,290 kg;
    // 5 % of that refused = 514.5 kg; 22 kg DM/head/d eaten = 4,620 kg DM; feed 10,000 won/head/d = 2,100,000 won;
    // milk 30 kg/head/d = 6,300 kg sold at 1,100 won/kg; the cows were not weighed.
    private static readonly FeedingPeriod Cows = new("high cows", From, From.AddDays(6), 210, 10_500, 10_290, 514.5, 4_620, 2_100_000, 6_300, null);

    // 20 Hanwoo steers for 30 days = 600 head-days; 9 kg DM/head/d = 5,400 kg DM; 6,000 won/head/d = 3,600,000 won;
    // 0.9 kg/d gain = 540 kg live weight; carcass 20,000 won/kg at 60 % dressing = 12,000 won per kg live gain.
    private static readonly FeedingPeriod Steers = new("finishing steers", From, From.AddDays(29), 600, 12_000, 12_000, 0, 5_400, 3_600_000, null, 540);

    private static readonly ProductPrices Prices = new(MilkPerKg: 1_100, CarcassPerKg: 20_000, DressingPercent: 60);

    [Fact]
    public void Dairy_group_kpis_worked_by_hand()
    {
        var kpis = FeedingKpiCalculator.ForGroup(Cows, Prices);

        Assert.Equal(22, kpis.DryMatterIntakeKgPerHeadPerDay, 9);
        Assert.Equal(10_000, kpis.FeedCostPerHeadPerDay!.Value, 9);
        Assert.Equal(333.333333, kpis.FeedCostPerKgMilk!.Value, 5);       // 2,100,000 / 6,300
        Assert.Null(kpis.FeedCostPerKgGain);
        Assert.Equal(23_000, kpis.IncomeOverFeedCostPerHeadPerDay!.Value, 9);      // (6,930,000 − 2,100,000) / 210
        Assert.Equal(1.363636, kpis.MilkKgPerKgDryMatter!.Value, 5);        // 6,300 / 4,620
        Assert.Null(kpis.GainKgPerKgDryMatter);
        Assert.Equal(5.0, kpis.RefusalsPercentOfDelivered!.Value, 9);       // 514.5 / 10,290
        Assert.Equal(98.0, kpis.RationCompliancePercent!.Value, 9);         // 10,290 / 10,500
        Assert.Equal(From.AddDays(6), kpis.To);
    }

    [Fact]
    public void Beef_group_kpis_value_gain_as_carcass_worked_by_hand()
    {
        var kpis = FeedingKpiCalculator.ForGroup(Steers, Prices);

        Assert.Equal(12_000, Prices.LiveWeightGainPerKg, 9);
        Assert.Equal(6_000, kpis.FeedCostPerHeadPerDay!.Value, 9);
        Assert.Equal(6_666.666667, kpis.FeedCostPerKgGain!.Value, 5);       // 3,600,000 / 540
        Assert.Null(kpis.FeedCostPerKgMilk);
        Assert.Equal(4_800, kpis.IncomeOverFeedCostPerHeadPerDay!.Value, 9);       // (540 × 12,000 − 3,600,000) / 600
        Assert.Equal(0.1, kpis.GainKgPerKgDryMatter!.Value, 9);             // 540 / 5,400
        Assert.Equal(0, kpis.RefusalsPercentOfDelivered!.Value);
        Assert.Equal(100, kpis.RationCompliancePercent!.Value, 9);
    }

    [Fact]
    public void Farm_kpis_are_ratios_of_summed_totals_not_means_of_group_ratios()
    {
        var farm = FeedingKpiCalculator.Combined("farm", [Cows, Steers], Prices);

        Assert.Equal(810, farm.HeadDays);
        Assert.Equal(5_700_000 / 810.0, farm.FeedCostPerHeadPerDay!.Value, 9);     // 7,037.04, not (10,000 + 6,000)/2
        Assert.Equal((6_930_000 + 6_480_000 - 5_700_000) / 810.0, farm.IncomeOverFeedCostPerHeadPerDay!.Value, 9);
        Assert.Equal(100 * 514.5 / 22_290, farm.RefusalsPercentOfDelivered!.Value, 9);
        // Per kg of milk or gain only the groups producing it count: the steers' feed is no cost of the cows' milk.
        Assert.Equal(333.333333, farm.FeedCostPerKgMilk!.Value, 5);
        Assert.Equal(6_666.666667, farm.FeedCostPerKgGain!.Value, 5);
        Assert.Equal(1.363636, farm.MilkKgPerKgDryMatter!.Value, 5);
        Assert.Equal(0.1, farm.GainKgPerKgDryMatter!.Value, 9);
        Assert.Equal(100 * 22_290 / 22_500.0, farm.RationCompliancePercent!.Value, 9);
        Assert.Equal(From, farm.From);
        Assert.Equal(From.AddDays(29), farm.To);
    }

    [Fact]
    public void Unpriced_feed_leaves_every_cost_figure_null_and_the_rest_intact()
    {
        var farm = FeedingKpiCalculator.Combined("farm", [Cows, Steers with { FeedCost = null }], Prices);

        Assert.Null(farm.FeedCostPerHeadPerDay);
        Assert.Null(farm.FeedCostPerKgMilk);
        Assert.Null(farm.FeedCostPerKgGain);
        Assert.Null(farm.IncomeOverFeedCostPerHeadPerDay);
        Assert.Equal(10_020 / 810.0, farm.DryMatterIntakeKgPerHeadPerDay, 9);
        Assert.Equal(10_000, FeedingKpiCalculator.ForGroup(Cows, Prices).FeedCostPerHeadPerDay);
    }

    /// <summary>Issue 23's 3,188 %: a pen fed for 31 days whose first ration came on the last day. Its deliveries of the 30 days
    /// before had no formulation to be compared with; counted against the last day's, compliance was 31 × what was fed.</summary>
    [Fact]
    public void Days_without_a_ration_are_left_out_of_compliance_and_cost_and_counted()
    {
        // 40 cows, 2,000 kg as fed delivered a day; the ration of the last day calls for 2,050 kg at 180 won/kg as fed.
        var days = Enumerable.Range(0, 31).Select(i => new FeedingPeriod("high cows", From.AddDays(i), From.AddDays(i), 40,
            i == 30 ? 2_050 : 0, 2_000, 100, 880, i == 30 ? 360_000 : null, 1_200, null, RationInForce: i == 30)).ToList();

        var kpis = FeedingKpiCalculator.Combined("high cows", days, Prices);

        Assert.Equal(100 * 2_000 / 2_050.0, kpis.RationCompliancePercent!.Value, 9);   // 97.6 %, not 3,024 %
        Assert.Equal(30, kpis.DaysWithoutRation);
        Assert.Equal(9_000, kpis.FeedCostPerHeadPerDay!.Value, 9);                     // 360,000 / 40 head-days with a ration
        Assert.Equal(300, kpis.FeedCostPerKgMilk!.Value, 9);                           // 360,000 / 1,200 kg
        Assert.Equal((1_200 * 1_100 - 360_000) / 40.0, kpis.IncomeOverFeedCostPerHeadPerDay!.Value, 9);
        Assert.Equal(22, kpis.DryMatterIntakeKgPerHeadPerDay, 9);                      // intake counts every day: 880 / 40
        Assert.Equal(5, kpis.RefusalsPercentOfDelivered!.Value, 9);
        Assert.Null(FeedingKpiCalculator.Combined("new pen", days[..30], Prices).RationCompliancePercent);
        Assert.Null(FeedingKpiCalculator.Combined("new pen", days[..30], Prices).FeedCostPerHeadPerDay);
    }

    /// <summary>Over generated days, some without a ration: compliance is the delivered share of what the days with a ration called
    /// for, so it stays within the range of those days' own ratios, whatever the other days delivered; refusals stay within 0–100 %.</summary>
    [Fact]
    public void Compliance_stays_within_the_range_of_the_days_with_a_ration()
    {
        var day = Gen.Select(Gen.Double[500, 3_000], Gen.Double[0.7, 1.3], Gen.Double[0, 0.2], Gen.Bool,
            (formulated, fed, refused, rationed) => (Formulated: formulated, Delivered: formulated * fed, Refused: formulated * fed * refused, Rationed: rationed));
        day.Array[1, 60].Sample(generated =>
        {
            var days = generated.Select((d, i) => new FeedingPeriod("pen", From.AddDays(i), From.AddDays(i), 40, d.Rationed ? d.Formulated : 0,
                d.Delivered, d.Refused, d.Delivered * 0.45, d.Rationed ? d.Delivered * 0.2 : null, null, null, d.Rationed)).ToList();
            var kpis = FeedingKpiCalculator.Combined("pen", days, Prices);
            var ratios = generated.Where(d => d.Rationed).Select(d => 100 * d.Delivered / d.Formulated).ToList();
            return kpis.DaysWithoutRation == generated.Count(d => !d.Rationed)
                && (ratios.Count == 0
                    ? kpis.RationCompliancePercent is null && kpis.FeedCostPerHeadPerDay is null
                    : kpis.RationCompliancePercent >= ratios.Min() - 1e-9 && kpis.RationCompliancePercent <= ratios.Max() + 1e-9)
                && kpis.RefusalsPercentOfDelivered is >= 0 and <= 100;
        }, iter: 300);
    }

    [Fact]
    public void Impossible_periods_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FeedingKpiCalculator.ForGroup(Cows with { HeadDays = 0 }, Prices));
        Assert.Throws<ArgumentException>(() => FeedingKpiCalculator.ForGroup(Cows with { RefusedAsFedKg = 20_000 }, Prices));
        Assert.Throws<ArgumentException>(() => FeedingKpiCalculator.ForGroup(Cows with { FeedCost = -1 }, Prices));
        Assert.Throws<ArgumentException>(() => FeedingKpiCalculator.Combined("farm", [], Prices));
    }
}
