using Cnucnm.Contracts.Farms;
using Cnucnm.Grains.Farms;

namespace Cnucnm.Cluster.Tests.Farms;

/// <summary>The farm feed book's decisions (pure, no cluster): dated prices, what a price change does to the rations, feed use
/// and stock, and the low-stock alert.</summary>
public sealed class FarmFeedBookTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    private static readonly FarmFeedState Canola = new()
    {
        Definition = new FarmFeedDefinition("canola-meal", "Canola meal", "nasem:Canola meal", 89, new Dictionary<string, double>(), false),
        Prices = [Price(2026, 1, 1, 560_000)],
    };

    private static FeedPrice Price(int year, int month, int day, decimal perTonne) =>
        new(new DateOnly(year, month, day), perTonne, PriceBasis.PerTonneAsFed, "co-op");

    [Fact]
    public void The_price_in_force_is_the_latest_from_on_or_before_the_day()
    {
        var feed = FarmFeedBook.WithPrice(FarmFeedBook.WithPrice(Canola, Price(2026, 12, 20, 700_000)), Price(2026, 6, 1, 600_000));

        Assert.Null(FarmFeedBook.PricePerKgAsFed(feed, new DateOnly(2025, 12, 31)));
        Assert.Equal(560m, FarmFeedBook.PricePerKgAsFed(feed, new DateOnly(2026, 5, 31)));
        Assert.Equal(600m, FarmFeedBook.PricePerKgAsFed(feed, new DateOnly(2026, 6, 1)));
        Assert.Equal(600m, FarmFeedBook.PricePerKgAsFed(feed, Today));
        Assert.Equal(700m, FarmFeedBook.PricePerKgAsFed(feed, new DateOnly(2026, 12, 20)));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 20)], feed.Prices.Select(p => p.EffectiveFrom));
    }

    [Fact]
    public void A_second_price_from_the_same_date_replaces_the_first()
    {
        var feed = FarmFeedBook.WithPrice(Canola, Price(2026, 1, 1, 580_000));

        Assert.Equal(580_000m, Assert.Single(feed.Prices).Amount);
    }

    [Fact]
    public void A_price_per_kg_dry_matter_is_converted_with_the_feeds_dry_matter()
    {
        var feed = FarmFeedBook.WithPrice(Canola, new FeedPrice(new DateOnly(2026, 12, 1), 0.70m, PriceBasis.PerKgDryMatter, null));

        // 0.70 per kg DM × 0.89 kg DM per kg as fed.
        Assert.Equal(0.623m, FarmFeedBook.PricePerKgAsFed(feed, Today));
    }

    [Theory]
    [InlineData(644_000, 15.0, true)] // +15 %, beyond the default 5 %
    [InlineData(532_000, -5.0, false)] // −5 %: at the threshold, not beyond it
    [InlineData(476_000, -15.0, true)] // falls count too
    [InlineData(565_600, 1.0, false)]
    public void A_change_of_the_price_in_force_beyond_the_threshold_reformulates(decimal perTonne, double percent, bool reformulate)
    {
        var change = FarmFeedBook.SetPrice(Canola, Price(2026, 12, 7, perTonne), Today, thresholdPercent: 5);

        Assert.True(change.Changed);
        Assert.Equal(560m, change.Before);
        Assert.Equal(perTonne / 1000, change.After);
        Assert.Equal(percent, change.ChangePercent!.Value, 9);
        Assert.Equal(reformulate, change.Reformulate);
    }

    [Fact]
    public void A_price_from_a_later_date_changes_nothing_today()
    {
        var change = FarmFeedBook.SetPrice(Canola, Price(2026, 12, 20, 1_120_000), Today, thresholdPercent: 5);

        Assert.False(change.Changed);
        Assert.False(change.Reformulate);
        Assert.Equal(2, change.Feed.Prices.Count);
    }

    [Fact]
    public void A_first_price_recosts_without_a_reformulation()
    {
        var change = FarmFeedBook.SetPrice(Canola with { Prices = [] }, Price(2026, 12, 1, 560_000), Today, thresholdPercent: 5);

        Assert.True(change.Changed);
        Assert.Null(change.Before);
        Assert.Null(change.ChangePercent);
        Assert.False(change.Reformulate);
    }

    [Fact]
    public void Only_a_different_definition_of_a_known_feed_changes_the_rations()
    {
        var changed = Canola.Definition! with { DryMatterPercent = 88 };

        Assert.False(FarmFeedBook.DefinitionChanges(null, changed));
        Assert.False(FarmFeedBook.DefinitionChanges(Canola, Canola.Definition!));
        Assert.True(FarmFeedBook.DefinitionChanges(Canola, changed));
    }

    [Fact]
    public void Use_is_added_by_day_taken_off_the_stock_and_old_days_dropped()
    {
        var feed = Canola with
        {
            InventoryKgAsFed = 1000,
            DailyUseKgAsFed = new Dictionary<DateOnly, double> { [Today.AddDays(-15)] = 50, [Today.AddDays(-1)] = 100 },
        };
        var feeds = new Dictionary<string, FarmFeedState> { ["canola-meal"] = feed, ["salt"] = Canola with { InventoryKgAsFed = null } };

        var (after, touched) = FarmFeedBook.RecordUse(feeds,
            [new FeedUse("canola-meal", Today, 30), new FeedUse("canola-meal", Today, 20), new FeedUse("salt", Today, 1), new FeedUse("unknown", Today, 5)], Today);

        Assert.Equal(["canola-meal", "salt"], touched);
        Assert.Equal(950, after["canola-meal"].InventoryKgAsFed);
        Assert.Equal(new Dictionary<DateOnly, double> { [Today.AddDays(-1)] = 100, [Today] = 50 }, after["canola-meal"].DailyUseKgAsFed);
        Assert.Null(after["salt"].InventoryKgAsFed);
        Assert.False(after.ContainsKey("unknown"));
        Assert.Equal(1000, feeds["canola-meal"].InventoryKgAsFed);
    }

    [Fact]
    public void Stock_never_goes_below_zero()
    {
        var (after, _) = FarmFeedBook.RecordUse(new Dictionary<string, FarmFeedState> { ["canola-meal"] = Canola with { InventoryKgAsFed = 10 } },
            [new FeedUse("canola-meal", Today, 30)], Today);

        Assert.Equal(0, after["canola-meal"].InventoryKgAsFed);
    }

    [Fact]
    public void Mean_use_reads_the_last_seven_complete_days_or_a_lone_first_day()
    {
        var days = Enumerable.Range(0, 10).ToDictionary(i => Today.AddDays(-i), i => i == 0 ? 5.0 : 100.0 + i);

        // Today (5 kg, still filling) is left out; days 1–7 before it: 101 … 107 kg, mean 104.
        Assert.Equal(104, FarmFeedBook.MeanDailyUse(Canola with { DailyUseKgAsFed = days }));
        Assert.Equal(900, FarmFeedBook.MeanDailyUse(Canola with { DailyUseKgAsFed = new Dictionary<DateOnly, double> { [Today] = 900 } }));
        Assert.Null(FarmFeedBook.MeanDailyUse(Canola));
    }

    [Theory]
    [InlineData(2100, false, StockAlertAction.Raise, false)] // 2.3 days at 900 kg/d, below 5
    [InlineData(600, false, StockAlertAction.Raise, true)] // 0.7 days: critical
    [InlineData(9000, false, StockAlertAction.None, false)] // 10 days after use: nothing to close on the ingest path
    [InlineData(9000, true, StockAlertAction.Close, false)] // 10 days counted by hand: the low-stock alert is over
    [InlineData(2100, true, StockAlertAction.Raise, false)]
    public void Stock_lasting_fewer_days_than_the_policy_raises_and_a_count_that_lasts_closes(double stock, bool counted, StockAlertAction action, bool critical)
    {
        var feed = Canola with { InventoryKgAsFed = stock, DailyUseKgAsFed = new Dictionary<DateOnly, double> { [Today] = 900 } };

        var check = FarmFeedBook.CheckStock(feed, warningDays: 5, counted);

        Assert.Equal(action, check.Action);
        Assert.Equal(critical, check.Critical);
        if (action != StockAlertAction.None)
        {
            Assert.Equal(stock / 900, check.DaysLeft, 9);
            Assert.Equal(stock / 900, FarmFeedBook.DaysOfStock(feed)!.Value, 9);
        }
    }

    [Fact]
    public void Without_a_stock_count_or_use_there_is_no_stock_alert()
    {
        Assert.Equal(StockAlertAction.None, FarmFeedBook.CheckStock(Canola with { InventoryKgAsFed = 0 }, 5, counted: true).Action);
        Assert.Equal(StockAlertAction.None, FarmFeedBook.CheckStock(
            Canola with { DailyUseKgAsFed = new Dictionary<DateOnly, double> { [Today] = 900 } }, 5, counted: true).Action);
        Assert.Null(FarmFeedBook.DaysOfStock(Canola));
    }
}
