using Cnucnm.Registry.Records;

namespace Cnucnm.Registry;

/// <summary>Values derived from an animal's records on one day (<see cref="AnimalDerived.Summarize"/>).</summary>
/// <param name="LactationNumber">Calvings so far (parity): 0 for heifers and calves.</param>
/// <param name="DaysInMilk">Days since the last calving while lactating; null when dry or never calved.</param>
/// <param name="Pregnant">The last pregnancy check since calving was positive and the cow has not calved since.</param>
/// <param name="AverageDailyGainKgPerDay">Between the last two weighings.</param>
/// <param name="LatestMilkTest">The last test of the current lactation.</param>
/// <param name="MilkWithdrawalEnd">The day milk may be sold again after the latest treatment: its date plus the withdrawal days.</param>
public sealed record AnimalSummary(
    int AgeDays,
    int LactationNumber,
    DateOnly? LastCalving,
    int? DaysInMilk,
    bool Pregnant,
    DateOnly? ConceptionDate,
    int? DaysPregnant,
    DateOnly? ExpectedCalving,
    DateOnly? LastWeighingDate,
    double? BodyWeightKg,
    double? BodyConditionScore,
    BodyConditionScale BodyConditionScale,
    double? AverageDailyGainKgPerDay,
    MilkTest? LatestMilkTest,
    DateOnly? MilkWithdrawalEnd,
    DateOnly? MeatWithdrawalEnd);
