namespace Cnucnm.Analytics.Kpis;

/// <summary>
/// Farm feeding KPIs of one group, or of the farm, over a period. Money is in the farm's currency. A ratio whose
/// denominator is zero or not recorded (no milk, no weighings) is null rather than infinite or a misleading 0, and
/// so is every cost figure when the feed of any period in scope is not priced. Figures that need the ration in force
/// (compliance and every cost figure) count only the days that had one; those without are left out and counted
/// (<paramref name="DaysWithoutRation"/>); intake, refusals and feed efficiency count every day.
/// </summary>
/// <param name="DryMatterIntakeKgPerHeadPerDay">Consumed DM / head-days, kg DM per head per day.</param>
/// <param name="FeedCostPerHeadPerDay">Feed cost / head-days.</param>
/// <param name="FeedCostPerKgMilk">Feed cost / milk kg.</param>
/// <param name="FeedCostPerKgGain">Feed cost / kg live weight gain.</param>
/// <param name="IncomeOverFeedCostPerHeadPerDay">(milk kg × milk price + gain kg × carcass price × dressing − feed
/// cost) / head-days.</param>
/// <param name="MilkKgPerKgDryMatter">Feed efficiency of milk: milk kg / consumed DM kg.</param>
/// <param name="GainKgPerKgDryMatter">Feed efficiency of growth: live weight gain kg / consumed DM kg.</param>
/// <param name="RefusalsPercentOfDelivered">Refused as fed / delivered as fed × 100.</param>
/// <param name="RationCompliancePercent">Delivered as fed / formulated as fed × 100 over the days with a ration (100 = fed as formulated).</param>
/// <param name="DaysWithoutRation">Group-days in scope without a ration in force, left out of compliance and cost figures.</param>
public sealed record FeedingKpis(
    string Scope,
    DateOnly From,
    DateOnly To,
    double HeadDays,
    double DryMatterIntakeKgPerHeadPerDay,
    double? FeedCostPerHeadPerDay,
    double? FeedCostPerKgMilk,
    double? FeedCostPerKgGain,
    double? IncomeOverFeedCostPerHeadPerDay,
    double? MilkKgPerKgDryMatter,
    double? GainKgPerKgDryMatter,
    double? RefusalsPercentOfDelivered,
    double? RationCompliancePercent,
    int DaysWithoutRation);
