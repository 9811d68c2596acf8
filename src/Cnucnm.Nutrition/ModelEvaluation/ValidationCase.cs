namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>One published case of the evaluation database (<c>data/validation</c>): the animal as the original CNUCNM
/// coded it, what was measured, and the diet. A 0 in the source means "not recorded".</summary>
/// <param name="Number">Case number (column <c>No</c>).</param>
/// <param name="ObservedDryMatterIntakeKg">Measured DMI, kg DM/d (<c>Target_DMI</c>).</param>
/// <param name="BreedCode">Row of the original breed table: 1 Hanwoo, 2 Holstein, 3 Angus (<c>breed_code</c>).</param>
/// <param name="AnimalType">0 heifer or other, 1 growing, 2 lactating (<c>animal_type</c>).</param>
/// <param name="SexCode">1 bull, 2 steer, 3 heifer, 4 cow (<c>sex</c>).</param>
/// <param name="BodyWeightKg">Full body weight, kg (<c>FBW</c>).</param>
/// <param name="BreedType">1 Hanwoo, 2 Holstein × Hanwoo, 3 Holstein (<c>breed_type</c>).</param>
/// <param name="MatureWeightKg">Mature weight, kg (<c>MW</c>).</param>
/// <param name="ConditionScore">Condition score as recorded (<c>BCS</c>).</param>
/// <param name="ObservedGainKgPerDay">Measured ADG, kg/d (<c>target_ADG</c>).</param>
/// <param name="MilkKgPerDay">Measured milk, kg/d (<c>MY</c>).</param>
/// <param name="MilkFatPercent">Milk fat, % (<c>MF</c>).</param>
/// <param name="MilkCrudeProteinPercent">Milk crude protein, % (<c>MkCP</c>).</param>
/// <param name="Diet">Feeds of the Korean feed library (<c>Feed_ID</c>) and their share, % of DM, as recorded.</param>
public sealed record ValidationCase(
    int Number,
    double ObservedDryMatterIntakeKg,
    int BreedCode,
    int AnimalType,
    double AgeMonths,
    int SexCode,
    double BodyWeightKg,
    int BreedType,
    double DaysPregnant,
    double DaysInMilk,
    double LactationNumber,
    double CalfBirthWeightKg,
    double MatureWeightKg,
    double ConditionScore,
    double ObservedGainKgPerDay,
    double MilkKgPerDay,
    double MilkFatPercent,
    double MilkCrudeProteinPercent,
    IReadOnlyList<ValidationDietShare> Diet)
{
    public bool IsLactating => DaysInMilk > 0 || MilkKgPerDay > 0;
}

/// <summary>A feed of a case's diet: Korean feed library id and % of diet DM.</summary>
public sealed record ValidationDietShare(int FeedId, double PercentOfDryMatter);
