using System.Collections.Concurrent;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Storage.Feeds;

/// <summary>Feed search in memory (embedded profile and unit tests): the same matching as the PostgreSQL store.</summary>
public sealed class InMemoryFeedSearchStore : IFeedSearchStore
{
    private readonly ConcurrentDictionary<(string Owner, string Id), (string Owner, Feed Feed, string Text)> _feeds = new();
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
                _feeds[(owner, feed.Id)] = (owner, feed, FeedSearchRows.SearchText(feed));
            }
        }

        return Task.CompletedTask;
    }

    public Task<FeedSearchPage> SearchAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = _feeds.Values
            .Where(f => f.Owner.Length == 0 || query.Owners.Contains(f.Owner))
            .Where(f => FeedSearchText.Matches(f.Text, query.Words))
            .Where(f => query.Category is not { Length: > 0 } c || string.Equals(f.Feed.Category, c, StringComparison.OrdinalIgnoreCase))
            // A range without bounds asks nothing, as in PostgreSQL (the API refuses such a range anyway).
            .Where(f => query.Ranges.All(r => (r.Min is null && r.Max is null)
                || (f.Feed[r.Nutrient] is var v && !double.IsNaN(v) && (r.Min is not { } min || v >= min) && (r.Max is not { } max || v <= max))))
            .OrderBy(f => f.Text.Length)
            .ThenBy(f => f.Feed.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Feed.Id, StringComparer.Ordinal)
            .Select(f => f.Feed)
            .ToList();
        return Task.FromResult(new FeedSearchPage([.. matches.Skip(query.Offset).Take(query.Limit)], matches.Count));
    }

    public Task<IReadOnlyList<Feed>> GetAsync(IReadOnlyList<string> ids, IReadOnlyList<string> owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var visible = _feeds.Values.Where(f => f.Owner.Length == 0 || owners.Contains(f.Owner)).ToList();
        IReadOnlyList<Feed> found = [.. ids.SelectMany(id => visible.Where(f => f.Feed.Id == id).Select(f => f.Feed))];
        return Task.FromResult(found);
    }
}
