using Cnucnm.Nutrition.Messages;
using Cnucnm.Api.Infrastructure;
using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Feeds;

/// <summary>Price lists: a CSV of effective-dated prices for the farm's feeds, stored all or nothing; each price goes
/// through the farm grain, so a change in effect flows to the rations as any price change does. A price far from the
/// feed's recent ones is held for confirmation (<see cref="PricePlausibility"/>): nothing is stored until it is confirmed.</summary>
public static class PriceListEndpoints
{
    public static IEndpointRouteBuilder MapPriceListEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Farm().MapPost("/feed-prices/import", ImportAsync).AcceptsImportFiles().WithTags("Farm feeds").WithName("ImportFeedPrices")
            .RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Import a price list (CSV: feed, effectiveFrom, amount, basis, currency, supplier, region); row and column errors, nothing stored on any error; prices that more than halve or double the feed's recent price need confirmLargeChanges.");
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

        var farmFeeds = (await farm.GetFeedsAsync(null, cancellationToken)).ToDictionary(f => f.Definition.FeedId, StringComparer.Ordinal);
        var (rows, errors) = PriceListImport.Read(csv, snapshot.Profile.Currency, farmFeeds.Keys.ToHashSet(StringComparer.Ordinal));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors
                .GroupBy(e => e.Row == 1 && e.Column.Length > 0 ? $"csv.header.{e.Column}" : $"csv.row{e.Row}.{e.Column}".TrimEnd('.'))
                .ToDictionary(g => g.Key, g => g.Select(e => $"row {e.Row}{(e.Column.Length > 0 ? $", column {e.Column}" : "")}: {e.Message}").ToArray()));
        }

        var large = PricePlausibility.Check(rows, farmFeeds);
        if (large.Count > 0 && request.ConfirmLargeChanges != true)
        {
            // Catalogue texts, given in the caller's language with their codes at the edge (ValidationMessages).
            var held = large.ToDictionary(c => $"csv.row{c.Row}.amount", c => new[]
            {
                ServerText.English(ServerMessage.Of("validation.atRowColumn", ("row", c.Row), ("column", "amount"))
                    .WithItems([FarmFeedEndpoints.PriceJump(c, snapshot.Profile.Currency, c.FeedId)])),
            });
            held["confirmLargeChanges"] = [ServerText.English(ServerMessage.Of("validation.priceJump.confirmList", ("count", large.Count)))];
            return TypedResults.ValidationProblem(held);
        }

        // Oldest first, so that the price in effect today is the last one recorded.
        foreach (var row in rows.OrderBy(r => r.Price.EffectiveFrom))
        {
            await farm.SetPriceAsync(row.FeedId, row.Price, user.ActorId(), cancellationToken);
        }

        return TypedResults.Ok(new PriceListImportResult(rows.Count, await farm.GetFeedsAsync(null, cancellationToken), large));
    }
}

/// <param name="ConfirmLargeChanges">Import prices that more than halve or double the feed's recent price
/// (<see cref="PricePlausibility"/>); without it such a file is refused with each of them reported.</param>
public sealed record PriceListImportRequest(string? Csv, bool? ConfirmLargeChanges = null);

/// <summary>How many prices were stored, the farm's feeds with the prices now in effect and their history, and the
/// confirmed large changes among them.</summary>
public sealed record PriceListImportResult(int Imported, IReadOnlyList<FarmFeed> Feeds, IReadOnlyList<LargePriceChange> LargeChanges);
