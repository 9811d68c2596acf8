using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Storage.Feeds;

/// <summary>A feed as the search table keeps it: the composition as an array in <see cref="FeedNutrient"/> order, null where missing.</summary>
internal static class FeedSearchRows
{
    public static double?[] Composition(Feed feed)
    {
        var values = new double?[FeedNutrients.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var value = feed[(FeedNutrient)i];
            values[i] = double.IsNaN(value) ? null : value;
        }

        return values;
    }

    public static Feed ToFeed(string id, string name, string? nameKorean, string category, string type, string kind, string source, double?[] composition)
    {
        var values = new Dictionary<FeedNutrient, double>();
        for (var i = 0; i < composition.Length && i < FeedNutrients.Count; i++)
        {
            if (composition[i] is { } value)
            {
                values[(FeedNutrient)i] = value;
            }
        }

        return new Feed(id, name, nameKorean, category, Enum.Parse<FeedType>(type), Enum.Parse<FeedSource>(kind), values, source);
    }

    public static string SearchText(Feed feed) => FeedSearchText.Index(feed.Name, feed.NameKorean, feed.Id);

    public static string[] Names(Feed feed) => FeedSearchText.Names(feed.Name, feed.NameKorean);
}
