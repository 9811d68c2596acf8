using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Beef;

/// <summary>The phased growth simulation: bookkeeping checked step by step, phases and stops.</summary>
public sealed class GrowthSimulationTests
{
    private static readonly Feed Corn = FeedLibrary.Nasem.Get("Corn grain dry, fine grind");
    private static readonly Feed Soybean = FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP");
    private static readonly Feed Straw = FeedLibrary.Nasem.Get("Wheat straw");

    private static RationShare[] Fattening => [new(Corn, 70, 0.45), new(Soybean, 10, 0.75), new(Straw, 20, 0.2)];

    private static BeefAnimal Steer(double bodyWeightKg) => BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, bodyWeightKg, 18, 0.9);

    [Fact]
    public void Each_step_adds_its_gain_and_its_feed_cost()
    {
        var plan = new GrowthPlan(Steer(450), [new RationPhase("fattening", Fattening, DurationDays: 30, DryMatterIntakeKgPerDay: 8)]);

        var run = GrowthSimulation.Run(plan);

        Assert.Equal(30, run.Steps.Count);
        Assert.Equal(GrowthStop.PlanCompleted, run.Summary.Stop);
        for (var i = 1; i < run.Steps.Count; i++)
        {
            // The live weight grows by the live gain, the model's shrunk gain / 0.96 (NRC 2000 Ch. 3).
            Assert.Equal(run.Steps[i - 1].GainKgPerDay / 0.96, run.Steps[i - 1].LiveGainKgPerDay, 12);
            Assert.Equal(run.Steps[i - 1].BodyWeightKg + run.Steps[i - 1].LiveGainKgPerDay, run.Steps[i].BodyWeightKg, 9);
            Assert.Equal(run.Steps[i - 1].CumulativeFeedCost + run.Steps[i].FeedCostPerDay, run.Steps[i].CumulativeFeedCost, 9);
        }

        // 8 kg DM/d: corn 5.6 kg DM, soybean 0.8, straw 1.6, each over its DM fraction times its price per kg as fed.
        var asFed = 5.6 / (Corn.DryMatterPercent / 100) + 0.8 / (Soybean.DryMatterPercent / 100) + 1.6 / (Straw.DryMatterPercent / 100);
        var costPerDay = 5.6 / (Corn.DryMatterPercent / 100) * 0.45 + 0.8 / (Soybean.DryMatterPercent / 100) * 0.75 + 1.6 / (Straw.DryMatterPercent / 100) * 0.2;
        Assert.All(run.Steps, s => Assert.Equal(costPerDay, s.FeedCostPerDay, 9));
        Assert.All(run.Steps, s => Assert.Equal(asFed, s.AsFedIntakeKgPerDay, 9));
        Assert.Equal(30 * costPerDay, run.Summary.TotalFeedCost, 6);
        Assert.Equal(30 * 8, run.Summary.TotalDryMatterKg, 9);
        var gained = run.Steps[^1].BodyWeightKg + run.Steps[^1].LiveGainKgPerDay - 450;
        Assert.Equal(450 + gained, run.Summary.FinalBodyWeightKg, 9);
        Assert.Equal(run.Summary.TotalFeedCost / gained, run.Summary.FeedCostPerKgGain, 9);
        // Each day's gain is the lesser of the energy- and protein-allowable gains of the model.
        Assert.All(run.Steps, s => Assert.Equal(Math.Min(s.EnergyAllowableGainKgPerDay, s.ProteinAllowableGainKgPerDay), s.GainKgPerDay, 9));
    }

    [Fact]
    public void A_phase_ends_at_its_weight_and_the_run_at_the_target()
    {
        var plan = new GrowthPlan(Steer(380),
        [
            new RationPhase("growing", [new(Corn, 45, 0.45), new(Soybean, 15, 0.75), new(Straw, 40, 0.2)], UntilBodyWeightKg: 420),
            new RationPhase("fattening", Fattening),
        ], TargetBodyWeightKg: 460);

        var run = GrowthSimulation.Run(plan);

        Assert.Equal(GrowthStop.TargetReached, run.Summary.Stop);
        Assert.True(run.Summary.FinalBodyWeightKg >= 460);
        var firstFattening = run.Steps.First(s => s.Phase == "fattening");
        var lastGrowing = run.Steps.Last(s => s.Phase == "growing");
        Assert.True(lastGrowing.BodyWeightKg < 420 && firstFattening.BodyWeightKg >= 420);
        Assert.Equal(run.Summary.Days, run.Steps.Count);
        // Hot carcass from the final empty body weight (Garrett and Hinman 1969): (0.891 × 0.96 × BW − 32.29) / 1.316.
        Assert.Equal((0.891 * 0.96 * run.Summary.FinalBodyWeightKg - 32.29) / 1.316, run.Summary.HotCarcassWeightKg, 9);
    }

    [Fact]
    public void Weekly_steps_land_close_to_daily_steps()
    {
        GrowthPhaseRun(1, out var daily);
        GrowthPhaseRun(7, out var weekly);

        Assert.Equal(daily.Summary.Days, weekly.Summary.Days);
        // Weekly steps hold each week's gain for seven days (explicit Euler): within 1 % of the daily path after 140 days.
        Assert.InRange(Math.Abs(daily.Summary.FinalBodyWeightKg - weekly.Summary.FinalBodyWeightKg) / daily.Summary.FinalBodyWeightKg, 0, 0.01);
        Assert.InRange(Math.Abs(daily.Summary.TotalFeedCost - weekly.Summary.TotalFeedCost) / daily.Summary.TotalFeedCost, 0, 0.02);
    }

    [Fact]
    public void A_ration_that_allows_no_gain_never_reaches_a_weight_target()
    {
        var plan = new GrowthPlan(Steer(450), [new RationPhase("straw", [new(Straw, 100, 0.2)], DryMatterIntakeKgPerDay: 3)], TargetBodyWeightKg: 600);

        var run = GrowthSimulation.Run(plan);

        Assert.Equal(GrowthStop.NoGain, run.Summary.Stop);
        Assert.Null(GrowthSimulation.DaysToReachWeight(new BeefInput(Steer(450), [new Cnucnm.Nutrition.Dairy.DietEntry(Straw, 3)]), 600));
    }

    private static void GrowthPhaseRun(int stepDays, out GrowthTrajectory run) =>
        run = GrowthSimulation.Run(new GrowthPlan(Steer(450), [new RationPhase("fattening", Fattening, DurationDays: 140)], stepDays));
}
