using Cnucnm.Formulation;
using Google.OrTools.LinearSolver;

namespace Cnucnm.Benchmarks.Formulation;

/// <summary>
/// An explicit-mode request transcribed straight from its JSON meaning into an OR-Tools LP (no library model
/// builder, no sensitivity report): the independent solve of the formulation tests (with HiGHS) and the
/// baseline of the formulation benchmarks (with GLOP). Shared as source by both projects.
/// </summary>
public static class DirectLp
{
    public static (Solver.ResultStatus Status, double Cost) Solve(FormulationRequest request, string solverId)
    {
        using var solver = Solver.CreateSolver(solverId) ?? throw new InvalidOperationException($"OR-Tools solver {solverId} is not available.");
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
