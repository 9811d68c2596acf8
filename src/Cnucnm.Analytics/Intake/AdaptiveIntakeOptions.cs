namespace Cnucnm.Analytics.Intake;

/// <summary>
/// Settings of the adaptive intake predictor, all on the scale of the ratio observed DMI / model DMI.
/// </summary>
/// <param name="PriorMeanRatio">Belief before any day is seen: the book equation is unbiased (1.0).</param>
/// <param name="PriorStandardDeviation">Uncertainty of that belief; 0.15 lets the first days move the ratio quickly,
/// DMI equations typically miss a pen's mean by 5–15 %.</param>
/// <param name="ObservationStandardDeviation">Day-to-day scatter of one day's ratio around the group's true ratio
/// (feeding, weather, recording); 0.06 is a 6 % day-to-day coefficient of variation of pen intake.</param>
/// <param name="DriftStandardDeviationPerDay">How far the true ratio may wander from one day to the next
/// (season, stage of lactation, ration change); it keeps the predictor learning instead of freezing. With the
/// defaults the update settles to an adaptive coefficient A = 0.049 (a day's surprise moves the ratio by 4.9 % of
/// itself, a memory half-life of ln 0.5 / ln(1 − A) = 14 days) and a learned-ratio SD of √(A·V) = 0.013.</param>
public sealed record AdaptiveIntakeOptions(
    double PriorMeanRatio = 1.0,
    double PriorStandardDeviation = 0.15,
    double ObservationStandardDeviation = 0.06,
    double DriftStandardDeviationPerDay = 0.003)
{
    public static AdaptiveIntakeOptions Default { get; } = new();

    /// <summary>Two-sided 95 % normal quantile, z(0.975).</summary>
    public const double NormalQuantile975 = 1.959963984540054;

    public void Validate()
    {
        if (!(PriorMeanRatio > 0) || !(PriorStandardDeviation > 0) || !(ObservationStandardDeviation > 0) || !(DriftStandardDeviationPerDay >= 0))
        {
            throw new ArgumentException("the prior mean and all standard deviations must be positive (the drift may be 0).");
        }
    }
}
