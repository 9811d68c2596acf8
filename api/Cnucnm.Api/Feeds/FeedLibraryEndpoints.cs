using Cnucnm.Api.Security;
using Cnucnm.Formulation.Animal;
using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition;
using Cnucnm.Nutrition.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Feeds;

/// <summary>Search of the built-in feed libraries (NASEM 2021 and the Korean library) by English or
/// Korean name, category, type and nutrient content: where a nutritionist picks candidate feeds.</summary>
public static class FeedLibraryEndpoints
{
    /// <summary>Nutrients every search result carries (per kg DM, units from <see cref="FeedNutrients.Unit"/>).</summary>
    private static readonly FeedNutrient[] Summary =
        [FeedNutrient.Fd_CP, FeedNutrient.Fd_NDF, FeedNutrient.Fd_ADF, FeedNutrient.Fd_St, FeedNutrient.Fd_FA, FeedNutrient.Fd_Ash, FeedNutrient.Fd_Ca, FeedNutrient.Fd_P];

    public static IEndpointRouteBuilder MapFeedLibraryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var library = endpoints.MapGroup("/api/v1/feed-library").WithTags("Feed library");
        library.MapGet("/", SearchAsync).WithName("SearchFeedLibrary").RequireAuthorization(Policies.User)
            .WithSummary("Library feeds by English or Korean name, category, type and nutrient range (per kg DM).");
        library.MapGet("/categories", Categories).WithName("FeedLibraryCategories").RequireAuthorization(Policies.User)
            .WithSummary("The categories of the library feeds, with how many feeds each holds.");
        library.MapGet("/beef-candidates", BeefCandidates).WithName("BeefCandidateFeeds").RequireAuthorization(Policies.User)
            .WithSummary("The default Korean candidate feeds of beef and Hanwoo groups, with plausible KRW prices and practical caps.")
            .WithDescription("Rice straw, Italian ryegrass and tall fescue hays, the commercial Hanwoo concentrates by phase, common by-products "
                             + "and minerals of the Korean library. Prices are plausible figures for a start (KRW per kg as fed), not market data.");
        library.MapGet("/dairy-candidates", DairyCandidates).WithName("DairyCandidateFeeds").RequireAuthorization(Policies.User)
            .WithSummary("The default candidate feeds of dairy groups, with plausible KRW prices and practical caps.")
            .WithDescription("Corn silage, legume hay, corn grain, soybean and canola meal, the NASEM library's rumen-protected methionine and lysine "
                             + "and urea (considered like any feed), and the usual minerals and premix. Prices are plausible figures for a start "
                             + "(KRW per kg as fed), not market data.");
        return endpoints;
    }

    private static Ok<List<DairyCandidateFeedResponse>> DairyCandidates() =>
        TypedResults.Ok(DairyCandidateFeeds.All.Select(c =>
        {
            var feed = FeedLibrary.Nasem.Get($"nasem:{c.LibraryName}");
            return new DairyCandidateFeedResponse(feed.Id, feed.Name, feed.NameKorean, c.Role, feed.DryMatterPercent, feed.IsForage, c.PricePerKgAsFed, c.MaxKgDm);
        }).ToList());

    private static Ok<List<BeefCandidateFeed>> BeefCandidates() =>
        TypedResults.Ok(KoreanBeefFeeds.All.Select(c =>
        {
            var feed = FeedLibrary.Korean.Get(c.LibraryId);
            return new BeefCandidateFeed(c.LibraryId, feed.Name, feed.NameKorean, c.Role, feed.DryMatterPercent, feed.IsForage, c.PricePerKgAsFed, c.MaxKgDm);
        }).ToList());

    /// <param name="search">Part of the English or Korean name, or the id (case-insensitive).</param>
    /// <param name="library">nasem or korean; both when left out.</param>
    /// <param name="type">forage or concentrate.</param>
    /// <param name="nutrient">A NASEM column name (Fd_CP, Fd_NDF …) to filter on with min and max, per kg DM in its unit.</param>
    private static Results<Ok<List<LibraryFeedResponse>>, ValidationProblem> SearchAsync(
        string? search = null, string? library = null, string? category = null, string? type = null,
        string? nutrient = null, double? min = null, double? max = null, int take = 50)
    {
        var validation = new Validation()
            .Require(search is null || search.Length <= 100, "search", "must be at most 100 characters.")
            .Require(library is null or "nasem" or "korean", "library", "must be nasem or korean.")
            .Require(type is null or "forage" or "concentrate", "type", "must be forage or concentrate.")
            .Require(take is >= 1 and <= 500, "take", "must be between 1 and 500.");
        FeedNutrient? filter = null;
        if (nutrient is not null)
        {
            if (FeedNutrients.TryParse(nutrient, out var parsed))
            {
                filter = parsed;
            }
            else
            {
                validation.Add("nutrient", "is not a NASEM feed column (Fd_CP, Fd_NDF, Fd_St …).");
            }
        }

        validation.Require(filter is not null || (min is null && max is null), "nutrient", "is required with min or max.")
            .Require(min is null || max is null || min <= max, "min", "must not exceed max.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var text = search?.Trim();
        var feeds = Libraries(library)
            .Where(f => string.IsNullOrEmpty(text)
                || f.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (f.NameKorean?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
                || f.Id.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Where(f => category is null || string.Equals(f.Category, category, StringComparison.OrdinalIgnoreCase))
            .Where(f => type is null || (type == "forage") == f.IsForage)
            .Where(f => filter is not { } n || (!double.IsNaN(f[n]) && (min is null || f[n] >= min) && (max is null || f[n] <= max)))
            .OrderBy(f => string.IsNullOrEmpty(text) || f.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || (f.NameKorean?.StartsWith(text, StringComparison.Ordinal) ?? false) ? 0 : 1)
            .ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Take(take)
            .Select(f => LibraryFeedResponse.From(f, filter))
            .ToList();
        return TypedResults.Ok(feeds);
    }

    private static Ok<List<FeedCategoryResponse>> Categories() =>
        TypedResults.Ok(Libraries(null).GroupBy(f => f.Category, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FeedCategoryResponse(g.Key, g.Count()))
            .OrderBy(c => c.Category, StringComparer.OrdinalIgnoreCase)
            .ToList());

    private static IEnumerable<Feed> Libraries(string? library) => library switch
    {
        "nasem" => FeedLibrary.Nasem.Feeds,
        "korean" => FeedLibrary.Korean.Feeds,
        _ => FeedLibrary.Nasem.Feeds.Concat(FeedLibrary.Korean.Feeds),
    };

    internal static IReadOnlyDictionary<string, NutrientValue> Nutrients(Feed feed, FeedNutrient? extra) =>
        Summary.Concat(extra is { } n && !Summary.Contains(n) ? [n] : [])
            .Where(n => !double.IsNaN(feed[n]))
            .ToDictionary(n => n.ToString(), n => new NutrientValue(Math.Round(feed[n], 4), FeedNutrients.Unit(n)), StringComparer.Ordinal);
}

/// <param name="Id">Library feed id to give as libraryFeedId (nasem:… or kr:…).</param>
/// <param name="DryMatterPercent">Dry matter, % as fed.</param>
/// <param name="Nutrients">Main nutrients per kg DM (and the searched one), each with its unit.</param>
public sealed record LibraryFeedResponse(
    string Id, string Name, string? NameKorean, string Category, string Type, string Library, double DryMatterPercent,
    IReadOnlyDictionary<string, NutrientValue> Nutrients)
{
    public static LibraryFeedResponse From(Feed feed, FeedNutrient? extra) => new(
        feed.Id, feed.Name, feed.NameKorean, feed.Category, feed.IsForage ? "forage" : "concentrate",
        feed.Kind == FeedSource.KoreanLibrary ? "korean" : "nasem", Math.Round(feed.DryMatterPercent, 2),
        FeedLibraryEndpoints.Nutrients(feed, extra));
}

public sealed record NutrientValue(double Value, string Unit);

public sealed record FeedCategoryResponse(string Category, int Feeds);

/// <summary>A default candidate feed of beef groups.</summary>
/// <param name="LibraryFeedId">The Korean library id (kr:…).</param>
/// <param name="Role">roughage, concentrate, byProduct, protein or mineral.</param>
/// <param name="PricePerKgAsFed">Plausible price, KRW per kg as fed.</param>
/// <param name="MaxKgDm">Practical cap, kg DM per head per day (null: none).</param>
public sealed record BeefCandidateFeed(string LibraryFeedId, string Name, string? NameKorean, string Role, double DryMatterPercent, bool IsForage,
    decimal PricePerKgAsFed, double? MaxKgDm);

/// <summary>A default candidate feed of dairy groups.</summary>
/// <param name="LibraryFeedId">The NASEM library id (nasem:…).</param>
/// <param name="Role">forage, energy, protein, aminoAcid, nitrogen or mineral.</param>
/// <param name="PricePerKgAsFed">Plausible price, KRW per kg as fed.</param>
/// <param name="MaxKgDm">Practical cap, kg DM per head per day (null: none).</param>
public sealed record DairyCandidateFeedResponse(string LibraryFeedId, string Name, string? NameKorean, string Role, double DryMatterPercent, bool IsForage,
    decimal PricePerKgAsFed, double? MaxKgDm);
