using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Rations;
using Cnucnm.Grains.Rations;

namespace Cnucnm.Cluster.Tests.LiveHerd;

/// <summary>The ration book's decisions (pure, no cluster): the farm's policy for rations that meet everything; a near miss is
/// always a suggestion.</summary>
public sealed class RationBookTests
{
    [Theory]
    [InlineData(ReformulationPolicy.Automatic, true)]
    [InlineData(ReformulationPolicy.Suggest, true)]
    [InlineData(ReformulationPolicy.Automatic, false)]
    [InlineData(ReformulationPolicy.Suggest, false)]
    public void A_near_miss_is_suggested_whatever_the_policy_and_whether_or_not_the_group_has_a_ration(ReformulationPolicy policy, bool hasCurrent)
    {
        foreach (var cause in Enum.GetValues<RationChangeKind>())
        {
            Assert.Equal(ReformulationOutcome.BestPossible, RationBook.Decide(false, true, policy, hasCurrent, cause, sameAsCurrent: false));
            Assert.Equal(ReformulationOutcome.Infeasible, RationBook.Decide(false, false, policy, hasCurrent, cause, sameAsCurrent: false));
        }
    }

    [Theory]
    [InlineData(ReformulationPolicy.Automatic, true, RationChangeKind.PriceChange, ReformulationOutcome.Applied)]
    [InlineData(ReformulationPolicy.Suggest, true, RationChangeKind.PriceChange, ReformulationOutcome.Suggested)]
    [InlineData(ReformulationPolicy.Suggest, true, RationChangeKind.Formulated, ReformulationOutcome.Suggested)]
    [InlineData(ReformulationPolicy.Suggest, false, RationChangeKind.Formulated, ReformulationOutcome.Applied)]
    [InlineData(ReformulationPolicy.Suggest, false, RationChangeKind.IntakeDeviation, ReformulationOutcome.Suggested)]
    public void A_ration_that_meets_everything_follows_the_farms_policy(ReformulationPolicy policy, bool hasCurrent, RationChangeKind cause, ReformulationOutcome expected)
    {
        Assert.Equal(expected, RationBook.Decide(true, false, policy, hasCurrent, cause, sameAsCurrent: false));
        Assert.Equal(ReformulationOutcome.Unchanged, RationBook.Decide(true, false, policy, hasCurrent, cause, sameAsCurrent: true));
    }
}
