using static Cnucnm.Formulation.Tests.Build;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// LPs small enough to solve by hand. The base case: hay (10 % CP, DM 50 %, 100 per tonne as fed = 0.20 per kg DM)
/// and a protein meal (40 % CP, DM 80 %, 400 per tonne as fed = 0.50 per kg DM), exactly 20 kg DM, CP ≥ 16 % DM.
/// CP binds: 10a + 40b = 16·20 with a + b = 20 gives b = 4, a = 16, cost 16·0.2 + 4·0.5 = 5.2.
/// Duals: 0.2 = y₁ − 6y₂ and 0.5 = y₁ + 24y₂ give y₂ = 0.01 (CP row), y₁ = 0.26 (intake row).
/// </summary>
public sealed class HandSolvedTests
{
    private static FormulationRequest Base(params FeedOffer[] extra) => new(
        [Feed("hay", 50, perTonneAsFed: 100, composition: ("CP", 10)), Feed("meal", 80, perTonneAsFed: 400, composition: ("CP", 40)), .. extra],
        new Bounds(20, 20),
        [PerKgDm("CP", min: 16, unit: "% DM")]);

    [Fact]
    public void Least_cost_mix_meets_the_binding_protein_minimum()
    {
        var response = RationFormulator.Formulate(Base());

        Assert.Equal(FormulationStatus.Optimal, response.Status);
        Assert.Equal(16, response.Feed("hay").KgDm, 9);
        Assert.Equal(4, response.Feed("meal").KgDm, 9);
        Assert.Equal(5.2, response.CostPerDay!.Value, 9);
        Assert.Equal(16, response.Nutrient("CP").PerKgDm, 9);
        Assert.Equal(16 * 10 + 4 * 40, response.Nutrient("CP").PerDay, 9);
    }

    [Fact]
    public void Cost_is_kg_dry_matter_over_dry_matter_fraction_times_the_as_fed_price()
    {
        var response = RationFormulator.Formulate(Base());

        // 16 kg DM of a 50 % DM hay is 32 kg as fed at 0.10 per kg; 4 kg DM of an 80 % DM meal is 5 kg as fed at 0.40.
        Assert.Equal(32, response.Feed("hay").KgAsFed, 9);
        Assert.Equal(5, response.Feed("meal").KgAsFed, 9);
        Assert.Equal(32 * 0.10 + 5 * 0.40, response.CostPerDay!.Value, 9);
        Assert.Equal(0.20, response.Feed("hay").PricePerKgDm, 12);
        Assert.Equal(37, response.AsFedIntakeKg!.Value, 9);
        Assert.Equal(80, response.Feed("hay").PercentOfDm, 9);
    }

    [Fact]
    public void Shadow_prices_are_the_cost_of_one_more_unit_of_the_binding_bound()
    {
        var response = RationFormulator.Formulate(Base());

        // CP: dual 0.01 per unit of row Σ x·(v − 16), times 20 kg DM = 0.20 per % DM; intake 0.26 per kg DM.
        var cp = response.Nutrient("CP");
        Assert.Equal("perKgDm.min", cp.BindingBound);
        Assert.Equal(0.20, cp.ShadowPrice, 9);
        Assert.Equal(0.26, response.DryMatterIntakeShadowPrice!.Value, 9);

        // By finite differences: CP 17 % costs 0.20 more, 21 kg DM costs 0.26 more.
        var richer = RationFormulator.Formulate(Base() with { Nutrients = [PerKgDm("CP", min: 17)] });
        var more = RationFormulator.Formulate(Base() with { DryMatterIntakeKg = new Bounds(21, 21) });
        Assert.Equal(5.2 + 0.20, richer.CostPerDay!.Value, 9);
        Assert.Equal(5.2 + 0.26, more.CostPerDay!.Value, 9);
    }

    [Fact]
    public void A_binding_maximum_has_a_negative_shadow_price()
    {
        // Energy maximum: the cheap feed is energy-dense, so more energy allowed saves money.
        var request = new FormulationRequest(
            [Feed("grain", 88, perKgDm: 0.2, composition: ("NEL", 2.0)), Feed("straw", 90, perKgDm: 0.3, composition: ("NEL", 1.0))],
            new Bounds(10, 10),
            [PerDay("NEL", max: 15, unit: "Mcal/kg DM")]);

        var response = RationFormulator.Formulate(request);

        // 2g + s = 15 and g + s = 10: g = 5, s = 5, cost 2.5; one more Mcal moves 1 kg straw to grain: −0.1.
        Assert.Equal(2.5, response.CostPerDay!.Value, 9);
        var nel = response.Nutrient("NEL");
        Assert.Equal("perDay.max", nel.BindingBound);
        Assert.Equal(-0.1, nel.ShadowPrice, 9);
        Assert.Equal(15, nel.PerDay, 9);
    }

    [Fact]
    public void An_unused_feed_enters_below_its_entering_price_and_not_above()
    {
        // Corn gluten: 25 % CP at 0.40 per kg DM. Its worth at the duals: 0.26 + (25 − 16)·0.01 = 0.35 per kg DM.
        var gluten = Feed("gluten", 100, perKgDm: 0.40, composition: ("CP", 25));
        var response = RationFormulator.Formulate(Base(gluten));

        var unused = response.Feed("gluten");
        Assert.Equal(0, unused.KgDm);
        Assert.Equal(0.05, unused.ReducedCostPerKgDm!.Value, 9);
        Assert.Equal(0.35, unused.EnteringPricePerKgDm!.Value, 9);
        Assert.Equal(350, unused.EnteringPricePerTonneAsFed!.Value, 6);
        Assert.Equal("min", unused.Bound);

        var cheaper = RationFormulator.Formulate(Base(gluten with { PricePerKgDm = 0.34 }));
        var dearer = RationFormulator.Formulate(Base(gluten with { PricePerKgDm = 0.36 }));
        Assert.True(cheaper.Feed("gluten").KgDm > 1, "below its entering price the feed enters");
        Assert.True(cheaper.CostPerDay < 5.2 - 1e-6);
        Assert.Equal(0, dearer.Feed("gluten").KgDm);
        Assert.Equal(5.2, dearer.CostPerDay!.Value, 9);
    }

    [Fact]
    public void A_feed_held_at_its_maximum_reports_what_one_more_kilogram_would_save()
    {
        // Meal limited to 3 kg DM: a third feed (30 % CP at 0.60) fills the protein. a + m + s = 20, m = 3,
        // 10a + 40·3 + 30s = 320: s = 1.5, a = 15.5, cost 15.5·0.2 + 3·0.5 + 1.5·0.6 = 5.5.
        var soy = Feed("soy", 100, perKgDm: 0.60, composition: ("CP", 30));
        var request = Base(soy) with { Feeds = [Base().Feeds![0], Base().Feeds![1] with { MaxKgDm = 3 }, soy] };

        var response = RationFormulator.Formulate(request);

        Assert.Equal(5.5, response.CostPerDay!.Value, 9);
        Assert.Equal(1.5, response.Feed("soy").KgDm, 9);
        var meal = response.Feed("meal");
        Assert.Equal("max", meal.Bound);
        // 0.2 = y₁ − 6y₂ and 0.6 = y₁ + 14y₂: y₂ = 0.02, y₁ = 0.32: reduced cost 0.5 − 0.32 − 24·0.02 = −0.30.
        Assert.Equal(-0.30, meal.ReducedCostPerKgDm!.Value, 9);
        Assert.Null(meal.EnteringPricePerKgDm);
    }

    [Fact]
    public void Ratio_bounds_share_of_diet_dry_matter()
    {
        var request = Base() with { Ratios = [new RatioBound(["hay"], MaxShareOfDm: 0.7, Name: "forage")] };

        var response = RationFormulator.Formulate(request);

        // hay ≤ 14 kg: meal 6 kg, CP 19 %, cost 14·0.2 + 6·0.5 = 5.8; one more share unit (20 kg) saves 0.3 per kg.
        Assert.Equal(5.8, response.CostPerDay!.Value, 9);
        var ratio = Assert.Single(response.Ratios!);
        Assert.Equal(0.7, ratio.ShareOfDm, 9);
        Assert.Equal("max", ratio.BindingBound);
        Assert.Equal(-0.3 * 20, ratio.ShadowPrice, 9);
    }

    [Fact]
    public void Fixed_amounts_exclusions_and_stock_limits_hold()
    {
        var gluten = Feed("gluten", 100, perKgDm: 0.30, composition: ("CP", 25));
        var request = Base(gluten) with
        {
            Options = new FormulationOptions(
                FixedKgDm: new Dictionary<string, double> { ["hay"] = 12 },
                ExcludedFeeds: ["gluten"],
                Inventory: [new InventoryLimit("meal", AvailableKgAsFed: 5000, Days: 100, HeadCount: 10)]),
        };

        var response = RationFormulator.Formulate(request);

        // Meal stock: 5,000 kg as fed / (10 head × 100 d) = 5 kg as fed = 4 kg DM per head per day; hay fixed at 12.
        Assert.Equal(FormulationStatus.Infeasible, response.Status);
        var relaxed = Apply(request, response.Explanation!.Relaxations);
        var fixedUp = RationFormulator.Formulate(relaxed);
        Assert.Equal(FormulationStatus.Optimal, fixedUp.Status);

        var feasible = request with
        {
            Options = request.Options! with { Inventory = [new InventoryLimit("meal", AvailableKgAsFed: 10_000, Days: 100, HeadCount: 10)] },
        };
        var answer = RationFormulator.Formulate(feasible);
        Assert.Equal(FormulationStatus.Optimal, answer.Status);
        Assert.Equal(12, answer.Feed("hay").KgDm, 9);
        Assert.Equal("fixed", answer.Feed("hay").Bound);
        Assert.Equal(0, answer.Feed("gluten").KgDm);
        Assert.Equal("excluded", answer.Feed("gluten").Bound);
        Assert.Null(answer.Feed("gluten").EnteringPricePerKgDm);
        // 12 hay + m meal = 20: m = 8 kg DM = 10 kg as fed per head, exactly the stock of 10,000 kg for 1,000 head-days.
        Assert.Equal(8, answer.Feed("meal").KgDm, 9);
        Assert.Equal(12 * 0.2 + 8 * 0.5, answer.CostPerDay!.Value, 9);
    }

    [Fact]
    public void Stock_limit_relaxation_names_the_stock_needed_in_kg_as_fed()
    {
        var request = Base() with
        {
            Options = new FormulationOptions(
                FixedKgDm: new Dictionary<string, double> { ["hay"] = 12 },
                Inventory: [new InventoryLimit("meal", AvailableKgAsFed: 5000, Days: 100, HeadCount: 10)]),
        };

        var response = RationFormulator.Formulate(request);

        // Hay fixed at 12 kg DM: the meal must supply 8 kg DM = 10 kg as fed × 1,000 head-days = 10,000 kg as fed, or
        // the fixed hay goes up to 16 (weights: stock 4, fixed amount 3 per relative unit; 33 % vs 100 %).
        Assert.Equal(FormulationStatus.Infeasible, response.Status);
        // The fixed hay carries the relaxation (the intake minimum may give a little too: an equally weighted alternative).
        var relaxation = Assert.Single(response.Explanation!.Relaxations, r => r.Constraint.Kind == "fixed");
        Assert.Equal("options.fixedKgDm.hay", relaxation.Constraint.Field);
        Assert.InRange(relaxation.To, 15.9, 16 + 1e-6);
        Assert.Contains("change the fixed amount of hay from 12 to", response.Explanation.Summary, StringComparison.Ordinal);
        var stock = response.Explanation.Conflicts.Single(c => c.Constraint.Kind == "inventory");
        Assert.Equal("options.inventory[0].availableKgAsFed", stock.Constraint.Field);
        // Applying every relaxation (the one-click fix) makes the request feasible.
        Assert.Equal(FormulationStatus.Optimal, RationFormulator.Formulate(Build.Apply(request, response.Explanation.Relaxations)).Status);
    }

    [Fact]
    public void Batch_sheet_reproduces_the_origin_formulation_screen_sample()
    {
        // Origin study 6.4: 5 head, mixer 4 kg; kg as fed per head 0.2, 0.3, 0.5 → ration 20/30/50 %, batch 1.0, 1.5, 2.5 kg.
        var feeds = new[] { ("A", 88.0, 0.2), ("B", 22.0, 0.3), ("C", 92.0, 0.5) };
        var request = new FormulationRequest(
            [.. feeds.Select(f => Feed(f.Item1, f.Item2, perTonneAsFed: 100))],
            Options: new FormulationOptions(
                FixedKgDm: feeds.ToDictionary(f => f.Item1, f => f.Item3 * f.Item2 / 100),
                Batch: new BatchRequest(5, 4)));

        var response = RationFormulator.Formulate(request);

        var batch = response.Batch!;
        Assert.Equal(5, batch.HeadCount);
        Assert.Equal(5.0, batch.TotalKgAsFed, 9);
        Assert.Equal(2, batch.Loads);
        Assert.Equal(2.5, batch.KgAsFedPerLoad, 9);
        Assert.Equal([1.0, 1.5, 2.5], batch.Feeds.Select(f => Math.Round(f.KgAsFedTotal, 9)));
        Assert.Equal([0.5, 0.75, 1.25], batch.Feeds.Select(f => Math.Round(f.KgAsFedPerLoad, 9)));
        Assert.Equal([0.2, 0.3, 0.5], batch.Feeds.Select(f => Math.Round(f.KgAsFedPerHead, 9)));
        Assert.Equal(1.0, response.AsFedIntakeKg!.Value, 9);
    }
}
