using Cnucnm.Analytics.Anomalies;
using Cnucnm.Analytics.Intake;

namespace Cnucnm.Api.Analytics;

/// <summary>
/// A group's intake: the nutrition model's prediction, the adapted prediction learned from the group's sensor days,
/// and what was observed, kg DM per head per day. The model's DMI is the group's current prediction applied to every
/// day (past predictions are not stored); observed DMI per head divides the day's total by the current head count.
/// </summary>
/// <param name="ModelDryMatterKgPerHead">The group's current predicted DMI.</param>
/// <param name="LearnedRatio">Observed / model DMI after every complete day, with its standard deviation.</param>
/// <param name="Today">The adapted prediction of today's whole-day intake (today is still filling, so not learned yet),
/// with its 95 % interval.</param>
/// <param name="Days">One step ahead: each complete day predicted from the days before it, next to what was observed.</param>
/// <param name="Evaluation">Book vs adapted on the last <c>heldBackDays</c> days, learned from the days before them
/// only; null until there are 7 more complete days than are held back.</param>
/// <param name="IntakeDrops">Complete days whose intake per head fell below the 14 days before them (robust z &lt; −3.5).</param>
public sealed record IntakeAnalyticsResponse(
    Guid GroupId,
    string Group,
    double ModelDryMatterKgPerHead,
    double LearnedRatio,
    double LearnedRatioStandardDeviation,
    int DaysLearned,
    IntakePrediction Today,
    IReadOnlyList<IntakePrediction> Days,
    IntakeEvaluationSummary? Evaluation,
    IReadOnlyList<Anomaly> IntakeDrops,
    AdaptiveIntakeOptions Options);

/// <summary><see cref="IntakeEvaluation"/> without the per-day rows (they are in <c>days</c>).</summary>
public sealed record IntakeEvaluationSummary(
    int LearningDays,
    int HeldBackDays,
    double LearnedRatio,
    double ModelMeanAbsoluteErrorKgPerHeadPerDay,
    double AdaptedMeanAbsoluteErrorKgPerHeadPerDay,
    double ModelRootMeanSquarePercentageError,
    double AdaptedRootMeanSquarePercentageError,
    double IntervalCoveragePercent)
{
    public static IntakeEvaluationSummary From(IntakeEvaluation e) => new(e.LearningDays, e.HeldBackDays, e.LearnedRatio,
        e.ModelMeanAbsoluteErrorKgPerHeadPerDay, e.AdaptedMeanAbsoluteErrorKgPerHeadPerDay,
        e.ModelRootMeanSquarePercentageError, e.AdaptedRootMeanSquarePercentageError, e.IntervalCoveragePercent);
}
