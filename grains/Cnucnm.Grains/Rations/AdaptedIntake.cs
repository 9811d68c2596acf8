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
    /// <summary>Intake days the adapted intake learns from (the ratio's memory half-life is 14 days).</summary>
    public const int HistoryDays = 60;

    /// <summary>Null when the group fixes its own intake or has no prediction, and where the adapted forecast has not won on the
    /// pen's own days (<see cref="AdaptedIntakeRule"/>: at least 14 complete days, today still filling, left out).</summary>
    /// <param name="inputs">The group's inputs (head count, a fixed target intake).</param>
    /// <param name="predictedKgPerHead">The group's predicted DMI, kg DM per head per day.</param>
    /// <param name="today">The farm's local day (still filling, so left out).</param>
    /// <param name="history">The group's intake days.</param>
    public static double? KgPerHead(GroupInputs inputs, double? predictedKgPerHead, DateOnly today, IEnumerable<Contracts.Groups.IntakeDay> history)
    {
        if (inputs.TargetDryMatterIntakeKg is not null || predictedKgPerHead is not > 0 || inputs.HeadCount < 1)
        {
            return null;
        }

        var predicted = predictedKgPerHead.Value;
        var days = history.Where(d => d.Day < today && d.Readings > 0 && d.DryMatterKg > 0)
            // An imported day carries the head fed that day; a sensor day is the group's head count.
            .Select(d => new Analytics.Intake.ModelledIntakeDay(d.Day, predicted, d.DryMatterKg / (d.HeadCount ?? inputs.HeadCount)))
            .ToList();
        return AdaptedIntakeRule.Judge(days).UseAdapted ? predicted * AdaptiveIntakePredictor.Learn(days).MeanRatio : null;
    }
}
