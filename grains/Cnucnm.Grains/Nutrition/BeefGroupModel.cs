using Cnucnm.Contracts.Groups;
using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using GroupState = Cnucnm.Contracts.Groups.PhysiologicalState;

namespace Cnucnm.Grains.Nutrition;

/// <summary>A beef or Hanwoo group's mean animal as the beef model's input (NRC 2000; the Korean Feeding Standard for Hanwoo).</summary>
public static class BeefGroupModel
{
    public const string ModelName = "NRC (2000) beef";

    public const string KoreanFeedingStandardName = "Korean Feeding Standard for Hanwoo (NIAS)";

    /// <summary>The requirement lines of an evaluation under the requirement model in force: the Korean Feeding Standard's
    /// (ME, CP, Ca, P, vitamins A and D, per head per day) for the Hanwoo animals it covers, otherwise NRC (2000)'s.</summary>
    public static (string Model, IReadOnlyList<NutrientBalanceLine> Lines) Balances(BeefResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.KoreanFeedingStandard is not { } kfs)
        {
            return (ModelName, result.Balances);
        }

        var r = kfs.Requirements;
        var dmi = kfs.DryMatterIntakeKgPerDay;
        double Diet(Cnucnm.Nutrition.Feeds.FeedNutrient nutrient) =>
            result.Input.Diet.Sum(d => d.KgDryMatterPerDay) is var total and > 0 ? result.Input.Diet.Sum(d => d.KgDryMatterPerDay / total * d.Feed.OrZero(nutrient)) * dmi : 0;
        return (KoreanFeedingStandardName,
        [
            new("ME", "Mcal/d", "KFS_ME_supply", "KFS_ME_req", kfs.MetabolizableEnergySupplyMcalPerDay, r.MetabolizableEnergyMcalPerDay),
            new("CP", "g/d", "KFS_CP_supply", "KFS_CP_req", kfs.CrudeProteinSupplyGramsPerDay, r.CrudeProteinGramsPerDay),
            new("Ca", "g/d dietary", "KFS_Ca_supply", "KFS_Ca_req", kfs.CalciumSupplyGramsPerDay, r.CalciumGramsPerDay),
            new("P", "g/d dietary", "KFS_P_supply", "KFS_P_req", kfs.PhosphorusSupplyGramsPerDay, r.PhosphorusGramsPerDay),
            new("Vitamin A", "IU/d", "KFS_VitA_supply", "KFS_VitA_req", Diet(Cnucnm.Nutrition.Feeds.FeedNutrient.Fd_VitA), r.VitaminAThousandIuPerDay * 1000),
            new("Vitamin D", "IU/d", "KFS_VitD_supply", "KFS_VitD_req", Diet(Cnucnm.Nutrition.Feeds.FeedNutrient.Fd_VitD), r.VitaminDThousandIuPerDay * 1000),
        ]);
    }

    /// <summary>Whether the beef model applies: beef breeds in every state, Holstein steers.</summary>
    public static bool Applies(GroupInputs inputs) =>
        inputs.Breed is Breed.Hanwoo or Breed.HolsteinHanwooCross or Breed.Angus
        || (inputs.Breed == Breed.Holstein && inputs.State is GroupState.GrowingSteer or GroupState.FatteningSteer);

    /// <summary>The beef animal of the group and its phase, or why there is none.</summary>
    /// <remarks>Calves and growing, fattening steers are growing cattle: the group's target gain is the shrunk gain asked
    /// for, and a target of 0 (the group form's default) takes the phase's default gain. Fattening steers are early or
    /// late fattening by their share of the finishing weight. Cows and heifers that are pregnant or lactating breed.
    /// The environment: the group's temperature when it stated one, and the farm's <paramref name="province"/> for the farm's
    /// <paramref name="month"/>, whose KMA normals fill what the group did not state (both temperatures when it stated none, the
    /// previous month's otherwise); without a province the thermoneutral defaults (<see cref="BeefAnimalDescriptions.DescribeEnvironment"/>).</remarks>
    public static (BeefFormulationDescription? Beef, string? Problem) ToModel(GroupInputs inputs, string? province, int month)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!Applies(inputs))
        {
            return (null, $"the beef model does not cover {inputs.Breed} {inputs.State} groups.");
        }

        var breed = inputs.Breed switch
        {
            Breed.Hanwoo => BeefBreeds.Hanwoo,
            Breed.HolsteinHanwooCross => BeefBreeds.HolsteinHanwooCross,
            Breed.Angus => BeefBreeds.Angus,
            _ => BeefBreeds.Holstein,
        };
        var breeding = inputs.State is GroupState.BeefCow or GroupState.LactatingCow or GroupState.DryCow
                       || (inputs.State == GroupState.Heifer && (inputs.DaysPregnant > 0 || inputs.DaysInMilk is > 0));
        var sex = inputs.State switch
        {
            GroupState.BeefCow or GroupState.LactatingCow or GroupState.DryCow => BeefSex.Cow,
            GroupState.Heifer => BeefSex.Heifer,
            // A calf pen's mean animal is taken as a steer: Hanwoo bull calves are castrated at about 5–6 months.
            _ => BeefSex.Steer,
        };
        var lactating = inputs.State == GroupState.LactatingCow || (breeding && inputs.DaysInMilk is > 0 && inputs.State != GroupState.DryCow);
        var mature = inputs.MatureBodyWeightKg ?? breed.MatureWeightKg(sex);
        if (mature is null)
        {
            return (null, $"set the mature body weight of {breed.Name} {sex.ToString().ToLowerInvariant()}s for this group.");
        }

        var phase = breeding ? BeefGrowthPhase.Breeding : inputs.State switch
        {
            GroupState.Calf => BeefGrowthPhase.Calf,
            GroupState.GrowingSteer or GroupState.Heifer => BeefGrowthPhase.Growing,
            GroupState.FatteningSteer => inputs.BodyWeightKg < 0.75 * mature.Value ? BeefGrowthPhase.EarlyFattening : BeefGrowthPhase.LateFattening,
            _ => BeefGrowthPhase.Growing,
        };
        double? gain = breeding || inputs.TargetGainKgPerDay > 0 ? inputs.TargetGainKgPerDay : null;
        var animal = new BeefAnimalDescription(breed.Id, sex, inputs.BodyWeightKg, inputs.MatureBodyWeightKg, inputs.AgeDays / 30.4,
            inputs.BodyConditionScore is >= 1 and <= 9 ? inputs.BodyConditionScore : null, breeding ? inputs.DaysPregnant : 0,
            lactating ? Math.Max(inputs.DaysInMilk ?? 0, 1) : 0, null, lactating && inputs.MilkKgPerDay is > 0 ? inputs.MilkKgPerDay : null,
            null, null, null, null, gain, null);
        var stated = inputs.Environment.TemperatureFromFarmClimate ? (double?)null : inputs.Environment.TemperatureCelsius;
        var environment = new BeefEnvironmentDescription(stated, null, inputs.Environment.RelativeHumidityPercent,
            null, null, null, null, null, null, null, null, province, province is null ? null : month);
        return (new BeefFormulationDescription(animal, environment, phase), null);
    }
}
