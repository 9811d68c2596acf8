using Cnucnm.Grains.Nutrition;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Cluster.Tests.LiveHerd;

/// <summary>A ration's analysis (pure, no cluster) against what the feeds themselves say: the diet concentrations are the
/// feeds' composition weighted by kg DM, RDP and RUP add up to CP, and the amino-acid ratio is the quotient of its parts.</summary>
public sealed class RationAnalysesTests
{
    private static readonly (string Feed, double KgDm)[] Diet =
    [
        ("Corn silage, typical", 9), ("Alfalfa meal", 4), ("Corn grain HM, coarse grind", 5), ("Canola meal", 2.5), ("Soybean meal, extruded", 1.2),
        ("Calcium carbonate", 0.15), ("Sodium bicarbonate", 0.1),
    ];

    [Fact]
    public void The_dairy_analysis_gives_the_feeds_weighted_composition_and_the_models_protein_split()
    {
        var cow = new DairyAnimal(PhysiologicalState.LactatingCow, DairyBreed.Holstein, 650, 700, 3, 2, 1800, 120, 60, 280, 44, 38, 3.8, 3.1,
            4.85, 0, 0, null, 280, 14, 0, new DairyEnvironment(20));
        var diet = Diet.Select(d => new DietEntry(FeedLibrary.Nasem.Get(d.Feed), d.KgDm)).ToList();
        var kg = diet.Sum(d => d.KgDryMatterPerDay);
        double Weighted(FeedNutrient nutrient) => diet.Sum(d => d.KgDryMatterPerDay * d.Feed.OrZero(nutrient)) / kg;

        var analysis = RationAnalyses.From(DairyModel.Evaluate(new DairyInput(cow, new EquationSelection(), diet)), "NASEM (2021) dairy");

        Assert.Equal(Weighted(FeedNutrient.Fd_CP), analysis.CrudeProteinPercentOfDm!.Value, 6);
        Assert.Equal(Weighted(FeedNutrient.Fd_NDF), analysis.NdfPercentOfDm!.Value, 6);
        Assert.Equal(Weighted(FeedNutrient.Fd_St), analysis.StarchPercentOfDm!.Value, 6);
        Assert.Equal(Weighted(FeedNutrient.Fd_Ash), analysis.AshPercentOfDm!.Value, 6);
        Assert.Equal(Weighted(FeedNutrient.Fd_CFat), analysis.CrudeFatPercentOfDm!.Value, 6);
        Assert.Equal(Weighted(FeedNutrient.Fd_WSC), analysis.SugarPercentOfDm!.Value, 6);
        Assert.Equal(diet.Where(d => d.Feed.IsForage).Sum(d => d.KgDryMatterPerDay) / kg * 100, analysis.ForagePercentOfDm!.Value, 6);
        // Dietary CP is degraded in the rumen or escapes it (NASEM 2021 Ch. 6): RDP + RUP = CP.
        Assert.Equal(analysis.CrudeProteinPercentOfDm.Value, analysis.RumenDegradableProteinPercentOfDm!.Value + analysis.RumenUndegradableProteinPercentOfDm!.Value, 6);
        Assert.Equal(analysis.LysinePercentOfMetabolizableProtein!.Value / analysis.MethioninePercentOfMetabolizableProtein!.Value, analysis.LysineToMethionine!.Value, 9);
        Assert.InRange(analysis.LysinePercentOfMetabolizableProtein.Value, 4, 10);
        Assert.True(analysis.ManureNitrogenGramsPerDay > analysis.UrinaryNitrogenGramsPerDay && analysis.UrinaryNitrogenGramsPerDay > 0,
            $"manure N {analysis.ManureNitrogenGramsPerDay} g/d, urinary N {analysis.UrinaryNitrogenGramsPerDay} g/d");
        Assert.NotNull(analysis.EnergyAllowableMilkKgPerDay);
        Assert.NotNull(analysis.ProteinAllowableMilkKgPerDay);
        Assert.NotNull(analysis.DcadMilliequivalentsPerKgDm);
    }
}
