using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Storage.Feeds;

/// <summary>A nutrient bound of a search, DM basis in the nutrient's unit (<see cref="FeedNutrients.Unit"/>).</summary>
public sealed record NutrientRange(FeedNutrient Nutrient, double? Min, double? Max);

/// <summary>
/// A feed search: every word of <see cref="Words"/> (compacted, <see cref="FeedSearchText.Words"/>) occurs in a
/// name, the category matches (case-insensitive), every bound of every range holds (a feed without the value fails a bounded range; a range without bounds asks nothing); over the
/// built-in libraries and the feeds of <see cref="Owners"/>. Results are ordered by <see cref="FeedSearchText.Rank"/> (the
/// displayed name that matched: starting with the first word, then shorter), then name (ordinal), then id.
/// </summary>
public sealed record FeedQuery(
    IReadOnlyList<string> Words,
    string? Category,
    IReadOnlyList<NutrientRange> Ranges,
    IReadOnlyList<string> Owners,
    int Offset,
    int Limit);

/// <summary>One page of results and the number of matches on all pages.</summary>
public sealed record FeedSearchPage(IReadOnlyList<Feed> Feeds, long Total);

/// <summary>The searchable feed table: the built-in libraries plus owners' feeds.</summary>
public interface IFeedSearchStore
{
    /// <summary>Makes these the feeds of an owner ('' for the built-in libraries): others of the owner are removed.</summary>
    Task ReplaceAsync(string owner, IReadOnlyList<Feed> feeds, CancellationToken cancellationToken);

    Task<FeedSearchPage> SearchAsync(FeedQuery query, CancellationToken cancellationToken);

    /// <summary>"Did you mean": up to <paramref name="count"/> displayed names (English or Korean) closest to the query's
    /// words (<see cref="FeedSearchText.Suggest"/>) among the feeds the query's owners, category and ranges allow.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(FeedQuery query, int count, CancellationToken cancellationToken);

    /// <summary>The feeds with these ids visible to the owners (built-in always), in the order asked; unknown ids are left out.</summary>
    Task<IReadOnlyList<Feed>> GetAsync(IReadOnlyList<string> ids, IReadOnlyList<string> owners, CancellationToken cancellationToken);
}
