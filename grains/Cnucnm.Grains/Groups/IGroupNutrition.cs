using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;

namespace Cnucnm.Grains.Groups;

/// <summary>The nutrition engine as the grains see it: requirements of a group's mean animal.
/// Grains never compute nutrition inline; the implementation calls the pure library.</summary>
public interface IGroupNutrition
{
    /// <summary>Requirements for the inputs (on the current ration when there is one), or the reason they cannot be computed.</summary>
    (GroupRequirements? Requirements, string? Problem) Requirements(GroupInputs inputs, FarmProfile farm, Guid farmId,
        IReadOnlyList<FarmFeed> farmFeeds, IReadOnlyList<RationItem>? ration, DateTimeOffset now);
}
