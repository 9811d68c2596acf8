using System.Collections.Concurrent;
using Cnucnm.Contracts.Farms;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Grains.Nutrition;

/// <summary>Model feeds (<see cref="Feed"/>, DM basis) for farm feed definitions, built once per definition.</summary>
public sealed class FarmFeedModels
{
    private readonly ConcurrentDictionary<string, (Feed? Feed, string? Problem)> _built = new(StringComparer.Ordinal);

    /// <summary>The model feed, or why the definition cannot be used (unknown library feed, bad analysis value).</summary>
    public (Feed? Feed, string? Problem) Get(Guid farmId, FarmFeedDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_built.Count > 10_000)
        {
            _built.Clear();
        }

        return _built.GetOrAdd(Key(farmId, definition), _ =>
        {
            var (feed, errors) = UserFeeds.Create(definition.ToUserFeed(farmId));
            return feed is not null
                ? (feed, null)
                : (null, $"feed '{definition.FeedId}': " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
        });
    }

    /// <summary>Everything the model feed depends on, as text (definitions arrive as new instances from other silos).</summary>
    private static string Key(Guid farmId, FarmFeedDefinition d) =>
        string.Join('|', [farmId.ToString("N"), d.FeedId, d.Name, d.LibraryFeedId ?? "", d.DryMatterPercent.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            d.IsForage ? "F" : "C", .. d.Composition.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key + "=" + c.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture))]);
}
