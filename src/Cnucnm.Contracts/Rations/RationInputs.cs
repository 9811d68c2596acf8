using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;

namespace Cnucnm.Contracts.Rations;

/// <summary>
/// What a ration grain needs to evaluate or formulate, brought by its caller (data flows down: the ration never calls its
/// group or farm back, as the Orleans Adventure sample's <c>IRoomGrain.Enter(PlayerInfo)</c>). The farm's part comes from
/// whoever calls; the group's part from the group (<see cref="Groups.IAnimalGroupGrain.GetRationInputsAsync"/>). A caller that
/// has no group part (the farm, after a feed or price change) leaves <paramref name="Group"/> null and the ration uses the one
/// its group brought last.
/// </summary>
/// <param name="Profile">The farm's profile (time zone, currency, climate for the model).</param>
/// <param name="Policy">The farm's policy (apply or suggest, tolerances, adapted intake).</param>
/// <param name="Feeds">The farm's feed list with the prices in effect today.</param>
/// <param name="Group">The group's part, or null for the one the ration keeps.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.RationInputs")]
public sealed record RationInputs(
    [property: Id(0)] FarmProfile Profile,
    [property: Id(1)] FarmPolicy Policy,
    [property: Id(2)] IReadOnlyList<FarmFeed> Feeds,
    [property: Id(3)] RationGroupInputs? Group);

/// <summary>The group's part of <see cref="RationInputs"/>: the mean animal the ration feeds.</summary>
/// <param name="Name">The group's name (alert and event texts).</param>
/// <param name="Inputs">The group's inputs as the NASEM model sees them (head count included).</param>
/// <param name="AdaptedDryMatterIntakeKgPerHead">The group's adapted intake, kg DM per head per day (predicted DMI × the ratio
/// learned from its complete intake days; docs/analytics.md), used when the farm's policy formulates with it; null when there is
/// none yet.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.RationGroupInputs")]
public sealed record RationGroupInputs(
    [property: Id(0)] string Name,
    [property: Id(1)] GroupInputs Inputs,
    [property: Id(2)] double? AdaptedDryMatterIntakeKgPerHead);
