namespace Cnucnm.Registry;

/// <summary>A dated body weight of one animal.</summary>
public sealed record Weighing(DateOnly Date, double BodyWeightKg);
