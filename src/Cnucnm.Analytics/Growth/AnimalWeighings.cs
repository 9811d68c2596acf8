namespace Cnucnm.Analytics.Growth;

/// <summary>The weighings of one animal of a group, ordered or not.</summary>
public sealed record AnimalWeighings(string AnimalId, IReadOnlyList<Weighing> Weighings);
