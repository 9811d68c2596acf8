namespace Cnucnm.Analytics.Anomalies;

/// <summary>A day whose value departs from the recent days: the rolling median and MAD of the window before it, and
/// the robust z-score 0.6745·(value − median)/MAD.</summary>
public sealed record Anomaly(DateOnly Date, double Value, double RecentMedian, double RecentMedianAbsoluteDeviation, double RobustZScore);
