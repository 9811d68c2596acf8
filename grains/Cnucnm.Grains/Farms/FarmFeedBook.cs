using Cnucnm.Contracts.Farms;

namespace Cnucnm.Grains.Farms;

/// <summary>
/// The decisions of a farm's feed book (issue 21: decisions in pure cores, effects in grains): which price is in force on a day,
/// what a new price changes and whether the change calls for a re-formulation, what feed use does to the stock, how many days the
/// stock lasts, and whether its low-stock alert is raised or closed. The farm grain holds the feeds, asks these, saves, then
/// raises the alerts, publishes the events and updates the rations. Amounts are kg as fed; prices per kg as fed unless named.
/// </summary>
public static class FarmFeedBook
{
    /// <summary>Days of use kept per feed (the stock estimate reads the last 7 complete ones).</summary>
    public const int UseHistoryDays = 14;

    /// <summary>Complete days the mean daily use is taken over.</summary>
    public const int UseMeanDays = 7;

    /// <summary>The price in force on a day (the latest taking effect on or before it), per kg as fed: a per-tonne-as-fed price
    /// divided by 1,000; a per-kg-DM price times the feed's dry matter fraction (kg DM per kg as fed). Null before the first price.</summary>
    public static decimal? PricePerKgAsFed(FarmFeedState feed, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var price = feed.Prices.LastOrDefault(p => p.EffectiveFrom <= day);
        return price is null ? null
            : price.Basis == PriceBasis.PerTonneAsFed ? price.Amount / 1000m
            : price.Amount * (decimal)(feed.Definition!.DryMatterPercent / 100);
    }

    /// <summary>A price added to the history: one price per date (a second price from the same date replaces the first), kept in
    /// date order.</summary>
    public static FarmFeedState WithPrice(FarmFeedState feed, FeedPrice price)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return feed with { Prices = [.. feed.Prices.Where(p => p.EffectiveFrom != price.EffectiveFrom).Append(price).OrderBy(p => p.EffectiveFrom)] };
    }

    /// <summary>
    /// What a new price does on <paramref name="today"/>: the price in force before and after, the change in percent, and whether
    /// the rations follow. A change of the price in force (a price from a later date changes nothing today) refreshes the rations'
    /// costs; a change beyond the farm's threshold (either way) re-formulates them by the farm's policy and raises a price alert.
    /// A first price (nothing in force before) has no percent, so it only re-costs.
    /// </summary>
    public static PriceChange SetPrice(FarmFeedState feed, FeedPrice price, DateOnly today, double thresholdPercent)
    {
        var before = PricePerKgAsFed(feed, today);
        var updated = WithPrice(feed, price);
        var after = PricePerKgAsFed(updated, today);
        var changePercent = before is > 0 && after is not null ? (double)((after.Value - before.Value) / before.Value * 100) : (double?)null;
        var changed = before != after;
        var reformulate = changed && changePercent is { } percent && Math.Abs(percent) > thresholdPercent;
        return new PriceChange(updated, before, after, changePercent, changed, reformulate);
    }

    /// <summary>A new definition changes the rations with this feed (supply, and a lab analysis calls for a re-formulation) when
    /// it replaces a different one; a new feed is in no ration yet.</summary>
    public static bool DefinitionChanges(FarmFeedState? existing, FarmFeedDefinition definition) =>
        existing?.Definition is { } old && old != definition;

    /// <summary>
    /// Feed use from intake readings: added to each feed's use of its day (days older than <see cref="UseHistoryDays"/> before
    /// <paramref name="today"/> dropped) and taken off its stock, never below zero (a feed without a stock count keeps none).
    /// Use of a feed not on the list is ignored.
    /// </summary>
    /// <returns>The feeds after the use, and the ids of those it touched.</returns>
    public static (IReadOnlyDictionary<string, FarmFeedState> Feeds, IReadOnlyList<string> Touched) RecordUse(
        IReadOnlyDictionary<string, FarmFeedState> feeds, IReadOnlyList<FeedUse> uses, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(uses);
        var next = new Dictionary<string, FarmFeedState>(feeds);
        var touched = new List<string>();
        var oldest = today.AddDays(-UseHistoryDays);
        foreach (var byFeed in uses.GroupBy(u => u.FeedId))
        {
            if (!next.TryGetValue(byFeed.Key, out var feed))
            {
                continue;
            }

            var daily = new Dictionary<DateOnly, double>(feed.DailyUseKgAsFed);
            foreach (var use in byFeed)
            {
                daily[use.Day] = daily.GetValueOrDefault(use.Day) + use.KgAsFed;
            }

            var used = byFeed.Sum(u => u.KgAsFed);
            next[byFeed.Key] = feed with
            {
                DailyUseKgAsFed = daily.Where(d => d.Key >= oldest).ToDictionary(),
                InventoryKgAsFed = feed.InventoryKgAsFed is { } stock ? Math.Max(0, stock - used) : null,
            };
            touched.Add(byFeed.Key);
        }

        return (next, touched);
    }

    /// <summary>The feed's use per day, kg as fed: the mean of the last <see cref="UseMeanDays"/> complete days (the latest day
    /// recorded is still filling and would understate use); with only one day recorded, that day. Null without use.</summary>
    public static double? MeanDailyUse(FarmFeedState feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var days = feed.DailyUseKgAsFed.OrderByDescending(d => d.Key).Skip(1).Take(UseMeanDays).ToList();
        if (days.Count > 0)
        {
            return days.Average(d => d.Value);
        }

        var only = feed.DailyUseKgAsFed.Values.DefaultIfEmpty().Max();
        return only > 0 ? only : null;
    }

    /// <summary>Days the stock lasts at the mean daily use; null without a stock count or use.</summary>
    public static double? DaysOfStock(FarmFeedState feed)
    {
        var use = MeanDailyUse(feed);
        return feed.InventoryKgAsFed is { } stock && use is > 0 ? stock / use.Value : null;
    }

    /// <summary>
    /// The low-stock alert of a feed: raised when the stock lasts fewer than the farm's <paramref name="warningDays"/> at its use
    /// (critical below one day); closed when a stock count by hand (<paramref name="counted"/>) lasts at least that long. Use only
    /// lowers the stock, so a check after use never closes (and costs no store call on the ingest path). Nothing without a
    /// stock count or use.
    /// </summary>
    public static StockAlertDecision CheckStock(FarmFeedState feed, int warningDays, bool counted)
    {
        var use = MeanDailyUse(feed);
        if (feed.InventoryKgAsFed is not { } stock || use is not > 0)
        {
            return StockAlertDecision.None;
        }

        var daysLeft = stock / use.Value;
        if (daysLeft < warningDays)
        {
            return new StockAlertDecision(StockAlertAction.Raise, daysLeft < 1, daysLeft, stock, use.Value);
        }

        return counted ? new StockAlertDecision(StockAlertAction.Close, false, daysLeft, stock, use.Value) : StockAlertDecision.None;
    }

    /// <summary>The feed as the farm lists it on a day: the price in force, the history, the stock and the use per day.</summary>
    public static FarmFeed ToFarmFeed(FarmFeedState feed, DateOnly day) =>
        new(feed.Definition!, PricePerKgAsFed(feed, day), feed.Prices, feed.InventoryKgAsFed, MeanDailyUse(feed));

    /// <summary>The alert key of a feed's low stock (one open alert per feed).</summary>
    public static string StockAlertKey(string feedId) => $"inventory:{feedId}";
}

/// <summary>A price added to a feed's history, as it stands on the day it was set.</summary>
/// <param name="Feed">The feed with the new price in its history.</param>
/// <param name="Before">Price in force before, per kg as fed.</param>
/// <param name="After">Price in force after, per kg as fed.</param>
/// <param name="ChangePercent">The change of the price in force, % of the price before (null without a price before).</param>
/// <param name="Changed">The price in force changed: the rations using the feed are re-costed.</param>
/// <param name="Reformulate">The change is beyond the farm's threshold: re-formulate by the farm's policy and raise a price alert.</param>
public sealed record PriceChange(FarmFeedState Feed, decimal? Before, decimal? After, double? ChangePercent, bool Changed, bool Reformulate);

public enum StockAlertAction
{
    None = 0,
    Raise = 1,
    Close = 2,
}

/// <param name="Critical">The stock lasts less than a day.</param>
/// <param name="DaysLeft">Days the stock lasts at <paramref name="UseKgAsFedPerDay"/>.</param>
/// <param name="StockKgAsFed">Stock on hand, kg as fed.</param>
/// <param name="UseKgAsFedPerDay">Mean daily use, kg as fed per day.</param>
public sealed record StockAlertDecision(StockAlertAction Action, bool Critical, double DaysLeft, double StockKgAsFed, double UseKgAsFedPerDay)
{
    public static StockAlertDecision None { get; } = new(StockAlertAction.None, false, 0, 0, 0);
}
