namespace Cnucnm.Analytics.Intake;

/// <summary>The predictor's belief about a group's ratio observed DMI / model DMI after <paramref name="DaysSeen"/>
/// days: normal with this mean and variance.</summary>
public sealed record IntakeRatioBelief(double MeanRatio, double Variance, int DaysSeen)
{
    public double StandardDeviation => Math.Sqrt(Variance);

    public static IntakeRatioBelief Prior(AdaptiveIntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new IntakeRatioBelief(options.PriorMeanRatio, options.PriorStandardDeviation * options.PriorStandardDeviation, 0);
    }
}
