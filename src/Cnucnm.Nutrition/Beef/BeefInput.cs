using Cnucnm.Nutrition.Dairy;

namespace Cnucnm.Nutrition.Beef;

/// <summary>Sex class as the beef book distinguishes it (NRC 2000 Ch. 1 and 3: bulls need 15 % more NEm; cows and heifers share mature weights).</summary>
public enum BeefSex
{
    Bull,
    Steer,
    Heifer,
    Cow,
}

/// <summary>Where the dry-matter intake of an evaluation comes from.</summary>
public enum BeefIntakeSource
{
    /// <summary>The diet's kg DM are what the animal eats.</summary>
    Diet,

    /// <summary>The intake equation predicts DMI; the diet gives the proportions of the feeds.</summary>
    Predicted,
}

/// <summary>Which intake equation predicts DMI.</summary>
public enum BeefIntakeEquation
{
    /// <summary>Hanwoo: the Japanese Feeding Standard equations (lactating cows: NRC beef cow); beef cows: NRC; growing cattle: NRC calf/yearling.</summary>
    Automatic,

    /// <summary>NRC (2000) Ch. 7 growing calves (&lt; 12 months) and yearlings, with the breed, body fat, implant and environment adjustments.</summary>
    NrcGrowing,

    /// <summary>NRC (2000) Ch. 7 beef cows (pregnant, non-pregnant, plus 0.2 kg per kg milk).</summary>
    NrcBeefCow,

    /// <summary>Japanese Feeding Standard for Beef Cattle (2008) equations for Japanese Black, used for Hanwoo by the original CNUCNM.</summary>
    JapaneseStandard,

    /// <summary>Korean Feeding Standard for Hanwoo, steers and bulls: the standard's ME requirement at the target gain ÷ (4.4 Mcal GE/kg DM
    /// × its metabolizability q) (<see cref="Hanwoo.KfsEquations.ExpectedDryMatterIntakeKg"/>); other sexes the Japanese Feeding Standard.</summary>
    KoreanStandard,
}

/// <summary>Climate, coat and housing of the animal (NRC 2000 Ch. 1 and 7; Fox et al. 2004 CNCPS). The defaults are
/// thermoneutral: 15 °C now (NRC 2000 Ch. 7 intake temperature factor 1.00, no cold stress for grown cattle) and 20 °C
/// in the previous month, the temperature at which the NRC (2000) Ch. 1 acclimatization term 0.0007 × (20 − Tp) is zero
/// (a previous month of 15 °C would add 0.0035 Mcal/kg SBW^0.75, 4.5 % of the 0.077 base maintenance).</summary>
/// <param name="TemperatureCelsius">Mean ambient temperature now, °C; 15 by default.</param>
/// <param name="PreviousMonthTemperatureCelsius">Mean temperature of the previous month, °C (acclimatization); 20 by default.</param>
/// <param name="RelativeHumidityPercent">Relative humidity, %.</param>
/// <param name="WindSpeedKmPerHour">Wind speed, km/h.</param>
/// <param name="SunHoursPerDay">Hours of direct sun per day.</param>
/// <param name="HairDepthCm">Effective hair depth, cm.</param>
/// <param name="MudDepthCm">Depth of mud in the pen, cm.</param>
/// <param name="CoatCondition">1 dry and clean, 2 some mud on the lower body, 3 wet and matted, 4 covered with wet snow or mud.</param>
/// <param name="HideThickness">1 thin, 2 average, 3 thick.</param>
/// <param name="Panting">1 none, 2 rapid shallow breathing, 3 open-mouth panting.</param>
/// <param name="NightCooling">Nights cool below about 21 °C during hot weather.</param>
public sealed record BeefEnvironment(
    double TemperatureCelsius = 15,
    double PreviousMonthTemperatureCelsius = BeefEnvironment.AcclimatizationNeutralCelsius,
    double RelativeHumidityPercent = 50,
    double WindSpeedKmPerHour = 5,
    double SunHoursPerDay = 0,
    double HairDepthCm = 0.3,
    double MudDepthCm = 0,
    int CoatCondition = 1,
    int HideThickness = 2,
    int Panting = 1,
    bool NightCooling = true)
{
    /// <summary>NRC (2000) Ch. 1: previous-month temperature at which acclimatization adds nothing to maintenance, °C.</summary>
    public const double AcclimatizationNeutralCelsius = 20;

    /// <summary>15 °C now, 20 °C the previous month: no climate adjustment of maintenance or intake.</summary>
    public static BeefEnvironment Thermoneutral { get; } = new();
}

/// <summary>The mean animal of a group of beef cattle, Hanwoo, Holstein steers or crossbreds.</summary>
/// <param name="BodyWeightKg">Full (unshrunk) live weight, kg.</param>
/// <param name="MatureBodyWeightKg">Mature full weight of cows, or the finishing weight of growing cattle at 28 % empty body fat, kg.</param>
/// <param name="AgeMonths">Age, months.</param>
/// <param name="BodyConditionScore">Condition score on the beef 1–9 scale.</param>
/// <param name="DaysPregnant">Day of gestation, 0 when open.</param>
/// <param name="DaysInMilk">Days since calving of a lactating cow, 0 when not lactating.</param>
/// <param name="CalfBirthWeightKg">Expected calf birth weight, kg.</param>
/// <param name="MilkKgPerDay">Milk yield, kg/d; null: predicted by the beef-cow lactation curve.</param>
/// <param name="MilkFatPercent">Milk fat, %.</param>
/// <param name="MilkProteinPercent">Milk crude protein, %.</param>
/// <param name="MilkSolidsNotFatPercent">Milk solids-not-fat, %.</param>
/// <param name="RelativeMilkYield">Relative milk yield 1–9 (5 = the breed's average peak).</param>
/// <param name="TargetGainKgPerDay">Shrunk weight gain the requirements are stated for, kg/d.</param>
/// <param name="Implanted">Carries an anabolic implant (NRC intake adjustment).</param>
public sealed record BeefAnimal(
    BeefBreed Breed,
    BeefSex Sex,
    double BodyWeightKg,
    double MatureBodyWeightKg,
    double AgeMonths,
    double BodyConditionScore,
    double DaysPregnant,
    double DaysInMilk,
    double CalfBirthWeightKg,
    double? MilkKgPerDay,
    double MilkFatPercent,
    double MilkProteinPercent,
    double MilkSolidsNotFatPercent,
    double RelativeMilkYield,
    double TargetGainKgPerDay,
    bool Implanted,
    BeefEnvironment Environment)
{
    public bool IsPregnant => DaysPregnant > 0;

    public bool IsLactating => DaysInMilk > 0;

    /// <summary>A mature-type animal: a cow, or a heifer that is pregnant or lactating.</summary>
    public bool IsCow => Sex == BeefSex.Cow || (Sex == BeefSex.Heifer && (IsPregnant || IsLactating));

    /// <summary>An animal with the breed's defaults for everything but weight, age, sex and target gain.</summary>
    public static BeefAnimal Create(BeefBreed breed, BeefSex sex, double bodyWeightKg, double ageMonths, double targetGainKgPerDay,
        double? matureBodyWeightKg = null, BeefEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(breed);
        var mature = matureBodyWeightKg ?? breed.MatureWeightKg(sex)
            ?? throw new ArgumentException($"The breed table has no mature weight for {breed.Name} {sex}; give one.", nameof(matureBodyWeightKg));
        return new BeefAnimal(breed, sex, bodyWeightKg, mature, ageMonths, 5, 0, 0, breed.CalfBirthWeightKg, null, breed.MilkFatPercent,
            breed.MilkProteinPercent, breed.MilkSolidsNotFatPercent ?? BeefBreed.DefaultSolidsNotFatPercent, 5, targetGainKgPerDay, false,
            environment ?? BeefEnvironment.Thermoneutral);
    }
}

/// <summary>Everything one evaluation of the beef model needs. The diet is kg DM per animal per day
/// (with <see cref="BeefIntakeSource.Predicted"/> only its proportions count).</summary>
/// <param name="RequirementModel">Which book's requirements to report beside the NRC evaluation; null: the animal's default
/// (<see cref="BeefRequirementModels.DefaultFor(BeefAnimal)"/>: the Korean Feeding Standard for the Hanwoo classes it covers).</param>
public sealed record BeefInput(
    BeefAnimal Animal,
    IReadOnlyList<DietEntry> Diet,
    BeefIntakeSource Intake = BeefIntakeSource.Diet,
    BeefIntakeEquation IntakeEquation = BeefIntakeEquation.Automatic,
    BeefRequirementModel? RequirementModel = null)
{
    /// <summary>The requirement model in force: the one asked for, or the animal's default.</summary>
    public BeefRequirementModel EffectiveRequirementModel => RequirementModel ?? BeefRequirementModels.DefaultFor(Animal);
}
