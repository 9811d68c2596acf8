namespace Cnucnm.Analytics.Growth;

/// <summary>One weighing: the animal's age in days and its body weight, kg.</summary>
public sealed record Weighing(double AgeDays, double BodyWeightKg);
