using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Contracts.Farms;

/// <summary>A farm feed as the nutrition library sees it: its library feed (if any) with the farm's own
/// dry matter and analysis on top. The API validates with it and the grains build model feeds with it.</summary>
public static class FarmFeedNutrition
{
    public static UserFeedDefinition ToUserFeed(this FarmFeedDefinition feed, Guid farmId)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Feed? template = null;
        if (feed.LibraryFeedId is { Length: > 0 } libraryId)
        {
            FeedLibrary.TryFind(libraryId, out template);
        }

        // The library feed's category keeps its model behaviour (mineral P and Mg absorption, calf liquids);
        // a farm's own feed is an ordinary forage or concentrate.
        var category = template?.Category ?? (feed.IsForage ? "Farm forage" : "Farm concentrate");
        return new UserFeedDefinition(
            $"farm.{feed.FeedId}", feed.Name, template?.NameKorean, category, feed.IsForage ? FeedType.Forage : FeedType.Concentrate,
            CompositionBasis.DryMatter, feed.DryMatterPercent, feed.Composition, feed.LibraryFeedId, $"farm:{farmId}");
    }
}
