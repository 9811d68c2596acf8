using Cnucnm.Analytics.Anomalies;
using Cnucnm.Analytics.Intake;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Security;
using Cnucnm.Nutrition;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Analytics;

/// <summary>Analytics over a farm's stored records (src/Cnucnm.Analytics, pure and stateless). Farm viewers and up.</summary>
public static class AnalyticsEndpoints
{
    /// <summary>Days the adapted prediction learns from before the held-back days are scored.</summary>
    public const int MinimumLearningDays = 7;

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/farms/{farmId:guid}/groups/{groupId:guid}/analytics/intake", IntakeAsync)
            .WithTags("Analytics").WithName("GetGroupIntakeAnalytics").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Model vs adapted vs observed intake of a group over its last complete days (days: 7–90, heldBackDays: 1–30).")
            .WithDescription("The adapted prediction learns the ratio observed / model DMI by a conjugate normal (local level) update each day "
                             + "(docs/analytics.md). The evaluation learns from all days but the last heldBackDays, then scores the book "
                             + "equation and the adapted prediction on those days (MAE kg DM/head/d, RMSPE %). 409 when the group has no "
                             + "predicted intake.");
        return endpoints;
    }

    private static async Task<Results<Ok<IntakeAnalyticsResponse>, ValidationProblem, NotFound, ProblemHttpResult>> IntakeAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, CancellationToken cancellationToken, int days = 30, int heldBackDays = 7)
    {
        var validation = new Validation()
            .Require(days is >= 7 and <= 90, "days", "must be between 7 and 90.")
            .Require(heldBackDays is >= 1 and <= 30, "heldBackDays", "must be between 1 and 30.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var group = await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken);
        if (group is null)
        {
            return TypedResults.NotFound();
        }

        if (group.Intake.PredictedDryMatterKgPerHead is not > 0 || group.Inputs.HeadCount < 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The group has no predicted intake.",
                detail: group.RequirementsProblem ?? "its requirements are not computed yet.");
        }

        var model = group.Intake.PredictedDryMatterKgPerHead!.Value;
        var history = await grains.GetGrain<IAnimalGroupGrain>(groupId).GetIntakeHistoryAsync(days + 1, cancellationToken);
        var observed = CompleteDays(history, group.Intake.Today, group.Inputs.HeadCount, model).TakeLast(days).ToList();

        var options = AdaptiveIntakeOptions.Default;
        var belief = AdaptiveIntakePredictor.Learn(observed, options);
        var evaluation = observed.Count >= heldBackDays + MinimumLearningDays
            ? IntakeEvaluationSummary.From(AdaptiveIntakePredictor.Evaluate(observed, heldBackDays, options))
            : null;
        var drops = RobustAnomalyDetector.Detect(observed.Select(d => new DailyValue(d.Date, d.ObservedDryMatterKgPerHeadPerDay)), AnomalyDirection.Drop);
        return TypedResults.Ok(new IntakeAnalyticsResponse(groupId, group.Name, model, belief.MeanRatio, belief.StandardDeviation, belief.DaysSeen,
            AdaptiveIntakePredictor.Predict(belief, group.Intake.Today.AddDays(1), model, options),
            AdaptiveIntakePredictor.OneStepAhead(observed, options), evaluation, drops, options));
    }

    /// <summary>Days before today (today is still filling) with readings and dry matter, per head.</summary>
    private static IEnumerable<Cnucnm.Analytics.Intake.IntakeDay> CompleteDays(
        IEnumerable<Contracts.Groups.IntakeDay> history, DateOnly today, int headCount, double modelKgPerHead) =>
        history.Where(d => d.Day < today && d.Readings > 0 && d.DryMatterKg > 0)
            .OrderBy(d => d.Day)
            .Select(d => new Cnucnm.Analytics.Intake.IntakeDay(d.Day, modelKgPerHead, d.DryMatterKg / headCount));
}
