using Cnucnm.Contracts.Farms;

namespace Cnucnm.Api.Feeds;

/// <summary>An imported price far from the feed's recent prices: both per kg as fed, and the change in %.</summary>
public sealed record LargePriceChange(int Row, string FeedId, DateOnly EffectiveFrom, decimal PricePerKgAsFed, decimal RecentPricePerKgAsFed, double ChangePercent);

/// <summary>
/// Checks imported prices against the feed's recent ones, so a unit slip (a price per kg DM sent as 0.48 instead of
/// 480, a price per tonne sent per kg) is held for confirmation instead of being applied and formulated on. The
/// recent price is the median, per kg as fed, of the prices in effect in the <see cref="WindowDays"/> days before the
/// new price's date (the latest earlier price when none falls in them), the file's earlier rows of the same feed
/// included. A price below 1/<see cref="MaxRatio"/> or above <see cref="MaxRatio"/> times it is a large change.
/// The limit is a policy, not a market figure: feed prices that halve or double within a year are rare enough that
/// asking once costs little, while a slip of units moves a price by a factor of 1,000.
/// </summary>
public static class PricePlausibility
{
    public const int WindowDays = 365;

    public const double MaxRatio = 2.0;

    public static IReadOnlyList<LargePriceChange> Check(IReadOnlyList<PriceListRow> rows, IReadOnlyDictionary<string, FarmFeed> feeds)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(feeds);
        var changes = new List<LargePriceChange>();
        foreach (var feedRows in rows.GroupBy(r => r.FeedId))
        {
            if (!feeds.TryGetValue(feedRows.Key, out var feed))
            {
                continue;
            }

            var dryMatterPercent = feed.Definition.DryMatterPercent;
            var known = feed.PriceHistory.Select(p => (p.EffectiveFrom, PerKg: PerKgAsFed(p, dryMatterPercent))).ToList();
            foreach (var row in feedRows.OrderBy(r => r.Price.EffectiveFrom))
            {
                var price = PerKgAsFed(row.Price, dryMatterPercent);
                if (Recent(known, row.Price.EffectiveFrom) is { } recent && recent > 0)
                {
                    var ratio = (double)(price / recent);
                    if (ratio < 1 / MaxRatio || ratio > MaxRatio)
                    {
                        changes.Add(new LargePriceChange(row.Row, row.FeedId, row.Price.EffectiveFrom, price, recent, Math.Round((ratio - 1) * 100, 1)));
                    }
                }

                known.Add((row.Price.EffectiveFrom, price));
            }
        }

        return [.. changes.OrderBy(c => c.Row)];
    }

    /// <summary>Per kg as fed: a price per tonne as fed / 1000, a price per kg DM × DM (as FarmFeedBook.PricePerKgAsFed).</summary>
    public static decimal PerKgAsFed(FeedPrice price, double dryMatterPercent)
    {
        ArgumentNullException.ThrowIfNull(price);
        return price.Basis == PriceBasis.PerTonneAsFed ? price.Amount / 1000m : price.Amount * (decimal)(dryMatterPercent / 100);
    }

    private static decimal? Recent(List<(DateOnly EffectiveFrom, decimal PerKg)> known, DateOnly day)
    {
        var before = known.Where(k => k.EffectiveFrom < day).OrderBy(k => k.EffectiveFrom).ToList();
        if (before.Count == 0)
        {
            return null;
        }

        var window = before.Where(k => k.EffectiveFrom >= day.AddDays(-WindowDays)).Select(k => k.PerKg).Order().ToList();
        if (window.Count == 0)
        {
            return before[^1].PerKg;
        }

        return window.Count % 2 == 1 ? window[window.Count / 2] : (window[window.Count / 2 - 1] + window[window.Count / 2]) / 2;
    }
}
