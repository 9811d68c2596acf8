using Cnucnm.Nutrition.Dairy;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// The near miss of issue 24: a 650 kg Holstein at 42 kg milk on alfalfa hay, corn silage, corn grain, soybean and canola
/// meal, salt, limestone and a premix. With the default guard rails (CP ≤ 18 % of DM, MP ≤ 110 %) intact protein cannot
/// supply the Met target, so no ration meets everything: the answer is the best-possible ration with what it leaves short,
/// and every suggestion, applied, gives an optimal ration confirmed by the full model.
/// </summary>
public sealed class NearMissTests
{
    public static FormulationRequest NearMiss() => new(
        [
            new FeedOffer("alfalfa-hay", Feed: "Legume hay, mid-maturity", PricePerTonneAsFed: 240, MaxKgDm: 8),
            new FeedOffer("corn-silage", Feed: "Corn silage, typical", PricePerTonneAsFed: 55),
            new FeedOffer("corn-grain", Feed: "Corn grain dry, fine grind", PricePerTonneAsFed: 250, MaxKgDm: 9),
            new FeedOffer("soybean-meal", Feed: "Soybean meal, solvent 48CP", PricePerTonneAsFed: 470),
            new FeedOffer("canola-meal", Feed: "Canola meal", PricePerTonneAsFed: 380),
            new FeedOffer("salt", Feed: "Sodium chloride (salt)", PricePerTonneAsFed: 150, MaxKgDm: 0.15),
            new FeedOffer("limestone", Feed: "Limestone", PricePerTonneAsFed: 120, MaxKgDm: 0.4),
            new FeedOffer("premix", Feed: "VitTM Premix, generic", PricePerTonneAsFed: 2500, MaxKgDm: 0.2),
        ],
        Animal: new DairyAnimalDescription(PhysiologicalState.LactatingCow, DairyBreed.Holstein, 650, 700, 3, 2, 1400, 90, 0, 280, 44, 42, 3.8, 3.1,
            4.85, 0, 0, null, 280, 14, 0),
        Environment: new EnvironmentDescription(20, null, null, null),
        Currency: "USD");

    [Fact]
    public void A_near_miss_gets_a_best_possible_ration_with_its_shortfall_and_every_suggestion_leads_to_an_optimal_ration()
    {
        var request = NearMiss();

        var response = RationFormulator.Formulate(request);

        Assert.Equal(FormulationStatus.Infeasible, response.Status);
        var best = response.BestPossible;
        Assert.NotNull(best);
        Assert.NotEmpty(best.Short.Concat<object>(best.GuardRailsMissed));
        Assert.All(best.Short, l => Assert.True(l.Supplied < l.Required * l.TargetPercent / 100, $"{l.Nutrient} is listed short but met"));
        Assert.InRange(best.DryMatterIntakeKg, response.Animal!.DryMatterIntakeBounds.Min!.Value - 1e-6, response.Animal.DryMatterIntakeBounds.Max!.Value + 1e-6);
        Assert.Contains("best", best.Warning, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(best.Suggestions);
        Assert.Equal("addFeed", best.Suggestions[0].Kind);
        Assert.Contains(best.Suggestions[0].AddFeeds, f => f.Feed == "Rumen Protected Met");
        // Intake changes come last and are flagged.
        var firstIntake = best.Suggestions.ToList().FindIndex(s => s.ChangesIntake);
        Assert.True(firstIntake < 0 || best.Suggestions.Skip(firstIntake).All(s => s.ChangesIntake));
        foreach (var suggestion in best.Suggestions)
        {
            var applied = RationFormulator.Formulate(Relaxations.Apply(request, suggestion));
            Assert.True(applied.Status == FormulationStatus.Optimal && applied.Animal!.ConfirmedByFullModel, $"{suggestion.Message}: {applied.Status}");
            Assert.Equal(suggestion.CostPerDay, applied.CostPerDay!.Value, 6);
        }
    }
}
