using Cnucnm.Formulation;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Grains.Rations;

/// <summary>A feed of a ration with its farm definition, kg DM per head per day.</summary>
public sealed record RationFeedAmount(FarmFeed Feed, double KgDryMatterPerHead);

/// <summary>The full nutrition model applied to a ration (pure library behind it).</summary>
public interface IRationEvaluator
{
    /// <summary>Supply against requirements for the group's mean animal and the ration's analysis by the same model, or the reason it
    /// cannot be evaluated.</summary>
    /// <remarks>A beef group's climate is the farm's for the farm's month at <paramref name="at"/> (see <see cref="IGroupFormulator"/>).</remarks>
    (IReadOnlyList<NutrientBalance> Balances, RationAnalysis? Analysis, string? Problem) Evaluate(GroupInputs inputs, FarmProfile farm, Guid farmId,
        IReadOnlyList<RationFeedAmount> ration, DateTimeOffset at);

    /// <summary>The ration's feeds whose composition had imputed or unknown values (issue 25), by farm feed id.</summary>
    IReadOnlyList<CompositionNoteLine> CompositionNotes(Guid farmId, IReadOnlyList<RationFeedAmount> ration);
}

/// <summary>The answer of a group formulation.</summary>
/// <param name="Amounts">kg DM per head per day by farm feed id (Optimal only).</param>
/// <param name="Explanation">Why no ration exists and the cheapest way out (Infeasible only).</param>
/// <param name="Response">The formulation's full answer (shadow prices, reduced costs, the full-model check), when one ran.</param>
/// <param name="Ready">False when no formulation could be set up (a feed without a price, a group the model does not cover):
/// <paramref name="Explanation"/> says what to fix; nothing was solved.</param>
public sealed record GroupFormulation(bool Feasible, IReadOnlyDictionary<string, double> Amounts, string? Explanation,
    FormulationResponse? Response = null, bool Ready = true);

/// <summary>Least-cost formulation of a group's ration (through the formulation grain pool). <c>formulatedAt</c> gives a beef
/// group's month on the farm's calendar: the KMA normals of the farm's province for that month stand in for the temperatures the
/// group does not state.</summary>
public interface IGroupFormulator
{
    Task<GroupFormulation> FormulateAsync(GroupInputs inputs, FarmProfile farm, Guid farmId, IReadOnlyList<FarmFeed> feeds, FormulationSettings settings,
        double? observedDryMatterIntakeKgPerHead, DateTimeOffset formulatedAt, CancellationToken cancellationToken);
}
