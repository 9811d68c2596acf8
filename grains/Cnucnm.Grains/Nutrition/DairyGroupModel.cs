using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Nutrition.Dairy;
using NutritionState = Cnucnm.Nutrition.Dairy.PhysiologicalState;
using GroupState = Cnucnm.Contracts.Groups.PhysiologicalState;

namespace Cnucnm.Grains.Nutrition;

/// <summary>A group's mean animal as the NASEM (2021) dairy model's input.</summary>
public static class DairyGroupModel
{
    /// <summary>NASEM (2021) software default mature live weight of Holstein cows, kg (An_BW_mature).</summary>
    public const double HolsteinMatureBodyWeightKg = 700;

    /// <summary>Whether the dairy model applies to the group (beef and Hanwoo groups use the beef model).</summary>
    public static bool Applies(GroupInputs inputs) =>
        inputs.State is GroupState.LactatingCow or GroupState.DryCow or GroupState.Heifer or GroupState.Calf
        && inputs.Breed is Breed.Holstein or Breed.Jersey or Breed.Other;

    /// <summary>The model's animal, or what is missing.</summary>
    /// <param name="observedDryMatterIntakeKg">Intake to use instead of the NASEM prediction (sensor data), kg DM/d per head.</param>
    public static (DairyAnimal? Animal, EquationSelection Equations, string? Problem) ToModel(GroupInputs inputs, FarmProfile farm,
        double? observedDryMatterIntakeKg = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(farm);
        if (!Applies(inputs))
        {
            return (null, EquationSelection.Default, $"the NASEM dairy model does not cover {inputs.Breed} {inputs.State} groups.");
        }

        var matureWeight = inputs.MatureBodyWeightKg ?? (inputs.Breed == Breed.Holstein ? HolsteinMatureBodyWeightKg : (double?)null);
        if (matureWeight is null)
        {
            return (null, EquationSelection.Default, $"set the mature body weight of {inputs.Breed} animals for this group.");
        }

        var state = inputs.State switch
        {
            GroupState.LactatingCow => NutritionState.LactatingCow,
            GroupState.DryCow => NutritionState.DryCow,
            GroupState.Heifer => NutritionState.Heifer,
            _ => NutritionState.Calf,
        };
        var breed = inputs.Breed switch
        {
            Breed.Holstein => DairyBreed.Holstein,
            Breed.Jersey => DairyBreed.Jersey,
            _ => DairyBreed.Other,
        };

        // Growing animals gain frame; adult cows gain (or lose) body reserves.
        var growing = state is NutritionState.Heifer or NutritionState.Calf;
        var environment = inputs.Environment;
        var targetIntake = observedDryMatterIntakeKg ?? inputs.TargetDryMatterIntakeKg;
        var animal = new DairyAnimal(
            state, breed, inputs.BodyWeightKg, matureWeight.Value, inputs.BodyConditionScore, inputs.Parity, inputs.AgeDays,
            state == NutritionState.LactatingCow ? inputs.DaysInMilk ?? 0 : 0, inputs.DaysPregnant, GestationLengthDays: 280,
            CalfBirthWeightKg(inputs.Breed, matureWeight.Value),
            // A state without milk carries no components (GroupInputs.ForState): no milk, so fat and protein do not count.
            state == NutritionState.LactatingCow ? inputs.MilkKgPerDay ?? 0 : 0, inputs.MilkFatPercent ?? 0, inputs.MilkTrueProteinPercent ?? 0,
            inputs.MilkLactosePercent is > 0 ? inputs.MilkLactosePercent.Value : 4.85,
            growing ? inputs.TargetGainKgPerDay : 0, growing ? 0 : inputs.TargetGainKgPerDay, targetIntake,
            HerdMilkTrueProtein305Kg: 280, AgeStarterOfferedDays: 14, AgeAtFirstConceptionDays: 0,
            new DairyEnvironment(environment.TemperatureCelsius, environment.DistanceToParlorMeters, environment.TripsToParlorPerDay, environment.TopographyMeters));

        // NASEM (2021) Ch. 2 intake equations: Eq. 2-1 lactating (animal factors, DMIn_eqn 8), the dry-cow
        // late-gestation equation (10), Eq. 2-3 heifers (animal factors, 2), the calf equation (1).
        var dmiEquation = targetIntake is not null ? 0 : state switch
        {
            NutritionState.LactatingCow => 8,
            NutritionState.DryCow => 10,
            NutritionState.Heifer => 2,
            _ => 1,
        };
        return (animal, EquationSelection.Default with { DmiEquation = dmiEquation }, null);
    }

    /// <summary>Calf birth weight, kg: Holstein 44.1 (the NASEM 2021 software's Fet_BWbrth of its Holstein demo),
    /// Jersey 32 (the original CNUCNM breed table), otherwise the Holstein ratio to mature weight (44.1/700).</summary>
    private static double CalfBirthWeightKg(Breed breed, double matureWeightKg) => breed switch
    {
        Breed.Holstein => 44.1,
        Breed.Jersey => 32,
        _ => 44.1 / HolsteinMatureBodyWeightKg * matureWeightKg,
    };
}
