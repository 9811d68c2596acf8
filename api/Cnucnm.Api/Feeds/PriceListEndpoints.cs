using Cnucnm.Api.Infrastructure;
using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Feeds;

/// <summary>Price lists: a CSV of effective-dated prices for the farm's feeds, stored all or nothing; each price goes
/// through the farm grain, so a change in effect flows to the rations as any price change does.</summary>
public static class PriceListEndpoints
{
    public static IEndpointRouteBuilder MapPriceListEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/farms/{farmId:guid}/feed-prices/import", ImportAsync).AcceptsImportFiles().WithTags("Farm feeds").WithName("ImportFeedPrices")
            .RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Import a price list (CSV: feed, effectiveFrom, amount, basis, currency, supplier, region); row and column errors, nothing stored on any error.");
        return endpoints;
    }

    private static async Task<Results<Ok<PriceListImportResult>, ValidationProblem, NotFound>> ImportAsync(
        Guid farmId, PriceListImportRequest request, IGrainFactory grains, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var farm = grains.Farm(farmId);
        if (await farm.GetAsync(cancellationToken) is not { } snapshot)
        {
            return TypedResults.NotFound();
        }

        if (request.Csv is not { Length: > 0 and <= 1_000_000 } csv)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["csv"] = ["is required (at most 1,000,000 characters)."] });
        }

        var feeds = (await farm.GetFeedsAsync(null, cancellationToken)).Select(f => f.Definition.FeedId).ToHashSet(StringComparer.Ordinal);
        var (rows, errors) = PriceListImport.Read(csv, snapshot.Profile.Currency, feeds);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors
                .GroupBy(e => e.Row == 1 && e.Column.Length > 0 ? $"csv.header.{e.Column}" : $"csv.row{e.Row}.{e.Column}".TrimEnd('.'))
                .ToDictionary(g => g.Key, g => g.Select(e => $"row {e.Row}{(e.Column.Length > 0 ? $", column {e.Column}" : "")}: {e.Message}").ToArray()));
        }

        // Oldest first, so that the price in effect today is the last one recorded.
        foreach (var row in rows.OrderBy(r => r.Price.EffectiveFrom))
        {
            await farm.SetPriceAsync(row.FeedId, row.Price, user.ActorId(), cancellationToken);
        }

        return TypedResults.Ok(new PriceListImportResult(rows.Count, await farm.GetFeedsAsync(null, cancellationToken)));
    }
}

public sealed record PriceListImportRequest(string? Csv);

/// <summary>How many prices were stored and the farm's feeds with the prices now in effect and their history.</summary>
public sealed record PriceListImportResult(int Imported, IReadOnlyList<FarmFeed> Feeds);
