namespace Cnucnm.Analytics.Kpis;

/// <summary>
/// What one group was fed and produced over a period (a day, a week, a month). Masses are totals for the group over
/// the period; costs are in the farm's currency.
/// </summary>
/// <param name="HeadDays">Σ head count over the days of the period (30 cows for 7 days = 210 head-days).</param>
/// <param name="FormulatedAsFedKg">What the approved ration called for over the period, kg as fed.</param>
/// <param name="DeliveredAsFedKg">What was loaded and delivered to the bunk, kg as fed.</param>
/// <param name="RefusedAsFedKg">Feed weighed back from the bunk, kg as fed.</param>
/// <param name="ConsumedDryMatterKg">Dry matter eaten (delivered DM − refused DM), kg DM.</param>
/// <param name="FeedCost">Cost of the feed delivered, farm currency; null when the feed is not priced.</param>
/// <param name="MilkKg">Milk shipped, kg; null when not recorded (growing cattle).</param>
/// <param name="LiveWeightGainKg">Body weight gained, kg live weight; null when not recorded (cows not weighed).</param>
/// <param name="RationInForce">A ration was in force over the period: false for days before the group's first ration (or
/// before the oldest version kept), whose formulated amount and feed cost are unknown.</param>
public sealed record FeedingPeriod(
    string Group,
    DateOnly From,
    DateOnly To,
    double HeadDays,
    double FormulatedAsFedKg,
    double DeliveredAsFedKg,
    double RefusedAsFedKg,
    double ConsumedDryMatterKg,
    double? FeedCost,
    double? MilkKg,
    double? LiveWeightGainKg,
    bool RationInForce = true)
{
    /// <summary>Calendar days the period covers.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;
}
