using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Rations;

namespace Cnucnm.Grains.Rations;

/// <summary>
/// What a group's re-formulation does with its answer; the ration grain carries it out. A ration that meets everything is
/// applied or suggested by the farm's policy (the first ration formulated on request is applied: there is nothing to keep). A near
/// miss (no ration meets everything, but a best-possible one exists) is always a suggestion: a ration short of a requirement is
/// never fed without someone approving it, whatever the policy.
/// </summary>
public static class RationBook
{
    /// <param name="meetsEverything">The formulation found a ration that meets every requirement and guard rail.</param>
    /// <param name="hasBestPossible">Otherwise: the formulation gave a best-possible ration.</param>
    /// <param name="sameAsCurrent">The ration found has the current ration's amounts.</param>
    public static ReformulationOutcome Decide(bool meetsEverything, bool hasBestPossible, ReformulationPolicy policy, bool hasCurrentRation,
        RationChangeKind cause, bool sameAsCurrent)
    {
        if (!meetsEverything)
        {
            return hasBestPossible ? ReformulationOutcome.BestPossible : ReformulationOutcome.Infeasible;
        }

        if (sameAsCurrent)
        {
            return ReformulationOutcome.Unchanged;
        }

        return policy == ReformulationPolicy.Automatic || !hasCurrentRation && cause == RationChangeKind.Formulated
            ? ReformulationOutcome.Applied
            : ReformulationOutcome.Suggested;
    }
}
