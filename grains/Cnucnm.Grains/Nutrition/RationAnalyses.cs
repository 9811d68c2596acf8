using Cnucnm.Contracts.Rations;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Grains.Nutrition;

/// <summary>A ration's analysis (<see cref="RationAnalysis"/>) from a full-model evaluation: the model's own variables, named as the
/// NASEM (2021) R code and the NRC (2000) beef model name them; nothing is recomputed here except the beef diet's plain
/// concentrations, which are the feeds' composition weighted by kg DM.</summary>
public static class RationAnalyses
{
    public static RationAnalysis From(DairyResult result, string model)
    {
        ArgumentNullException.ThrowIfNull(result);
        double? V(string name) => result.ValueOrNaN(name) is var value && double.IsFinite(value) ? value : null;
        double? PerDm(string intake) => V(intake) is { } amount && V("Dt_DMIn") is > 0 and var dmi ? amount / dmi * 100 : null;
        return new RationAnalysis(
            model,
            CrudeProteinPercentOfDm: V("Dt_CP"),
            RumenDegradableProteinPercentOfDm: V("Dt_RDP"),
            RumenUndegradableProteinPercentOfDm: V("Dt_RUP"),
            NdfPercentOfDm: V("Dt_NDF"),
            ForageNdfPercentOfDm: V("Dt_ForNDF"),
            StarchPercentOfDm: V("Dt_St"),
            SugarPercentOfDm: PerDm("Dt_WSCIn"),
            CrudeFatPercentOfDm: PerDm("Dt_CFatIn"),
            FattyAcidsPercentOfDm: V("Dt_FA"),
            NonFiberCarbohydratePercentOfDm: V("Dt_NFC"),
            AshPercentOfDm: V("Dt_Ash"),
            DcadMilliequivalentsPerKgDm: V("An_DCADmeq"),
            ForagePercentOfDm: V("Dt_For"),
            LysinePercentOfMetabolizableProtein: V("Abs_AA_MPp.Lys"),
            MethioninePercentOfMetabolizableProtein: V("Abs_AA_MPp.Met"),
            UrinaryNitrogenGramsPerDay: V("Ur_Nout_g"),
            ManureNitrogenGramsPerDay: V("Man_Nout_g"),
            NetEnergyMcalPerKgDm: V("An_NE"),
            EnergyAllowableMilkKgPerDay: V("Mlk_Prod_NEalow"),
            ProteinAllowableMilkKgPerDay: V("Mlk_Prod_MPalow"),
            EnergyAllowableGainKgPerDay: V("Body_Gain_NEalow"),
            ProteinAllowableGainKgPerDay: V("Body_Gain_MPalowTrg"));
    }

    public static RationAnalysis From(BeefResult result, IReadOnlyList<DietEntry> diet, string model)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(diet);
        var variables = result.Variables;
        double? V(string name) => variables.TryGetValue(name, out var value) && double.IsFinite(value) ? value : null;
        var dmi = diet.Sum(d => d.KgDryMatterPerDay);
        double? PerDmGrams(string gramsPerDay) => V(gramsPerDay) is { } grams && dmi > 0 ? grams / 1000 / dmi * 100 : null;
        // The feeds' own composition, % of DM, weighted by kg DM (a blank value counts as 0, as the models count it).
        double? Weighted(FeedNutrient nutrient) => dmi > 0 ? diet.Sum(d => d.KgDryMatterPerDay * d.Feed.OrZero(nutrient)) / dmi : null;
        return new RationAnalysis(
            model,
            CrudeProteinPercentOfDm: V("Dt_CP"),
            RumenDegradableProteinPercentOfDm: PerDmGrams("RDPI_g"),
            RumenUndegradableProteinPercentOfDm: PerDmGrams("RUPI_g"),
            NdfPercentOfDm: V("Dt_NDF"),
            ForageNdfPercentOfDm: dmi > 0 ? diet.Where(d => d.Feed.IsForage).Sum(d => d.KgDryMatterPerDay * d.Feed.OrZero(FeedNutrient.Fd_NDF)) / dmi : null,
            StarchPercentOfDm: Weighted(FeedNutrient.Fd_St),
            SugarPercentOfDm: null,
            CrudeFatPercentOfDm: Weighted(FeedNutrient.Fd_CFat),
            FattyAcidsPercentOfDm: null,
            NonFiberCarbohydratePercentOfDm: null,
            AshPercentOfDm: Weighted(FeedNutrient.Fd_Ash),
            DcadMilliequivalentsPerKgDm: null,
            ForagePercentOfDm: V("Dt_Forage"),
            LysinePercentOfMetabolizableProtein: null,
            MethioninePercentOfMetabolizableProtein: null,
            UrinaryNitrogenGramsPerDay: null,
            ManureNitrogenGramsPerDay: null,
            NetEnergyMcalPerKgDm: V("Dt_NEg"),
            EnergyAllowableMilkKgPerDay: null,
            ProteinAllowableMilkKgPerDay: null,
            EnergyAllowableGainKgPerDay: V("ADG_ME"),
            ProteinAllowableGainKgPerDay: V("ADG_MP"));
    }
}
