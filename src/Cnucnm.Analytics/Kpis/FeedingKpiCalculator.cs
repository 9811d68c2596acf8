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

        var headDays = periods.Sum(p => p.HeadDays);
        var formulated = periods.Sum(p => p.FormulatedAsFedKg);
        var delivered = periods.Sum(p => p.DeliveredAsFedKg);
        var refused = periods.Sum(p => p.RefusedAsFedKg);
        var dryMatter = periods.Sum(p => p.ConsumedDryMatterKg);
        var priced = periods.All(p => p.FeedCost is not null);
        var cost = periods.Sum(p => p.FeedCost ?? 0);
        var milking = periods.Where(p => p.MilkKg is not null).ToList();
        var growing = periods.Where(p => p.LiveWeightGainKg is not null).ToList();
        var milk = milking.Sum(p => p.MilkKg!.Value);
        var gain = growing.Sum(p => p.LiveWeightGainKg!.Value);
        var income = milk * prices.MilkPerKg + gain * prices.LiveWeightGainPerKg;

        return new FeedingKpis(
            scope,
            periods.Min(p => p.From),
            periods.Max(p => p.To),
            headDays,
            dryMatter / headDays,
            priced ? cost / headDays : null,
            priced ? Ratio(milking.Sum(p => p.FeedCost!.Value), milk) : null,
            priced ? Ratio(growing.Sum(p => p.FeedCost!.Value), gain) : null,
            priced ? (income - cost) / headDays : null,
            milking.Count > 0 ? Ratio(milk, milking.Sum(p => p.ConsumedDryMatterKg)) : null,
            growing.Count > 0 ? Ratio(gain, growing.Sum(p => p.ConsumedDryMatterKg)) : null,
            Ratio(100 * refused, delivered),
            Ratio(100 * delivered, formulated));
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
