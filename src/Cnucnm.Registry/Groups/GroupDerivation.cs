using Cnucnm.Contracts.Groups;

namespace Cnucnm.Registry.Groups;

/// <summary>The group's inputs from its members, with what the mean animal cannot carry.</summary>
/// <param name="Inputs">The inputs for the live-herd grains, overrides applied.</param>
/// <param name="Members">Active members counted.</param>
/// <param name="SharePregnant">Fraction of members pregnant, 0–1.</param>
/// <param name="MeanDaysPregnantOfPregnant">Mean days pregnant of the pregnant members; null when none is.</param>
/// <param name="ParityMix">Members per lactation number (0 = never calved; the last bucket is 3 and more).</param>
/// <param name="Overridden">Names of the inputs the farm's overrides set.</param>
/// <param name="Unknown">Names of the inputs no member has a record for (weighing, body condition; in a lactating group
/// calving and milk test), kept as the group had them and not overridden: to be recorded or set by hand.</param>
public sealed record GroupDerivation(
    GroupInputs Inputs,
    int Members,
    double SharePregnant,
    double? MeanDaysPregnantOfPregnant,
    IReadOnlyDictionary<int, int> ParityMix,
    IReadOnlyList<string> Overridden,
    IReadOnlyList<string> Unknown);
