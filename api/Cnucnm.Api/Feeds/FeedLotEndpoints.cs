using Cnucnm.Api.Infrastructure;
using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Lots;
using Cnucnm.Contracts.Security;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.Feeds.LabAnalyses;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Feeds;

/// <summary>Feed lots of a farm (a silage pit, a delivery), shared by farm feeds on any farm that point to them. A lot's lab
/// analysis is previewed against every ration that uses the lot (its blast radius) and applied to all of them at once.</summary>
public static class FeedLotEndpoints
{
    public static IEndpointRouteBuilder MapFeedLotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var lots = endpoints.Farm().MapGroup("/lots").WithTags("Feed lots");
        lots.MapPost("/", CreateAsync).WithName("CreateFeedLot").RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Create a feed lot of the farm: the library feed it is a lot of, dry matter, dates and supplier.");
        lots.MapGet("/", ListAsync).WithName("ListFeedLots").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("The farm's feed lots with their values, the source of each value and the farm feeds using them.");
        lots.MapGet("/{lotId:guid}", GetAsync).WithName("GetFeedLot").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("One feed lot with its values, their sources and its analyses.");
        lots.MapPost("/{lotId:guid}/lab-analyses/preview", PreviewAsync).AcceptsImportFiles().WithName("PreviewLotAnalysis")
            .RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Check a lab report of the lot and list every ration on every farm using the lot, before and after (full model).");
        lots.MapPost("/{lotId:guid}/lab-analyses/apply", ApplyAsync).AcceptsImportFiles().WithName("ApplyLotAnalysis")
            .RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Apply one analysis to the lot: every farm feed of the lot takes it, rations are re-evaluated and re-formulated by each farm's policy.");
        return endpoints;
    }

    private static async Task<Results<Created<FeedLot>, ValidationProblem, NotFound>> CreateAsync(
        Guid farmId, FeedLotRequest request, IGrainFactory grains, ClaimsPrincipal user, IFarmMembershipStore memberships, CancellationToken cancellationToken)
    {
        var validation = new Cnucnm.FieldValidation.Validation()
            .RequireText(request.Name, "name", 200)
            .RequireRange(request.DryMatterPercent, "dryMatterPercent", 0.5, 100)
            .Require(request.LibraryFeedId is not null || request.Composition is { Count: > 0 }, "composition", "is required when no libraryFeedId is given.")
            .Require(request.LibraryFeedId is null || request.LibraryFeedId.Length <= 300, "libraryFeedId", "is too long.")
            .Require(request.Supplier is null || request.Supplier.Length <= 200, "supplier", "must be at most 200 characters.")
            .Require(request.ProducedOn is null || request.ReceivedOn is null || request.ReceivedOn >= request.ProducedOn, "receivedOn", "must not be before producedOn.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var definition = new FeedLotDefinition(request.Name!.Trim(), request.LibraryFeedId, request.IsForage ?? false, request.DryMatterPercent!.Value,
            request.Composition ?? new Dictionary<string, double>(), request.ProducedOn, request.ReceivedOn, request.Supplier?.Trim());
        // The lot's values pass the same library checks as a farm feed's (known library feed and nutrient names, ranges).
        var asFarmFeed = new FarmFeedDefinition("lot", definition.Name, definition.LibraryFeedId, definition.DryMatterPercent, definition.Composition, definition.IsForage);
        FarmFeedEndpoints.AddLibraryChecks(validation, asFarmFeed, farmId);

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (await grains.Farm(farmId).GetAsync(cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var lotId = Guid.CreateVersion7();
        var lot = (await grains.Lot(lotId).CreateAsync(farmId, definition, user.ActorId(), cancellationToken))!;
        await grains.Farm(farmId).AddLotAsync(lotId, cancellationToken);
        return TypedResults.Created($"/api/v1/farms/{farmId}/lots/{lotId}", await VisibleAsync(lot, new LotAccess(memberships, user), cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<FeedLot>>> ListAsync(
        Guid farmId, IGrainFactory grains, ClaimsPrincipal user, IFarmMembershipStore memberships, CancellationToken cancellationToken)
    {
        var access = new LotAccess(memberships, user);
        var lots = new List<FeedLot>();
        foreach (var lotId in await grains.Farm(farmId).GetLotsAsync(cancellationToken))
        {
            if (await grains.Lot(lotId).GetAsync(cancellationToken) is { } lot)
            {
                lots.Add(await VisibleAsync(lot, access, cancellationToken));
            }
        }

        return TypedResults.Ok<IReadOnlyList<FeedLot>>(lots);
    }

    private static async Task<Results<Ok<FeedLot>, NotFound>> GetAsync(
        Guid farmId, Guid lotId, IGrainFactory grains, ClaimsPrincipal user, IFarmMembershipStore memberships, CancellationToken cancellationToken) =>
        await grains.Lot(lotId).GetAsync(cancellationToken) is { } lot && lot.OwnerFarmId == farmId
            ? TypedResults.Ok(await VisibleAsync(lot, new LotAccess(memberships, user), cancellationToken))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<LotAnalysisPreview>, ValidationProblem, NotFound>> PreviewAsync(
        Guid farmId, Guid lotId, LotAnalysisRequest request, IGrainFactory grains, ClaimsPrincipal user, IFarmMembershipStore memberships,
        CancellationToken cancellationToken)
    {
        var (read, problem) = await ReadAsync(farmId, lotId, request, grains, cancellationToken);
        if (read is not { } context)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        var access = new LotAccess(memberships, user);
        var analyses = new List<LotAnalysisEffect>();
        foreach (var analysis in context.Analyses)
        {
            var changed = WithAnalysis(context.Lot, analysis);
            var (rations, hidden) = await BlastRadiusAsync(grains, context.Lot, changed, access, cancellationToken);
            analyses.Add(new LotAnalysisEffect(analysis.Row, analysis.SampleId, analysis.SampledOn,
                LabAnalysisImport.Changes(context.Current, analysis), rations, hidden, LabAnalysisImport.Gaps(context.Current, analysis)));
        }

        return TypedResults.Ok(new LotAnalysisPreview(lotId, analyses));
    }

    private static async Task<Results<Ok<LotAnalysisApplied>, ValidationProblem, NotFound, ProblemHttpResult>> ApplyAsync(
        Guid farmId, Guid lotId, LotAnalysisRequest request, IGrainFactory grains, ClaimsPrincipal user, IFarmMembershipStore memberships,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (read, problem) = await ReadAsync(farmId, lotId, request, grains, cancellationToken);
        if (read is not { } context)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        var analysis = request.Row is { } row ? context.Analyses.FirstOrDefault(a => a.Row == row) : context.Analyses.Count == 1 ? context.Analyses[0] : null;
        if (analysis is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["row"] = [request.Row is null ? "the report has several analyses: give the row to apply." : $"row {request.Row} is not an analysis of the report."],
            });
        }

        // Applying changes the feed on every farm using the lot: the caller needs feed rights on each of them.
        var access = new LotAccess(memberships, user);
        var farms = context.Lot.Uses.Select(u => u.FarmId).Append(farmId).Distinct().ToList();
        var lacking = 0;
        foreach (var farm in farms)
        {
            lacking += await access.AllowsAsync(farm, FarmPermission.EditFeeds, cancellationToken) ? 0 : 1;
        }

        if (lacking > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You do not have permission to do this.",
                detail: $"The lot is used on {lacking} farm(s) where you are not a nutritionist, manager or owner; applying its analysis would change their rations.");
        }

        var (before, _) = await BlastRadiusAsync(grains, context.Lot, WithAnalysis(context.Lot, analysis), access, cancellationToken);
        var actor = user.ActorId();
        var values = analysis.Values.ToDictionary(v => v.Key.ToString(), v => v.Value, StringComparer.Ordinal);
        var applied = await grains.Lot(lotId).ApplyAnalysisAsync(
            new LotAnalysis(clock.GetUtcNow(), actor, analysis.SampledOn, analysis.SampleId, request.Laboratory?.Trim(), values), cancellationToken);
        if (applied is null)
        {
            return TypedResults.NotFound();
        }

        // Every farm feed that is this lot takes the new values; each farm stores the work with the feed and re-evaluates, then
        // re-formulates by its policy, the rations that use it (FarmGrain's outbox: finished after a crash).
        var lot = context.Lot.Definition.Name;
        var reasonMessage = analysis.SampleId is not { } sample ? Cnucnm.Nutrition.Messages.ServerMessage.Of("reason.lotLabAnalysis", ("lot", lot))
            : analysis.SampledOn is not { } on ? Cnucnm.Nutrition.Messages.ServerMessage.Of("reason.lotLabAnalysisSample", ("lot", lot), ("sample", sample))
            : Cnucnm.Nutrition.Messages.ServerMessage.Of("reason.lotLabAnalysisSampleDate", ("lot", lot), ("sample", sample),
                ("date", on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var reason = Cnucnm.Nutrition.Messages.ServerText.English(reasonMessage);
        var cause = Contracts.Rations.RationChangeCause.Of(Contracts.Rations.RationChangeKind.FeedChanged, actor, reasonMessage);
        var updates = new Dictionary<Guid, GroupRationUpdate>();
        foreach (var use in applied.Uses)
        {
            var farm = grains.Farm(use.FarmId);
            if ((await farm.GetFeedsAsync(null, cancellationToken)).FirstOrDefault(f => f.Definition.FeedId == use.FeedId)?.Definition is { } feed
                && feed.LotId == lotId)
            {
                var put = await farm.PutFeedAsync(applied.ToFarmFeed(feed.FeedId, feed.Name), actor, cause, cancellationToken);
                foreach (var update in put.Rations ?? [])
                {
                    updates[update.GroupId] = update;
                }
            }
        }

        var rations = before.Select(r => r with
        {
            ReEvaluated = updates.GetValueOrDefault(r.GroupId)?.ReEvaluated,
            Reformulation = updates.GetValueOrDefault(r.GroupId)?.Reformulation,
        }).ToList();

        foreach (var usingFarm in applied.Uses.Select(u => u.FarmId).Distinct())
        {
            var count = rations.Count(r => r.FarmId == usingFarm);
            await grains.FarmEvents(usingFarm).PublishAsync(FarmEventKind.AnalysisApplied, null,
                $"{reason} applied; {count} ration(s) re-evaluated", new Dictionary<string, double> { ["rations"] = count }, CancellationToken.None);
        }

        return TypedResults.Ok(new LotAnalysisApplied(await VisibleAsync(applied, access, cancellationToken), analysis.Row,
            LabAnalysisImport.Changes(context.Current, analysis), rations, LabAnalysisImport.Gaps(context.Current, analysis)));
    }

    /// <summary>Every ration, on every farm, whose farm feed is the lot: before and after the change (full model, same kg DM).
    /// Rations of farms the caller is not a member of are counted, not shown.</summary>
    private static async Task<(List<LotAffectedRation> Rations, int HiddenFarms)> BlastRadiusAsync(
        IGrainFactory grains, FeedLot lot, FeedLot changed, LotAccess access, CancellationToken cancellationToken)
    {
        var rations = new List<LotAffectedRation>();
        var hidden = 0;
        foreach (var byFarm in lot.Uses.GroupBy(u => u.FarmId))
        {
            if (!await access.AllowsAsync(byFarm.Key, FarmPermission.Read, cancellationToken))
            {
                hidden++;
                continue;
            }

            var farm = grains.Farm(byFarm.Key);
            if (await farm.GetAsync(cancellationToken) is not { } snapshot)
            {
                continue;
            }

            var feeds = await farm.GetFeedsAsync(null, cancellationToken);
            foreach (var use in byFarm)
            {
                if (feeds.FirstOrDefault(f => f.Definition.FeedId == use.FeedId)?.Definition is not { } feed || feed.LotId != lot.LotId)
                {
                    continue;
                }

                var definition = changed.ToFarmFeed(feed.FeedId, feed.Name);
                foreach (var group in snapshot.Groups)
                {
                    if (await grains.Group(group.GroupId).GetRationInputsAsync(cancellationToken) is { } inputs
                        && await grains.Ration(group.GroupId).PreviewFeedChangeAsync(inputs, definition, cancellationToken) is { } change)
                    {
                        rations.Add(new LotAffectedRation(snapshot.FarmId, snapshot.Profile.Name, feed.FeedId, group.GroupId, group.Name,
                            change.Before, change.After, null, null));
                    }
                }
            }
        }

        return (rations, hidden);
    }

    private static FeedLot WithAnalysis(FeedLot lot, LabAnalysis analysis)
    {
        var composition = new Dictionary<string, double>(lot.Composition, StringComparer.Ordinal);
        foreach (var (nutrient, value) in analysis.Values.Where(v => v.Key != FeedNutrient.Fd_DM))
        {
            composition[nutrient.ToString()] = value;
        }

        return lot with { Composition = composition, DryMatterPercent = analysis.Values[FeedNutrient.Fd_DM] };
    }

    private static async Task<((FeedLot Lot, Feed Current, IReadOnlyList<LabAnalysis> Analyses)? Context, ValidationProblem? Problem)> ReadAsync(
        Guid farmId, Guid lotId, LotAnalysisRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await grains.Lot(lotId).GetAsync(cancellationToken) is not { } lot || lot.OwnerFarmId != farmId
            || UserFeeds.Create(lot.ToFarmFeed("lot", lot.Definition.Name).ToUserFeed(farmId)).Feed is not { } current)
        {
            return (null, null);
        }

        if (request.Laboratory is { Length: > 200 })
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["laboratory"] = ["must be at most 200 characters."] }));
        }

        var (analyses, errors) = LabReports.Read(request.Csv, request.Xlsx, current);
        if (errors is not null)
        {
            return (null, TypedResults.ValidationProblem(errors));
        }

        return ((lot, current, analyses), null);
    }

    /// <summary>The lot with only the uses on farms the caller is a member of.</summary>
    private static async Task<FeedLot> VisibleAsync(FeedLot lot, LotAccess access, CancellationToken cancellationToken)
    {
        var uses = new List<LotUse>();
        foreach (var use in lot.Uses)
        {
            if (await access.AllowsAsync(use.FarmId, FarmPermission.Read, cancellationToken))
            {
                uses.Add(use);
            }
        }

        return lot with { Uses = uses };
    }
}

/// <param name="LibraryFeedId">The library feed this is a lot of (e.g. "Corn silage, typical"); its values stand until analysed.</param>
/// <param name="DryMatterPercent">Dry matter, % as fed.</param>
/// <param name="Composition">Values known for the lot, per kg DM by NASEM name (e.g. Fd_CP in % DM).</param>
/// <param name="ProducedOn">Ensiled or manufactured on.</param>
/// <param name="ReceivedOn">Opened or delivered on.</param>
public sealed record FeedLotRequest(string? Name, string? LibraryFeedId, double? DryMatterPercent, Dictionary<string, double>? Composition, bool? IsForage,
    DateOnly? ProducedOn, DateOnly? ReceivedOn, string? Supplier);

/// <param name="Csv">The lab report: a header row (DM, CP, NDF … or NASEM names; Sample ID, Date) and one row per analysis, DM basis.</param>
/// <param name="Row">For apply: the file row of the analysis to apply (needed when the report has several).</param>
/// <param name="Laboratory">The laboratory that analysed the sample (kept with the values' source).</param>
/// <param name="Xlsx">Or the lab report as an XLSX workbook, base64 (first sheet, same columns as the CSV).</param>
public sealed record LotAnalysisRequest(string? Csv, int? Row, string? Laboratory, string? Xlsx = null);

/// <summary>A ration on a farm whose feed is the lot: before and after the analysis (full model, same kg DM per head); after applying,
/// the ration as re-evaluated and the re-formulation outcome under the farm's policy.</summary>
public sealed record LotAffectedRation(Guid FarmId, string FarmName, string FeedId, Guid GroupId, string GroupName,
    Contracts.Rations.RationVersion Before, Contracts.Rations.RationVersion After,
    Contracts.Rations.RationVersion? ReEvaluated, Contracts.Rations.ReformulationResult? Reformulation);

/// <param name="FarmsNotShown">Farms using the lot whose rations are not shown: the caller is not a member.</param>
/// <param name="CompositionGaps">Values the model needs that neither the analysis nor the lot gives, by report row and NASEM column, with
/// the value used (docs/science.md, "Blank feed composition").</param>
public sealed record LotAnalysisEffect(int Row, string? SampleId, DateOnly? SampledOn, IReadOnlyList<NutrientChange> Changes,
    IReadOnlyList<LotAffectedRation> Rations, int FarmsNotShown, IReadOnlyList<CompositionImportGap> CompositionGaps);

public sealed record LotAnalysisPreview(Guid LotId, IReadOnlyList<LotAnalysisEffect> Analyses);

public sealed record LotAnalysisApplied(FeedLot Lot, int Row, IReadOnlyList<NutrientChange> Changes, IReadOnlyList<LotAffectedRation> Rations,
    IReadOnlyList<CompositionImportGap> CompositionGaps);
