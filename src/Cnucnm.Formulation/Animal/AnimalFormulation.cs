using Cnucnm.Formulation.Explicit;
using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Model;
using Cnucnm.Formulation.Preparation;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Animal;

/// <summary>
/// Animal mode: the bounds come from the NASEM (2021) dairy model. Intake is predicted (± the tolerance);
/// the requirements (ME, MP, Lys and Met, minerals, vitamins) and the ruminal N balance are linearised at
/// the current diet (<see cref="RationLinearization"/>), the LP is solved, the ration is evaluated with
/// the full model, and the loop re-linearises at the new ration until the full model confirms every
/// enforced requirement within 1 % and every guard rail. Concentration guard rails (forage NDF, NDF,
/// starch, fatty acids) and NASEM-column bounds are exactly linear.
/// </summary>
internal static class AnimalFormulation
{
    public const int MaxIterations = 12;

    /// <summary>A requirement counts as met at ≥ 99 % of its target (and ≤ 101 % of a maximum).</summary>
    public const double Tolerance = 0.01;

    /// <summary>DMI equations whose prediction depends on the diet (NDF, forage NDF, ADF/NDF): re-predicted each round.</summary>
    private static readonly HashSet<int> DietDependentIntake = [3, 5, 7, 9, 10, 13, 15, 17];

    public static FormulationResponse Run(PreparedRequest request)
    {
        var spec = request.Animal!;
        // Formulation feeds the target milk: an allowable-milk equation would make the requirement follow the supply.
        var equations = spec.Equations with { MilkProductionEquation = 0 };
        var intakeEquation = equations.DmiEquation != 0 || spec.Animal.TargetDryMatterIntakeKg is null
            ? (equations.DmiEquation != 0 ? equations.DmiEquation : DefaultIntakeEquation(spec.Animal.State))
            : 0;
        var animal = spec.Animal;
        var feeds = request.Feeds.Select(f => f.NasemFeed!).ToArray();

        var x = StartingDiet(request, feeds, 20);
        var predicted = PredictIntake(animal, equations, intakeEquation, feeds, x);
        x = request.Changes is { } change && change.Current.Sum() > 0 ? change.Current : StartingDiet(request, feeds, predicted);
        var (dmMin, dmMax) = IntakeBounds(request, spec, predicted);

        var iterations = new List<IterationResult>();
        var margins = new Dictionary<string, double>(StringComparer.Ordinal);
        LinearProgram? lastLp = null;
        LpResult? lastResult = null;
        AnimalRows? lastRows = null;
        int[] changed = [];
        (IReadOnlyList<RequirementCheck> Lines, IReadOnlyList<GuardRailCheck> Rails, bool Confirmed, string? Worst, double WorstPercent) check = default;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var linear = RationLinearization.At(new DairyInput(animal, equations, Diet(feeds, x)));
            var lp = ModelBuilder.Build(request, dmMin, dmMax);
            var rows = AnimalRows.Add(lp, linear, spec, margins);
            LpResult result;
            if (request.Changes is { } changes)
            {
                var outcome = ChangeLimiter.Solve(lp, changes);
                if (outcome.Explanation is { } reason)
                {
                    return ResponseBuilder.Infeasible(request, reason, Result(predicted, intakeEquation, dmMin, dmMax, iterations, false, [], []));
                }

                (result, lp, changed) = (outcome.Result, outcome.Lp, outcome.Changed);
            }
            else
            {
                result = LpSolver.Solve(lp);
                if (result.Status == LpStatus.Infeasible)
                {
                    var why = InfeasibilityAnalyzer.Explain(lp, iteration > 1 ? $"(Linearised at the ration of round {iteration - 1}.)" : null);
                    return ResponseBuilder.Infeasible(request, why, Result(predicted, intakeEquation, dmMin, dmMax, iterations, false, [], []));
                }

                if (result.Status != LpStatus.Optimal)
                {
                    throw new InvalidOperationException("The LP solvers (GLOP, then CLP) failed on this model.");
                }
            }

            var next = ResponseBuilder.CleanAmounts(result, request.FeedCount);
            var full = DairyModel.Evaluate(new DairyInput(animal with { TargetDryMatterIntakeKg = null }, equations with { DmiEquation = 0 }, Diet(feeds, next)));
            var intakeMoved = false;
            if (DietDependentIntake.Contains(intakeEquation))
            {
                var again = PredictIntake(animal, equations, intakeEquation, feeds, next);
                intakeMoved = Math.Abs(again - predicted) > 1e-6 * predicted;
                predicted = again;
                var (newMin, newMax) = IntakeBounds(request, spec, predicted);
                var dm = next.Sum();
                intakeMoved &= dm < newMin * (1 - 1e-6) || dm > newMax * (1 + 1e-6);
                (dmMin, dmMax) = (newMin, newMax);
            }

            check = Check(full, rows, spec);
            var cost = next.Select((kg, j) => kg * request.Feeds[j].PricePerKgDm).Sum();
            iterations.Add(new IterationResult(iteration, cost, next.Sum(), check.Worst, check.WorstPercent));
            (lastLp, lastResult, lastRows) = (lp, result, rows);
            if (check.Confirmed && !intakeMoved)
            {
                break;
            }

            // From the fourth round, a requirement still short after re-linearising gets a margin (the curvature the line misses).
            if (iteration >= 3)
            {
                foreach (var line in check.Lines.Where(l => l.Enforced && !l.Met && l.Supplied < l.Required * l.TargetPercent / 100))
                {
                    var shortfall = line.Required * line.TargetPercent / 100 - line.Supplied;
                    margins[line.Nutrient] = margins.GetValueOrDefault(line.Nutrient) + 1.1 * shortfall;
                }
            }

            // Re-linearise at the new ration; from the second round halfway between it and the previous point: supply
            // curved in the ration (microbial protein, Met) otherwise makes successive rounds jump between two rations.
            x = next.Sum() <= 0 ? x : iteration >= 2 ? Blend(x, next) : next;
        }

        var animalResult = Result(predicted, intakeEquation, dmMin, dmMax, iterations, check.Confirmed, check.Lines ?? [], check.Rails ?? []);
        var summary = request.Changes is { } limit ? ExplicitFormulation.Summary(request, limit, changed) : null;
        return ResponseBuilder.Optimal(request, lastLp!, lastResult!, summary, animalResult, lastRows!.Results(lastLp!, lastResult!));
    }

    /// <summary>NASEM (2021) Ch. 2: Eq. 2-1 lactating (animal factors, DMIn_eqn 8), the dry-cow late-gestation
    /// equation (10), Eq. 2-3 heifers (2) — the same defaults as the herd's group model.</summary>
    private static int DefaultIntakeEquation(PhysiologicalState state) => state switch
    {
        PhysiologicalState.LactatingCow => 8,
        PhysiologicalState.DryCow => 10,
        _ => 2,
    };

    private static double PredictIntake(DairyAnimal animal, EquationSelection equations, int intakeEquation, Feed[] feeds, double[] x)
    {
        if (intakeEquation == 0)
        {
            return animal.TargetDryMatterIntakeKg!.Value;
        }

        var result = DairyModel.Evaluate(new DairyInput(animal, equations with { DmiEquation = intakeEquation }, Diet(feeds, x)));
        return result.DryMatterIntakeKg;
    }

    private static (double Min, double Max) IntakeBounds(PreparedRequest request, PreparedAnimal spec, double predicted) =>
        (request.DryMatterMin ?? predicted * (1 - spec.TolerancePercent / 100), request.DryMatterMax ?? predicted * (1 + spec.TolerancePercent / 100));

    private static double[] Blend(double[] previous, double[] next)
    {
        var blend = new double[next.Length];
        for (var j = 0; j < next.Length; j++)
        {
            blend[j] = (previous[j] + next[j]) / 2;
        }

        return blend;
    }

    private static DietEntry[] Diet(Feed[] feeds, double[] x)
    {
        var diet = new DietEntry[feeds.Length];
        for (var j = 0; j < feeds.Length; j++)
        {
            diet[j] = new DietEntry(feeds[j], x[j]);
        }

        return diet;
    }

    /// <summary>A neutral ration to linearise at first: fixed amounts and minimums, the rest of the intake
    /// shared by the feeds (minerals and vitamins at a token share), within each feed's maximum.</summary>
    private static double[] StartingDiet(PreparedRequest request, Feed[] feeds, double intake)
    {
        var n = feeds.Length;
        var x = new double[n];
        var weight = new double[n];
        var upper = new double[n];
        for (var j = 0; j < n; j++)
        {
            var feed = request.Feeds[j];
            upper[j] = request.Excluded[j] ? 0 : request.Fixed[j] ?? feed.MaxKgDm ?? double.PositiveInfinity;
            foreach (var stock in request.Inventory.Where(s => s.Feed == j))
            {
                upper[j] = Math.Min(upper[j], stock.CapKgDmPerHead);
            }

            x[j] = Math.Min(request.Fixed[j] ?? feed.MinKgDm ?? 0, upper[j]);
            weight[j] = request.Fixed[j] is not null || upper[j] <= x[j] ? 0 : feeds[j].Category == "Vitamin/Mineral" ? 0.02 : 1;
        }

        var remaining = intake - x.Sum();
        for (var round = 0; round < n && remaining > 1e-9; round++)
        {
            var total = weight.Sum();
            if (total <= 0)
            {
                break;
            }

            var given = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (weight[j] <= 0)
                {
                    continue;
                }

                var add = Math.Min(remaining * weight[j] / total, upper[j] - x[j]);
                x[j] += add;
                given += add;
                if (x[j] >= upper[j] - 1e-12)
                {
                    weight[j] = 0;
                }
            }

            remaining -= given;
        }

        if (x.Sum() <= 0)
        {
            // Every feed excluded or capped at 0: linearise anywhere, the LP reports the conflict.
            Array.Fill(x, intake / n);
        }

        return x;
    }

    private static (IReadOnlyList<RequirementCheck> Lines, IReadOnlyList<GuardRailCheck> Rails, bool Confirmed, string? Worst, double WorstPercent)
        Check(DairyResult full, AnimalRows rows, PreparedAnimal spec)
    {
        var lines = new List<RequirementCheck>();
        string? worst = null;
        var worstPercent = double.PositiveInfinity;
        var confirmed = true;
        foreach (var pair in DairyBalances.Pairs)
        {
            var required = full.Nasem.GetValueOrDefault(pair.RequirementVariable, double.NaN);
            var supplied = full.Nasem.GetValueOrDefault(pair.SupplyVariable, double.NaN);
            if (!double.IsFinite(required) || !double.IsFinite(supplied))
            {
                continue;
            }

            var enforced = rows.Targets.TryGetValue(pair.Nutrient, out var target);
            var minPercent = enforced ? target.Min : 100;
            double? percent = required > 0 ? supplied / required * 100 : null;
            bool met;
            if (enforced)
            {
                var ofTarget = minPercent > 0 ? supplied / (required * minPercent / 100) * 100 : double.PositiveInfinity;
                met = ofTarget >= 100 * (1 - Tolerance) && (target.Max is not { } max || supplied <= required * max / 100 * (1 + Tolerance));
                if (ofTarget < worstPercent)
                {
                    (worst, worstPercent) = (pair.Nutrient, ofTarget);
                }

                confirmed &= met;
            }
            else
            {
                met = supplied >= required;
            }

            lines.Add(new RequirementCheck(pair.Nutrient, pair.Unit, required, supplied, supplied - required, percent, enforced, minPercent, met));
        }

        var rails = new List<GuardRailCheck>
        {
            Rail("forage NDF", "% DM", full["Dt_ForNDF"], spec.MinForageNdfPercentOfDm, null, 1e-6),
            Rail("NDF", "% DM", full["Dt_NDF"], spec.MinNdfPercentOfDm, null, 1e-6),
            Rail("starch", "% DM", full["Dt_St"], null, spec.MaxStarchPercentOfDm, 1e-6),
            Rail("fatty acids", "% DM", full["Dt_FA"], null, spec.MaxFatPercentOfDm, 1e-6),
            // Ruminal N balance moves with microbial growth (not linear): 1 % of the RDP supply.
            Rail("ruminal N balance", "g CP/d", full["An_RDPbal_g"], spec.MinRumenNitrogenBalanceGramsPerDay, null, Tolerance * full["An_RDPIn_g"]),
        };
        confirmed &= rails.All(r => r.Met);
        return (lines, rails, confirmed, worst, double.IsFinite(worstPercent) ? worstPercent : 100);
    }

    private static GuardRailCheck Rail(string name, string unit, double value, double? min, double? max, double tolerance)
    {
        var slack = Math.Max(tolerance, 1e-9);
        var met = (min is not { } a || value >= a - Math.Max(slack, Math.Abs(a) * 1e-6)) && (max is not { } b || value <= b + Math.Max(slack, Math.Abs(b) * 1e-6));
        return new GuardRailCheck(name, unit, value, min, max, met);
    }

    private static AnimalResult Result(double predicted, int equation, double dmMin, double dmMax, List<IterationResult> iterations, bool confirmed,
        IReadOnlyList<RequirementCheck> lines, IReadOnlyList<GuardRailCheck> rails) =>
        new(predicted, equation, new Bounds(dmMin, dmMax), iterations, confirmed, lines, rails);
}
