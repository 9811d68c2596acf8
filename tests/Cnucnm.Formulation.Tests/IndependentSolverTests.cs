using Google.OrTools.LinearSolver;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// Our optimum against an independent one: each generated explicit request is transcribed here, straight from its
/// JSON meaning (not through the library's model builder), into an LP solved by HiGHS (through OR-Tools; a
/// different implementation from our GLOP dual simplex). Costs agree within 1e-6 relative; infeasible for one is
/// infeasible for the other.
/// </summary>
public sealed class IndependentSolverTests
{
    [Fact]
    public void Two_hundred_random_requests_agree_with_HiGHS()
    {
        var (optimal, infeasible) = (0, 0);
        for (var seed = 1; seed <= 200; seed++)
        {
            var feeds = 15 + seed % 4 * 15;       // 15, 30, 45, 60 feeds
            var constraints = 20 + seed % 3 * 10; // 20, 30, 40 rows
            var request = SyntheticRations.Explicit(seed, feeds, constraints, infeasibleShare: 0.3);

            var ours = RationFormulator.Formulate(request);
            var (status, cost) = SolveIndependently(request);

            Assert.True(ours.Status != FormulationStatus.Invalid, $"seed {seed}: {string.Join("; ", ours.Errors?.Select(e => e.Field + " " + e.Message) ?? [])}");
            if (status == Solver.ResultStatus.OPTIMAL)
            {
                Assert.True(ours.Status == FormulationStatus.Optimal, $"seed {seed}: HiGHS optimal at {cost}, ours {ours.Status}");
                Assert.True(Math.Abs(ours.CostPerDay!.Value - cost) <= 1e-6 * Math.Max(1, Math.Abs(cost)),
                    $"seed {seed}: ours {ours.CostPerDay:R}, HiGHS {cost:R}");
                optimal++;
            }
            else
            {
                Assert.Equal(Solver.ResultStatus.INFEASIBLE, status);
                Assert.True(ours.Status == FormulationStatus.Infeasible, $"seed {seed}: HiGHS infeasible, ours {ours.Status} at {ours.CostPerDay}");
                infeasible++;
            }
        }

        // Both outcomes are exercised.
        Assert.InRange(optimal, 100, 199);
        Assert.InRange(infeasible, 10, 100);
    }

    private static (Solver.ResultStatus Status, double Cost) SolveIndependently(FormulationRequest request)
    {
        using var solver = Solver.CreateSolver("HIGHS");
        var feeds = request.Feeds!;
        var x = feeds.Select(f => solver.MakeNumVar(f.MinKgDm ?? 0, f.MaxKgDm ?? double.PositiveInfinity, f.Id)).ToArray();
        var objective = solver.Objective();
        for (var j = 0; j < feeds.Count; j++)
        {
            // Cost per kg DM: the as-fed price per kg divided by the DM fraction, or the price per kg DM as given.
            var perKgDm = feeds[j].PricePerKgDm ?? feeds[j].PricePerTonneAsFed!.Value / 1000 / (feeds[j].DryMatterPercent!.Value / 100);
            objective.SetCoefficient(x[j], perKgDm);
        }

        objective.SetMinimization();
        Constraint Row(double low, double high, Func<int, double> coefficient)
        {
            var row = solver.MakeConstraint(low, high);
            for (var j = 0; j < feeds.Count; j++)
            {
                row.SetCoefficient(x[j], coefficient(j));
            }

            return row;
        }

        double Low(double? value) => value ?? double.NegativeInfinity;
        double High(double? value) => value ?? double.PositiveInfinity;

        Row(Low(request.DryMatterIntakeKg?.Min), High(request.DryMatterIntakeKg?.Max), _ => 1);
        foreach (var nutrient in request.Nutrients ?? [])
        {
            double Value(int j) => feeds[j].Composition![nutrient.Name!];
            if (nutrient.PerDay is { } perDay)
            {
                Row(Low(perDay.Min), High(perDay.Max), Value);
            }

            // Σ v x ÷ Σ x ≥ b  ⇔  Σ (v − b) x ≥ 0 (and ≤ for a maximum).
            if (nutrient.PerKgDm?.Min is { } min)
            {
                Row(0, double.PositiveInfinity, j => Value(j) - min);
            }

            if (nutrient.PerKgDm?.Max is { } max)
            {
                Row(double.NegativeInfinity, 0, j => Value(j) - max);
            }
        }

        foreach (var ratio in request.Ratios ?? [])
        {
            var members = ratio.Feeds!.ToHashSet();
            double Share(int j, double s) => (members.Contains(feeds[j].Id!) ? 1 : 0) - s;
            if (ratio.MinShareOfDm is { } min)
            {
                Row(0, double.PositiveInfinity, j => Share(j, min));
            }

            if (ratio.MaxShareOfDm is { } max)
            {
                Row(double.NegativeInfinity, 0, j => Share(j, max));
            }
        }

        var status = solver.Solve();
        return (status, status == Solver.ResultStatus.OPTIMAL ? objective.Value() : double.NaN);
    }
}
