using Cnucnm.Analytics.Anomalies;
using Cnucnm.Analytics.Intake;
using Cnucnm.Api.Groups;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Cnucnm.Contracts;

namespace Cnucnm.Api.Analytics;

/// <summary>Analytics over a farm's stored records (src/Cnucnm.Analytics, pure and stateless). Farm viewers and up.</summary>
public static class AnalyticsEndpoints
{
    /// <summary>Days the adapted prediction learns from before the held-back days are scored.</summary>
    public const int MinimumLearningDays = 7;

    /// <summary>Longest KPI period: a year and a day (a leap year's 366 days; the store keeps two years of intake days).</summary>
    public const int MaximumKpiDays = 366;

    /// <summary>Longest intake analysis: a year of days.</summary>
    public const int MaximumIntakeAnalysisDays = 365;

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Farm().MapGet("/groups/{groupId:guid}/analytics/intake", IntakeAsync)
            .WithTags("Analytics").WithName("GetGroupIntakeAnalytics").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Model vs adapted vs observed intake of a group over its last complete days (days: 7–365, heldBackDays: 1–30).")
            .WithDescription("The adapted prediction learns the ratio observed / model DMI by a conjugate normal (local level) update each day "
                             + "(docs/analytics.md). The evaluation learns from all days but the last heldBackDays, then scores the book "
                             + "equation and the adapted prediction on those days (MAE kg DM/head/d, RMSPE %). 409 when the group has no "
                             + "predicted intake.");
        endpoints.Farm().MapGet("/kpis", KpisAsync)
            .WithTags("Analytics").WithName("GetFarmKpis").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Feeding KPIs of the farm, each group and each day from..to (at most 366 days; today counts the day so far).")
            .WithDescription("Feed cost per head per day, per kg milk and per kg gain; income over feed cost (milkPricePerKg, "
                             + "carcassPricePerKg and dressingPercent, in the farm's currency); feed efficiency; refusals %; ration "
                             + "compliance (delivered % of formulated). Built from intake days, the ration in force each day, milk tests "
                             + "and weighings (docs/analytics.md).");
        return endpoints;
    }

    private static async Task<Results<Ok<IntakeAnalyticsResponse>, ValidationProblem, NotFound, ProblemHttpResult>> IntakeAsync(
        Guid farmId, Guid groupId, IGrainFactory grains, CancellationToken cancellationToken, int days = 30, int heldBackDays = 7)
    {
        var validation = new Validation()
            .Require(days is >= 7 and <= MaximumIntakeAnalysisDays, "days", $"must be between 7 and {MaximumIntakeAnalysisDays}.")
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
        var history = await grains.Group(groupId).GetIntakeHistoryAsync(days + 1, cancellationToken);
        var observed = CompleteDays(history, group.Intake.Today, group.Inputs.HeadCount, model).TakeLast(days).ToList();

        var options = AdaptiveIntakeOptions.Default;
        var belief = AdaptiveIntakePredictor.Learn(observed, options);
        var evaluation = observed.Count >= heldBackDays + MinimumLearningDays
            ? IntakeEvaluationSummary.From(AdaptiveIntakePredictor.Evaluate(observed, heldBackDays, options))
            : null;
        var drops = RobustAnomalyDetector.Detect(observed.Select(d => new DailyValue(d.Date, d.ObservedDryMatterKgPerHeadPerDay)), AnomalyDirection.Drop);
        return TypedResults.Ok(new IntakeAnalyticsResponse(groupId, group.Name, model, belief.MeanRatio, belief.StandardDeviation, belief.DaysSeen,
            AdaptiveIntakePredictor.Predict(belief, group.Intake.Today, model, options),
            AdaptiveIntakePredictor.OneStepAhead(observed, options), evaluation, drops, options));
    }

    private static async Task<Results<Ok<FarmKpiResponse>, ValidationProblem, NotFound>> KpisAsync(
        Guid farmId, IGrainFactory grains, TimeProvider clock, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null,
        double milkPricePerKg = 0, double carcassPricePerKg = 0, double dressingPercent = 0)
    {
        var validation = new Validation()
            .Require(from is not null, "from", "is required (yyyy-MM-dd).")
            .Require(to is not null, "to", "is required (yyyy-MM-dd).")
            .RequireRange(milkPricePerKg, "milkPricePerKg", 0, 1e9)
            .RequireRange(carcassPricePerKg, "carcassPricePerKg", 0, 1e9)
            .RequireRange(dressingPercent, "dressingPercent", 0, 100);
        if (from is { } f && to is { } t)
        {
            validation.Require(f <= t, "to", "must not be before from.")
                .Require(t.DayNumber - f.DayNumber < MaximumKpiDays, "to", $"the period may span at most {MaximumKpiDays} days.");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var farm = await grains.Farm(farmId).GetAsync(cancellationToken);
        if (farm is null)
        {
            return TypedResults.NotFound();
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(farm.Profile.TimeZone, out var farmZone) ? farmZone : TimeZoneInfo.Utc;
        // The group's history is asked for by days back from the farm's today: back to the period's first day.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var historyDays = Math.Max(1, today.DayNumber - from!.Value.DayNumber + 1);
        var prices = new Cnucnm.Analytics.Kpis.ProductPrices(milkPricePerKg, carcassPricePerKg, dressingPercent);
        var groups = new List<GroupKpis>();
        var days = new List<Cnucnm.Analytics.Kpis.FeedingPeriod>();
        foreach (var reference in farm.Groups)
        {
            var group = await grains.Group(reference.GroupId).GetAsync(cancellationToken);
            if (group is null || group.Inputs.HeadCount < 1)
            {
                continue;
            }

            var ration = await grains.Ration(reference.GroupId).GetAsync(cancellationToken);
            var history = await grains.Group(reference.GroupId).GetIntakeHistoryAsync(historyDays, cancellationToken);
            var groupDays = FeedingPeriodsFromRecords.Days(group, ration, history, from!.Value, to!.Value, zone);
            if (groupDays.Count == 0)
            {
                continue;
            }

            var totals = Sum(group.Name, groupDays);
            // From the days (not the summed totals), so that days without a ration in force are left out of compliance and cost.
            groups.Add(new GroupKpis(group.GroupId, group.Name, Cnucnm.Analytics.Kpis.FeedingKpiCalculator.Combined(group.Name, groupDays, prices), totals,
                [.. groupDays.OrderBy(d => d.From).Select(d => Cnucnm.Analytics.Kpis.FeedingKpiCalculator.Combined(
                    d.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), [d], prices))],
                Weekly(groupDays, prices)));
            days.AddRange(groupDays);
        }

        var daily = days.GroupBy(d => d.From).OrderBy(g => g.Key)
            .Select(g => Cnucnm.Analytics.Kpis.FeedingKpiCalculator.Combined(g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), [.. g], prices))
            .ToList();
        return TypedResults.Ok(new FarmKpiResponse(farmId, from!.Value, to!.Value, farm.Profile.Currency, prices,
            days.Count > 0 ? Cnucnm.Analytics.Kpis.FeedingKpiCalculator.Combined("farm", days, prices) : null,
            [.. groups.OrderBy(g => g.Group, StringComparer.CurrentCulture)], daily, Weekly(days, prices)));
    }

    /// <summary>The KPIs of each calendar week (Monday to Sunday, the farm's calendar) from the days in it: ratios of the week's sums
    /// (cost ÷ milk, milk ÷ DM …), never means of daily ratios. Each week's <c>scope</c> is its Monday; a week cut by the period
    /// counts only its days in the period.</summary>
    private static List<Cnucnm.Analytics.Kpis.FeedingKpis> Weekly(IReadOnlyList<Cnucnm.Analytics.Kpis.FeedingPeriod> days, Cnucnm.Analytics.Kpis.ProductPrices prices) =>
        [.. days.GroupBy(d => d.From.AddDays(-(((int)d.From.DayOfWeek + 6) % 7))).OrderBy(g => g.Key)
            .Select(g => Cnucnm.Analytics.Kpis.FeedingKpiCalculator.Combined(g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), [.. g], prices))];

    /// <summary>A group's days added into one period; milk, gain and cost stay null when no day recorded them.</summary>
    private static Cnucnm.Analytics.Kpis.FeedingPeriod Sum(string group, IReadOnlyList<Cnucnm.Analytics.Kpis.FeedingPeriod> days) => new(
        group, days.Min(d => d.From), days.Max(d => d.To), days.Sum(d => d.HeadDays), days.Sum(d => d.FormulatedAsFedKg),
        days.Sum(d => d.DeliveredAsFedKg), days.Sum(d => d.RefusedAsFedKg), days.Sum(d => d.ConsumedDryMatterKg),
        days.All(d => d.FeedCost is not null) ? days.Sum(d => d.FeedCost!.Value) : null,
        days.Any(d => d.MilkKg is not null) ? days.Sum(d => d.MilkKg ?? 0) : null,
        days.Any(d => d.LiveWeightGainKg is not null) ? days.Sum(d => d.LiveWeightGainKg ?? 0) : null,
        days.All(d => d.RationInForce));

    /// <summary>Days before today (today is still filling) with readings and dry matter, per head.</summary>
    private static IEnumerable<Cnucnm.Analytics.Intake.ModelledIntakeDay> CompleteDays(
        IEnumerable<Contracts.Groups.IntakeDay> history, DateOnly today, int headCount, double modelKgPerHead) =>
        history.Where(d => d.Day < today && d.Readings > 0 && d.DryMatterKg > 0)
            .OrderBy(d => d.Day)
            .Select(d => new Cnucnm.Analytics.Intake.ModelledIntakeDay(d.Day, modelKgPerHead, d.DryMatterKg / (d.HeadCount ?? headCount)));
}
