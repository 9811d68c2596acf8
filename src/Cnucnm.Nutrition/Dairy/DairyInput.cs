using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>Physiological state as NASEM (2021) distinguishes it (An_StatePhys).</summary>
public enum PhysiologicalState
{
    Calf,
    Heifer,
    DryCow,
    LactatingCow,
    Other,
}

/// <summary>Breed as the NASEM model uses it (An_Breed): Holstein and Jersey equations, "Other" for the rest.</summary>
public enum DairyBreed
{
    Holstein,
    Jersey,
    Other,
}

/// <summary>Where the animal is and how far it walks (NASEM 2021 Ch. 3, activity and thermal inputs).</summary>
/// <param name="TemperatureCelsius">Mean daily ambient temperature, °C (Env_TempCurr).</param>
/// <param name="DistanceToParlorMeters">One-way distance from pen or paddock to the parlor, m (Env_DistParlor).</param>
/// <param name="TripsToParlorPerDay">One-way trips to and from the parlor per day (Env_TripsParlor).</param>
/// <param name="TopographyMeters">Positive elevation change walked per day, m (Env_Topo).</param>
public sealed record DairyEnvironment(
    double TemperatureCelsius = 15,
    double DistanceToParlorMeters = 0,
    double TripsToParlorPerDay = 0,
    double TopographyMeters = 0);

/// <summary>The mean animal of a group, in NASEM input terms (the NASEM variable in brackets).</summary>
/// <param name="BodyWeightKg">Live weight, kg (An_BW).</param>
/// <param name="MatureBodyWeightKg">Mature live weight, kg (An_BW_mature).</param>
/// <param name="BodyConditionScore">Body condition on the 1–5 dairy scale (An_BCS).</param>
/// <param name="Parity">Lactation number as a real value: 0 heifers/calves, 1 first lactation, ≥ 1 cows (An_Parity_rl).</param>
/// <param name="AgeDays">Age, d (An_AgeDay).</param>
/// <param name="DaysInMilk">Days in milk, lactating cows (An_LactDay).</param>
/// <param name="DaysPregnant">Day of gestation, 0 when open (An_GestDay).</param>
/// <param name="GestationLengthDays">Normal gestation length, d (An_GestLength).</param>
/// <param name="CalfBirthWeightKg">Expected calf birth weight, kg (Fet_BWbrth).</param>
/// <param name="TargetMilkKgPerDay">Milk yield, kg/d (Trg_MilkProd).</param>
/// <param name="TargetMilkFatPercent">Milk fat, % (Trg_MilkFatp).</param>
/// <param name="TargetMilkTrueProteinPercent">Milk true protein, % (Trg_MilkTPp).</param>
/// <param name="TargetMilkLactosePercent">Milk lactose, % (Trg_MilkLacp).</param>
/// <param name="TargetFrameGainKgPerDay">Frame (structural) gain, kg live weight/d (Trg_FrmGain).</param>
/// <param name="TargetReserveGainKgPerDay">Body reserves gain (negative: loss), kg/d (Trg_RsrvGain).</param>
/// <param name="TargetDryMatterIntakeKg">Intake to use when the DMI equation is 0, kg DM/d (Trg_Dt_DMIn); null: the diet's sum.</param>
/// <param name="HerdMilkTrueProtein305Kg">Herd rolling average milk true protein, kg per 305 d (An_305RHA_MlkTP); 280 = no adjustment.</param>
/// <param name="AgeStarterOfferedDays">Calves: age when dry starter was first offered, d (An_AgeDryFdStart).</param>
/// <param name="AgeAtFirstConceptionDays">Heifers: age at first conception, d (An_AgeConcept1st).</param>
public sealed record DairyAnimal(
    PhysiologicalState State,
    DairyBreed Breed,
    double BodyWeightKg,
    double MatureBodyWeightKg,
    double BodyConditionScore,
    double Parity,
    double AgeDays,
    double DaysInMilk,
    double DaysPregnant,
    double GestationLengthDays,
    double CalfBirthWeightKg,
    double TargetMilkKgPerDay,
    double TargetMilkFatPercent,
    double TargetMilkTrueProteinPercent,
    double TargetMilkLactosePercent,
    double TargetFrameGainKgPerDay,
    double TargetReserveGainKgPerDay,
    double? TargetDryMatterIntakeKg,
    double HerdMilkTrueProtein305Kg,
    double AgeStarterOfferedDays,
    double AgeAtFirstConceptionDays,
    DairyEnvironment Environment);

/// <summary>The NASEM model's equation switches (names and ranges as in the NASEM software).</summary>
/// <param name="UseDndfInVitro">0 lignin-based NDF digestibility, 1 48-h in vitro for forages, 2 for all feeds (Use_DNDF_IV).</param>
/// <param name="DmiEquation">0 target intake, 1 calf, 2–7 heifer, 8 lactating animal factors (Eq. 2-1), 9 lactating animal + diet (Eq. 2-2), 10–11 dry cow, 12–17 heifer pen (DMIn_eqn).</param>
/// <param name="MilkProductionEquation">0 target, 1 component-predicted, 2 NE-allowable, 3 MP-allowable, 4 lesser of 2 and 3 (mProd_eqn).</param>
/// <param name="MicrobialNEquation">1 NRC 2021, 2 Hanigan linear, 3 White 2017 (MiN_eqn).</param>
/// <param name="NonMilkCpCalfLiquid">1 when calf liquid feeds contain non-milk protein (NonMilkCP_ClfLiq).</param>
/// <param name="Monensin">1 when monensin is fed (Monensin_eqn).</param>
/// <param name="MilkProteinEquation">0 target, 1 NRC 2021, 2 VT1, 3 VT2 (mPrt_eqn).</param>
/// <param name="MilkFatEquation">0 target, 1 predicted (mFat_eqn).</param>
/// <param name="RumenDevelopmentDiscount">1 discounts dry-feed ME of calves on much milk (RumDevDisc_Clf).</param>
public sealed record EquationSelection(
    int UseDndfInVitro = 0,
    int DmiEquation = 0,
    int MilkProductionEquation = 0,
    int MicrobialNEquation = 1,
    int NonMilkCpCalfLiquid = 0,
    int Monensin = 0,
    int MilkProteinEquation = 0,
    int MilkFatEquation = 1,
    int RumenDevelopmentDiscount = 0)
{
    public static EquationSelection Default { get; } = new();
}

/// <summary>A feed of the ration, kg of dry matter per animal per day.</summary>
public sealed record DietEntry(Feed Feed, double KgDryMatterPerDay);

/// <summary>Everything one evaluation of the dairy model needs.</summary>
public sealed record DairyInput(DairyAnimal Animal, EquationSelection Equations, IReadOnlyList<DietEntry> Diet);
