namespace Cnucnm.Analytics.Intake;

/// <summary>A day's intake as the book predicts it, as the adaptive predictor predicts it (before that day is seen),
/// with its 95 % prediction interval, and, once known, as observed. kg DM per head per day.</summary>
public sealed record IntakePrediction(
    DateOnly Date,
    double ModelDryMatterKgPerHeadPerDay,
    double AdaptedDryMatterKgPerHeadPerDay,
    double AdaptedLower95KgPerHeadPerDay,
    double AdaptedUpper95KgPerHeadPerDay,
    double RatioUsed,
    double? ObservedDryMatterKgPerHeadPerDay);
