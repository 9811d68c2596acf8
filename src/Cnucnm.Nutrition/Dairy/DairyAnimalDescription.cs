using Cnucnm.FieldValidation;
namespace Cnucnm.Nutrition.Dairy;

// The animal, environment and equation choices as API clients, the CLI and the formulation
// requests write them: camelCase names with units, optional fields with the book's defaults.
// One validation and one mapping to the model's inputs serve every entry point.

/// <param name="PhysiologicalState">calf, heifer, dryCow, lactatingCow or other (An_StatePhys).</param>
/// <param name="Breed">holstein, jersey or other (An_Breed).</param>
/// <param name="BodyWeightKg">Live weight, kg (An_BW).</param>
/// <param name="MatureBodyWeightKg">Mature live weight, kg (An_BW_mature).</param>
/// <param name="BodyConditionScore">1–5 dairy scale (An_BCS); 0 allowed for calves.</param>
/// <param name="Parity">Lactation number: 0 heifers and calves, 1 first lactation (An_Parity_rl).</param>
/// <param name="AgeDays">Age, days (An_AgeDay).</param>
/// <param name="DaysInMilk">Days in milk (An_LactDay); 0 when not lactating.</param>
/// <param name="DaysPregnant">Day of gestation (An_GestDay); 0 when open.</param>
/// <param name="GestationLengthDays">Gestation length, days (An_GestLength); 280 when left out.</param>
/// <param name="CalfBirthWeightKg">Expected calf birth weight, kg (Fet_BWbrth).</param>
/// <param name="MilkKgPerDay">Milk yield, kg/d (Trg_MilkProd).</param>
/// <param name="MilkFatPercent">Milk fat, % (Trg_MilkFatp).</param>
/// <param name="MilkTrueProteinPercent">Milk true protein, % (Trg_MilkTPp).</param>
/// <param name="MilkLactosePercent">Milk lactose, % (Trg_MilkLacp); 4.85 when left out.</param>
/// <param name="FrameGainKgPerDay">Target frame (structural) gain, kg/d (Trg_FrmGain).</param>
/// <param name="ReserveGainKgPerDay">Target body reserves gain, negative for loss, kg/d (Trg_RsrvGain).</param>
/// <param name="TargetDryMatterIntakeKgPerDay">Intake to use with dmiEquation 0, kg DM/d (Trg_Dt_DMIn); the diet's sum when left out.</param>
/// <param name="HerdMilkTrueProtein305Kg">Herd rolling-average milk true protein, kg per 305 d (An_305RHA_MlkTP); 280 when left out.</param>
/// <param name="AgeStarterOfferedDays">Calves: age when starter was first offered, days (An_AgeDryFdStart); 14 when left out.</param>
/// <param name="AgeAtFirstConceptionDays">Heifers: age at first conception, days (An_AgeConcept1st).</param>
public sealed record DairyAnimalDescription(
    PhysiologicalState? PhysiologicalState,
    DairyBreed? Breed,
    double? BodyWeightKg,
    double? MatureBodyWeightKg,
    double? BodyConditionScore,
    double? Parity,
    double? AgeDays,
    double? DaysInMilk,
    double? DaysPregnant,
    double? GestationLengthDays,
    double? CalfBirthWeightKg,
    double? MilkKgPerDay,
    double? MilkFatPercent,
    double? MilkTrueProteinPercent,
    double? MilkLactosePercent,
    double? FrameGainKgPerDay,
    double? ReserveGainKgPerDay,
    double? TargetDryMatterIntakeKgPerDay,
    double? HerdMilkTrueProtein305Kg,
    double? AgeStarterOfferedDays,
    double? AgeAtFirstConceptionDays);

/// <param name="TemperatureCelsius">Mean ambient temperature, °C (Env_TempCurr); 15 when left out.</param>
/// <param name="DistanceToParlorMeters">One-way distance to the parlor, m (Env_DistParlor).</param>
/// <param name="TripsToParlorPerDay">Trips to and from the parlor per day (Env_TripsParlor).</param>
/// <param name="TopographyMeters">Elevation climbed per day, m (Env_Topo).</param>
public sealed record EnvironmentDescription(double? TemperatureCelsius, double? DistanceToParlorMeters, double? TripsToParlorPerDay, double? TopographyMeters);

/// <summary>NASEM equation switches (the software's names in brackets); each defaults to the book's choice.</summary>
/// <param name="DmiEquation">0 target intake, 1 calf, 2–7 and 12–17 heifer, 8–9 lactating, 10–11 dry cow (DMIn_eqn).</param>
/// <param name="NdfDigestibilityFromInVitro">0 lignin, 1 in vitro for forages, 2 in vitro for all (Use_DNDF_IV).</param>
/// <param name="MilkProductionEquation">0 target, 1 component, 2 NE-allowable, 3 MP-allowable, 4 lesser (mProd_eqn).</param>
/// <param name="MicrobialNitrogenEquation">1 NASEM 2021, 2 Hanigan, 3 White (MiN_eqn).</param>
/// <param name="MilkProteinEquation">0 target, 1 NASEM 2021, 2–3 VT refits (mPrt_eqn).</param>
/// <param name="MilkFatEquation">0 target, 1 predicted (mFat_eqn).</param>
/// <param name="Monensin">Monensin fed (Monensin_eqn).</param>
/// <param name="NonMilkProteinInCalfLiquid">Calf liquid feed contains non-milk protein (NonMilkCP_ClfLiq).</param>
/// <param name="RumenDevelopmentDiscount">Discount dry-feed ME of calves on much milk (RumDevDisc_Clf).</param>
public sealed record EquationChoices(
    int? DmiEquation,
    int? NdfDigestibilityFromInVitro,
    int? MilkProductionEquation,
    int? MicrobialNitrogenEquation,
    int? MilkProteinEquation,
    int? MilkFatEquation,
    bool? Monensin,
    bool? NonMilkProteinInCalfLiquid,
    bool? RumenDevelopmentDiscount);

/// <summary>Validation and mapping of <see cref="DairyAnimalDescription"/>, <see cref="EnvironmentDescription"/>
/// and <see cref="EquationChoices"/> to the model's <see cref="DairyAnimal"/> and <see cref="EquationSelection"/>.</summary>
public static class DairyAnimalDescriptions
{
    /// <summary>Adds every bad field to <paramref name="v"/>, named from <paramref name="prefix"/>
    /// (e.g. <c>animal.bodyWeightKg</c>; a prefix such as <c>group.</c> is put in front).</summary>
    public static void Validate(Validation v, DairyAnimalDescription? a, EnvironmentDescription? e, EquationChoices? q, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(v);
        if (a is null)
        {
            v.Add(prefix + "animal", "is required.");
        }
        else
        {
            v.Require(a.PhysiologicalState is not null, prefix + "animal.physiologicalState", "is required: calf, heifer, dryCow, lactatingCow or other.")
             .Require(a.Breed is not null, prefix + "animal.breed", "is required: holstein, jersey or other.")
             .Require(a.BodyWeightKg is > 0 and <= 1500, prefix + "animal.bodyWeightKg", "must be greater than 0 and at most 1500 kg.")
             .Require(a.MatureBodyWeightKg is > 0 and <= 1500, prefix + "animal.matureBodyWeightKg", "must be greater than 0 and at most 1500 kg.")
             .RequireRange(a.BodyConditionScore, prefix + "animal.bodyConditionScore", 0, 5)
             .RequireRange(a.Parity, prefix + "animal.parity", 0, 15)
             .RequireRange(a.AgeDays, prefix + "animal.ageDays", 0, 10000)
             .RequireRange(a.DaysInMilk, prefix + "animal.daysInMilk", 0, 1000, required: false)
             .RequireRange(a.DaysPregnant, prefix + "animal.daysPregnant", 0, 320, required: false)
             .Require(a.GestationLengthDays is null or (> 0 and <= 320), prefix + "animal.gestationLengthDays", "must be greater than 0 and at most 320 days.")
             .RequireRange(a.CalfBirthWeightKg, prefix + "animal.calfBirthWeightKg", 0, 100, required: false)
             .RequireRange(a.MilkKgPerDay, prefix + "animal.milkKgPerDay", 0, 100, required: false)
             .RequireRange(a.MilkFatPercent, prefix + "animal.milkFatPercent", 0, 100, required: false)
             .RequireRange(a.MilkTrueProteinPercent, prefix + "animal.milkTrueProteinPercent", 0, 100, required: false)
             .RequireRange(a.MilkLactosePercent, prefix + "animal.milkLactosePercent", 0, 100, required: false)
             .RequireRange(a.FrameGainKgPerDay, prefix + "animal.frameGainKgPerDay", -3, 5, required: false)
             .RequireRange(a.ReserveGainKgPerDay, prefix + "animal.reserveGainKgPerDay", -5, 5, required: false)
             .Require(a.TargetDryMatterIntakeKgPerDay is null or (> 0 and <= 60), prefix + "animal.targetDryMatterIntakeKgPerDay", "must be greater than 0 and at most 60 kg DM/d.")
             .RequireRange(a.HerdMilkTrueProtein305Kg, prefix + "animal.herdMilkTrueProtein305Kg", 0, 2000, required: false)
             .RequireRange(a.AgeStarterOfferedDays, prefix + "animal.ageStarterOfferedDays", 0, 1000, required: false)
             .RequireRange(a.AgeAtFirstConceptionDays, prefix + "animal.ageAtFirstConceptionDays", 0, 3000, required: false);
            if (a.PhysiologicalState == PhysiologicalState.LactatingCow)
            {
                v.Require(a.MilkKgPerDay is not null, prefix + "animal.milkKgPerDay", "is required for a lactating cow.")
                 .Require(a.MilkFatPercent is not null, prefix + "animal.milkFatPercent", "is required for a lactating cow.")
                 .Require(a.MilkTrueProteinPercent is not null, prefix + "animal.milkTrueProteinPercent", "is required for a lactating cow.")
                 .Require(a.DaysInMilk is not null, prefix + "animal.daysInMilk", "is required for a lactating cow.");
            }

            if (a.DaysPregnant is > 0)
            {
                v.Require(a.CalfBirthWeightKg is > 0, prefix + "animal.calfBirthWeightKg", "is required (greater than 0) for a pregnant animal.");
            }
        }

        if (e is not null)
        {
            v.RequireRange(e.TemperatureCelsius, prefix + "environment.temperatureCelsius", -50, 60, required: false)
             .RequireRange(e.DistanceToParlorMeters, prefix + "environment.distanceToParlorMeters", 0, 20000, required: false)
             .RequireRange(e.TripsToParlorPerDay, prefix + "environment.tripsToParlorPerDay", 0, 20, required: false)
             .RequireRange(e.TopographyMeters, prefix + "environment.topographyMeters", 0, 5000, required: false);
        }

        if (q is not null)
        {
            v.RequireRange(q.DmiEquation, prefix + "equations.dmiEquation", 0, 17, required: false)
             .RequireRange(q.NdfDigestibilityFromInVitro, prefix + "equations.ndfDigestibilityFromInVitro", 0, 2, required: false)
             .RequireRange(q.MilkProductionEquation, prefix + "equations.milkProductionEquation", 0, 4, required: false)
             .RequireRange(q.MicrobialNitrogenEquation, prefix + "equations.microbialNitrogenEquation", 1, 3, required: false)
             .RequireRange(q.MilkProteinEquation, prefix + "equations.milkProteinEquation", 0, 3, required: false)
             .RequireRange(q.MilkFatEquation, prefix + "equations.milkFatEquation", 0, 1, required: false);
        }
    }

    /// <summary>The model's animal; call after <see cref="Validate"/> found nothing.</summary>
    public static DairyAnimal ToAnimal(DairyAnimalDescription a, EnvironmentDescription? env)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new DairyAnimal(a.PhysiologicalState!.Value, a.Breed!.Value, a.BodyWeightKg!.Value, a.MatureBodyWeightKg!.Value, a.BodyConditionScore!.Value,
            a.Parity!.Value, a.AgeDays!.Value, a.DaysInMilk ?? 0, a.DaysPregnant ?? 0, a.GestationLengthDays ?? 280, a.CalfBirthWeightKg ?? 0,
            a.MilkKgPerDay ?? 0, a.MilkFatPercent ?? 0, a.MilkTrueProteinPercent ?? 0, a.MilkLactosePercent ?? 4.85, a.FrameGainKgPerDay ?? 0,
            a.ReserveGainKgPerDay ?? 0, a.TargetDryMatterIntakeKgPerDay, a.HerdMilkTrueProtein305Kg ?? 280, a.AgeStarterOfferedDays ?? 14,
            a.AgeAtFirstConceptionDays ?? 0,
            new DairyEnvironment(env?.TemperatureCelsius ?? 15, env?.DistanceToParlorMeters ?? 0, env?.TripsToParlorPerDay ?? 0, env?.TopographyMeters ?? 0));
    }

    /// <summary>The equation selection, the book's defaults for what is left out.</summary>
    /// <summary>The description of a model animal (the inverse of <see cref="ToAnimal"/>), e.g. to send a group's mean animal to the formulation.</summary>
    public static (DairyAnimalDescription Animal, EnvironmentDescription Environment) Describe(DairyAnimal a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var animal = new DairyAnimalDescription(a.State, a.Breed, a.BodyWeightKg, a.MatureBodyWeightKg, a.BodyConditionScore, a.Parity, a.AgeDays,
            a.DaysInMilk, a.DaysPregnant, a.GestationLengthDays, a.CalfBirthWeightKg, a.TargetMilkKgPerDay, a.TargetMilkFatPercent,
            a.TargetMilkTrueProteinPercent, a.TargetMilkLactosePercent, a.TargetFrameGainKgPerDay, a.TargetReserveGainKgPerDay,
            a.TargetDryMatterIntakeKg, a.HerdMilkTrueProtein305Kg, a.AgeStarterOfferedDays, a.AgeAtFirstConceptionDays);
        var e = a.Environment;
        return (animal, new EnvironmentDescription(e.TemperatureCelsius, e.DistanceToParlorMeters, e.TripsToParlorPerDay, e.TopographyMeters));
    }

    public static EquationSelection ToEquations(EquationChoices? q)
    {
        var equations = EquationSelection.Default;
        if (q is null)
        {
            return equations;
        }

        return new EquationSelection(q.NdfDigestibilityFromInVitro ?? equations.UseDndfInVitro, q.DmiEquation ?? equations.DmiEquation,
            q.MilkProductionEquation ?? equations.MilkProductionEquation, q.MicrobialNitrogenEquation ?? equations.MicrobialNEquation,
            q.NonMilkProteinInCalfLiquid is true ? 1 : 0, q.Monensin is true ? 1 : 0, q.MilkProteinEquation ?? equations.MilkProteinEquation,
            q.MilkFatEquation ?? equations.MilkFatEquation, q.RumenDevelopmentDiscount is true ? 1 : 0);
    }
}
