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

    /// <summary>
    /// The ME row's slope per feed is the full model's (central differences of 10 g): each feed's NDF and starch enter at
    /// the feed's own base digestibility, not at the diet's average (straw, legume silage and canola meal digest their NDF
    /// worse than corn silage; with the diet's average the slopes were up to 14 % off). The ruminal N balance row, on the
    /// equation before its cap, likewise; and the MP, Met and Lys rows, supply and requirement (a heifer held at the minimum
    /// MP per Mcal takes that minimum's ME, without urinary energy: with it urea's slope was −216 against +36 g/kg DM).
    /// </summary>
    [Theory]
    [InlineData(PhysiologicalState.LactatingCow)]
    [InlineData(PhysiologicalState.DryCow)]
    [InlineData(PhysiologicalState.Heifer)]
    public void The_energy_protein_amino_acid_and_ruminal_N_rows_have_the_full_models_slope_for_each_feed(PhysiologicalState state)
    {
        (string Feed, double Kg)[] feeds =
        [
            ("Corn silage, typical", 6), ("Wheat straw", 3), ("Legume silage, mid-maturity", 2), ("Canola meal", 1.5),
            ("Corn grain, steam-flaked", 2), ("Corn grain dry, fine grind", 1), ("Soybean hulls", 1), ("Urea", 0.1),
        ];
        var animal = state switch
        {
            PhysiologicalState.DryCow => TestData.Cow(PhysiologicalState.DryCow, daysInMilk: 0, daysPregnant: 240, milkKg: 0),
            PhysiologicalState.Heifer => TestData.Cow(PhysiologicalState.Heifer, bodyWeightKg: 350, parity: 0, ageDays: 450, daysInMilk: 0, milkKg: 0, frameGainKg: 0.8),
            _ => TestData.Cow(),
        };
        var input = new DairyInput(animal, new EquationSelection(), [.. feeds.Select(f => new DietEntry(TestData.Nasem(f.Feed), f.Kg))]);
        var linear = RationLinearization.At(input);
        var x = feeds.Select(f => f.Kg).ToArray();
        DairyResult At(int feed, double delta) =>
            RationLinearization.At(input with { Diet = [.. input.Diet.Select((d, i) => d with { KgDryMatterPerDay = x[i] + (i == feed ? delta : 0) })] }).Evaluation;

        var failures = new List<string>();
        const double h = 0.01;
        for (var j = 0; j < feeds.Length; j++)
        {
            var (up, down) = (At(j, h), At(j, -h));
            var me = (up["An_MEIn"] - down["An_MEIn"]) / (2 * h);
            if (Math.Abs(linear["ME"].SupplyPerKgDm[j] - me) > 0.02 * Math.Abs(me) + 0.01)
            {
                failures.Add($"ME, {feeds[j].Feed}: linear {linear["ME"].SupplyPerKgDm[j]:F4}, full model {me:F4} Mcal/kg DM");
            }

            foreach (var nutrient in new[] { "MP", "Met", "Lys" })
            {
                var row = linear[nutrient];
                var supply = (up[row.SupplyVariable] - down[row.SupplyVariable]) / (2 * h);
                var requirement = (up[row.RequirementVariable] - down[row.RequirementVariable]) / (2 * h);
                if (Math.Abs(row.SupplyPerKgDm[j] - supply) > 0.01 * Math.Abs(supply) + 0.01
                    || Math.Abs(row.RequirementPerKgDm[j] - requirement) > 0.01 * Math.Abs(requirement) + 0.01)
                {
                    failures.Add($"{nutrient}, {feeds[j].Feed}: supply linear {row.SupplyPerKgDm[j]:F3}, full model {supply:F3}; requirement linear {row.RequirementPerKgDm[j]:F3}, full model {requirement:F3} g/kg DM");
                }
            }

            var balance = (up["An_RDPbal_uncapped_g"] - down["An_RDPbal_uncapped_g"]) / (2 * h);
            if (Math.Abs(linear.RumenNitrogenBalancePerKg[j] - balance) > 0.05 * Math.Abs(balance) + 2)
            {
                failures.Add($"ruminal N balance, {feeds[j].Feed}: linear {linear.RumenNitrogenBalancePerKg[j]:F2}, full model {balance:F2} g/kg DM");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
