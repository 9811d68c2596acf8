using Cnucnm.Analytics.Intake;
using Cnucnm.Contracts.Groups;

namespace Cnucnm.Grains.Rations;

/// <summary>
/// A group's adapted dry matter intake: its predicted DMI × the ratio observed / predicted learned from its complete
/// intake days by the conjugate normal update of <see cref="AdaptiveIntakePredictor"/> (docs/analytics.md). Used as the
/// formulation's intake when the farm's policy asks for it.
/// </summary>
internal static class AdaptedIntake
{
    /// <summary>Fewest complete intake days before the learned ratio replaces the book's prediction.</summary>
    public const int MinimumDays = 7;

    /// <summary>Null when the group fixes its own intake, has no prediction, or has fewer than <see cref="MinimumDays"/>
    /// complete days (today is still filling).</summary>
    public static double? KgPerHead(GroupSnapshot group, IReadOnlyList<Contracts.Groups.IntakeDay> history)
    {
        if (group.Inputs.TargetDryMatterIntakeKg is not null || group.Intake.PredictedDryMatterKgPerHead is not > 0 || group.Inputs.HeadCount < 1)
        {
            return null;
        }

        var predicted = group.Intake.PredictedDryMatterKgPerHead.Value;
        var days = history.Where(d => d.Day < group.Intake.Today && d.Readings > 0 && d.DryMatterKg > 0)
            .Select(d => new Analytics.Intake.ModelledIntakeDay(d.Day, predicted, d.DryMatterKg / group.Inputs.HeadCount))
            .ToList();
        return days.Count < MinimumDays ? null : predicted * AdaptiveIntakePredictor.Learn(days).MeanRatio;
    }
}
