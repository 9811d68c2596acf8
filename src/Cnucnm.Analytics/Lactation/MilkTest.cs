namespace Cnucnm.Analytics.Lactation;

/// <summary>One test-day milk record: days in milk and the day's milk yield, kg/d.</summary>
public sealed record MilkTest(double DaysInMilk, double MilkKgPerDay);
