namespace Cnucnm.Analytics.Anomalies;

/// <summary>One day's value of a monitored series (a group's DMI kg/head/d, its feed cost per head per day…).</summary>
public sealed record DailyValue(DateOnly Date, double Value);
