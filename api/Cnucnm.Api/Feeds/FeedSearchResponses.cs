using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Api.Feeds;

/// <summary>A composition value with its unit (per kg DM; DM itself % as fed) and where it comes from.</summary>
/// <param name="Source">The library ("NASEM 2021", "Korean feed library") or the owner ("farm:{id}") the value is from.</param>
public sealed record FeedValue(string Nutrient, double Value, string Unit, string Source);

/// <summary>A feed found by a search, with its main nutrients.</summary>
public sealed record FeedSummary(
    string Id, string Name, string? NameKorean, string Category, string Type, string Kind, string Source, IReadOnlyList<FeedValue> Values)
{
    /// <summary>Nutrients a result carries: DM, protein, fibre, starch, fat, ash, Ca and P.</summary>
    private static readonly FeedNutrient[] Main =
    [
        FeedNutrient.Fd_DM, FeedNutrient.Fd_CP, FeedNutrient.Fd_NDF, FeedNutrient.Fd_ADF, FeedNutrient.Fd_St,
        FeedNutrient.Fd_CFat, FeedNutrient.Fd_Ash, FeedNutrient.Fd_Ca, FeedNutrient.Fd_P,
    ];

    public static FeedSummary From(Feed feed, IEnumerable<FeedNutrient>? extra = null) => new(
        feed.Id, feed.Name, feed.NameKorean, feed.Category, feed.Type.ToString(), feed.Kind.ToString(), feed.Source,
        [.. Main.Concat(extra ?? []).Distinct().Where(n => !double.IsNaN(feed[n]))
            .Select(n => new FeedValue(n.ToString(), feed[n], FeedNutrients.Unit(n), feed.Source))]);
}

/// <summary>One page of a feed search.</summary>
/// <param name="Suggestions">"Did you mean": when the words found fewer than 3 feeds (a misspelling such as "silgae"),
/// up to 5 English or Korean feed names closest to them (FeedSearchText.Suggest, docs/feeds.md); otherwise empty.</param>
public sealed record FeedSearchResponse(IReadOnlyList<FeedSummary> Feeds, long Total, int Page, int PageSize, IReadOnlyList<string> Suggestions);

/// <summary>One nutrient across the compared feeds (same order as the feeds); null where a feed has no value.</summary>
/// <param name="Spread">Largest minus smallest value (null with fewer than two values): what the UI highlights.</param>
public sealed record ComparisonRow(string Nutrient, string Unit, IReadOnlyList<double?> Values, double? Spread);

/// <summary>Feeds side by side on a DM basis, every nutrient any of them has.</summary>
public sealed record FeedComparison(IReadOnlyList<FeedSummary> Feeds, IReadOnlyList<ComparisonRow> Rows);
