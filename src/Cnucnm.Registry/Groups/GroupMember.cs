namespace Cnucnm.Registry.Groups;

/// <summary>An animal of the group with what its records say today.</summary>
public sealed record GroupMember(Animal Animal, AnimalSummary Summary);
