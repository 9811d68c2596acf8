using System.Diagnostics;
using System.Globalization;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Storage;
using Cnucnm.Storage.Feeds;
using Npgsql;

namespace Cnucnm.LoadTests;

/// <summary>
/// Feed search latency over 50,000 feeds: the built-in libraries plus generated feeds (library feeds with varied names
/// and compositions) under one owner, queried through the product's PostgreSQL store with a fixed mix of name, Korean
/// name, category and nutrient-range queries. Baseline in the same run: the same queries with index scans turned off
/// (every query reads the whole table).
/// </summary>
public static class FeedSearchLoad
{
    private static readonly string[] EnglishWords = ["silage", "hay", "meal", "grain", "corn", "barley", "wheat", "soybean", "canola", "alfalfa", "rye", "oat", "pellet", "haylage", "straw", "bran"];
    private static readonly string[] KoreanWords = ["옥수수", "사일리지", "건초", "대두박", "보리", "밀기울", "볏짚", "알팔파", "호밀", "귀리", "청보리", "단백피"];

    private static readonly FeedQuery[] Queries =
    [
        Query(["corn", "silage"]),
        Query(["옥수수", "사일리지"]),
        Query(["soy"]),
        Query(["건초"]),
        Query(["barley", "pit", "12"]),
        Query([], category: "Forage"),
        Query([], ranges: [new(FeedNutrient.Fd_CP, 40, 50)]),
        Query([], ranges: [new(FeedNutrient.Fd_CP, 40, 50), new(FeedNutrient.Fd_NDF, null, 20)]),
        Query(["meal"], ranges: [new(FeedNutrient.Fd_CP, 30, null)]),
        Query(["hay"], category: "Forage", ranges: [new(FeedNutrient.Fd_NDF, 40, 60)]),
    ];

    private static string _owner = "";

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Database is null)
        {
            Console.Error.WriteLine("search needs --db (PostgreSQL connection string)");
            return 2;
        }

        await using var db = NpgsqlDataSource.Create(options.Database);
        await new SchemaMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        var store = new PostgresFeedSearchStore(db);
        var library = FeedLibrary.Nasem.Feeds.Concat(FeedLibrary.Korean.Feeds).ToList();
        await store.ReplaceAsync("", library, cancellationToken);
        _owner = $"benchmark:{Guid.NewGuid():N}";
        var generated = Generate(library, Math.Max(0, options.Feeds - library.Count));
        var loading = Stopwatch.StartNew();
        await store.ReplaceAsync(_owner, generated, cancellationToken);
        await using (var analyze = db.CreateCommand("ANALYZE feed_search"))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        Console.WriteLine($"{library.Count + generated.Count} feeds ({library.Count} library, {generated.Count} generated), loaded in {loading.Elapsed.TotalSeconds:0.0} s");

        var withIndex = await MeasureAsync(store, options.Readings, cancellationToken);
        await using var scanDb = NpgsqlDataSource.Create(options.Database + ";Options=-c enable_bitmapscan=off -c enable_indexscan=off");
        var baseline = await MeasureAsync(new PostgresFeedSearchStore(scanDb), Math.Max(10, options.Readings / 5), cancellationToken);
        await store.ReplaceAsync(_owner, [], cancellationToken);

        Console.WriteLine($"search (trigram index):     {withIndex.Stats} p95={withIndex.Stats.Percentile(95):0.0} ms");
        Console.WriteLine($"baseline (no index scans):  {baseline.Stats} p95={baseline.Stats.Percentile(95):0.0} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p95 ratio search/baseline: {withIndex.Stats.Percentile(95) / baseline.Stats.Percentile(95):0.00}"));
        foreach (var (query, p95) in withIndex.PerQuery)
        {
            Console.WriteLine($"  p95 {p95,6:0.0} ms  {query}");
        }

        return withIndex.Stats.Percentile(95) < 50 ? 0 : 1;
    }

    private static FeedQuery Query(string[] words, string? category = null, NutrientRange[]? ranges = null) =>
        new(words, category, ranges ?? [], [], 0, 20);

    private static async Task<(Stats Stats, List<(string Query, double P95)> PerQuery)> MeasureAsync(
        PostgresFeedSearchStore store, int rounds, CancellationToken cancellationToken)
    {
        var all = new List<double>();
        var perQuery = Queries.Select(_ => new List<double>()).ToArray();
        for (var round = -2; round < rounds; round++)
        {
            for (var q = 0; q < Queries.Length; q++)
            {
                var query = Queries[q] with { Owners = [_owner], Offset = (round + 3) % 3 * 20 };
                var started = Stopwatch.GetTimestamp();
                await store.SearchAsync(query, cancellationToken);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (round >= 0)
                {
                    all.Add(ms);
                    perQuery[q].Add(ms);
                }
            }
        }

        return (new Stats(all), [.. Queries.Select((q, i) => (Describe(q), new Stats(perQuery[i]).Percentile(95)))]);
    }

    private static string Describe(FeedQuery q) =>
        string.Join(' ', q.Words) + (q.Category is null ? "" : $" category={q.Category}")
        + string.Concat(q.Ranges.Select(r => $" {r.Nutrient}:{r.Min}:{r.Max}"));

    /// <summary>Feeds like a large company's list: each a library feed with a made-up name (English and Korean words,
    /// a pit or lot number) and its composition scaled by ±15 % (fractions kept consistent by scaling alike).</summary>
    private static List<Feed> Generate(List<Feed> library, int count)
    {
        var random = new Random(12);
        var feeds = new List<Feed>(count);
        for (var i = 0; i < count; i++)
        {
            var template = library[random.Next(library.Count)];
            var factor = 0.85 + random.NextDouble() * 0.3;
            var values = template.Values.ToDictionary(v => v.Key, v => v.Key == FeedNutrient.Fd_DM ? v.Value : v.Value * factor);
            var name = $"{EnglishWords[random.Next(EnglishWords.Length)]} {EnglishWords[random.Next(EnglishWords.Length)]} pit {random.Next(1, 40)} lot {i}";
            var korean = $"{KoreanWords[random.Next(KoreanWords.Length)]}{KoreanWords[random.Next(KoreanWords.Length)]} {random.Next(1, 40)}호";
            feeds.Add(new Feed($"gen:{i}", name, korean, template.Category, template.Type, FeedSource.User, values, _owner));
        }

        return feeds;
    }
}
