namespace Cnucnm.Analytics.Intake;

/// <summary>
/// Whether a pen's formulation takes its adapted intake (issue 23: "used only where it wins"). The adapted forecast is scored
/// one step ahead on the pen's own complete days, as it runs on the farm (each day predicted from the days before it), against
/// the book's prediction on the same days; only days after the first <see cref="LearningDays"/> are scored (the learning the
/// forecast needs first). The pen formulates for its adapted intake only when at least <see cref="ScoredDays"/> days are
/// scored and the adapted forecast's mean absolute error is the smaller. The rolling-origin backtest (docs/analytics.md) is the
/// population-level evidence; this rule asks the same question of each pen.
/// </summary>
public static class AdaptedIntakeRule
{
    /// <summary>Complete days learned before the first day is scored.</summary>
    public const int LearningDays = 7;

    /// <summary>Fewest scored days for a verdict (before that, the book's prediction).</summary>
    public const int ScoredDays = 7;

    /// <summary>The verdict with both errors (kg DM per head per day) and the days scored; <see cref="Verdict.UseAdapted"/> false
    /// when too few days are scored.</summary>
    public static Verdict Judge(IEnumerable<ModelledIntakeDay> days, AdaptiveIntakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        var scored = AdaptiveIntakePredictor.OneStepAhead(days, options).Skip(LearningDays)
            .Where(p => p.ObservedDryMatterKgPerHeadPerDay is not null).ToList();
        if (scored.Count < ScoredDays)
        {
            return new Verdict(false, scored.Count, null, null);
        }

        var model = scored.Average(p => Math.Abs(p.ObservedDryMatterKgPerHeadPerDay!.Value - p.ModelDryMatterKgPerHeadPerDay));
        var adapted = scored.Average(p => Math.Abs(p.ObservedDryMatterKgPerHeadPerDay!.Value - p.AdaptedDryMatterKgPerHeadPerDay));
        return new Verdict(adapted < model, scored.Count, model, adapted);
    }

    /// <param name="UseAdapted">Formulate for the adapted intake.</param>
    /// <param name="DaysScored">Days predicted one step ahead and compared with what was eaten.</param>
    /// <param name="ModelMeanAbsoluteError">The book's prediction, kg DM per head per day (null below <see cref="ScoredDays"/>).</param>
    /// <param name="AdaptedMeanAbsoluteError">The adapted forecast, kg DM per head per day (null below <see cref="ScoredDays"/>).</param>
    public sealed record Verdict(bool UseAdapted, int DaysScored, double? ModelMeanAbsoluteError, double? AdaptedMeanAbsoluteError);
}
