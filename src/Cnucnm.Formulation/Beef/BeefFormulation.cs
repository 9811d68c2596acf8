using Cnucnm.Formulation.Explicit;
using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Model;
using Cnucnm.Formulation.Preparation;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Beef;

/// <summary>
/// Beef animal mode. Intake is predicted by the requirement model's equation (± the tolerance) and the ration is
/// formulated at it; the requirement rows are linearised at the current ration (<see cref="IBeefRequirementModel"/>),
/// the shared LP is solved, the full model evaluates the answer, and the loop re-linearises there until the full model
/// confirms every enforced requirement within <see cref="Tolerance"/> and every guard rail — as dairy animal mode does. Net energy is the
/// non-linear part: the ME that covers NEm and NEg depends on the diet's own ME concentration (see
/// <see cref="NrcBeefRequirements"/>). Infeasibility is explained, and relaxed, by the shared analyser.
/// </summary>
internal static class BeefFormulation
{
    public const int MaxIterations = 12;

    /// <summary>A requirement counts as met at ≥ 99.8 % of its target (and ≤ 100.2 % of a maximum), as in dairy mode.</summary>
    public const double Tolerance = Animal.AnimalFormulation.Tolerance;

    public static FormulationResponse Run(PreparedRequest request)
    {
        var beef = request.Beef!;
        var model = beef.Model;
        var animal = beef.Animal;
        // The feeds as the beef model evaluates them: blank cells decided by the composition-completeness policy (BeefModel).
        var feeds = request.Feeds.Select(f => CompositionCompleteness.Complete(f.NasemFeed!).Feed).ToArray();
        var values = BeefFeedValues.Of(feeds);
        var rails = BeefRailValues.Of(feeds, values);

        var x = StartingDiet(request, 10);
        var prediction = model.PredictIntake(animal, feeds, x);
        x = request.Changes is { } change && change.Current.Sum() > 0 ? change.Current : Scale(x, prediction.Kg);
        var (dmMin, dmMax) = IntakeBounds(request, beef, prediction.Kg);

        var iterations = new List<IterationResult>();
        var margins = new Dictionary<string, double>(StringComparer.Ordinal);
        LinearProgram? lastLp = null;
        LpResult? lastResult = null;
        BeefRows? lastRows = null;
        int[] changed = [];
        var lines = model.Linearise(animal, feeds, x);
        Check check = default;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var lp = ModelBuilder.Build(request, dmMin, dmMax);
            var rows = BeefRows.Add(lp, lines, beef, rails, margins);
            LpResult result;
            if (request.Changes is { } changes)
            {
                var outcome = ChangeLimiter.Solve(lp, changes);
                if (outcome.Explanation is { } reason)
                {
                    return ResponseBuilder.Infeasible(request, reason, Result(beef, prediction, dmMin, dmMax, iterations, false, [], []));
                }

                (result, lp, changed) = (outcome.Result, outcome.Lp, outcome.Changed);
            }
            else
            {
                result = LpSolver.Solve(lp);
                if (result.Status == LpStatus.Infeasible)
                {
                    var why = InfeasibilityAnalyzer.Explain(lp, iteration > 1 ? $"(Linearised at the ration of round {iteration - 1}.)" : null);
                    return ResponseBuilder.Infeasible(request, why, Result(beef, prediction, dmMin, dmMax, iterations, false, [], []));
                }

                if (result.Status != LpStatus.Optimal)
                {
                    throw new InvalidOperationException("The LP solvers (GLOP, then CLP) failed on this model.");
                }
            }

            var next = ResponseBuilder.CleanAmounts(result, request.FeedCount);
            var intakeMoved = false;
            if (prediction.DependsOnDiet && next.Sum() > 0)
            {
                var again = model.PredictIntake(animal, feeds, next);
                intakeMoved = Math.Abs(again.Kg - prediction.Kg) > 1e-6 * prediction.Kg;
                prediction = again;
                var (newMin, newMax) = IntakeBounds(request, beef, prediction.Kg);
                var dm = next.Sum();
                intakeMoved &= dm < newMin * (1 - 1e-6) || dm > newMax * (1 + 1e-6);
                (dmMin, dmMax) = (newMin, newMax);
            }

            // The full model at the LP's ration: the check, and the next linearisation when the loop goes on from there.
            var full = next.Sum() > 0 ? model.Linearise(animal, feeds, next) : lines;
            check = Evaluate(full, rows, beef, rails, next);
            var cost = next.Select((kg, j) => kg * request.Feeds[j].PricePerKgDm).Sum();
            iterations.Add(new IterationResult(iteration, cost, next.Sum(), check.Worst, check.WorstPercent));
            (lastLp, lastResult, lastRows) = (lp, result, rows);
            if (check.Confirmed && !intakeMoved)
            {
                break;
            }

            // From the fourth round a requirement still short after re-linearising gets a margin (the curvature the line misses).
            if (iteration >= 3)
            {
                foreach (var line in check.Lines.Where(l => l.Enforced && !l.Met && l.Supplied < l.Required * l.TargetPercent / 100))
                {
                    margins[line.Nutrient] = margins.GetValueOrDefault(line.Nutrient) + 1.1 * (line.Required * line.TargetPercent / 100 - line.Supplied);
                }
            }

            // Re-linearise at the new ration; from the second round halfway between it and the previous point (damps oscillation).
            if (next.Sum() > 0)
            {
                if (iteration >= 2)
                {
                    x = Blend(x, next);
                    lines = model.Linearise(animal, feeds, x);
                }
                else
                {
                    x = next;
                    lines = full;
                }
            }
        }

        var animalResult = Result(beef, prediction, dmMin, dmMax, iterations, check.Confirmed, check.Lines ?? [], check.Rails ?? []);
        var summary = request.Changes is { } limit ? ExplicitFormulation.Summary(request, limit, changed) : null;
        return ResponseBuilder.Optimal(request, lastLp!, lastResult!, summary, animalResult, lastRows!.Results(lastLp!, lastResult!, rails));
    }

    private readonly record struct Check(IReadOnlyList<RequirementCheck> Lines, IReadOnlyList<GuardRailCheck> Rails, bool Confirmed, string? Worst, double WorstPercent);

    private static Check Evaluate(IReadOnlyList<LinearRequirement> full, BeefRows rows, PreparedBeef beef, BeefRailValues rails, double[] x)
    {
        var lines = new List<RequirementCheck>(full.Count);
        string? worst = null;
        var worstPercent = double.PositiveInfinity;
        var confirmed = true;
        foreach (var line in full)
        {
            if (!double.IsFinite(line.Required) || !double.IsFinite(line.Supplied))
            {
                continue;
            }

            var enforced = rows.Targets.TryGetValue(line.Nutrient, out var target);
            var minPercent = enforced ? target.Min : 100;
            double? percent = line.Required > 0 ? line.Supplied / line.Required * 100 : null;
            bool met;
            if (enforced)
            {
                var ofTarget = minPercent > 0 ? line.Supplied / (line.Required * minPercent / 100) * 100 : double.PositiveInfinity;
                met = ofTarget >= 100 * (1 - Tolerance) && (target.Max is not { } max || line.Supplied <= line.Required * max / 100 * (1 + Tolerance));
                if (ofTarget < worstPercent)
                {
                    (worst, worstPercent) = (line.Nutrient, ofTarget);
                }

                confirmed &= met;
            }
            else
            {
                met = line.Supplied >= line.Required;
            }

            lines.Add(new RequirementCheck(line.Nutrient, line.Unit, line.Required, line.Supplied, line.Supplied - line.Required, percent, enforced, minPercent, met));
        }

        var dm = x.Sum();
        double Percent(double[] perKg) => dm > 0 ? NrcBeefRequirements.Dot(perKg, x) / dm : 0;
        var phosphorus = NrcBeefRequirements.Dot(rails.PhosphorusGramsPerKg, x);
        var ratio = phosphorus > 0 ? NrcBeefRequirements.Dot(rails.CalciumGramsPerKg, x) / phosphorus : double.PositiveInfinity;
        var limits = beef.Limits;
        var checks = new List<GuardRailCheck>
        {
            Rail("roughage", "% DM", Percent(rails.RoughagePercent), limits.MinRoughagePercentOfDm, null),
            Rail("forage NDF", "% DM", Percent(rails.ForageNdfPercent), limits.MinForageNdfPercentOfDm, null),
            Rail("starch", "% DM", Percent(rails.StarchPercent), null, limits.MaxStarchPercentOfDm),
            Rail("fat", "% DM", Percent(rails.FatPercent), null, limits.MaxFatPercentOfDm),
            Rail("urea", "% DM", Percent(rails.UreaPercent), null, limits.MaxUreaPercentOfDm),
            Rail("Ca:P", "g Ca/g P", ratio, limits.MinCalciumToPhosphorus, limits.MaxCalciumToPhosphorus),
            Rail("degradable protein balance", "g/d", NrcBeefRequirements.Dot(rails.DegradableProteinBalanceGramsPerKg, x),
                limits.MinDegradableProteinBalanceGramsPerDay, null),
        };
        confirmed &= checks.All(r => r.Met);
        return new Check(lines, checks, confirmed, worst, double.IsFinite(worstPercent) ? worstPercent : 100);
    }

    private static GuardRailCheck Rail(string name, string unit, double value, double? min, double? max)
    {
        // The rails are exact rows of the LP: only solver round-off separates the value from its bound.
        var met = (min is not { } a || value >= a - Math.Max(1e-6, Math.Abs(a) * 1e-6)) && (max is not { } b || value <= b + Math.Max(1e-6, Math.Abs(b) * 1e-6));
        return new GuardRailCheck(name, unit, value, min, max, met);
    }

    private static (double Min, double Max) IntakeBounds(PreparedRequest request, PreparedBeef beef, double predicted) =>
        (request.DryMatterMin ?? predicted * (1 - beef.TolerancePercent / 100), request.DryMatterMax ?? predicted * (1 + beef.TolerancePercent / 100));

    private static AnimalResult Result(PreparedBeef beef, BeefIntakePrediction prediction, double dmMin, double dmMax,
        List<IterationResult> iterations, bool confirmed, IReadOnlyList<RequirementCheck> lines, IReadOnlyList<GuardRailCheck> rails) =>
        new(prediction.Kg, prediction.EquationNumber, new Bounds(dmMin, dmMax), iterations, confirmed, lines, rails,
            RequirementModel: beef.Model.Name, DryMatterIntakeEquationName: prediction.Equation,
            RequirementModelNote: BeefRequirementModels.FallbackNote(beef.Animal,
                beef.Model is KfsBeefRequirements ? BeefRequirementModel.KoreanFeedingStandard : BeefRequirementModel.Nrc2000),
            Environment: beef.Environment, TargetShrunkGainKgPerDay: beef.Animal.TargetGainKgPerDay,
            TargetLiveGainKgPerDay: BeefGains.LiveFromShrunk(beef.Animal.TargetGainKgPerDay));

    private static double[] Blend(double[] previous, double[] next) => [.. previous.Select((p, j) => (p + next[j]) / 2)];

    private static double[] Scale(double[] x, double intake)
    {
        var sum = x.Sum();
        return sum > 0 ? [.. x.Select(v => v * intake / sum)] : x;
    }

    /// <summary>A neutral ration to predict intake and linearise at first: fixed amounts and minimums, the rest shared
    /// equally by the feeds that may be fed (minerals at a token share), each within its maximum.</summary>
    private static double[] StartingDiet(PreparedRequest request, double intake)
    {
        var n = request.FeedCount;
        var x = new double[n];
        var weight = new double[n];
        for (var j = 0; j < n; j++)
        {
            var feed = request.Feeds[j];
            var upper = request.Excluded[j] ? 0 : request.Fixed[j] ?? feed.MaxKgDm ?? double.PositiveInfinity;
            x[j] = Math.Min(request.Fixed[j] ?? feed.MinKgDm ?? 0, upper);
            weight[j] = request.Fixed[j] is not null || upper <= x[j] ? 0 : feed.NasemFeed?.Category == "Vitamin/Mineral" ? 0.02 : 1;
        }

        var left = intake - x.Sum();
        var total = weight.Sum();
        for (var j = 0; j < n && left > 0 && total > 0; j++)
        {
            var upper = request.Feeds[j].MaxKgDm ?? double.PositiveInfinity;
            x[j] = Math.Min(x[j] + left * weight[j] / total, Math.Max(x[j], upper));
        }

        if (x.Sum() <= 0)
        {
            // Every feed excluded or capped at 0: linearise anywhere, the LP reports the conflict.
            Array.Fill(x, intake / n);
        }

        return x;
    }
}
