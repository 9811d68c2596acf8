namespace Cnucnm.Analytics.Intake;

/// <summary>
/// The book equation and the adapted prediction on days held back from learning. MAE is the mean absolute error,
/// kg DM per head per day; RMSPE the root mean square percentage error, 100·√(mean(((observed − predicted)/observed)²)), %.
/// Coverage is the share of held-back days whose observed intake fell inside the 95 % prediction interval, %.
/// </summary>
public sealed record IntakeEvaluation(
    int LearningDays,
    int HeldBackDays,
    double LearnedRatio,
    double ModelMeanAbsoluteErrorKgPerHeadPerDay,
    double AdaptedMeanAbsoluteErrorKgPerHeadPerDay,
    double ModelRootMeanSquarePercentageError,
    double AdaptedRootMeanSquarePercentageError,
    double IntervalCoveragePercent,
    IReadOnlyList<IntakePrediction> HeldBack);
