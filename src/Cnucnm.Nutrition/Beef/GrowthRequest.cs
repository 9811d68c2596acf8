using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>Reads a growth simulation request (the JSON of <c>POST /api/v1/growth/simulate</c> and <c>cnucnm growth</c>) into a
/// <see cref="GrowthPlan"/>, listing every invalid field.</summary>
public static class GrowthRequests
{
    private const int MaxPhases = 12;
    private const int MaxFeedsPerPhase = 30;

    /// <summary>Checks every field of <paramref name="request"/> into <paramref name="v"/>; the plan, or null when a field is invalid.</summary>
    public static GrowthPlan? ToPlan(GrowthRequest request, Validation v)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(v);
        BeefAnimalDescriptions.Validate(v, request.Animal, request.Environment);
        v.Require(request.Phases is { Count: > 0 and <= MaxPhases }, "phases", $"must list 1 to {MaxPhases} phases.")
         .Require(request.StepDays is null or 1 or 7, "stepDays", "must be 1 (daily) or 7 (weekly).")
         .RequireRange(request.TargetBodyWeightKg, "targetBodyWeightKg", 1, 1500, required: false)
         .Require(request.MaxDays is null or (>= 1 and <= 3000), "maxDays", "must be between 1 and 3000 days.");
        var phases = new List<RationPhase>();
        for (var p = 0; p < (request.Phases?.Count ?? 0) && p < MaxPhases; p++)
        {
            var phase = request.Phases![p];
            var field = $"phases[{p}]";
            if (phase is null)
            {
                v.Add(field, "is required.");
                continue;
            }

            v.Require(phase.UntilBodyWeightKg is not null || phase.DurationDays is not null || request.TargetBodyWeightKg is not null,
                    field, "give untilBodyWeightKg, durationDays or a plan targetBodyWeightKg: a phase must end.")
             .RequireRange(phase.UntilBodyWeightKg, $"{field}.untilBodyWeightKg", 1, 1500, required: false)
             .RequireRange(phase.DurationDays, $"{field}.durationDays", 1, 3000, required: false)
             .RequireRange(phase.DryMatterIntakeKgPerDay, $"{field}.dryMatterIntakeKgPerDay", 0.1, 40, required: false)
             .Require(phase.Feeds is { Count: > 0 and <= MaxFeedsPerPhase }, $"{field}.feeds", $"must list 1 to {MaxFeedsPerPhase} feeds.");
            var shares = new List<RationShare>();
            for (var f = 0; f < (phase.Feeds?.Count ?? 0) && f < MaxFeedsPerPhase; f++)
            {
                var item = phase.Feeds![f];
                var feedField = $"{field}.feeds[{f}]";
                Feed? feed = null;
                if (string.IsNullOrWhiteSpace(item?.Feed))
                {
                    v.Add($"{feedField}.feed", "is required: a feed id (nasem:…, kr:…) or library name.");
                }
                else if (!FeedLibrary.TryFind(item.Feed, out feed))
                {
                    var closest = FeedLibrary.Nasem.ClosestNames(item.Feed).Concat(FeedLibrary.Korean.ClosestNames(item.Feed, 2));
                    v.Add($"{feedField}.feed", $"'{item.Feed}' is not in the NASEM or Korean feed library; closest: {string.Join("; ", closest)}.");
                }

                v.RequireRange(item?.PercentOfDryMatter, $"{feedField}.percentOfDryMatter", 0, 100)
                 .RequireRange(item?.PricePerKgAsFed, $"{feedField}.pricePerKgAsFed", 0, 1_000_000, required: false);
                if (feed is not null && item?.PercentOfDryMatter is { } share)
                {
                    shares.Add(new RationShare(feed, share, item.PricePerKgAsFed ?? 0));
                }
            }

            v.Require(phase.Feeds is null || phase.Feeds.Any(f => f?.PercentOfDryMatter > 0), $"{field}.feeds", "at least one feed needs a share above 0 %.");
            phases.Add(new RationPhase(string.IsNullOrWhiteSpace(phase.Name) ? $"phase {p + 1}" : phase.Name, shares, phase.UntilBodyWeightKg,
                phase.DurationDays, phase.DryMatterIntakeKgPerDay));
        }

        return !v.IsValid
            ? null
            : new GrowthPlan(BeefAnimalDescriptions.ToAnimal(request.Animal!, request.Environment), phases, request.StepDays ?? 1,
                request.TargetBodyWeightKg, request.MaxDays ?? 1500, request.IntakeEquation ?? BeefIntakeEquation.Automatic);
    }
}

/// <summary>A growth simulation request.</summary>
/// <param name="StepDays">1 (daily, default) or 7 (weekly).</param>
/// <param name="TargetBodyWeightKg">Stop at this full body weight, kg.</param>
/// <param name="MaxDays">Never simulate longer (default 1500 days).</param>
public sealed record GrowthRequest(
    BeefAnimalDescription? Animal,
    BeefEnvironmentDescription? Environment,
    List<GrowthPhaseBody?>? Phases,
    int? StepDays = null,
    double? TargetBodyWeightKg = null,
    int? MaxDays = null,
    BeefIntakeEquation? IntakeEquation = null);

/// <param name="DryMatterIntakeKgPerDay">Fixed intake, kg DM/d; absent: the intake equation predicts it each step.</param>
public sealed record GrowthPhaseBody(string? Name, List<GrowthFeedBody?>? Feeds, double? UntilBodyWeightKg = null, double? DurationDays = null,
    double? DryMatterIntakeKgPerDay = null);

/// <param name="Feed">Library feed id (nasem:…, kr:…) or name.</param>
/// <param name="PercentOfDryMatter">Share of the phase's ration DM, % (shares are scaled to 100).</param>
/// <param name="PricePerKgAsFed">Price per kg as fed, in the farm's currency (0 when absent).</param>
public sealed record GrowthFeedBody(string? Feed, double? PercentOfDryMatter, double? PricePerKgAsFed = null);
