using Cnucnm.Nutrition.Dairy;

namespace Cnucnm.Nutrition.Tests.Dairy;

public sealed class RationLinearizationTests
{
    private static DairyInput Diet(params (string Feed, double Kg)[] feeds) => new(
        TestData.Cow(milkKg: 35, daysInMilk: 120, daysPregnant: 40),
        new EquationSelection(),
        [.. feeds.Select(f => new DietEntry(TestData.Nasem(f.Feed), f.Kg))]);

    private static readonly (string, double)[] Base =
    [
        ("Corn silage, typical", 9), ("Alfalfa meal", 5), ("Corn grain HM, coarse grind", 5), ("Canola meal", 3.5),
        ("Soybean meal, extruded", 0), ("Calcium carbonate", 0.15),
    ];

    [Fact]
    public void Linear_supply_and_requirement_are_exact_at_the_evaluated_diet()
    {
        var input = Diet(Base);
        var linear = RationLinearization.At(input);
        var x0 = input.Diet.Select(d => d.KgDryMatterPerDay).ToArray();

        Assert.Equal(DairyBalances.Pairs.Count, linear.Requirements.Count);
        foreach (var row in linear.Requirements)
        {
            Assert.Equal(row.Supplied, row.SupplyAt(x0), 6);
            Assert.Equal(row.Required, row.RequirementAt(x0), 6);
            Assert.Equal(linear.Evaluation[row.SupplyVariable], row.Supplied);
            Assert.Equal(linear.Evaluation[row.RequirementVariable], row.Required);
        }

        Assert.Equal(x0.Sum(), linear.PerKgDm["DM"].Select((c, i) => c * x0[i]).Sum(), 9);
        Assert.Equal(linear.Evaluation["Dt_CPIn"], linear.PerKgDm["CP"].Select((c, i) => c * x0[i]).Sum(), 6);
        Assert.Equal(linear.Evaluation["Dt_RUPIn"], linear.PerKgDm["RUP"].Select((c, i) => c * x0[i]).Sum(), 6);
        Assert.Equal(linear.Evaluation["Dt_NDFIn"], linear.PerKgDm["NDF"].Select((c, i) => c * x0[i]).Sum(), 9);
        Assert.Equal(linear.Evaluation["Dt_StIn"], linear.PerKgDm["St"].Select((c, i) => c * x0[i]).Sum(), 9);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(2, -0.5)]
    [InlineData(3, 0.4)]
    [InlineData(4, 0.5)]
    [InlineData(5, 0.05)]
    public void A_small_change_of_one_feed_moves_the_full_model_as_the_linearisation_predicts(int feed, double deltaKg)
    {
        var input = Diet(Base);
        var linear = RationLinearization.At(input);
        var x1 = input.Diet.Select(d => d.KgDryMatterPerDay).ToArray();
        x1[feed] += deltaKg;
        var moved = DairyModel.Evaluate(input with { Diet = [.. input.Diet.Select((d, i) => d with { KgDryMatterPerDay = x1[i] })] });

        var failures = new List<string>();
        foreach (var row in linear.Requirements)
        {
            var actualChange = moved[row.SupplyVariable] - moved[row.RequirementVariable] - (row.Supplied - row.Required);
            var predictedChange = row.SupplyAt(x1) - row.RequirementAt(x1) - (row.Supplied - row.Required);
            // First-order accuracy: within 10 % of the change plus 0.2 % of the requirement (curvature of the diet-level adjustments).
            if (Math.Abs(actualChange - predictedChange) > 0.10 * Math.Abs(actualChange) + 0.002 * Math.Abs(row.Required) + 1e-6)
            {
                failures.Add($"{row.Nutrient}: full model {actualChange:G5}, linear {predictedChange:G5}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Its speed is measured by BenchmarkDotNet (tests/Cnucnm.Benchmarks, animal mode with 60 feeds), not here.
    [Fact]
    public void Sixty_candidate_feeds_most_not_in_the_diet_get_a_finite_coefficient_each_and_stay_exact_at_the_diet()
    {
        var feeds = Cnucnm.Nutrition.Feeds.FeedLibrary.Nasem.Feeds.Where(f => f.Category is not ("Calf Liquid Feed") && !f.Name.Contains("calves", StringComparison.Ordinal)).Take(60).ToList();
        var input = new DairyInput(TestData.Cow(), new EquationSelection(),
            [.. feeds.Select((f, i) => new DietEntry(f, i < 8 ? 2.5 : 0))]);
        var x0 = input.Diet.Select(d => d.KgDryMatterPerDay).ToArray();

        var linear = RationLinearization.At(input);

        Assert.All(linear.PerKgDm.Values, column => Assert.Equal(60, column.Length));
        Assert.All(linear.PerKgDm.Values.SelectMany(c => c), c => Assert.True(double.IsFinite(c)));
        foreach (var row in linear.Requirements)
        {
            Assert.Equal(row.Supplied, row.SupplyAt(x0), 6);
            Assert.Equal(row.Required, row.RequirementAt(x0), 6);
        }
    }
}
