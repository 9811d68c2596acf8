using Cnucnm.Nutrition.Feeds;
using Cnucnm.Storage;
using Cnucnm.Storage.Feeds;
using Cnucnm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cnucnm.Cluster.Tests.Postgres;

/// <summary>
/// Feed search ranking and "did you mean" (issue 23, docs/feeds.md "Ranking"): PostgreSQL (the reference) and the
/// in-memory store of the embedded profile, both loaded with the built-in libraries, answer alike.
/// </summary>
public sealed class FeedSearchStoreTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores => ["postgres", "memory"];

    private static IReadOnlyList<Feed> Library => [.. FeedLibrary.Nasem.Feeds, .. FeedLibrary.Korean.Feeds];

    private async Task<(IFeedSearchStore Store, IAsyncDisposable? Db)> StoreAsync(string kind)
    {
        IFeedSearchStore store;
        NpgsqlDataSource? db = null;
        if (kind == "memory")
        {
            store = new InMemoryFeedSearchStore();
        }
        else
        {
            db = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
            store = new PostgresFeedSearchStore(db);
        }

        await store.ReplaceAsync("", Library, Ct);
        return (store, db);
    }

    private static FeedQuery Query(string text, int limit = 100, IReadOnlyList<string>? owners = null) =>
        new(FeedSearchText.Words(text), null, [], owners ?? [], 0, limit);

    private static bool StartsWith(string? name, string word) => FeedSearchText.Compact(name).StartsWith(word, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Silage_ranks_by_the_displayed_name_so_corn_silage_typical_is_on_the_first_page(string kind)
    {
        var (store, db) = await StoreAsync(kind);
        await using var _ = db;

        var page = await store.SearchAsync(Query("silage"), Ct);

        var ids = page.Feeds.Select(f => f.Id).ToList();
        var corn = ids.IndexOf("nasem:Corn silage, typical");
        Assert.InRange(corn, 0, 9);
        // Everything above it has a displayed name holding "silage" no longer than its own (17 letters compacted).
        Assert.All(page.Feeds.Take(corn), f => Assert.True(
            FeedSearchText.Names(f.Name, f.NameKorean).Any(n => n.Contains("silage", StringComparison.Ordinal) && n.Length <= 17), f.Name));
        Assert.Equal("nasem:Pea silage", ids[0]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Names_starting_with_the_word_come_first_shortest_first_in_english_and_korean(string kind)
    {
        var (store, db) = await StoreAsync(kind);
        await using var _ = db;

        foreach (var word in new[] { "corn", "옥수수" })
        {
            var page = await store.SearchAsync(Query(word), Ct);

            var starts = page.Feeds.Select(f => StartsWith(f.Name, word) || StartsWith(f.NameKorean, word)).ToList();
            var expected = Library.Count(f => StartsWith(f.Name, word) || StartsWith(f.NameKorean, word));
            Assert.True(expected > 0, word);
            // The feeds with a name starting with the word are exactly the first ones.
            Assert.All(starts.Take(Math.Min(expected, starts.Count)), s => Assert.True(s, word));
            Assert.DoesNotContain(true, starts.Skip(expected));
            // Among them, the starting name is never longer than the next one's.
            var lengths = page.Feeds.Take(Math.Min(expected, page.Feeds.Count))
                .Select(f => FeedSearchText.Names(f.Name, f.NameKorean).Where(n => n.StartsWith(word, StringComparison.Ordinal)).Min(n => n.Length))
                .ToList();
            Assert.Equal([.. lengths.Order()], lengths);
        }
    }

    [Fact]
    public async Task The_in_memory_store_orders_exactly_as_postgresql()
    {
        var (postgresStore, db) = await StoreAsync("postgres");
        await using var _ = db;
        var (memory, _) = await StoreAsync("memory");
        var farmFeed = new Feed("farm.pit-3", "Corn silage pit 3", "옥수수 사일리지 3번", "Forage", FeedType.Forage, FeedSource.User,
            new Dictionary<FeedNutrient, double> { [FeedNutrient.Fd_DM] = 33 }, "farm:x");
        await postgresStore.ReplaceAsync("farm:x", [farmFeed], Ct);
        await memory.ReplaceAsync("farm:x", [farmFeed], Ct);

        foreach (var text in new[] { "silage", "corn", "corn sil", "옥수수", "사일리지", "meal", "nasem", "kr 6", "", "hay" })
        {
            var query = Query(text, owners: ["farm:x"]);
            var expected = await postgresStore.SearchAsync(query, Ct);
            var actual = await memory.SearchAsync(query, Ct);

            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Feeds.Select(f => f.Id), actual.Feeds.Select(f => f.Id));
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Misspelt_queries_find_nothing_and_suggest_the_closest_names(string kind)
    {
        var (store, db) = await StoreAsync(kind);
        await using var _ = db;

        foreach (var (typed, meant) in new[] { ("silgae", "silage"), ("soybaen meal", "soybeanmeal"), ("옥슈수", "옥수수") })
        {
            var query = Query(typed);
            Assert.Equal(0, (await store.SearchAsync(query, Ct)).Total);

            var suggestions = await store.SuggestAsync(query, 5, Ct);

            Assert.InRange(suggestions.Count, 1, 5);
            Assert.All(suggestions, s => Assert.Contains(meant, FeedSearchText.Compact(s), StringComparison.Ordinal));
            // The suggested names do find feeds.
            Assert.True((await store.SearchAsync(Query(suggestions[0]), Ct)).Total > 0, suggestions[0]);
        }

        // Nothing near: no suggestion.
        Assert.Empty(await store.SuggestAsync(Query("xqzvw"), 5, Ct));
    }
}
