using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Beef;

/// <summary>The simulation checked step by step against direct beef-model evaluations and hand arithmetic.</summary>
public sealed class GrowthSimulationModelAgreementTests
{
    private static readonly Feed Corn = FeedLibrary.Nasem.Get("Corn grain dry, fine grind");
    private static readonly Feed Soybean = FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP");
    private static readonly Feed Straw = FeedLibrary.Nasem.Get("Wheat straw");

    private static BeefAnimal Steer(double weightKg = 550) => BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, weightKg, 22, 0.9);

    // 5.5 + 0.8 + 1.5 = 7.8 kg DM/d, as in the whole-model Hanwoo test.
    private static RationPhase Fattening(double? untilKg = null, double? days = null, double? dmiKg = 7.8) => new(
        "fattening",
        [new RationShare(Corn, 5.5 / 7.8 * 100, 400), new RationShare(Soybean, 0.8 / 7.8 * 100, 700), new RationShare(Straw, 1.5 / 7.8 * 100, 150)],
        untilKg,
        days,
        dmiKg);

    [Fact]
    public void Constant_ration_body_weight_rises_each_day_by_the_gain_the_beef_model_allows()
    {
        var run = GrowthSimulation.Run(new GrowthPlan(Steer(), [Fattening(days: 10)]));

        Assert.Equal(10, run.Steps.Count);
        Assert.Equal(10, run.Summary.Days);
        Assert.Equal(GrowthStop.PlanCompleted, run.Summary.Stop);
        for (var i = 0; i < run.Steps.Count; i++)
        {
            var s = run.Steps[i];
            // The gain of every step is the model's own answer for the animal at that weight and age.
            var direct = BeefModel.Evaluate(new BeefInput(
                Steer(s.BodyWeightKg) with { AgeMonths = s.AgeMonths, TargetGainKgPerDay = 0.9 },
                [new DietEntry(Corn, 5.5), new DietEntry(Soybean, 0.8), new DietEntry(Straw, 1.5)]));
            Assert.Equal(direct.Allowable.PredictedGainKgPerDay, s.GainKgPerDay, 9);
            Assert.Equal(Math.Min(s.EnergyAllowableGainKgPerDay, s.ProteinAllowableGainKgPerDay), s.GainKgPerDay, 9);
            Assert.Equal(7.8, s.DryMatterIntakeKgPerDay, 9);
            var next = i + 1 < run.Steps.Count ? run.Steps[i + 1].BodyWeightKg : run.Summary.FinalBodyWeightKg;
            Assert.Equal(s.BodyWeightKg + s.GainKgPerDay / 0.96, next, 9); // live weight + shrunk gain / 0.96
        }

        Assert.InRange(run.Steps[0].GainKgPerDay, 0.5, 1.4);
        Assert.Equal(550 + run.Steps.Sum(s => s.GainKgPerDay) / 0.96, run.Summary.FinalBodyWeightKg, 9);
    }

    [Fact]
    public void Feed_cost_is_the_sum_of_kg_as_fed_times_price_over_the_days()
    {
        var run = GrowthSimulation.Run(new GrowthPlan(Steer(), [Fattening(days: 10)]));

        // Per day: Σ kg DM / (DM % / 100) × price per kg as fed, with the library's DM contents.
        var perDay = 5.5 / (Corn.DryMatterPercent / 100) * 400 + 0.8 / (Soybean.DryMatterPercent / 100) * 700 + 1.5 / (Straw.DryMatterPercent / 100) * 150;
        var asFedPerDay = 5.5 / (Corn.DryMatterPercent / 100) + 0.8 / (Soybean.DryMatterPercent / 100) + 1.5 / (Straw.DryMatterPercent / 100);
        Assert.Equal(perDay, run.Steps[0].FeedCostPerDay, 6);
        Assert.Equal(10 * perDay, run.Summary.TotalFeedCost, 6);
        Assert.Equal(10 * asFedPerDay, run.Summary.TotalAsFedKg, 6);
        Assert.Equal(78, run.Summary.TotalDryMatterKg, 9);
        Assert.Equal(run.Summary.TotalFeedCost, run.Steps[^1].CumulativeFeedCost, 6);
        var gained = run.Summary.FinalBodyWeightKg - 550;
        Assert.Equal(78 / gained, run.Summary.FeedToGain, 9);
    }

    [Fact]
    public void A_plan_target_weight_stops_the_run_and_days_to_reach_weight_agrees()
    {
        var run = GrowthSimulation.Run(new GrowthPlan(Steer(), [Fattening(days: 400)], TargetBodyWeightKg: 560));

        Assert.Equal(GrowthStop.TargetReached, run.Summary.Stop);
        Assert.True(run.Summary.FinalBodyWeightKg >= 560);
        Assert.True(run.Steps[^1].BodyWeightKg < 560);
        var input = new BeefInput(Steer(), [new DietEntry(Corn, 5.5), new DietEntry(Soybean, 0.8), new DietEntry(Straw, 1.5)], BeefIntakeSource.Diet);
        Assert.Equal(run.Summary.Days, GrowthSimulation.DaysToReachWeight(input, 560));
    }

    [Fact]
    public void Weekly_steps_cover_the_phase_length_with_a_short_last_step()
    {
        var run = GrowthSimulation.Run(new GrowthPlan(Steer(), [Fattening(days: 10)], StepDays: 7));

        Assert.Equal([0, 7], run.Steps.Select(s => s.Day));
        Assert.Equal(10, run.Summary.Days);
        Assert.Equal(550 + (7 * run.Steps[0].GainKgPerDay + 3 * run.Steps[1].GainKgPerDay) / 0.96, run.Summary.FinalBodyWeightKg, 9);
    }

    [Fact]
    public void Final_carcass_comes_from_the_final_empty_body_weight()
    {
        var run = GrowthSimulation.Run(new GrowthPlan(Steer(), [Fattening(days: 5)]));
        var s = run.Summary;

        Assert.Equal(BeefBody.ShrunkKg(s.FinalBodyWeightKg), s.FinalShrunkBodyWeightKg, 9);
        Assert.Equal(BeefBody.EmptyKg(s.FinalShrunkBodyWeightKg), s.FinalEmptyBodyWeightKg, 9);
        Assert.Equal(BeefBody.HotCarcassKg(s.FinalEmptyBodyWeightKg), s.HotCarcassWeightKg, 9);
        // Dressing of a finished steer lies near 60 % of full weight.
        Assert.InRange(s.DressingPercent, 55, 66);
        Assert.True(s.FatGainedKg > 0 && s.ProteinGainedKg > 0);
    }

    [Fact]
    public void Predicted_intake_is_used_when_the_phase_gives_only_shares()
    {
        var run = GrowthSimulation.Run(new GrowthPlan(Steer(), [Fattening(days: 1, dmiKg: null)]));
        var direct = BeefModel.Evaluate(new BeefInput(Steer(), [new DietEntry(Corn, 5.5), new DietEntry(Soybean, 0.8), new DietEntry(Straw, 1.5)], BeefIntakeSource.Predicted));

        Assert.Equal(direct.DryMatterIntakeKg, run.Steps[0].DryMatterIntakeKgPerDay, 6);
        Assert.Equal(direct.Allowable.PredictedGainKgPerDay, run.Steps[0].GainKgPerDay, 6);
    }
}
