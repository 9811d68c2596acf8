using Cnucnm.Formulation.Animal;

namespace Cnucnm.Formulation.Tests;

/// <summary>Animal mode: bounds from the NASEM (2021) dairy model, the answer checked by the full model.</summary>
public sealed class AnimalModeTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(4, 60)]
    public void A_lactating_cow_ration_meets_every_enforced_requirement_in_the_full_model(int seed, int feeds)
    {
        var request = SyntheticRations.Animal(seed, feeds);

        var response = RationFormulator.Formulate(request);

        Assert.True(response.Status == FormulationStatus.Optimal, response.Explanation?.Summary);
        var animal = response.Animal!;
        Assert.True(animal.ConfirmedByFullModel);
        Assert.NotEmpty(animal.Iterations);
        // Feasibility rounds from each starting mix, then least-cost rounds (with their line search) from each confirmed ration.
        Assert.InRange(animal.Iterations.Count, 1, AnimalFormulation.MaxRounds);
        // Every enforced requirement within the tolerance by the full model, and the ration's DM within the intake bounds.
        Assert.All(animal.Check.Where(c => c.Enforced), c => Assert.True(c.Supplied >= c.Required * c.TargetPercent / 100 * (1 - AnimalFormulation.Tolerance), $"{c.Nutrient}: {c.Supplied} of {c.Required}"));
        Assert.Contains(animal.Check, c => c.Nutrient == "MP" && c.Enforced);
        Assert.Contains(animal.Check, c => c.Nutrient == "ME" && c.Enforced);
        Assert.InRange(response.DryMatterIntakeKg!.Value, animal.DryMatterIntakeBounds.Min!.Value - 1e-6, animal.DryMatterIntakeBounds.Max!.Value + 1e-6);
        Assert.All(animal.GuardRails, g => Assert.True(g.Met, $"{g.Name} {g.Value}"));
    }

    [Fact]
    public void A_calf_is_not_formulated_by_predicted_intake_and_says_why()
    {
        var request = SyntheticRations.Animal(5, 20);
        request = request with { Animal = request.Animal! with { PhysiologicalState = Cnucnm.Nutrition.Dairy.PhysiologicalState.Calf } };

        var response = RationFormulator.Formulate(request);

        Assert.Equal(FormulationStatus.Invalid, response.Status);
        Assert.Contains(response.Errors!, e => e.Field.StartsWith("animal", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ration_with_oat_silage_lists_its_imputed_NPN_under_the_offers_id()
    {
        // Issue 25: the NASEM library's oat silage has a blank NPN; the answer says what was used (docs/science.md).
        var request = SyntheticRations.Animal(1, 30);
        request = request with
        {
            Feeds = [.. request.Feeds!, new FeedOffer("oat-silage", PricePerTonneAsFed: 30, MinKgDm: 3, MaxKgDm: 5, Feed: "Oat silage, mid-maturity")],
        };

        var response = RationFormulator.Formulate(request);

        Assert.True(response.Status == FormulationStatus.Optimal, response.Explanation?.Summary);
        var note = Assert.Single(response.CompositionNotes!, n => n.FeedId == "oat-silage");
        Assert.Contains(note.Gaps, g => g.Column == "Fd_NPN_CP" && g.Treatment == "Imputed");
        Assert.StartsWith("Oat silage, mid-maturity: NPN = 0 % of CP imputed", note.TextEnglish, StringComparison.Ordinal);
        Assert.All(response.CompositionNotes!, n => Assert.Contains(response.Feeds!, f => f.Id == n.FeedId && f.KgDm > 0));
    }
}
