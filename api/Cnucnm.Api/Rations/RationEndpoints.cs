using Cnucnm.Api.Localization;
using Cnucnm.Nutrition.Messages;
using System.Text.RegularExpressions;
using Cnucnm.Formulation;
using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Feeds;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Rations;
using Cnucnm.Contracts.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Rations;

public static partial class RationEndpoints
{
    /// <summary>How far back a ration set by hand may say it has been fed (a year and a day).</summary>
    public const int MaxInForceDaysBack = 366;

    public static IEndpointRouteBuilder MapRationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Farm().MapGet("/rations/current", CurrentAsync).WithTags("Rations").WithName("ListCurrentRations")
            .RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Every group's ration in force (feeds, cost, balances; no history or suggestion), as the herd overview shows them: one call for the farm.");
        var ration = endpoints.Farm().MapGroup("/groups/{groupId:guid}/ration").WithTags("Rations");
        ration.MapGet("/", GetAsync).WithName("GetRation").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("The group's current ration, its cost and balances, the waiting suggestion and the history.");
        ration.MapPut("/", SetAsync).WithName("SetRation").RequireAuthorization(Policies.Farm(FarmPermission.ApproveRation))
            .WithSummary("Make the given feeds and amounts (kg DM per head per day) the group's ration.");
        ration.MapPut("/settings", SettingsAsync).WithName("SetFormulationSettings").RequireAuthorization(Policies.Farm(FarmPermission.Formulate))
            .WithSummary("Candidate feeds, bounds and guard rails for the group's formulation.");
        ration.MapPost("/reformulate", ReformulateAsync).WithName("Reformulate").RequireAuthorization(Policies.Farm(FarmPermission.Formulate))
            .WithSummary("Formulate now; by the farm's policy the result takes effect or waits as a suggestion.")
            .WithDescription("200 with outcome applied, suggested or unchanged (under the suggest policy the first ration of a group that has none is "
                             + "applied: GET /api/v1/farms/{farmId}/policy says why); outcome bestPossible when no ration meets everything: the ration with "
                             + "the smallest shortfall waits as a suggestion whatever the policy (formulation.bestPossible says what it leaves short and "
                             + "the verified ways out) and a warning alert is raised; the next formulation that meets everything closes it. 422 when "
                             + "no ration can be given at all (infeasible) or nothing can be formulated yet (notReady).");
        ration.MapPost("/preview", PreviewAsync).WithName("PreviewFormulation").RequireAuthorization(Policies.Farm(FarmPermission.Formulate))
            .WithSummary("A what-if: formulate with these settings and prices and answer as reformulate does, storing nothing.")
            .WithDescription("The body is the settings of PUT …/ration/settings plus pricesPerTonneAsFed (farm feed id → price per tonne as fed, for "
                             + "this run only). The answer has reformulate's shape: outcome says what formulating with them would do under the farm's "
                             + "policy (applied, suggested, unchanged, bestPossible, infeasible, notReady) and ration is the ration found (or the "
                             + "best-possible one). Nothing is stored: the group's ration, suggestion, settings, the feeds' prices and the alerts stay "
                             + "as they are; an infeasible or not-ready what-if is a 200 with that outcome and the explanation.");
        ration.MapPost("/suggestions/{suggestionId:guid}/approve", ApproveAsync).WithName("ApproveSuggestion")
            .RequireAuthorization(Policies.Farm(FarmPermission.ApproveRation))
            .WithSummary("Make the suggested ration the group's ration.");
        ration.MapPost("/suggestions/{suggestionId:guid}/reject", RejectAsync).WithName("RejectSuggestion")
            .RequireAuthorization(Policies.Farm(FarmPermission.ApproveRation))
            .WithSummary("Discard the suggested ration.");
        ration.MapGet("/mixer-sheet", MixerSheetAsync).WithName("GetMixerSheet").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Mixer-wagon loads for the pen, kg as fed in loading order.")
            .WithDescription("The load sheet a feeding system can poll: loads with the head each feeds, every feed in loading order with its kg as fed. "
                             + "With scaleResolutionKg each amount is rounded to the scale's step and roundingEffects gives each nutrient's supply as % "
                             + "of requirement as formulated and as loaded (full NASEM model). Loads and refusals come back through POST /api/v1/intake-readings.");
        return endpoints;
    }

    private static async Task<Results<Ok<List<GroupCurrentRation>>, NotFound>> CurrentAsync(Guid farmId, IGrainFactory grains, MessageLocalizer text,
        CancellationToken cancellationToken)
    {
        if (await grains.Farm(farmId).GetAsync(cancellationToken) is not { } farm)
        {
            return TypedResults.NotFound();
        }

        var current = await Task.WhenAll(farm.Groups.Select(async g =>
            new GroupCurrentRation(g.GroupId, await grains.Ration(g.GroupId).GetCurrentAsync(cancellationToken) is { } version ? text.Localize(version) : null)));
        return TypedResults.Ok(current.ToList());
    }

    private static async Task<Results<Ok<RationSnapshot>, NotFound>> GetAsync(Guid farmId, Guid groupId, IGrainFactory grains, MessageLocalizer text,
        CancellationToken cancellationToken) =>
        await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(text.Localize(await grains.Ration(groupId).GetAsync(cancellationToken)));

    private static async Task<Results<Ok<RationVersion>, ValidationProblem, NotFound>> SetAsync(
        Guid farmId, Guid groupId, SetRationRequest request, IGrainFactory grains, ClaimsPrincipal user, MessageLocalizer text, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var feeds = (await grains.Farm(farmId).GetFeedsAsync(null, cancellationToken)).ToDictionary(f => f.Definition.FeedId);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById((await grains.Farm(farmId).GetAsync(cancellationToken))?.Profile.TimeZone ?? "", out var found)
            ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var validation = new Validation()
            .Require(request.Items is { Count: > 0 and <= 100 }, "items", "must list 1 to 100 feeds.")
            .Require(request.Reason is null || request.Reason.Length <= 500, "reason", "must be at most 500 characters.")
            .Require(request.InForceSince is not { } first || first <= today && first >= today.AddDays(-MaxInForceDaysBack), "inForceSince",
                $"may not be in the future or more than {MaxInForceDaysBack} days back (the farm's calendar).");
        for (var i = 0; i < (request.Items?.Count ?? 0); i++)
        {
            var item = request.Items![i];
            validation.Require(item?.FeedId is { } id && feeds.ContainsKey(id), $"items[{i}].feedId", "is not a feed of this farm.")
                      .RequireRange(item?.KgDryMatterPerHead, $"items[{i}].kgDryMatterPerHead", 0, 60);
        }

        validation.Require(request.Items is null || request.Items.Where(i => i?.FeedId is not null).Select(i => i!.FeedId).Distinct().Count() == request.Items.Count,
            "items", "lists a feed twice.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var items = request.Items!.Select(i => new RationItem(i!.FeedId!, feeds[i.FeedId!].Definition.Name, i.KgDryMatterPerHead!.Value, 0, null)).ToList();
        if (await grains.Group(groupId).GetRationInputsAsync(cancellationToken) is not { } inputs)
        {
            return TypedResults.NotFound();
        }

        var since = request.InForceSince is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))) : (DateTimeOffset?)null;
        var version = await grains.Ration(groupId).SetRationAsync(inputs, items,
            request.Reason is { } reason ? new RationChangeCause(RationChangeKind.Manual, user.ActorId(), reason)
                : RationChangeCause.Of(RationChangeKind.Manual, user.ActorId(), ServerMessage.Of("reason.setByHand")), since, cancellationToken);
        return TypedResults.Ok(text.Localize(version));
    }

    private static async Task<Results<Ok<RationSnapshot>, ValidationProblem, NotFound>> SettingsAsync(
        Guid farmId, Guid groupId, SettingsRequest request, IGrainFactory grains, ClaimsPrincipal user, MessageLocalizer text, CancellationToken cancellationToken)
    {
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var feeds = (await grains.Farm(farmId).GetFeedsAsync(null, cancellationToken)).ToDictionary(f => f.Definition.FeedId);
        var validation = ValidateSettings(request, feeds);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return TypedResults.Ok(text.Localize(await grains.Ration(groupId).SetSettingsAsync(ToSettings(request), user.ActorId(), cancellationToken)));
    }

    /// <summary>A what-if: the group formulated with the given settings and prices, nothing stored (the ration, its suggestion, the settings,
    /// the prices and the alerts stay as they are).</summary>
    private static async Task<Results<Ok<ReformulationResult>, ValidationProblem, NotFound>> PreviewAsync(
        Guid farmId, Guid groupId, PreviewRequest request, IGrainFactory grains, ClaimsPrincipal user, MessageLocalizer text, CancellationToken cancellationToken)
    {
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null
            || await grains.Group(groupId).GetRationInputsAsync(cancellationToken) is not { } inputs)
        {
            return TypedResults.NotFound();
        }

        var feeds = inputs.Feeds.ToDictionary(f => f.Definition.FeedId);
        var settingsRequest = request.ToSettingsRequest();
        var validation = ValidateSettings(settingsRequest, feeds)
            .Require(request.PricesPerTonneAsFed is null || request.PricesPerTonneAsFed.Count <= 300, "pricesPerTonneAsFed", "must hold at most 300 fields.");
        foreach (var (feedId, price) in request.PricesPerTonneAsFed ?? [])
        {
            validation.Require(feeds.ContainsKey(feedId), $"pricesPerTonneAsFed.{feedId}", "is not a feed of this farm.")
                .RequireRange((double)price, $"pricesPerTonneAsFed.{feedId}", 0, 1_000_000_000);
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        // Prices per tonne as fed ÷ 1000 = per kg as fed, the unit the formulation costs in; only for this dry run.
        var priced = request.PricesPerTonneAsFed is { Count: > 0 } prices
            ? inputs with { Feeds = [.. inputs.Feeds.Select(f => prices.TryGetValue(f.Definition.FeedId, out var p) ? f with { PricePerKgAsFed = p / 1000m } : f)] }
            : inputs;
        return TypedResults.Ok(text.Localize(await grains.Ration(groupId).PreviewFormulationAsync(priced, ToSettings(settingsRequest), user.ActorId(), cancellationToken)));
    }

    private static FormulationSettings ToSettings(SettingsRequest request) => new(
        [.. request.Candidates!.Select(c => new CandidateFeed(c!.FeedId!, c.MinKgDryMatter ?? 0, c.MaxKgDryMatter, c.FixedKgDryMatter))],
        request.DryMatterIntakeTolerancePercent ?? 0, request.MinForageNdfPercentOfDm, request.MaxStarchPercentOfDm, request.MaxFatPercentOfDm,
        request.MixerCapacityKgAsFed, request.RequestFields is { Count: > 0 } fields ? new Dictionary<string, double>(fields, StringComparer.Ordinal) : null);

    private static Validation ValidateSettings(SettingsRequest request, Dictionary<string, Cnucnm.Contracts.Farms.FarmFeed> feeds)
    {
        var validation = new Validation()
            .Require(request.Candidates is { Count: > 0 and <= 300 }, "candidates", "must list 1 to 300 feeds.")
            .RequireRange(request.DryMatterIntakeTolerancePercent, "dryMatterIntakeTolerancePercent", 0, 50, required: false)
            .RequireRange(request.MinForageNdfPercentOfDm, "minForageNdfPercentOfDm", 0, 60, required: false)
            .RequireRange(request.MaxStarchPercentOfDm, "maxStarchPercentOfDm", 0, 80, required: false)
            .RequireRange(request.MaxFatPercentOfDm, "maxFatPercentOfDm", 0, 20, required: false)
            .RequireRange(request.MixerCapacityKgAsFed, "mixerCapacityKgAsFed", 10, 100_000, required: false)
            .Require(request.RequestFields is null || request.RequestFields.Count <= 50, "requestFields", "must hold at most 50 fields.");
        foreach (var (field, value) in request.RequestFields ?? [])
        {
            validation.Require(RequestFieldPattern().IsMatch(field) && IsRequestField(field), $"requestFields.{field}",
                    "is not a settable request field (requirements.{nutrient}.minPercent|maxPercent, guardRails.{rail}, dryMatterIntakeKg.min|max).")
                .Require(double.IsFinite(value) && value is >= 0 and <= 100_000, $"requestFields.{field}", "must be a number from 0 to 100000.");
        }

        for (var i = 0; i < (request.Candidates?.Count ?? 0); i++)
        {
            var c = request.Candidates![i];
            validation.Require(c?.FeedId is { } id && feeds.ContainsKey(id), $"candidates[{i}].feedId", "is not a feed of this farm.")
                      .RequireRange(c?.MinKgDryMatter, $"candidates[{i}].minKgDryMatter", 0, 60, required: false)
                      .RequireRange(c?.MaxKgDryMatter, $"candidates[{i}].maxKgDryMatter", 0, 60, required: false)
                      .RequireRange(c?.FixedKgDryMatter, $"candidates[{i}].fixedKgDryMatter", 0, 60, required: false)
                      .Require(c is null || (c.MinKgDryMatter ?? 0) <= (c.MaxKgDryMatter ?? double.MaxValue), $"candidates[{i}]", "minKgDryMatter exceeds maxKgDryMatter.");
        }

        return validation;
    }

    /// <summary>A field the formulation's relaxations know how to set (an empty request takes it without complaint).</summary>
    private static bool IsRequestField(string field)
    {
        try
        {
            Relaxations.Set(new FormulationRequest([]), field, 1);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The group-level request fields a suggestion can set: requirement targets, guard rails, intake limits (feed limits and
    /// feeds are the candidates themselves).</summary>
    [GeneratedRegex(@"^(requirements\.[A-Za-z0-9 _-]{1,40}\.(minPercent|maxPercent)|guardRails\.[A-Za-z_.]{1,80}|dryMatterIntakeKg\.(min|max))$")]
    private static partial Regex RequestFieldPattern();

    private static async Task<Results<Ok<ReformulationResult>, ProblemHttpResult, NotFound>> ReformulateAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, ClaimsPrincipal user, MessageLocalizer text, CancellationToken cancellationToken)
    {
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        if (await grains.Group(groupId).GetRationInputsAsync(cancellationToken) is not { } inputs)
        {
            return TypedResults.NotFound();
        }

        var result = text.Localize(await grains.Ration(groupId).ReformulateAsync(inputs,
            RationChangeCause.Of(RationChangeKind.Formulated, user.ActorId(), ServerMessage.Of("reason.formulated")), null, cancellationToken));
        return result.Outcome switch
        {
            ReformulationOutcome.Infeasible => TypedResults.Problem(result.Explanation, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "No ration meets the group's requirements with these feeds and limits.",
                extensions: new Dictionary<string, object?>
                {
                    ["outcome"] = "infeasible", ["explanation"] = result.Explanation, ["relaxations"] = result.Formulation?.Explanation?.Relaxations,
                    ["explanationCode"] = result.Formulation?.Explanation?.SummaryMessage,
                }),
            ReformulationOutcome.NotReady => TypedResults.Problem(result.Explanation, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The group's ration cannot be formulated yet.", extensions: new Dictionary<string, object?> { ["outcome"] = "notReady" }),
            _ => TypedResults.Ok(result),
        };
    }

    private static async Task<Results<Ok<RationVersion>, NotFound>> ApproveAsync(
        Guid farmId, Guid groupId, Guid suggestionId, IGrainFactory grains, ClaimsPrincipal user, MessageLocalizer text, CancellationToken cancellationToken)
    {
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return await grains.Group(groupId).GetRationInputsAsync(cancellationToken) is { } inputs
               && await grains.Ration(groupId).ApproveSuggestionAsync(inputs, suggestionId, user.ActorId(), cancellationToken) is { } version
            ? TypedResults.Ok(text.Localize(version))
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> RejectAsync(
        Guid farmId, Guid groupId, Guid suggestionId, IGrainFactory grains, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return await grains.Ration(groupId).RejectSuggestionAsync(suggestionId, user.ActorId(), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<MixerSheet>, ValidationProblem, NotFound>> MixerSheetAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, CancellationToken cancellationToken, int? headCount = null, double? mixerCapacityKgAsFed = null,
        double? scaleResolutionKg = null)
    {
        var validation = new Validation()
            .Require(headCount is null or (>= 1 and <= 10_000), "headCount", "must be between 1 and 10000.")
            .RequireRange(mixerCapacityKgAsFed, "mixerCapacityKgAsFed", 10, 100_000, required: false)
            .RequireRange(scaleResolutionKg, "scaleResolutionKg", 0.01, 100, required: false);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return await grains.Group(groupId).GetRationInputsAsync(cancellationToken) is { } inputs
               && await grains.Ration(groupId).GetMixerSheetAsync(inputs, headCount, mixerCapacityKgAsFed, scaleResolutionKg, cancellationToken) is { } sheet
            ? TypedResults.Ok(sheet)
            : TypedResults.NotFound();
    }
}

/// <param name="InForceSince">The day (farm's calendar) since which the farm has been feeding this ration, when it was fed before it
/// was entered: at most <see cref="RationEndpoints.MaxInForceDaysBack"/> days back, not in the future. Feeding figures count it from then.</param>
public sealed record SetRationRequest(List<RationItemBody?>? Items, string? Reason, DateOnly? InForceSince = null);

/// <param name="KgDryMatterPerHead">kg DM per head per day.</param>
public sealed record RationItemBody(string? FeedId, double? KgDryMatterPerHead);

/// <param name="DryMatterIntakeTolerancePercent">How far the ration's DM may be from the predicted intake, % (default 0: at the predicted intake).</param>
/// <param name="MixerCapacityKgAsFed">Mixer wagon capacity for the load sheet, kg as fed.</param>
/// <param name="RequestFields">Formulation request fields set on top of the group's request, by path (a suggestion of a best-possible
/// ration that was taken): <c>requirements.Met.minPercent</c> (% of requirement), <c>guardRails.maxCrudeProteinPercentOfDm</c> (the rail's
/// unit), <c>dryMatterIntakeKg.max</c> (kg DM per head per day).</param>
public sealed record SettingsRequest(List<CandidateBody?>? Candidates, double? DryMatterIntakeTolerancePercent, double? MinForageNdfPercentOfDm,
    double? MaxStarchPercentOfDm, double? MaxFatPercentOfDm, double? MixerCapacityKgAsFed, Dictionary<string, double>? RequestFields = null);

/// <summary>A what-if formulation (<c>POST …/ration/preview</c>): the fields of <see cref="SettingsRequest"/> and prices for this run only.</summary>
/// <param name="PricesPerTonneAsFed">Price per tonne as fed by farm feed id, in the farm's currency, used instead of the price in effect
/// for this run only (never stored).</param>
public sealed record PreviewRequest(List<CandidateBody?>? Candidates, double? DryMatterIntakeTolerancePercent, double? MinForageNdfPercentOfDm,
    double? MaxStarchPercentOfDm, double? MaxFatPercentOfDm, double? MixerCapacityKgAsFed, Dictionary<string, double>? RequestFields = null,
    Dictionary<string, decimal>? PricesPerTonneAsFed = null)
{
    public SettingsRequest ToSettingsRequest() => new(Candidates, DryMatterIntakeTolerancePercent, MinForageNdfPercentOfDm, MaxStarchPercentOfDm,
        MaxFatPercentOfDm, MixerCapacityKgAsFed, RequestFields);
}

/// <param name="MinKgDryMatter">kg DM per head per day.</param>
/// <param name="FixedKgDryMatter">A fixed amount (e.g. the farm's own forage), kg DM per head per day.</param>
public sealed record CandidateBody(string? FeedId, double? MinKgDryMatter, double? MaxKgDryMatter, double? FixedKgDryMatter);

/// <summary>A group's ration in force (null: none yet), as <c>GET /api/v1/farms/{farmId}/rations/current</c> lists them.</summary>
public sealed record GroupCurrentRation(Guid GroupId, RationVersion? Current);
