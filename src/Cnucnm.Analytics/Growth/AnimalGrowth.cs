namespace Cnucnm.Analytics.Growth;

/// <summary>One animal's average daily gain against the rest of its group.</summary>
/// <param name="AverageDailyGainKgPerDay">Least-squares slope of body weight on age over the animal's weighings, kg/d.</param>
/// <param name="OthersMeanGainKgPerDay">Mean ADG of the other animals of the group, kg/d.</param>
/// <param name="OthersGainStandardDeviationKgPerDay">Sample standard deviation of the other animals' ADG, kg/d.</param>
/// <param name="ZScore">(ADG − others' mean) / others' SD.</param>
/// <param name="IsSlow">ADG below others' mean − k·SD.</param>
public sealed record AnimalGrowth(
    string AnimalId,
    double AverageDailyGainKgPerDay,
    double OthersMeanGainKgPerDay,
    double OthersGainStandardDeviationKgPerDay,
    double ZScore,
    bool IsSlow);
