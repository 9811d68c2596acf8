namespace Cnucnm.Analytics.Kpis;

/// <summary>
/// Computes <see cref="FeedingKpis"/> from what was fed and produced. Farm and multi-day figures sum the totals first
/// and divide once (a ratio of sums), so a small group does not weigh as much as a large one. Figures per kg of milk
/// (or gain) count only the groups that record milk (or gain): the steers' feed is not a cost of the cows' milk.
/// </summary>
public static class FeedingKpiCalculator
{
    public static FeedingKpis ForGroup(FeedingPeriod period, ProductPrices prices)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Compute(period.Group, [period], prices);
    }

    /// <summary>The farm over the periods of all its groups (or one group over several periods).</summary>
    public static FeedingKpis Combined(string scope, IReadOnlyList<FeedingPeriod> periods, ProductPrices prices)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new ArgumentException("at least one feeding period is needed.", nameof(periods));
        }

        return Compute(scope, periods, prices);
    }

    private static FeedingKpis Compute(string scope, IReadOnlyList<FeedingPeriod> periods, ProductPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        foreach (var p in periods)
        {
            Validate(p);
        }

        // Every day: intake, refusals, feed efficiency.
        var headDays = periods.Sum(p => p.HeadDays);
        var delivered = periods.Sum(p => p.DeliveredAsFedKg);
        var refused = periods.Sum(p => p.RefusedAsFedKg);
        var dryMatter = periods.Sum(p => p.ConsumedDryMatterKg);
        var milking = periods.Where(p => p.MilkKg is not null).ToList();
        var growing = periods.Where(p => p.LiveWeightGainKg is not null).ToList();

        // Days with a ration in force: compliance and cost. A day without one has no formulated amount and no cost per kg;
        // counting its deliveries against the other days' formulation gave compliance in the thousands of percent.
        var rationed = periods.Where(p => p.RationInForce).ToList();
        var rationedHeadDays = rationed.Sum(p => p.HeadDays);
        var priced = rationed.Count > 0 && rationed.All(p => p.FeedCost is not null);
        var cost = rationed.Sum(p => p.FeedCost ?? 0);
        var rationedMilking = rationed.Where(p => p.MilkKg is not null).ToList();
        var rationedGrowing = rationed.Where(p => p.LiveWeightGainKg is not null).ToList();
        var milkWithRation = rationedMilking.Sum(p => p.MilkKg!.Value);
        var gainWithRation = rationedGrowing.Sum(p => p.LiveWeightGainKg!.Value);
        var income = milkWithRation * prices.MilkPerKg + gainWithRation * prices.LiveWeightGainPerKg;

        return new FeedingKpis(
            scope,
            periods.Min(p => p.From),
            periods.Max(p => p.To),
            headDays,
            dryMatter / headDays,
            priced ? cost / rationedHeadDays : null,
            priced ? Ratio(rationedMilking.Sum(p => p.FeedCost!.Value), milkWithRation) : null,
            priced ? Ratio(rationedGrowing.Sum(p => p.FeedCost!.Value), gainWithRation) : null,
            priced ? (income - cost) / rationedHeadDays : null,
            milking.Count > 0 ? Ratio(milking.Sum(p => p.MilkKg!.Value), milking.Sum(p => p.ConsumedDryMatterKg)) : null,
            growing.Count > 0 ? Ratio(growing.Sum(p => p.LiveWeightGainKg!.Value), growing.Sum(p => p.ConsumedDryMatterKg)) : null,
            Ratio(100 * refused, delivered),
            Ratio(100 * rationed.Sum(p => p.DeliveredAsFedKg), rationed.Sum(p => p.FormulatedAsFedKg)),
            periods.Where(p => !p.RationInForce).Sum(p => p.Days));
    }

    private static double? Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : null;

    private static void Validate(FeedingPeriod p)
    {
        if (!(p.HeadDays > 0))
        {
            throw new ArgumentException($"group {p.Group}: head-days must be > 0.", nameof(p));
        }

        double[] masses = [p.FormulatedAsFedKg, p.DeliveredAsFedKg, p.RefusedAsFedKg, p.ConsumedDryMatterKg, p.FeedCost ?? 0, p.MilkKg ?? 0];
        if (masses.Any(m => !(m >= 0)) || !double.IsFinite(p.LiveWeightGainKg ?? 0))
        {
            throw new ArgumentException($"group {p.Group}: feed masses, cost and milk must be ≥ 0 and gain finite.", nameof(p));
        }

        if (p.RefusedAsFedKg > p.DeliveredAsFedKg)
        {
            throw new ArgumentException($"group {p.Group}: refusals exceed the feed delivered.", nameof(p));
        }

        if (p.To < p.From)
        {
            throw new ArgumentException($"group {p.Group}: the period ends before it starts.", nameof(p));
        }
    }
}
