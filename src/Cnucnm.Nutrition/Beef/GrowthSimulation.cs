using Cnucnm.Nutrition.Dairy;

namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// Growth of a beef or Hanwoo animal under a phased feeding programme: at each step the beef model evaluates the
/// animal at its current weight and age on the phase's ration, intake is predicted (or fixed), the animal gains the
/// lesser of its energy- and protein-allowable gains for the step, and feed cost accumulates (explicit Euler in
/// days; the original CNUCNM's missing "Growth_Simul" sheet).
/// </summary>
public static class GrowthSimulation
{
    public static GrowthTrajectory Run(GrowthPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Phases.Count == 0)
        {
            throw new ArgumentException("The plan needs at least one phase.", nameof(plan));
        }

        var step = Math.Max(1, plan.StepDays);
        var animal = plan.Start;
        var weight = animal.BodyWeightKg;
        var age = animal.AgeMonths;
        var steps = new List<GrowthDay>();
        double totalDm = 0, totalAsFed = 0, totalCost = 0, fat = 0, protein = 0;
        var day = 0;
        var stop = GrowthStop.PlanCompleted;

        foreach (var phase in plan.Phases)
        {
            var phaseDay = 0;
            var diet = phase.Feeds.Where(f => f.PercentOfDryMatter > 0).ToList();
            var percentSum = diet.Sum(f => f.PercentOfDryMatter);
            while ((phase.DurationDays is null || phaseDay < phase.DurationDays) && (phase.UntilBodyWeightKg is null || weight < phase.UntilBodyWeightKg))
            {
                if (plan.TargetBodyWeightKg is { } target && weight >= target)
                {
                    return Finish(GrowthStop.TargetReached);
                }

                if (day >= plan.MaxDays)
                {
                    return Finish(GrowthStop.MaxDays);
                }

                // The planned gain stays the intake equations' gain input (the Japanese standard predicts intake from it): feeding
                // back the simulated gain would let more gain raise intake and intake raise gain without bound.
                var current = animal with { BodyWeightKg = weight, AgeMonths = age };
                var fixedDmi = phase.DryMatterIntakeKgPerDay;
                var entries = diet.Select(f => new DietEntry(f.Feed, f.PercentOfDryMatter / percentSum * (fixedDmi ?? 1))).ToList();
                // The simulation grows the animal by the NRC allowable gain, so only the NRC requirements are needed.
                var result = BeefModel.Evaluate(new BeefInput(current, entries, fixedDmi is null ? BeefIntakeSource.Predicted : BeefIntakeSource.Diet, plan.IntakeEquation,
                    BeefRequirementModel.Nrc2000));
                var dmi = result.DryMatterIntakeKg;
                var gain = result.Allowable.PredictedGainKgPerDay;
                var asFed = diet.Sum(f => f.Feed.DryMatterPercent > 0 ? dmi * f.PercentOfDryMatter / percentSum / (f.Feed.DryMatterPercent / 100) : 0);
                var cost = diet.Sum(f => f.Feed.DryMatterPercent > 0
                    ? dmi * f.PercentOfDryMatter / percentSum / (f.Feed.DryMatterPercent / 100) * f.PricePerKgAsFed
                    : 0);
                var days = phase.DurationDays is { } duration ? Math.Min(step, (int)Math.Ceiling(duration - phaseDay)) : step;
                totalCost += cost * days;
                steps.Add(new GrowthDay(day, age, phase.Name, weight, gain, result.EnergyAllowableGainKgPerDay, result.ProteinAllowableGainKgPerDay,
                    result.Allowable.ProteinLimited, dmi, asFed, cost, totalCost, BeefGains.LiveFromShrunk(gain)));

                if (gain <= 0 && (phase.UntilBodyWeightKg is not null || plan.TargetBodyWeightKg is not null) && phase.DurationDays is null)
                {
                    return Finish(GrowthStop.NoGain);
                }

                // Composition of the gain at the realised rate (NRC 2000 Growth chapter).
                var re = BeefGrowth.RetainedEnergyMcal(result["EQEBW"], BeefBody.EmptyGainKg(Math.Max(0, gain)));
                var np = BeefGrowth.NetProteinGrams(Math.Max(0, gain), re);
                fat += BeefGrowth.FatGainKg(re, np) * days;
                protein += np / 1000 * days;
                totalDm += dmi * days;
                totalAsFed += asFed * days;
                // The weight is full (live) weight and the model's gain is shrunk: live gain = shrunk gain / 0.96 (NRC 2000 Ch. 3).
                weight += BeefGains.LiveFromShrunk(gain) * days;
                age += days / 30.4;
                day += days;
                phaseDay += days;
            }
        }

        return Finish(plan.TargetBodyWeightKg is { } goal && weight >= goal ? GrowthStop.TargetReached : stop);

        GrowthTrajectory Finish(GrowthStop reason)
        {
            var gained = weight - plan.Start.BodyWeightKg;
            var shrunk = BeefBody.ShrunkKg(weight);
            var empty = BeefBody.EmptyKg(shrunk);
            var carcass = BeefBody.HotCarcassKg(empty);
            // The weights are live; empty body gain = 0.956 × shrunk gain = 0.956 × 0.96 × live gain (NRC 2000 Ch. 3).
            var emptyGain = BeefBody.EmptyGainKg(BeefGains.ShrunkFromLive(Math.Max(0, gained)));
            var summary = new GrowthSummary(day, reason, plan.Start.BodyWeightKg, weight, age, day > 0 ? gained / day : 0, totalDm, totalAsFed, totalCost,
                gained > 0 ? totalCost / gained : double.NaN, gained > 0 ? totalDm / gained : double.NaN, shrunk, empty, carcass, carcass / weight * 100,
                fat, protein, emptyGain > 0 ? fat / emptyGain * 100 : 0);
            return new GrowthTrajectory(steps, summary);
        }
    }

    /// <summary>Days for the animal of <paramref name="input"/> to reach <paramref name="targetBodyWeightKg"/> on the same ration
    /// (its proportions; intake as in the input), simulated daily; null when the ration allows no gain or it takes more than
    /// <paramref name="maxDays"/>.</summary>
    public static int? DaysToReachWeight(BeefInput input, double targetBodyWeightKg, int maxDays = 1500)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Animal.BodyWeightKg >= targetBodyWeightKg)
        {
            return 0;
        }

        var total = input.Diet.Sum(d => d.KgDryMatterPerDay);
        var phase = new RationPhase("ration", [.. input.Diet.Select(d => new RationShare(d.Feed, d.KgDryMatterPerDay / total * 100))],
            DryMatterIntakeKgPerDay: input.Intake == BeefIntakeSource.Diet ? total : null);
        var run = Run(new GrowthPlan(input.Animal, [phase], 1, targetBodyWeightKg, maxDays, input.IntakeEquation));
        return run.Summary.Stop == GrowthStop.TargetReached ? run.Summary.Days : null;
    }
}
