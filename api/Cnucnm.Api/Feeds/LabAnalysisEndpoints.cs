using Cnucnm.Api.Infrastructure;
using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Rations;
using Cnucnm.Contracts.Security;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.Feeds.LabAnalyses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Feeds;

/// <summary>
/// Lab analyses of a farm feed (a silage pit, a delivery): check a report and see what changes and which of the farm's
/// rations use the feed; apply one analysis: the feed takes the analysed values, the rations using it are re-evaluated
/// by the full model and re-formulated by the farm's policy (RationGrain.ReformulateAsync).
/// </summary>
public static class LabAnalysisEndpoints
{
    public static IEndpointRouteBuilder MapLabAnalysisEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var analyses = endpoints.Farm().MapGroup("/feeds/{feedId}/lab-analyses").WithTags("Farm feeds");
        analyses.MapPost("/preview", PreviewAsync).AcceptsImportFiles().WithName("PreviewLabAnalysis").RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Check a lab report (CSV or XLSX, DM basis): row/column errors, or each analysis's change from the current values and the rations using the feed.");
        analyses.MapPost("/apply", ApplyAsync).AcceptsImportFiles().WithName("ApplyLabAnalysis").RequireAuthorization(Policies.Farm(FarmPermission.EditFeeds))
            .WithSummary("Apply one analysis of a report to the feed; rations using it are re-evaluated and re-formulated by the farm's policy.");
        return endpoints;
    }

    private static async Task<Results<Ok<LabAnalysisPreview>, ValidationProblem, NotFound>> PreviewAsync(
        Guid farmId, string feedId, LabAnalysisRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (context, problem) = await ReadAsync(farmId, feedId, request, grains, cancellationToken);
        if (context is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        var rations = await RationsUsingAsync(grains, context.Value.Farm, feedId, cancellationToken);
        var analyses = new List<AnalysisChanges>();
        foreach (var analysis in context.Value.Analyses)
        {
            // Each ration with the analysed feed in place of the current one (full model, same kg DM per head).
            var changed = WithAnalysis(context.Value.Definition, analysis);
            var after = new List<AffectedRation>();
            foreach (var (group, _) in rations)
            {
                if (await grains.Group(group.GroupId).GetRationInputsAsync(cancellationToken) is { } inputs
                    && await grains.Ration(group.GroupId).PreviewFeedChangeAsync(inputs, changed, cancellationToken) is { } change)
                {
                    after.Add(new AffectedRation(group.GroupId, group.Name, change.Before, change.After, null));
                }
            }

            analyses.Add(new AnalysisChanges(analysis.Row, analysis.SampleId, analysis.SampledOn, LabAnalysisImport.Changes(context.Value.Current, analysis), after,
                LabAnalysisImport.Gaps(context.Value.Current, analysis)));
        }

        return TypedResults.Ok(new LabAnalysisPreview(feedId, analyses,
            [.. rations.Select(r => new AffectedRation(r.Group.GroupId, r.Group.Name, r.Ration, null, null))]));
    }

    private static async Task<Results<Ok<LabAnalysisApplied>, ValidationProblem, NotFound>> ApplyAsync(
        Guid farmId, string feedId, LabAnalysisRequest request, IGrainFactory grains, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (context, problem) = await ReadAsync(farmId, feedId, request, grains, cancellationToken);
        if (context is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        var (farm, definition, current, analyses) = context.Value;
        var analysis = request.Row is { } row ? analyses.FirstOrDefault(a => a.Row == row) : analyses.Count == 1 ? analyses[0] : null;
        if (analysis is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["row"] = [request.Row is null ? "the report has several analyses: give the row to apply." : $"row {request.Row} is not an analysis of the report."],
            });
        }

        var before = await RationsUsingAsync(grains, farm, feedId, cancellationToken);
        var updated = WithAnalysis(definition, analysis);
        var actor = user.ActorId();
        var reasonMessage = analysis.SampleId is not { } sample ? Cnucnm.Nutrition.Messages.ServerMessage.Of("reason.labAnalysis", ("feed", feedId))
            : analysis.SampledOn is not { } on ? Cnucnm.Nutrition.Messages.ServerMessage.Of("reason.labAnalysisSample", ("feed", feedId), ("sample", sample))
            : Cnucnm.Nutrition.Messages.ServerMessage.Of("reason.labAnalysisSampleDate", ("feed", feedId), ("sample", sample),
                ("date", on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var reason = Cnucnm.Nutrition.Messages.ServerText.English(reasonMessage);
        // The farm stores the feed with the ration work it causes (re-evaluate, then re-formulate by the farm's policy) and does
        // it: a crash in between still updates every ration (FarmGrain's outbox).
        var put = await grains.Farm(farmId).PutFeedAsync(updated, actor, RationChangeCause.Of(RationChangeKind.FeedChanged, actor, reasonMessage), cancellationToken);
        var outcomes = (put.Rations ?? []).ToDictionary(r => r.GroupId);

        // A group missing from the outcomes is still being updated (its silo was lost): shown as before, finished by the farm.
        var affected = before.Select(b => new AffectedRation(b.Group.GroupId, b.Group.Name, b.Ration,
            outcomes.GetValueOrDefault(b.Group.GroupId)?.ReEvaluated, outcomes.GetValueOrDefault(b.Group.GroupId)?.Reformulation)).ToList();

        await grains.FarmEvents(farmId).PublishAsync(FarmEventKind.AnalysisApplied, null,
            $"{reason} applied; {affected.Count} ration(s) re-evaluated", new Dictionary<string, double> { ["rations"] = affected.Count },
            CancellationToken.None); // stored already: the event goes out even if the client has gone
        return TypedResults.Ok(new LabAnalysisApplied(feedId, analysis.Row, LabAnalysisImport.Changes(current, analysis), affected,
            LabAnalysisImport.Gaps(current, analysis)));
    }

    private static FarmFeedDefinition WithAnalysis(FarmFeedDefinition definition, LabAnalysis analysis)
    {
        var composition = new Dictionary<string, double>(definition.Composition);
        foreach (var (nutrient, value) in analysis.Values.Where(v => v.Key != FeedNutrient.Fd_DM))
        {
            composition[nutrient.ToString()] = value;
        }

        return definition with { Composition = composition, DryMatterPercent = analysis.Values[FeedNutrient.Fd_DM] };
    }

    private static async Task<((FarmSnapshot Farm, FarmFeedDefinition Definition, Feed Current, IReadOnlyList<LabAnalysis> Analyses)? Context, ValidationProblem? Problem)> ReadAsync(
        Guid farmId, string feedId, LabAnalysisRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var grain = grains.Farm(farmId);
        if (await grain.GetAsync(cancellationToken) is not { } farm
            || (await grain.GetFeedsAsync(null, cancellationToken)).FirstOrDefault(f => f.Definition.FeedId == feedId)?.Definition is not { } definition
            || UserFeeds.Create(definition.ToUserFeed(farmId)).Feed is not { } current)
        {
            return (null, null);
        }

        if (definition.LotId is not null)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["feedId"] = ["this feed is a feed lot: enter its analyses on the lot (they reach every farm using it)."],
            }));
        }

        var (analyses, errors) = LabReports.Read(request.Csv, request.Xlsx, current);
        if (errors is not null)
        {
            return (null, TypedResults.ValidationProblem(errors));
        }

        return ((farm, definition, current, analyses), null);
    }

    private static async Task<List<(FarmGroupRef Group, RationVersion Ration)>> RationsUsingAsync(
        IGrainFactory grains, FarmSnapshot farm, string feedId, CancellationToken cancellationToken)
    {
        var rations = new List<(FarmGroupRef, RationVersion)>();
        foreach (var group in farm.Groups)
        {
            if (await grains.Ration(group.GroupId).GetCurrentAsync(cancellationToken) is { } current
                && current.Items.Any(i => i.FeedId == feedId))
            {
                rations.Add((group, current));
            }
        }

        return rations;
    }
}

/// <param name="Csv">The lab report: a header row (DM, CP, NDF … or NASEM names; Sample ID, Date) and one row per analysis, DM basis.</param>
/// <param name="Row">For apply: the file row of the analysis to apply (needed when the report has several).</param>
/// <param name="Xlsx">Or the lab report as an XLSX workbook, base64 (first sheet, same columns as the CSV).</param>
public sealed record LabAnalysisRequest(string? Csv, int? Row, string? Xlsx = null);

/// <param name="Rations">The rations using the feed, before and with this analysis (full model; <c>reEvaluated</c> holds the after).</param>
/// <param name="CompositionGaps">Values the model needs that neither the analysis nor the feed gives, by report row and NASEM column,
/// with the value used (imputed from a named similar feed, or unknown and assumed 0: docs/science.md, "Blank feed composition").</param>
public sealed record AnalysisChanges(int Row, string? SampleId, DateOnly? SampledOn, IReadOnlyList<NutrientChange> Changes, IReadOnlyList<AffectedRation> Rations,
    IReadOnlyList<CompositionImportGap> CompositionGaps);

/// <summary>A ration that uses the feed: as it is, and after the analysis (re-evaluated by the full model, then the
/// re-formulation outcome under the farm's policy: applied, or a suggestion waiting for approval).</summary>
public sealed record AffectedRation(Guid GroupId, string GroupName, RationVersion Before, RationVersion? ReEvaluated, ReformulationResult? Reformulation);

public sealed record LabAnalysisPreview(string FeedId, IReadOnlyList<AnalysisChanges> Analyses, IReadOnlyList<AffectedRation> Rations);

/// <param name="CompositionGaps">As in the preview: what the model still imputes or assumes 0 for the feed after this analysis.</param>
public sealed record LabAnalysisApplied(string FeedId, int Row, IReadOnlyList<NutrientChange> Changes, IReadOnlyList<AffectedRation> Rations,
    IReadOnlyList<CompositionImportGap> CompositionGaps);
