using Cnucnm.Nutrition.Feeds;
using Cnucnm.Storage.Feeds;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Feeds;

/// <summary>The feed search table: built-in feeds are seen by everyone, an owner's only when asked for; replacing an
/// owner's feeds removes the others; every word, the category and every range must hold; results are ordered by name
/// similarity, then name; a page carries the total; look-ups keep the order asked and leave unknown ids out.</summary>
public abstract class FeedSearchStoreContract : StoreContract
{
    private static Feed NewFeed(string id, string name, string category, double? crudeProteinPercentDm, string? nameKorean = null) =>
        new(id, name, nameKorean, category, FeedType.Concentrate, FeedSource.User,
            crudeProteinPercentDm is { } cp ? new Dictionary<FeedNutrient, double> { [FeedNutrient.Fd_DM] = 88, [FeedNutrient.Fd_CP] = cp }
                : new Dictionary<FeedNutrient, double> { [FeedNutrient.Fd_DM] = 88 });

    private static FeedQuery Query(string words, IReadOnlyList<string> owners, string? category = null, IReadOnlyList<NutrientRange>? ranges = null,
        int offset = 0, int limit = 20) =>
        new(FeedSearchText.Words(words), category, ranges ?? [], owners, offset, limit);

    private async Task<IFeedSearchStore> SeededAsync()
    {
        var store = Store<IFeedSearchStore>();
        await store.ReplaceAsync("", [NewFeed("t:corn", "Corn grain", "Energy Source", 9), NewFeed("t:corn-gluten", "Corn gluten meal", "Protein Source", 65),
            NewFeed("t:soy", "Soybean meal", "Protein Source", 53, "대두박"), NewFeed("t:salt", "Salt", "Mineral", null)], Ct);
        await store.ReplaceAsync("farm-a", [NewFeed("a:corn-mix", "Corn mix", "energy source", 11)], Ct);
        await store.ReplaceAsync("farm-b", [NewFeed("b:corn-own", "Corn own", "Energy Source", 10)], Ct);
        return store;
    }

    [Fact]
    public async Task Built_in_feeds_are_seen_by_everyone_and_an_owners_only_when_asked_for()
    {
        var store = await SeededAsync();
        Assert.Equal(["t:corn", "t:corn-gluten"], (await store.SearchAsync(Query("corn", []), Ct)).Feeds.Select(f => f.Id));
        Assert.Equal(["a:corn-mix", "t:corn", "t:corn-gluten"], (await store.SearchAsync(Query("corn", ["farm-a"]), Ct)).Feeds.Select(f => f.Id).Order());
        // The closest names first (FeedSearchText.Rank): names starting with the first word, the shorter first, then the name.
        Assert.Equal(["a:corn-mix", "t:corn", "t:corn-gluten"], (await store.SearchAsync(Query("corn", ["farm-a"]), Ct)).Feeds.Select(f => f.Id));
        Assert.Equal(["t:soy"], (await store.SearchAsync(Query("대두", []), Ct)).Feeds.Select(f => f.Id));
        Assert.Empty((await store.SearchAsync(Query("corn soy", []), Ct)).Feeds);
    }

    [Fact]
    public async Task Category_and_ranges_must_hold_and_a_feed_without_the_value_fails_a_range()
    {
        var store = await SeededAsync();
        Assert.Equal(["a:corn-mix", "t:corn"], (await store.SearchAsync(Query("", ["farm-a"], category: "ENERGY SOURCE"), Ct)).Feeds.Select(f => f.Id).Order());
        var protein = new NutrientRange(FeedNutrient.Fd_CP, 50, 60);
        Assert.Equal(["t:soy"], (await store.SearchAsync(Query("", [], ranges: [protein]), Ct)).Feeds.Select(f => f.Id));
        Assert.DoesNotContain("t:salt", (await store.SearchAsync(Query("", [], ranges: [new NutrientRange(FeedNutrient.Fd_CP, 0, null)]), Ct)).Feeds.Select(f => f.Id));
        // A range without bounds asks nothing (the API refuses one; the stores agree on it all the same).
        Assert.Contains("t:salt", (await store.SearchAsync(Query("", [], ranges: [new NutrientRange(FeedNutrient.Fd_CP, null, null)]), Ct)).Feeds.Select(f => f.Id));
        Assert.Equal(["t:corn"], (await store.SearchAsync(Query("corn", [], ranges: [new NutrientRange(FeedNutrient.Fd_CP, null, 10)]), Ct)).Feeds.Select(f => f.Id));
    }

    [Fact]
    public async Task A_page_carries_the_total_of_all_pages()
    {
        var store = await SeededAsync();
        var page = await store.SearchAsync(Query("", ["farm-a", "farm-b"], offset: 2, limit: 2), Ct);
        var all = await store.SearchAsync(Query("", ["farm-a", "farm-b"], limit: 100), Ct);
        Assert.Equal(6, page.Total);
        Assert.Equal(6, all.Feeds.Count);
        Assert.Equal(all.Feeds.Skip(2).Take(2).Select(f => f.Id), page.Feeds.Select(f => f.Id));
        Assert.Equal(6, (await store.SearchAsync(Query("", ["farm-a", "farm-b"], offset: 10, limit: 2), Ct)).Total);
    }

    [Fact]
    public async Task Replacing_an_owners_feeds_removes_the_others_and_updates_the_kept_ones()
    {
        var store = await SeededAsync();
        await store.ReplaceAsync("farm-a", [NewFeed("a:barley", "Barley rolled", "Energy Source", 12), NewFeed("a:corn-mix", "Corn mix 2", "Energy Source", 11)], Ct);
        Assert.Equal(["Barley rolled", "Corn mix 2"], (await store.GetAsync(["a:barley", "a:corn-mix"], ["farm-a"], Ct)).Select(f => f.Name));
        await store.ReplaceAsync("farm-a", [], Ct);
        Assert.Empty(await store.GetAsync(["a:barley", "a:corn-mix"], ["farm-a"], Ct));
        Assert.Single(await store.GetAsync(["b:corn-own"], ["farm-b"], Ct));
    }

    [Fact]
    public async Task Look_ups_keep_the_order_asked_and_leave_unknown_and_hidden_ids_out()
    {
        var store = await SeededAsync();
        var found = await store.GetAsync(["t:soy", "nope", "a:corn-mix", "b:corn-own", "t:corn"], ["farm-a"], Ct);
        Assert.Equal(["t:soy", "a:corn-mix", "t:corn"], found.Select(f => f.Id));
        Assert.Equal(53, found[0][FeedNutrient.Fd_CP], 9);
        Assert.Equal("대두박", found[0].NameKorean);
    }
}

public sealed class InMemoryFeedSearchStoreTests : FeedSearchStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresFeedSearchStoreTests(PostgresServer postgres) : FeedSearchStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
