using System.Globalization;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Storage.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Feeds;

/// <summary>
/// Feed search over the built-in libraries (NASEM 2021, Korean) and, under a farm, the farm's own feeds: by English or
/// Korean name (spacing and partial words tolerated), category and nutrient ranges, paged; and comparison of up to 6 feeds.
/// </summary>
public static class FeedSearchEndpoints
{
    public const int MaxCompared = 6;
    public const int MaxPageSize = 100;

    /// <summary>Most "did you mean" names a search answers with.</summary>
    public const int MaxSuggestions = 5;

    public static IEndpointRouteBuilder MapFeedSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/api/v1/feeds").WithTags("Feed search");
        feeds.MapGet("/", SearchLibrariesAsync).WithName("SearchFeeds").RequireAuthorization(Policies.User)
            .WithSummary("Built-in library feeds by name words, category and nutrient ranges (range=Fd_CP:40:50, per kg DM).");
        feeds.MapGet("/compare", CompareLibrariesAsync).WithName("CompareFeeds").RequireAuthorization(Policies.User)
            .WithSummary("Up to 6 library feeds side by side, every nutrient on a DM basis.");

        var farm = endpoints.Farm().MapGroup("").WithTags("Feed search");
        farm.MapGet("/feed-search", SearchFarmAsync).WithName("SearchFarmFeeds").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("The built-in libraries and the farm's own feeds by name words, category and nutrient ranges.");
        farm.MapGet("/feed-compare", CompareFarmAsync).WithName("CompareFarmFeeds").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Up to 6 library or farm feeds side by side, every nutrient on a DM basis.");
        return endpoints;
    }

    /// <param name="q">Words of the English or Korean name (or id); every word must occur, spacing ignored.</param>
    /// <param name="range">A nutrient range as NAME:MIN:MAX per kg DM in the nutrient's unit; either bound may be empty (Fd_NDF::20).</param>
    private static Task<Results<Ok<FeedSearchResponse>, ValidationProblem>> SearchLibrariesAsync(
        IFeedSearchStore store, CancellationToken cancellationToken,
        string? q = null, string? category = null, string[]? range = null, int page = 1, int pageSize = 20) =>
        SearchAsync(store, [], q, category, range, page, pageSize, cancellationToken);

    private static async Task<Results<Ok<FeedSearchResponse>, ValidationProblem, NotFound>> SearchFarmAsync(
        Guid farmId, IFeedSearchStore store, IGrainFactory grains, CancellationToken cancellationToken,
        string? q = null, string? category = null, string[]? range = null, int page = 1, int pageSize = 20)
    {
        if (await RefreshFarmFeedsAsync(farmId, store, grains, cancellationToken) is not { } owner)
        {
            return TypedResults.NotFound();
        }

        return await SearchAsync(store, [owner], q, category, range, page, pageSize, cancellationToken) switch
        {
            { Result: Ok<FeedSearchResponse> ok } => ok,
            { Result: ValidationProblem problem } => problem,
            _ => throw new InvalidOperationException("unexpected search result"),
        };
    }

    private static Task<Results<Ok<FeedComparison>, ValidationProblem>> CompareLibrariesAsync(
        IFeedSearchStore store, CancellationToken cancellationToken, string[]? ids = null) =>
        CompareAsync(store, [], ids, cancellationToken);

    private static async Task<Results<Ok<FeedComparison>, ValidationProblem, NotFound>> CompareFarmAsync(
        Guid farmId, IFeedSearchStore store, IGrainFactory grains, CancellationToken cancellationToken, string[]? ids = null)
    {
        if (await RefreshFarmFeedsAsync(farmId, store, grains, cancellationToken) is not { } owner)
        {
            return TypedResults.NotFound();
        }

        return await CompareAsync(store, [owner], ids, cancellationToken) switch
        {
            { Result: Ok<FeedComparison> ok } => ok,
            { Result: ValidationProblem problem } => problem,
            _ => throw new InvalidOperationException("unexpected comparison result"),
        };
    }

    private static async Task<Results<Ok<FeedSearchResponse>, ValidationProblem>> SearchAsync(
        IFeedSearchStore store, IReadOnlyList<string> owners, string? q, string? category, string[]? range, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(q is null || q.Length <= 200, "q", "must be at most 200 characters.")
            .Require(category is null || category.Length <= 100, "category", "must be at most 100 characters.")
            .Require(page is >= 1 and <= 10_000, "page", "must be between 1 and 10000.")
            .Require(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}.");
        var words = FeedSearchText.Words(q);
        validation.Require(words.Count <= FeedSearchText.MaxWords, "q", $"must have at most {FeedSearchText.MaxWords} words.");
        var ranges = new List<NutrientRange>();
        foreach (var (text, index) in (range ?? []).Select((r, i) => (r, i)))
        {
            if (ParseRange(text) is { } parsed)
            {
                ranges.Add(parsed);
            }
            else
            {
                validation.Add($"range[{index}]", "must be NAME:MIN:MAX with a NASEM feed column (Fd_CP, Fd_NDF …) and numbers, MIN ≤ MAX, at least one given.");
            }
        }

        validation.Require(ranges.Count <= 10, "range", "at most 10 ranges.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var query = new FeedQuery(words, category?.Trim(), ranges, owners, (page - 1) * pageSize, pageSize);
        var result = await store.SearchAsync(query, cancellationToken);
        var suggestions = words.Count > 0 && result.Total < FeedSearchText.FewMatches
            ? await store.SuggestAsync(query, MaxSuggestions, cancellationToken)
            : [];
        var rangeNutrients = ranges.Select(r => r.Nutrient).ToArray();
        return TypedResults.Ok(new FeedSearchResponse(
            [.. result.Feeds.Select(f => FeedSummary.From(f, rangeNutrients))], result.Total, page, pageSize, suggestions));
    }

    private static async Task<Results<Ok<FeedComparison>, ValidationProblem>> CompareAsync(
        IFeedSearchStore store, IReadOnlyList<string> owners, string[]? ids, CancellationToken cancellationToken)
    {
        var asked = (ids ?? []).Distinct(StringComparer.Ordinal).ToList();
        var validation = new Validation()
            .Require(asked.Count is >= 2 and <= MaxCompared, "ids", $"give 2 to {MaxCompared} different feed ids.")
            .Require(asked.All(i => i.Length is > 0 and <= 300), "ids", "every id must be 1–300 characters.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var feeds = await store.GetAsync(asked, owners, cancellationToken);
        foreach (var missing in asked.Where(id => feeds.All(f => f.Id != id)))
        {
            validation.Add("ids", $"no feed '{missing}'.");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var rows = new List<ComparisonRow>();
        foreach (var nutrient in Enum.GetValues<FeedNutrient>())
        {
            var values = feeds.Select(f => double.IsNaN(f[nutrient]) ? (double?)null : f[nutrient]).ToList();
            var present = values.OfType<double>().ToList();
            if (present.Count > 0)
            {
                rows.Add(new ComparisonRow(nutrient.ToString(), FeedNutrients.Unit(nutrient), values,
                    present.Count >= 2 ? present.Max() - present.Min() : null));
            }
        }

        return TypedResults.Ok(new FeedComparison([.. feeds.Select(f => FeedSummary.From(f))], rows));
    }

    /// <summary>Puts the farm's current feeds (library feed with the farm's DM and analysis on top) into the search table
    /// under the farm; null when the farm does not exist.</summary>
    private static async Task<string?> RefreshFarmFeedsAsync(Guid farmId, IFeedSearchStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var grain = grains.Farm(farmId);
        if (await grain.GetAsync(cancellationToken) is null)
        {
            return null;
        }

        var owner = $"farm:{farmId}";
        var feeds = (await grain.GetFeedsAsync(null, cancellationToken))
            .Select(f => UserFeeds.Create(f.Definition.ToUserFeed(farmId)).Feed)
            .OfType<Feed>()
            .ToList();
        await store.ReplaceAsync(owner, feeds, cancellationToken);
        return owner;
    }

    internal static NutrientRange? ParseRange(string? text)
    {
        var parts = (text ?? "").Split(':');
        if (parts.Length != 3 || !FeedNutrients.TryParse(parts[0].Trim(), out var nutrient))
        {
            return null;
        }

        double? Bound(string s) => s.Trim().Length == 0 ? null
            : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN;
        var min = Bound(parts[1]);
        var max = Bound(parts[2]);
        if (min is double.NaN || max is double.NaN || (min is null && max is null) || (min > max))
        {
            return null;
        }

        return new NutrientRange(nutrient, min, max);
    }
}
