namespace Cnucnm.Analytics.Anomalies;

/// <summary>Which departures are anomalies: a drop (intake) or a rise (cost spike).</summary>
public enum AnomalyDirection
{
    Drop,
    Rise,
}
