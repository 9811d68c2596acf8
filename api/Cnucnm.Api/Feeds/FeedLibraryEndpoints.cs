using Cnucnm.Api.Localization;
using Cnucnm.Api.Security;
using Cnucnm.Formulation.Animal;
using Cnucnm.Formulation.Beef;
using Cnucnm.FieldValidation;
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
            .WithSummary("The categories of the library feeds, with how many feeds each holds.")
            .WithDescription("Each library spelling with its clean group: categoryCode (forage, energy, protein, fat, byproduct, mineral, calf, "
                             + "compound, other) and categoryName, the group's name in the caller's language. Search by categoryCode to get a whole group.");
        library.MapGet("/columns", Columns).WithName("FeedLibraryColumns").RequireAuthorization(Policies.User)
            .WithSummary("The NASEM feed columns (Fd_CP …) with their names and units in the caller's language: how people read a column code.");
        library.MapGet("/beef-candidates", BeefCandidates).WithName("BeefCandidateFeeds").RequireAuthorization(Policies.User)
            .WithSummary("The default Korean candidate feeds of beef and Hanwoo groups, with plausible KRW prices and practical caps.")
            .WithDescription("Rice straw, Italian ryegrass and tall fescue hays, the commercial Hanwoo concentrates by phase, common by-products "
                             + "and minerals of the Korean library. Prices are plausible figures for a start (KRW per kg as fed), not market data.");
        library.MapGet("/korean/import-report", KoreanImportReport).WithName("KoreanLibraryImportReport").RequireAuthorization(Policies.User)
            .WithSummary("How the Korean feed library was imported: rows rejected with row and column, and each blank cell the model needs with the value used.")
            .WithDescription("Blank cells follow the composition-completeness policy (docs/science.md, \"Blank feed composition\"): imputed from a named "
                             + "similar NASEM feed, or unknown and assumed 0. Rows are CSV lines of the library file (header = 1); page with skip and take.");
        library.MapGet("/dairy-candidates", DairyCandidates).WithName("DairyCandidateFeeds").RequireAuthorization(Policies.User)
            .WithSummary("The default candidate feeds of dairy groups, with plausible KRW prices and practical caps.")
            .WithDescription("Corn silage, legume hay, corn grain, soybean and canola meal, the NASEM library's rumen-protected methionine and lysine "
                             + "and urea (considered like any feed), and the usual minerals and premix. Prices are plausible figures for a start "
                             + "(KRW per kg as fed), not market data.");
        return endpoints;
    }

    /// <param name="feedId">Only this feed's gaps (kr:…).</param>
    /// <param name="column">Only gaps of this NASEM column (Fd_ADF …).</param>
    private static Results<Ok<KoreanImportReportResponse>, ValidationProblem> KoreanImportReport(string? feedId = null, string? column = null, int skip = 0, int take = 200)
    {
        var validation = new Validation()
            .Require(skip >= 0, "skip", "must be 0 or more.")
            .Require(take is >= 1 and <= 1000, "take", "must be between 1 and 1000.")
            .Require(column is null || FeedNutrients.TryParse(column, out _), "column", "is not a NASEM feed column (Fd_CP, Fd_NDF, Fd_St …).");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var report = FeedLibrary.KoreanImportReport;
        var gaps = (report.Gaps ?? []).Where(g => feedId is null || string.Equals(g.FeedId, feedId, StringComparison.OrdinalIgnoreCase))
            .Where(g => column is null || string.Equals(g.Column, column, StringComparison.OrdinalIgnoreCase)).ToList();
        return TypedResults.Ok(new KoreanImportReportResponse(report.RowsRead, report.RowsRejected, report.Rejections, gaps.Count, [.. gaps.Skip(skip).Take(take)]));
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
    /// <param name="categoryCode">A clean category group (forage, energy … other): every library spelling of it.</param>
    private static Results<Ok<List<LibraryFeedResponse>>, ValidationProblem> SearchAsync(MessageLocalizer names,
        string? search = null, string? library = null, string? category = null, string? type = null,
        string? nutrient = null, double? min = null, double? max = null, int take = 50, string? categoryCode = null)
    {
        var validation = new Validation()
            .Require(categoryCode is null || FeedCategories.Codes.Contains(categoryCode), "categoryCode", $"must be one of {string.Join(", ", FeedCategories.Codes)}.")
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
            .Where(f => categoryCode is null || FeedCategories.Code(f.Category) == categoryCode)
            .Where(f => type is null || (type == "forage") == f.IsForage)
            .Where(f => filter is not { } n || (!double.IsNaN(f[n]) && (min is null || f[n] >= min) && (max is null || f[n] <= max)))
            .OrderBy(f => string.IsNullOrEmpty(text) || f.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || (f.NameKorean?.StartsWith(text, StringComparison.Ordinal) ?? false) ? 0 : 1)
            .ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Take(take)
            .Select(f => LibraryFeedResponse.From(f, filter, names))
            .ToList();
        return TypedResults.Ok(feeds);
    }

    private static Ok<List<FeedCategoryResponse>> Categories(MessageLocalizer names) =>
        TypedResults.Ok(Libraries(null).GroupBy(f => f.Category, StringComparer.OrdinalIgnoreCase)
            .Select(g => FeedCategoryResponse.Of(g.Key, g.Count(), names))
            .OrderBy(c => c.Category, StringComparer.OrdinalIgnoreCase)
            .ToList());

    private static Ok<List<FeedColumnResponse>> Columns(MessageLocalizer names) =>
        TypedResults.Ok(Enum.GetValues<FeedNutrient>().Select(n =>
        {
            var unit = FeedNutrients.Unit(n);
            return new FeedColumnResponse(n.ToString(), names.Name($"column.{n}", n.ToString()), unit, names.Name($"unit.{unit}", unit));
        }).ToList());

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
/// <param name="CompositionGaps">Blank cells the model needs and the value it uses (imputed from a named similar feed, or unknown and assumed 0).</param>
/// <param name="Category">The library's own category (data, as the library spells it).</param>
/// <param name="CategoryCode">Its clean group (<see cref="FeedCategories"/>): forage, energy, protein, fat, byproduct, mineral, calf, compound, other.</param>
/// <param name="CategoryName">The clean group's name in the caller's language.</param>
public sealed record LibraryFeedResponse(
    string Id, string Name, string? NameKorean, string Category, string Type, string Library, double DryMatterPercent,
    IReadOnlyDictionary<string, NutrientValue> Nutrients,
    IReadOnlyList<CompositionGapLine> CompositionGaps, string CategoryCode, string CategoryName)
{
    public static LibraryFeedResponse From(Feed feed, FeedNutrient? extra, MessageLocalizer names)
    {
        var code = FeedCategories.Code(feed.Category);
        return new(feed.Id, feed.Name, feed.NameKorean, feed.Category, feed.IsForage ? "forage" : "concentrate",
            feed.Kind == FeedSource.KoreanLibrary ? "korean" : "nasem", Math.Round(feed.DryMatterPercent, 2),
            FeedLibraryEndpoints.Nutrients(feed, extra), [.. CompositionCompleteness.Complete(feed).Reported.Select(CompositionGapLine.From)],
            code, names.Name($"category.{code}", feed.Category));
    }
}

/// <param name="RowsRead">Data rows of the library file.</param>
/// <param name="Rejections">Rows left out, with row, column and reason.</param>
/// <param name="GapCount">Blank cells reported (after the feedId and column filters), before paging.</param>
/// <param name="Gaps">Blank cells the model needs, by CSV row and NASEM column, with the value used and its source.</param>
public sealed record KoreanImportReportResponse(int RowsRead, int RowsRejected, IReadOnlyList<FeedImportIssue> Rejections, int GapCount,
    IReadOnlyList<CompositionImportGap> Gaps);

public sealed record NutrientValue(double Value, string Unit);

/// <param name="Category">A library's spelling of the category (data).</param>
/// <param name="CategoryCode">Its clean group (forage, energy, protein, fat, byproduct, mineral, calf, compound, other).</param>
/// <param name="CategoryName">The clean group's name in the caller's language.</param>
public sealed record FeedCategoryResponse(string Category, int Feeds, string CategoryCode, string CategoryName)
{
    public static FeedCategoryResponse Of(string category, int feeds, MessageLocalizer names)
    {
        var code = FeedCategories.Code(category);
        return new(category, feeds, code, names.Name($"category.{code}", category));
    }
}

/// <summary>A NASEM feed column as people read it.</summary>
/// <param name="Column">The code (Fd_CP), what programs and the composition send.</param>
/// <param name="Name">Its name in the caller's language ("Crude protein (CP)", "조단백질 (CP)").</param>
/// <param name="Unit">The unit code ("% DM").</param>
/// <param name="UnitName">The unit in the caller's language.</param>
public sealed record FeedColumnResponse(string Column, string Name, string Unit, string UnitName);

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
