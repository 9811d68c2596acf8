using Cnucnm.Nutrition.Messages;
using System.Text.Json.Serialization;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation;

/// <summary>How a formulation ended.</summary>
public enum FormulationStatus
{
    /// <summary>The least-cost ration meets every constraint.</summary>
    [JsonStringEnumMemberName("Optimal")]
    Optimal,

    /// <summary>No ration meets every constraint; <see cref="FormulationResponse.Explanation"/> says why and the cheapest way out.</summary>
    [JsonStringEnumMemberName("Infeasible")]
    Infeasible,

    /// <summary>The request is not valid; <see cref="FormulationResponse.Errors"/> lists every problem by field.</summary>
    [JsonStringEnumMemberName("Invalid")]
    Invalid,
}

public enum FormulationMode
{
    /// <summary>Nutrient specification given by the user (feed mills).</summary>
    Explicit,

    /// <summary>Bounds from the NASEM (2021) model for an animal.</summary>
    Animal,
}

/// <summary>
/// The answer of a formulation. Amounts are per head per day; costs are in the request's currency per
/// head per day. Shadow prices are ∂(cost per day)/∂(bound): positive for a binding minimum (raising it
/// costs more), negative for a binding maximum (raising it saves), 0 when the bound does not bind.
/// </summary>
/// <param name="CostPerDay">Σ kg DM ÷ DM fraction × price per kg as fed (= Σ kg DM × price per kg DM).</param>
/// <param name="DryMatterIntakeKg">Σ kg DM.</param>
/// <param name="AsFedIntakeKg">Σ kg as fed.</param>
/// <param name="DryMatterIntakeShadowPrice">Per kg DM/d of the binding intake bound.</param>
/// <param name="Changes">With <see cref="FormulationOptions.Changes"/>: the feeds that changed.</param>
/// <param name="Batch">With <see cref="FormulationOptions.Batch"/>: the mixer quantities.</param>
/// <param name="Animal">Animal mode: predicted intake, the iterations, the full-model check.</param>
/// <param name="Explanation">Infeasible: the conflicting constraints and the cheapest relaxation.</param>
/// <param name="Errors">Invalid: every problem, by field path (<c>feeds[2].dryMatterPercent</c>).</param>
/// <param name="CompositionNotes">Optimal: library feeds of the ration whose composition had imputed or unknown values, what
/// was used and which results it touches, in English and Korean (docs/science.md, "Blank feed composition").</param>
/// <param name="BestPossible">Animal mode, infeasible: the best ration the feeds allow, what it leaves short, and verified ways out.</param>
public sealed record FormulationResponse(
    FormulationStatus Status,
    FormulationMode Mode,
    double? CostPerDay = null,
    double? DryMatterIntakeKg = null,
    double? AsFedIntakeKg = null,
    double? DryMatterIntakeShadowPrice = null,
    IReadOnlyList<FeedResult>? Feeds = null,
    IReadOnlyList<NutrientResult>? Nutrients = null,
    IReadOnlyList<RatioResult>? Ratios = null,
    ChangeSummary? Changes = null,
    BatchPlan? Batch = null,
    AnimalResult? Animal = null,
    InfeasibilityExplanation? Explanation = null,
    IReadOnlyList<FieldError>? Errors = null,
    string? Currency = null,
    IReadOnlyList<CompositionNoteLine>? CompositionNotes = null,
    BestPossibleRation? BestPossible = null)
{
    public static FormulationResponse Invalid(FormulationMode mode, IReadOnlyList<FieldError> errors) =>
        new(FormulationStatus.Invalid, mode, Errors: errors);
}

/// <summary>One feed of the answer.</summary>
/// <param name="PricePerKgDm">The price used, per kg DM.</param>
/// <param name="CostPerDay">kg DM × price per kg DM.</param>
/// <param name="ReducedCostPerKgDm">LP reduced cost: for an unused feed, how much its price per kg DM must
/// fall before it enters; for a feed held at its maximum (negative), what one more kg DM would save.</param>
/// <param name="EnteringPricePerKgDm">Unused feeds: the price per kg DM at which it would enter the ration.</param>
/// <param name="EnteringPricePerTonneAsFed">The same, per tonne as fed.</param>
/// <param name="Bound">Where the amount sits: <c>min</c>, <c>max</c>, <c>fixed</c>, <c>excluded</c>, or null between bounds.</param>
public sealed record FeedResult(
    string Id,
    string Name,
    double KgDm,
    double KgAsFed,
    double PercentOfDm,
    double PricePerKgDm,
    double CostPerDay,
    double? ReducedCostPerKgDm,
    double? EnteringPricePerKgDm,
    double? EnteringPricePerTonneAsFed,
    string? Bound);

/// <summary>A nutrient of the answer (explicit mode: every bounded nutrient, then the others all feeds give;
/// animal mode: the requirement and guard-rail rows of the last linear program).</summary>
/// <param name="PerDay">Σ kg DM × value.</param>
/// <param name="PerKgDm">Diet concentration.</param>
/// <param name="ShadowPrice">Cost per day per unit of the binding bound (the largest in size when several bind); 0 when none binds.</param>
/// <param name="BindingBound">Which bound binds: <c>perDay.min</c>, <c>perDay.max</c>, <c>perKgDm.min</c>, <c>perKgDm.max</c> (null: none).</param>
/// <param name="ShadowPrices">Every binding bound with its shadow price.</param>
public sealed record NutrientResult(
    string Name,
    string? Unit,
    double PerDay,
    double PerKgDm,
    Bounds? PerDayBounds,
    Bounds? PerKgDmBounds,
    double ShadowPrice,
    string? BindingBound,
    IReadOnlyList<ShadowPrice> ShadowPrices);

/// <summary>A binding bound's shadow price: ∂(cost per day)/∂(bound), in cost per day per unit of the bound.</summary>
public sealed record ShadowPrice(string Bound, double Value);

/// <param name="ShadowPrice">Per unit of share (1.0 = 100 % of DM) of the binding bound.</param>
public sealed record RatioResult(string Name, IReadOnlyList<string> Feeds, double ShareOfDm, double? MinShareOfDm, double? MaxShareOfDm,
    double ShadowPrice, string? BindingBound);

/// <summary>What changed from the current ration.</summary>
/// <param name="ChangedFeeds">Feed ids whose amount moved by more than the tolerance.</param>
/// <param name="MaxChangedFeeds">The limit asked for (null: fewest changes were sought).</param>
public sealed record ChangeSummary(int ChangedCount, IReadOnlyList<string> ChangedFeeds, int? MaxChangedFeeds, double ToleranceKgDm);

/// <summary>Mixer quantities for a pen (the formulation screen's batch sheet): kg as fed.</summary>
/// <param name="Loads">Number of mixer loads (total ÷ capacity, rounded up); each load holds the same mix.</param>
public sealed record BatchPlan(int HeadCount, double TotalKgAsFed, int Loads, double KgAsFedPerLoad, double? MixerCapacityKgAsFed,
    IReadOnlyList<BatchLine> Feeds);

public sealed record BatchLine(string Id, string Name, double KgAsFedPerHead, double KgAsFedTotal, double KgAsFedPerLoad);

/// <summary>Why no ration exists and the cheapest way out.</summary>
/// <param name="Summary">In words, e.g. "MP short by 140 g/d: raise soybean meal maximum from 2.0 to 2.6 kg DM/d."</param>
/// <param name="Conflicts">The constraints that together exclude every ration (the support of the elastic model's
/// dual certificate), with how far each is missed when only the nutritional side may give.</param>
/// <param name="Relaxations">The smallest weighted relaxation that makes the problem feasible, all to apply together;
/// each sets one request field to a new value (a one-click fix).</param>
/// <param name="RelaxedCostPerDay">Cost of the least-cost ration once the relaxations are applied.</param>
/// <param name="SummaryMessage"><paramref name="Summary"/> as a message code with parameters (docs/integrations.md, "Message codes").</param>
public sealed record InfeasibilityExplanation(
    string Summary,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<Relaxation> Relaxations,
    double? RelaxedCostPerDay,
    ServerMessage? SummaryMessage = null);

/// <summary>A constraint of the request, as the UI addresses it.</summary>
/// <param name="Kind"><c>feed</c>, <c>fixed</c>, <c>inventory</c>, <c>dryMatterIntake</c>, <c>nutrient</c>, <c>ratio</c>,
/// <c>requirement</c>, <c>guardRail</c> or <c>changes</c>.</param>
/// <param name="Subject">The feed id, nutrient, ratio or requirement name.</param>
/// <param name="Bound"><c>min</c> or <c>max</c>.</param>
/// <param name="Field">The request field that holds the bound (<c>feeds[3].maxKgDm</c>, <c>nutrients[1].perKgDm.min</c>,
/// <c>requirements.MP.minPercent</c> …).</param>
public sealed record ConstraintReference(string Kind, string Subject, string Bound, string Field);

/// <summary>One of the constraints that conflict.</summary>
/// <param name="Value">The bound as given, in <paramref name="Unit"/>.</param>
/// <param name="Shortfall">How far the bound is missed when only nutritional bounds may give (0: it binds in the conflict without being missed).</param>
/// <param name="MessageCode"><paramref name="Message"/> as a message code with parameters.</param>
public sealed record Conflict(ConstraintReference Constraint, string Label, double Value, double Shortfall, string Unit, string Message,
    ServerMessage? MessageCode = null);

/// <summary>Set <see cref="ConstraintReference.Field"/> to <see cref="FieldValue"/>.</summary>
/// <param name="From">The bound as given, in <paramref name="Unit"/>.</param>
/// <param name="To">The relaxed bound, in <paramref name="Unit"/> (rounded outward).</param>
/// <param name="FieldValue">The new value of the request field (differs from <paramref name="To"/> only where the field
/// is a percentage of a requirement).</param>
/// <param name="MessageCode"><paramref name="Message"/> as a message code with parameters.</param>
public sealed record Relaxation(ConstraintReference Constraint, string Label, double From, double To, string Unit, double FieldValue, string Message,
    ServerMessage? MessageCode = null);

/// <summary>Animal mode: where the bounds came from and what the full model says about the answer.</summary>
/// <param name="PredictedDryMatterIntakeKg">NASEM predicted intake (or the target/observed intake given).</param>
/// <param name="DryMatterIntakeEquation">NASEM DMIn_eqn used (0: the animal's target intake).</param>
/// <param name="DryMatterIntakeBounds">The intake bounds used.</param>
/// <param name="Iterations">Linearise → solve → full-model evaluation rounds.</param>
/// <param name="ConfirmedByFullModel">The full model meets every enforced requirement within its tolerance (1 %) and every guard rail.</param>
/// <param name="Check">The full NASEM model's evaluation of the final ration, one line per requirement pair.</param>
/// <param name="GuardRails">The guard rails, evaluated with the full model.</param>
/// <param name="GuardRailsUsed">Every guard rail the formulation used, defaults filled in (edit and send back as <c>guardRails</c>).</param>
/// <param name="ShortAtFivePercentLowerIntake">The enforced requirements the ration would leave short (below 100 % of the target,
/// full model) if the cows ate 5 % less of it than the intake assumed (<see cref="FormulationResponse.DryMatterIntakeKg"/>).</param>
/// <param name="Convergence">Why the search stopped: the least-cost rounds found no cheaper confirmed ration
/// (stationary linearisation, step below the minimum) or a round limit.</param>
/// <param name="RequirementModel">Beef animal mode: the requirement model (NRC 2000 beef, Korean Feeding Standard for Hanwoo).</param>
/// <param name="DryMatterIntakeEquationName">Beef animal mode: the intake equation by name (<see cref="DryMatterIntakeEquation"/>
/// is then the number of the beef model's equation).</param>
/// <param name="RequirementModelNote">Beef animal mode: why a Hanwoo animal is formulated on NRC (2000) rather than the Korean
/// Feeding Standard (cows, pregnant or lactating animals and calves, whose KFS equations were not found); null otherwise.</param>
/// <param name="Environment">Beef animal mode: the current and previous-month temperatures used and where each came from (the
/// request, the KMA 1991–2020 normals of the farm's province for the month, or the defaults).</param>
/// <param name="TargetShrunkGainKgPerDay">Beef animal mode: the target gain the requirements were set for, as shrunk-weight gain
/// (NRC 2000: shrunk weight = 0.96 × live weight), kg/d; the request's or the phase's default.</param>
/// <param name="TargetLiveGainKgPerDay">Beef animal mode: the same target as live-weight gain (shrunk ÷ 0.96), kg/d: what the
/// Korean Feeding Standard and a farm scale read.</param>
public sealed record AnimalResult(
    double PredictedDryMatterIntakeKg,
    int DryMatterIntakeEquation,
    Bounds DryMatterIntakeBounds,
    IReadOnlyList<IterationResult> Iterations,
    bool ConfirmedByFullModel,
    IReadOnlyList<RequirementCheck> Check,
    IReadOnlyList<GuardRailCheck> GuardRails,
    string? Convergence = null,
    GuardRails? GuardRailsUsed = null,
    IReadOnlyList<RequirementCheck>? ShortAtFivePercentLowerIntake = null,
    string? RequirementModel = null,
    string? DryMatterIntakeEquationName = null,
    string? RequirementModelNote = null,
    Cnucnm.Nutrition.Beef.BeefEnvironmentUsed? Environment = null,
    double? TargetShrunkGainKgPerDay = null,
    double? TargetLiveGainKgPerDay = null);

/// <param name="WorstRequirement">The enforced requirement furthest below its target in the full model.</param>
/// <param name="WorstPercentOfTarget">Its supply as % of its target (≥ 99 passes).</param>
/// <param name="Phase"><c>feasibility</c> (rounds until the full model confirms a ration) or <c>least cost</c>
/// (trust-region rounds from the best confirmed ration).</param>
/// <param name="Accepted">Feasibility: the round's ration was confirmed. Least cost: it was confirmed and cheaper, and became the best.</param>
public sealed record IterationResult(int Iteration, double CostPerDay, double DryMatterIntakeKg, string? WorstRequirement, double WorstPercentOfTarget,
    string? Phase = null, bool Accepted = false);

/// <summary>One requirement–supply pair of the full model at the final ration.</summary>
/// <param name="Enforced">Part of the formulation (else reported only).</param>
/// <param name="TargetPercent">The share of the requirement asked for.</param>
/// <param name="Met">Supply ≥ the target (and ≤ the maximum, if any): at least 100 % of what was asked.</param>
/// <param name="WithinTolerance">Supply ≥ the target − <paramref name="TolerancePercent"/> % of it (and ≤ the maximum + that much):
/// the rule by which the formulation confirms a ration (the linearisation's error near the answer).</param>
/// <param name="TolerancePercent">The tolerance of <paramref name="WithinTolerance"/>, % of the target.</param>
/// <param name="MaxPercent">The maximum asked for, % of the requirement (null: none).</param>
public sealed record RequirementCheck(
    string Nutrient,
    string Unit,
    double Required,
    double Supplied,
    double Balance,
    double? PercentOfRequirement,
    bool Enforced,
    double TargetPercent,
    bool Met,
    bool WithinTolerance = false,
    double TolerancePercent = 0,
    double? MaxPercent = null);

/// <param name="Field">The request field that sets the limit (<c>guardRails.maxCrudeProteinPercentOfDm</c> …).</param>
public sealed record GuardRailCheck(string Name, string Unit, double Value, double? Min, double? Max, bool Met, string? Field = null);

/// <summary>
/// Animal mode, when no ration meets every requirement and guard rail: the cheapest ration with the smallest weighted
/// shortfall (goal programming: requirements and guard rails give at their weights, feed limits and intake hold), checked
/// by the full model, and suggestions that each lead to an optimal ration (every one was re-solved before it is offered).
/// </summary>
/// <param name="Warning">In words: the ration does not meet everything; what is short.</param>
/// <param name="Short">Enforced requirements below 100 % of their target in the full model.</param>
/// <param name="GuardRailsMissed">Guard rails the ration misses.</param>
/// <param name="Suggestions">Ordered by practicality: add a library feed, lift a feed limit, relax a target; intake changes last.</param>
public sealed record BestPossibleRation(
    string Warning,
    double CostPerDay,
    double DryMatterIntakeKg,
    IReadOnlyList<FeedResult> Feeds,
    IReadOnlyList<RequirementCheck> Short,
    IReadOnlyList<GuardRailCheck> GuardRailsMissed,
    IReadOnlyList<Suggestion> Suggestions)
{
    /// <summary><see cref="Warning"/> as a message code with parameters, from what the ration leaves short and the guard rails it misses.</summary>
    public ServerMessage WarningMessage => Short.Count + GuardRailsMissed.Count == 0
        ? ServerMessage.Of("bestPossible.warningNothing")
        : ServerMessage.Of("bestPossible.warning").WithItems([
            .. Short.Select(l => ServerMessage.Of("bestPossible.short", ("name", l.Nutrient),
                ("percent", ServerMessage.Num(l.Supplied / (l.Required * l.TargetPercent / 100) * 100)))),
            .. GuardRailsMissed.Select(r => ServerMessage.Of("bestPossible.rail", ("name", r.Name), ("value", ServerMessage.Num(r.Value)), ("unit", r.Unit)))]);
}

/// <summary>One verified way out of an infeasible request.</summary>
/// <param name="Rank">1 is the most practical.</param>
/// <param name="Kind"><c>addFeed</c>, <c>feedLimit</c>, <c>target</c> or <c>intake</c>.</param>
/// <param name="Message">In farm language.</param>
/// <param name="Changes">Request fields to set, all together (one-click relaxations).</param>
/// <param name="AddFeeds">Feeds to add to <c>feeds</c>, all together.</param>
/// <param name="CostPerDay">The optimal ration's cost with the suggestion applied (it was re-solved).</param>
/// <param name="ChangesIntake">The suggestion assumes the cows eat more than predicted: check the intake before using it.</param>
/// <param name="MessageCode"><paramref name="Message"/> as a message code with parameters.</param>
public sealed record Suggestion(int Rank, string Kind, string Message, IReadOnlyList<Relaxation> Changes, IReadOnlyList<FeedOffer> AddFeeds, double CostPerDay,
    bool ChangesIntake, ServerMessage? MessageCode = null);
