using System.Collections.Concurrent;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Storage.Feeds;

/// <summary>Feed search in memory (embedded profile and unit tests): the same matching as the PostgreSQL store.</summary>
public sealed class InMemoryFeedSearchStore : IFeedSearchStore
{
    private readonly ConcurrentDictionary<(string Owner, string Id), (string Owner, Feed Feed, string Text, string[] Names)> _feeds = new();
    private readonly Lock _write = new();

    public Task ReplaceAsync(string owner, IReadOnlyList<Feed> feeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        lock (_write)
        {
            foreach (var key in _feeds.Keys.Where(k => k.Owner == owner && !feeds.Any(f => f.Id == k.Id)))
            {
                _feeds.TryRemove(key, out _);
            }

            foreach (var feed in feeds)
            {
                _feeds[(owner, feed.Id)] = (owner, feed, FeedSearchRows.SearchText(feed), FeedSearchRows.Names(feed));
            }
        }

        return Task.CompletedTask;
    }

    public Task<FeedSearchPage> SearchAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = Allowed(query)
            .Where(f => FeedSearchText.Matches(f.Text, query.Words))
            .OrderBy(f => FeedSearchText.Rank(f.Names, f.Text, query.Words))
            .ThenBy(f => f.Feed.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Feed.Id, StringComparer.Ordinal)
            .Select(f => f.Feed)
            .ToList();
        return Task.FromResult(new FeedSearchPage([.. matches.Skip(query.Offset).Take(query.Limit)], matches.Count));
    }

    public Task<IReadOnlyList<string>> SuggestAsync(FeedQuery query, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(FeedSearchText.Suggest(query.Words, Allowed(query).SelectMany(f => new[] { f.Feed.Name, f.Feed.NameKorean }), count));
    }

    /// <summary>The feeds the query's owners, category and ranges allow, whatever its words.</summary>
    private IEnumerable<(string Owner, Feed Feed, string Text, string[] Names)> Allowed(FeedQuery query) => _feeds.Values
        .Where(f => f.Owner.Length == 0 || query.Owners.Contains(f.Owner))
        .Where(f => query.Category is not { Length: > 0 } c || string.Equals(f.Feed.Category, c, StringComparison.OrdinalIgnoreCase))
        // A range without bounds asks nothing, as in PostgreSQL (the API refuses such a range anyway).
        .Where(f => query.Ranges.All(r => (r.Min is null && r.Max is null)
            || (f.Feed[r.Nutrient] is var v && !double.IsNaN(v) && (r.Min is not { } min || v >= min) && (r.Max is not { } max || v <= max))));

    public Task<IReadOnlyList<Feed>> GetAsync(IReadOnlyList<string> ids, IReadOnlyList<string> owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var visible = _feeds.Values.Where(f => f.Owner.Length == 0 || owners.Contains(f.Owner)).ToList();
        IReadOnlyList<Feed> found = [.. ids.SelectMany(id => visible.Where(f => f.Feed.Id == id).Select(f => f.Feed))];
        return Task.FromResult(found);
    }
}
