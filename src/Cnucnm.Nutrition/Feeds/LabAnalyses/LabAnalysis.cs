namespace Cnucnm.Nutrition.Feeds.LabAnalyses;

/// <summary>One analysed sample: composition per kg DM by NASEM column (DM itself % as fed), from a report row.</summary>
/// <param name="Row">The line of the file (header = 1) or 1 for a single entered analysis.</param>
public sealed record LabAnalysis(int Row, string? SampleId, DateOnly? SampledOn, IReadOnlyDictionary<FeedNutrient, double> Values);

/// <summary>A problem in an analysis file or entry: the row (header = 1), the column as written and what is wrong.</summary>
public sealed record LabAnalysisError(int Row, string Column, string Message);

/// <summary>What an analysis changes in a feed: per nutrient the current and the analysed value (same unit).</summary>
/// <param name="RelativeChangePercent">(analysed − current) / current × 100; null when the current value is missing or 0.</param>
public sealed record NutrientChange(string Nutrient, string Unit, double? Current, double Analysed, double? Difference, double? RelativeChangePercent);
