using Cnucnm.Nutrition.Messages;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Lots;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Feeds;

/// <summary>The farm's feed list, prices (effective-dated) and inventory, and the farm's policy.</summary>
public static class FarmFeedEndpoints
{
    public static IEndpointRouteBuilder MapFarmFeedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.Farm().MapGroup("/feeds").WithTags("Farm feeds");
        feeds.MapGet("/", ListAsync).WithName("ListFarmFeeds").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("The farm's feeds with the price in effect on a date (today by default) and stock.");
        feeds.MapPut("/{feedId}", PutAsync).WithName("PutFarmFeed").RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Add or replace a feed of the farm (library feed or own analysis).");
        feeds.MapDelete("/{feedId}", DeleteAsync).WithName("DeleteFarmFeed").RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Remove a feed from the farm's list.");
        feeds.MapPost("/{feedId}/prices", PriceAsync).WithName("AddFeedPrice").RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Record a price from a date; a change beyond the farm's threshold re-formulates affected rations; a price that more than halves or doubles the feed's recent price needs confirmLargeChange.");
        feeds.MapPut("/{feedId}/inventory", InventoryAsync).WithName("SetFeedInventory").RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Set the stock on hand, kg as fed.");

        const string policyDescription = "reformulation suggest: a re-formulated ration waits as a suggestion until someone who may approve rations "
                                         + "approves it; the one exception is the first ration of a group that has none, formulated on a member's "
                                         + "request (POST …/ration/reformulate): it takes effect at once, because nothing is being fed that it could "
                                         + "replace and every role that may formulate may also approve. Re-formulations the system starts (price, intake, "
                                         + "inputs, feed changes) always wait. automatic: every ration that meets everything takes effect at once. A "
                                         + "best-possible ration (one that misses a requirement) always waits, whatever the policy.";
        endpoints.Farm().MapGet("/policy", GetPolicyAsync).WithTags("Farms").WithName("GetFarmPolicy")
            .RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Re-formulation policy (automatic or suggest) and alert thresholds.")
            .WithDescription(policyDescription);
        endpoints.Farm().MapPut("/policy", PolicyAsync).WithTags("Farms").WithName("SetFarmPolicy")
            .RequireAuthorization(Policies.Farm(FarmPermission.ManageFarm))
            .WithSummary("Re-formulation policy (automatic or suggest) and alert thresholds.")
            .WithDescription(policyDescription);
        return endpoints;
    }

    private static async Task<Results<Ok<List<FarmFeedResponse>>, NotFound>> ListAsync(Guid farmId, IGrainFactory grains, CancellationToken cancellationToken, DateOnly? on = null)
    {
        if (await grains.Farm(farmId).GetAsync(cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await grains.Farm(farmId).GetFeedsAsync(on, cancellationToken)).Select(f => FarmFeedResponse.From(f, farmId)).ToList());
    }

    private static async Task<Results<Ok<FarmFeedResponse>, ValidationProblem, NotFound>> PutAsync(
        Guid farmId, string feedId, FarmFeedRequest request, IGrainFactory grains, ClaimsPrincipal user, IFarmMembershipStore memberships,
        CancellationToken cancellationToken)
    {
        if (request.LotId is { } lotId)
        {
            return await PutLotFeedAsync(farmId, feedId, lotId, request, grains, user, memberships, cancellationToken);
        }

        var validation = new Validation()
            .Require(IsFeedId(feedId), "feedId", "must be 1–64 letters, digits, '-', '_' or '.' (and not \"tmr\").")
            .RequireText(request.Name, "name", 200)
            .RequireRange(request.DryMatterPercent, "dryMatterPercent", 0.5, 100)
            .Require(request.LibraryFeedId is not null || request.Composition is { Count: > 0 }, "composition", "is required when no libraryFeedId is given.")
            .Require(request.LibraryFeedId is null || request.LibraryFeedId.Length <= 300, "libraryFeedId", "is too long.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var definition = new FarmFeedDefinition(feedId, request.Name!.Trim(), request.LibraryFeedId,
            request.DryMatterPercent!.Value, request.Composition ?? new Dictionary<string, double>(), request.IsForage ?? false);
        // The nutrition library's own checks: known library feed, known nutrient names, values in their ranges.
        AddLibraryChecks(validation, definition, farmId);

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await grains.Farm(farmId).PutFeedAsync(definition, user.ActorId(), cancellationToken: cancellationToken);
        return result.Outcome == FarmFeedOutcome.Ok ? TypedResults.Ok(FarmFeedResponse.From(result.Feed!, farmId)) : TypedResults.NotFound();
    }

    /// <summary>A farm feed that is a feed lot: the lot's values, under the farm's id and name. The lot must be the farm's own or one of
    /// a farm where the caller edits feeds (a cooperative's silage, a mill's delivery shared with its farms): a use of a lot binds its
    /// owner, whose analyses must then be allowed on every farm using it, so reading the owner farm is not enough.</summary>
    private static async Task<Results<Ok<FarmFeedResponse>, ValidationProblem, NotFound>> PutLotFeedAsync(
        Guid farmId, string feedId, Guid lotId, FarmFeedRequest request, IGrainFactory grains, ClaimsPrincipal user, IFarmMembershipStore memberships,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(IsFeedId(feedId), "feedId", "must be 1–64 letters, digits, '-', '_' or '.' (and not \"tmr\").")
            .RequireText(request.Name, "name", 200)
            .Require(request.LibraryFeedId is null && request.DryMatterPercent is null && request.Composition is null && request.IsForage is null,
                "lotId", "a lot's feed takes its library feed, dry matter, composition and forage flag from the lot: leave them out.");
        if (validation.IsValid
            && (await grains.Lot(lotId).GetAsync(cancellationToken) is not { } lot
                || !await new LotAccess(memberships, user).AllowsAsync(lot.OwnerFarmId, FarmPermission.EditFeeds, cancellationToken)))
        {
            validation.Add("lotId", "is not a feed lot of this farm or of a farm where you edit feeds (owner, manager or nutritionist).");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var feed = (await grains.Lot(lotId).GetAsync(cancellationToken))!.ToFarmFeed(feedId, request.Name!.Trim());
        var result = await grains.Farm(farmId).PutFeedAsync(feed, user.ActorId(), cancellationToken: cancellationToken);
        return result.Outcome == FarmFeedOutcome.Ok ? TypedResults.Ok(FarmFeedResponse.From(result.Feed!, farmId)) : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid farmId, string feedId, IGrainFactory grains, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await grains.Farm(farmId).RemoveFeedAsync(feedId, user.ActorId(), cancellationToken)).Outcome == FarmFeedOutcome.Ok
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    private static async Task<Results<Ok<FarmFeed>, ValidationProblem, NotFound>> PriceAsync(
        Guid farmId, string feedId, PriceRequest request, IGrainFactory grains, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(request.EffectiveFrom is not null, "effectiveFrom", "is required (yyyy-mm-dd).")
            .Require(request.Amount is >= 0 and <= 1_000_000_000, "amount", "must be between 0 and 1e9.")
            .Require(request.Basis is null || Enum.IsDefined(request.Basis.Value), "basis", "must be perTonneAsFed or perKgDryMatter.")
            .Require(request.Supplier is null || request.Supplier.Length <= 200, "supplier", "must be at most 200 characters.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var price = new FeedPrice(request.EffectiveFrom!.Value, request.Amount!.Value, request.Basis ?? PriceBasis.PerTonneAsFed, request.Supplier);
        // The same check as a price list import (issue 23): a price that more than halves or doubles the feed's recent one
        // waits for confirmation, so a unit slip typed by hand is not formulated on either.
        var feeds = (await grains.Farm(farmId).GetFeedsAsync(null, cancellationToken)).ToDictionary(f => f.Definition.FeedId, StringComparer.Ordinal);
        if (request.ConfirmLargeChange != true
            && PricePlausibility.Check([new PriceListRow(1, feedId, price)], feeds) is [var large, ..]
            && await grains.Farm(farmId).GetAsync(cancellationToken) is { } farm)
        {
            return TypedResults.ValidationProblem(LargeChangeErrors(large, farm.Profile.Currency));
        }

        var result = await grains.Farm(farmId).SetPriceAsync(feedId, price, user.ActorId(), cancellationToken);
        return result.Outcome == FarmFeedOutcome.Ok ? TypedResults.Ok(result.Feed!) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<FarmFeed>, ValidationProblem, NotFound>> InventoryAsync(
        Guid farmId, string feedId, InventoryRequest request, IGrainFactory grains, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireRange(request.KgAsFedOnHand, "kgAsFedOnHand", 0, 1e9);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await grains.Farm(farmId).SetInventoryAsync(feedId, request.KgAsFedOnHand!.Value, user.ActorId(), cancellationToken);
        return result.Outcome == FarmFeedOutcome.Ok ? TypedResults.Ok(result.Feed!) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<FarmPolicy>, NotFound>> GetPolicyAsync(Guid farmId, IGrainFactory grains, CancellationToken cancellationToken) =>
        await grains.Farm(farmId).GetAsync(cancellationToken) is { } farm ? TypedResults.Ok(farm.Policy) : TypedResults.NotFound();

    private static async Task<Results<Ok<FarmPolicy>, ValidationProblem, NotFound>> PolicyAsync(
        Guid farmId, FarmPolicy request, IGrainFactory grains, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(Enum.IsDefined(request.Reformulation), "reformulation", "must be suggest or automatic.")
            .RequireRange(request.PriceChangeThresholdPercent, "priceChangeThresholdPercent", 0, 100)
            .RequireRange(request.IntakeDeviationThresholdPercent, "intakeDeviationThresholdPercent", 0, 100)
            .Require(request.IntakeWindowDays is >= 1 and <= 30, "intakeWindowDays", "must be between 1 and 30.")
            .RequireRange(request.IntakeDropThresholdPercent, "intakeDropThresholdPercent", 0, 100)
            .RequireRange(request.NutrientTolerancePercent, "nutrientTolerancePercent", 0, 100)
            .Require(request.SensorSilenceMinutes is >= 5 and <= 10_080, "sensorSilenceMinutes", "must be between 5 and 10080.")
            .Require(request.InventoryWarningDays is >= 0 and <= 365, "inventoryWarningDays", "must be between 0 and 365.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await grains.Farm(farmId).SetPolicyAsync(request, user.ActorId(), cancellationToken);
        return result.Farm is { } farm ? TypedResults.Ok(farm.Policy) : TypedResults.NotFound();
    }

    /// <summary>A held single price: what it is against the recent price, and how to store it anyway (catalogue texts: the problem's
    /// field messages are given in the caller's language, with their codes, by <see cref="Localization.ValidationMessages"/>).</summary>
    internal static Dictionary<string, string[]> LargeChangeErrors(LargePriceChange change, string currency) => new(StringComparer.Ordinal)
    {
        ["amount"] = [ServerText.English(PriceJump(change, currency))],
        ["confirmLargeChange"] = [ServerText.English(ServerMessage.Of("validation.priceJump.confirm"))],
    };

    /// <summary>"{price} {currency}/kg as fed is a {percent} % rise|fall from the recent {recent} (check the amount and its basis)."
    /// With <paramref name="feed"/> (a price list's row): "{feed} at {price} … from its recent {recent} …".</summary>
    internal static ServerMessage PriceJump(LargePriceChange change, string currency, string? feed = null) => ServerMessage.Of(
        $"validation.{(feed is null ? "priceJump" : "priceListJump")}.{(change.ChangePercent > 0 ? "rise" : "fall")}", ("feed", feed),
        ("price", change.PricePerKgAsFed.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)), ("currency", currency),
        ("percent", Math.Abs(change.ChangePercent).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)),
        ("recent", change.RecentPricePerKgAsFed.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));

    internal static bool IsFeedId(string? id) =>
        id is { Length: > 0 and <= 64 } && id != Contracts.Intake.IntakeReading.TotalMixedRation
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The nutrition library's checks of a farm feed (known library feed and nutrient names, values in their
    /// ranges), named as the request names its fields.</summary>
    internal static void AddLibraryChecks(Validation validation, FarmFeedDefinition definition, Guid farmId)
    {
        foreach (var error in UserFeeds.Validate(definition.ToUserFeed(farmId)))
        {
            validation.Add(error.Field switch
            {
                "basedOn" => "libraryFeedId",
                var f when f.StartsWith("nutrients", StringComparison.Ordinal) => "composition" + f["nutrients".Length..],
                var f => f,
            }, error.Message);
        }
    }
}

/// <summary>A farm feed as listed and as saved: its definition, price, stock and use, and what the model imputes or assumes 0 for it.</summary>
/// <param name="CompositionGaps">Values the model needs that the feed neither gives nor inherits from its library feed, by NASEM column,
/// with the value used (imputed from a named similar feed, or unknown and assumed 0: docs/science.md, "Blank feed composition").</param>
public sealed record FarmFeedResponse(FarmFeedDefinition Definition, decimal? PricePerKgAsFed, IReadOnlyList<FeedPrice> PriceHistory, double? InventoryKgAsFed,
    double? UseKgAsFedPerDay, IReadOnlyList<CompositionGapLine> CompositionGaps)
{
    public static FarmFeedResponse From(FarmFeed feed, Guid farmId)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var model = UserFeeds.Create(feed.Definition.ToUserFeed(farmId)).Feed;
        IReadOnlyList<CompositionGapLine> gaps = model is null ? [] : [.. CompositionCompleteness.Complete(model).Reported.Select(CompositionGapLine.From)];
        return new(feed.Definition, feed.PricePerKgAsFed, feed.PriceHistory, feed.InventoryKgAsFed, feed.UseKgAsFedPerDay, gaps);
    }
}

public sealed record FarmFeedRequest(string? Name, string? LibraryFeedId, double? DryMatterPercent, Dictionary<string, double>? Composition, bool? IsForage,
    Guid? LotId = null);

/// <param name="Amount">Price in the farm's currency: per tonne as fed, or per kg DM (basis perKgDryMatter).</param>
/// <param name="ConfirmLargeChange">Store a price that more than halves or doubles the feed's recent price
/// (<see cref="PricePlausibility"/>); without it such a price is refused with the change reported.</param>
public sealed record PriceRequest(DateOnly? EffectiveFrom, decimal? Amount, PriceBasis? Basis, string? Supplier, bool? ConfirmLargeChange = null);

public sealed record InventoryRequest(double? KgAsFedOnHand);
