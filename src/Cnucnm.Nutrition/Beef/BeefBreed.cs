namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// Breed parameters of the beef model, one row of <c>Data/beef_breeds.csv</c> (the original
/// CNUCNM breed table, cleaned; every row names its sources). Null means the table has no value
/// and the user must give it (a mature weight) or the book's default applies (milk solids-not-fat).
/// </summary>
/// <param name="Id">Stable id: <c>hanwoo</c>, <c>holstein</c>, <c>holstein-x-hanwoo</c>, <c>angus</c>.</param>
/// <param name="MatureWeightFemaleKg">Mature full body weight of cows, kg.</param>
/// <param name="MatureWeightSteerKg">Full body weight of steers at the finishing body fat the growth equations are scaled to (28 % empty body fat), kg.</param>
/// <param name="MatureWeightBullKg">The same for bulls, kg.</param>
/// <param name="MaintenanceMultiplier">Breed multiplier of the NEm requirement (NRC 2000 Ch. 1, BE).</param>
/// <param name="LactationMaintenanceMultiplier">Multiplier of NEm during lactation (NRC 2000 Ch. 1, L).</param>
/// <param name="DmiBreedIndex">Multiplier of predicted intake of growing cattle (NRC 2000 Ch. 7, BI).</param>
/// <param name="CalfBirthWeightKg">Calf birth weight, kg.</param>
/// <param name="PeakMilkKgPerDay">Peak milk yield of beef-type suckler cows, kg/d.</param>
/// <param name="MilkFatPercent">Milk fat, %.</param>
/// <param name="MilkProteinPercent">Milk crude protein, %.</param>
/// <param name="MilkTrueProteinPercent">Milk true protein, %.</param>
/// <param name="MilkSolidsNotFatPercent">Milk solids-not-fat, %; null: the beef book's default 8.3 %.</param>
/// <param name="FirstConceptionFractionOfMature">Heifers' weight at first conception as a fraction of mature weight.</param>
/// <param name="Source">Where each value comes from.</param>
public sealed record BeefBreed(
    string Id,
    string Name,
    string NameKorean,
    double? MatureWeightFemaleKg,
    double? MatureWeightSteerKg,
    double? MatureWeightBullKg,
    double MaintenanceMultiplier,
    double LactationMaintenanceMultiplier,
    double DmiBreedIndex,
    double CalfBirthWeightKg,
    double PeakMilkKgPerDay,
    double MilkFatPercent,
    double MilkProteinPercent,
    double MilkTrueProteinPercent,
    double? MilkSolidsNotFatPercent,
    double FirstConceptionFractionOfMature,
    string Source)
{
    /// <summary>NRC (2000) default milk solids-not-fat of beef cows, %.</summary>
    public const double DefaultSolidsNotFatPercent = 8.3;

    /// <summary>The table's mature (or finishing) weight for an animal of this sex, kg; null when the table has none.</summary>
    public double? MatureWeightKg(BeefSex sex) => sex switch
    {
        BeefSex.Heifer or BeefSex.Cow => MatureWeightFemaleKg,
        BeefSex.Steer => MatureWeightSteerKg,
        BeefSex.Bull => MatureWeightBullKg,
        _ => null,
    };
}
