using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>A feed of a ration phase: its share of the ration's dry matter and its price.</summary>
/// <param name="PercentOfDryMatter">Share of the ration DM, %; the shares of a phase are scaled to 100 %.</param>
/// <param name="PricePerKgAsFed">Price per kg as fed in the farm's currency (0 when unknown); costs are in the same currency.</param>
public sealed record RationShare(Feed Feed, double PercentOfDryMatter, double PricePerKgAsFed = 0);

/// <summary>One phase of a feeding programme (growing, early fattening, late fattening …). A phase ends when the
/// animal reaches <see cref="UntilBodyWeightKg"/> or after <see cref="DurationDays"/>, whichever comes first; at
/// least one of the two is given.</summary>
/// <param name="DryMatterIntakeKgPerDay">Fixed intake, kg DM/d; null: the intake equation predicts it every step.</param>
public sealed record RationPhase(
    string Name,
    IReadOnlyList<RationShare> Feeds,
    double? UntilBodyWeightKg = null,
    double? DurationDays = null,
    double? DryMatterIntakeKgPerDay = null);

/// <summary>A growth simulation: the animal at the start, the phases in order, the step length and where to stop.</summary>
/// <param name="Start">The animal at day 0 (its target gain is the gain the intake equations that use gain are given at every step).</param>
/// <param name="StepDays">Days per step: 1 (daily) or 7 (weekly).</param>
/// <param name="TargetBodyWeightKg">Stop when the animal reaches this full weight, kg (null: run every phase to its end).</param>
/// <param name="MaxDays">Never simulate longer than this.</param>
public sealed record GrowthPlan(
    BeefAnimal Start,
    IReadOnlyList<RationPhase> Phases,
    int StepDays = 1,
    double? TargetBodyWeightKg = null,
    int MaxDays = 1500,
    BeefIntakeEquation IntakeEquation = BeefIntakeEquation.Automatic);

/// <summary>Why a simulation stopped.</summary>
public enum GrowthStop
{
    /// <summary>The animal reached the plan's target weight.</summary>
    TargetReached,

    /// <summary>Every phase ran to its end.</summary>
    PlanCompleted,

    /// <summary>The maximum number of days passed.</summary>
    MaxDays,

    /// <summary>The ration allows no gain, so a weight target can never be reached.</summary>
    NoGain,
}

/// <summary>One step of a simulation (values at the start of the step; gain and cost per day over it).</summary>
/// <param name="BodyWeightKg">Full (live) weight at the start of the step, kg.</param>
/// <param name="GainKgPerDay">Shrunk weight gain over the step (NRC 2000: the lesser of the allowable gains), kg/d.</param>
/// <param name="EnergyAllowableGainKgPerDay">ME-allowable shrunk gain, kg/d.</param>
/// <param name="ProteinAllowableGainKgPerDay">MP-allowable shrunk gain, kg/d.</param>
/// <param name="LiveGainKgPerDay">The same gain as live-weight gain (shrunk / 0.96), kg/d: what the weight grows by.</param>
public sealed record GrowthDay(
    int Day,
    double AgeMonths,
    string Phase,
    double BodyWeightKg,
    double GainKgPerDay,
    double EnergyAllowableGainKgPerDay,
    double ProteinAllowableGainKgPerDay,
    bool ProteinLimited,
    double DryMatterIntakeKgPerDay,
    double AsFedIntakeKgPerDay,
    double FeedCostPerDay,
    double CumulativeFeedCost,
    double LiveGainKgPerDay);

/// <summary>Totals and the carcass-relevant figures at the end of a simulation.</summary>
/// <param name="HotCarcassWeightKg">From the final empty body weight (Garrett and Hinman 1969, NRC 2000).</param>
/// <param name="DressingPercent">Hot carcass as % of final full weight.</param>
/// <param name="FatGainedKg">Fat deposited, kg (retained energy less protein energy, 9.4 Mcal/kg fat).</param>
/// <param name="ProteinGainedKg">Protein deposited, kg.</param>
/// <param name="FatPercentOfEmptyGain">Fat as % of the empty body gain.</param>
/// <param name="FeedToGain">kg DM eaten per kg live-weight gain.</param>
/// <param name="AverageGainKgPerDay">Live-weight gain over the simulation, (final − start full weight) / days, kg/d.</param>
/// <param name="FeedCostPerKgGain">Feed cost per kg live-weight gain.</param>
public sealed record GrowthSummary(
    int Days,
    GrowthStop Stop,
    double StartBodyWeightKg,
    double FinalBodyWeightKg,
    double FinalAgeMonths,
    double AverageGainKgPerDay,
    double TotalDryMatterKg,
    double TotalAsFedKg,
    double TotalFeedCost,
    double FeedCostPerKgGain,
    double FeedToGain,
    double FinalShrunkBodyWeightKg,
    double FinalEmptyBodyWeightKg,
    double HotCarcassWeightKg,
    double DressingPercent,
    double FatGainedKg,
    double ProteinGainedKg,
    double FatPercentOfEmptyGain);

/// <summary>The day-by-day (or week-by-week) trajectory and its summary.</summary>
public sealed record GrowthTrajectory(IReadOnlyList<GrowthDay> Steps, GrowthSummary Summary);
