using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;
using Google.OrTools.LinearSolver;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// An independent search for the least-cost ration over the full NASEM model, written here from the request's meaning
/// and not through the library's linearisation or model builder: a penalty sequential LP (Griffith and Stewart 1961)
/// from several starting mixes with a small trust region. Each round takes the slopes of every enforced requirement
/// and supply by finite differences of the full model (one evaluation per feed), solves an elastic LP (every row may
/// give at a large price, so a round always has an answer) with each feed within ± step of the current point, and
/// moves there; the step halves after a ration the full model does not confirm. A ration is confirmed by the
/// product's rule: every enforced requirement at ≥ 99 % of its target and ≤ 101 % of a maximum, the guard rails met.
/// The defaults it enforces are the documented ones (docs/formulation.md), written out again here.
/// </summary>
internal sealed class FullModelSearch
{
    private const double Tolerance = 0.01;
    private const double DifferenceStepKg = 0.01;
    private const int Rounds = 8;

    private readonly Feed[] _feeds;
    private readonly double[] _price;
    private readonly double[] _upper;
    private readonly DairyAnimal _animal;
    private readonly EquationSelection _evaluation;
    private readonly double _intake;
    private readonly (DairyBalances.Pair Pair, double? MaxPercent)[] _enforced;
    private readonly List<(double[] PerKg, double Min, double Max)> _linearRails = [];
    private readonly bool _closeUp;

    public FullModelSearch(AnimalCases.Case c)
    {
        _feeds = c.Feeds;
        _price = c.PricePerKgDm;
        _upper = c.MaxKgDm;
        var request = c.Request;
        _animal = DairyAnimalDescriptions.ToAnimal(request.Animal!, request.Environment) with { TargetDryMatterIntakeKg = null };
        _evaluation = EquationSelection.Default with { DmiEquation = 0, MilkProductionEquation = 0 };
        var state = _animal.State;
        // Intake: the request's, or the NASEM prediction from the animal alone (Eq. 2-1, DMIn_eqn 8; heifers DMIn_eqn 2).
        _intake = request.DryMatterIntakeKg?.Min ?? DairyModel.Evaluate(new DairyInput(_animal,
            EquationSelection.Default with { DmiEquation = state == PhysiologicalState.LactatingCow ? 8 : 2 },
            [.. _feeds.Select(f => new DietEntry(f, 1))])).DryMatterIntakeKg;
        _enforced = [.. DairyBalances.Pairs
            .Where(p => p.Nutrient != "NEL" && (p.Group != DairyBalances.NutrientGroup.AminoAcid || p.Nutrient is "Lys" or "Met"))
            .Select(p => (p, p.Nutrient switch { "ME" => (double?)104, "MP" => state == PhysiologicalState.DryCow ? 150 : 110, _ => null }))];
        _closeUp = state == PhysiologicalState.DryCow && _animal.DaysPregnant >= _animal.GestationLengthDays - 21;

        // Concentrations exactly linear in the feeds: Σ x·v between min·Σx and max·Σx.
        double[] Column(Func<Feed, double> value) => [.. _feeds.Select(value)];
        double V(Feed f, FeedNutrient n) => f.OrZero(n);
        _linearRails.Add((Column(f => V(f, FeedNutrient.Fd_NDF) * (100 - V(f, FeedNutrient.Fd_Conc)) / 100), 19, double.PositiveInfinity));
        _linearRails.Add((Column(f => V(f, FeedNutrient.Fd_NDF)), 25, double.PositiveInfinity));
        _linearRails.Add((Column(f => V(f, FeedNutrient.Fd_St)), double.NegativeInfinity, 30));
        _linearRails.Add((Column(f => V(f, FeedNutrient.Fd_FA)), double.NegativeInfinity, 6));
        _linearRails.Add((Column(f => V(f, FeedNutrient.Fd_CP)), state == PhysiologicalState.LactatingCow ? 15 : double.NegativeInfinity, state switch
        {
            PhysiologicalState.LactatingCow => 18,
            PhysiologicalState.DryCow => 15,
            _ => 17,
        }));
        // NRC (2005) maximum tolerable concentrations: mg/kg DM, S K Mg in % DM.
        foreach (var (nutrient, limit) in new[]
                 {
                     (FeedNutrient.Fd_Co, 25.0), (FeedNutrient.Fd_Cu, 40), (FeedNutrient.Fd_Fe, 500), (FeedNutrient.Fd_I, 50), (FeedNutrient.Fd_Mn, 2000),
                     (FeedNutrient.Fd_Mo, 5), (FeedNutrient.Fd_Se, 5), (FeedNutrient.Fd_Zn, 500), (FeedNutrient.Fd_S, 0.4), (FeedNutrient.Fd_K, 2),
                     (FeedNutrient.Fd_Mg, 0.6),
                 })
        {
            _linearRails.Add((Column(f => V(f, nutrient)), double.NegativeInfinity, limit));
        }

        _linearRails.Add((Column(f => f.Category is "Vitamin/Mineral" or "Additive" ? V(f, FeedNutrient.Fd_Se) : 0), double.NegativeInfinity, 0.3));
        // Ca:P between 1.2 and 4: Ca − r·P ≥ 0 and ≤ 0.
        _linearRails.Add((Column(f => V(f, FeedNutrient.Fd_Ca) - 1.2 * V(f, FeedNutrient.Fd_P)), 0, double.PositiveInfinity));
        _linearRails.Add((Column(f => V(f, FeedNutrient.Fd_Ca) - 4 * V(f, FeedNutrient.Fd_P)), double.NegativeInfinity, 0));
        if (_closeUp)
        {
            // DCAD, mEq/kg DM (NASEM 2021 Ch. 7): 10·(K/0.039 + Na/0.023 − Cl/0.0355 − S/0.016), at most +100.
            _linearRails.Add((Column(f => 10 * (V(f, FeedNutrient.Fd_K) / 0.039 + V(f, FeedNutrient.Fd_Na) / 0.023 - V(f, FeedNutrient.Fd_Cl) / 0.0355
                                              - V(f, FeedNutrient.Fd_S) / 0.016)), double.NegativeInfinity, 100));
        }
    }

    public double Intake => _intake;

    /// <summary>The cheapest confirmed ration found from <paramref name="starts"/> random mixes (and the extra points given), or null.</summary>
    public double? Search(int starts, int seed, IEnumerable<double[]>? extraStarts = null)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, starts).Select(_ => RandomMix(random)).Concat(extraStarts ?? []).ToList();
        double? best = null;
        foreach (var start in points)
        {
            var found = FromStart(start);
            if (found is { } cost && (best is null || cost < best))
            {
                best = cost;
            }
        }

        return best;
    }

    /// <summary>The full model's verdict on a ration: confirmed or not.</summary>
    public bool Confirmed(double[] x)
    {
        var dm = x.Sum();
        if (Math.Abs(dm - _intake) > Tolerance * _intake)
        {
            return false;
        }

        var full = Evaluate(x);
        foreach (var (pair, max) in _enforced)
        {
            var required = full.Nasem.GetValueOrDefault(pair.RequirementVariable, double.NaN);
            var supplied = full.Nasem.GetValueOrDefault(pair.SupplyVariable, double.NaN);
            if (!double.IsFinite(required) || !double.IsFinite(supplied) || required <= 0)
            {
                continue;
            }

            if (supplied < required * (1 - Tolerance) || max is { } m && supplied > required * m / 100 * (1 + Tolerance))
            {
                return false;
            }
        }

        if (full["An_RDPbal_g"] < -Tolerance * full["An_RDPIn_g"])
        {
            return false;
        }

        foreach (var (perKg, min, max) in _linearRails)
        {
            var level = perKg.Select((v, j) => v * x[j]).Sum() / dm;
            var slack = 1e-6 * Math.Max(1, Math.Abs(double.IsFinite(min) ? min : max));
            if (level < min - slack || level > max + slack)
            {
                return false;
            }
        }

        return true;
    }

    public double Cost(double[] x) => x.Select((kg, j) => kg * _price[j]).Sum();

    private double? FromStart(double[] x)
    {
        double? best = null;
        var step = 0.5;
        for (var round = 0; round < Rounds; round++)
        {
            var y = Step(x, step);
            if (y is null)
            {
                break;
            }

            if (Confirmed(y))
            {
                var cost = Cost(y);
                best = best is null ? cost : Math.Min(best.Value, cost);
                step = Math.Min(step * 1.5, 2);
            }
            else
            {
                step = Math.Max(step / 2, 0.02);
            }

            var moved = y.Select((v, j) => Math.Abs(v - x[j])).Max();
            x = y;
            if (moved < 1e-5)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>One elastic LP round at <paramref name="x"/> with the feeds within ± <paramref name="step"/> kg DM.</summary>
    private double[]? Step(double[] x, double step)
    {
        var n = _feeds.Length;
        var at = Evaluate(x);
        var slopes = new (double[] Supply, double[] Requirement)[_enforced.Length];
        for (var k = 0; k < _enforced.Length; k++)
        {
            slopes[k] = (new double[n], new double[n]);
        }

        var rdpSlope = new double[n];
        for (var j = 0; j < n; j++)
        {
            var h = x[j] + DifferenceStepKg <= _upper[j] ? DifferenceStepKg : -Math.Min(DifferenceStepKg, x[j]);
            if (Math.Abs(h) < 1e-9)
            {
                continue;
            }

            var moved = (double[])x.Clone();
            moved[j] += h;
            var there = Evaluate(moved);
            for (var k = 0; k < _enforced.Length; k++)
            {
                var pair = _enforced[k].Pair;
                slopes[k].Supply[j] = (Value(there, pair.SupplyVariable) - Value(at, pair.SupplyVariable)) / h;
                slopes[k].Requirement[j] = (Value(there, pair.RequirementVariable) - Value(at, pair.RequirementVariable)) / h;
            }

            rdpSlope[j] = (there["An_RDPbal_g"] - at["An_RDPbal_g"]) / h;
        }

        using var solver = Solver.CreateSolver("GLOP");
        var penalty = 1000 * Math.Max(1, _price.Max());
        var y = new Variable[n];
        for (var j = 0; j < n; j++)
        {
            y[j] = solver.MakeNumVar(Math.Max(0, x[j] - step), Math.Min(_upper[j], x[j] + step), $"y{j}");
        }

        var objective = solver.Objective();
        for (var j = 0; j < n; j++)
        {
            objective.SetCoefficient(y[j], _price[j]);
        }

        Constraint Elastic(double lower, double upper, double scale)
        {
            var row = solver.MakeConstraint(lower, upper);
            if (double.IsFinite(lower))
            {
                var up = solver.MakeNumVar(0, double.PositiveInfinity, "");
                row.SetCoefficient(up, 1);
                objective.SetCoefficient(up, penalty / Math.Max(scale, 1e-9));
            }

            if (double.IsFinite(upper))
            {
                var down = solver.MakeNumVar(0, double.PositiveInfinity, "");
                row.SetCoefficient(down, -1);
                objective.SetCoefficient(down, penalty / Math.Max(scale, 1e-9));
            }

            return row;
        }

        var intake = Elastic(_intake, _intake, _intake);
        foreach (var v in y)
        {
            intake.SetCoefficient(v, 1);
        }

        for (var k = 0; k < _enforced.Length; k++)
        {
            var (pair, max) = _enforced[k];
            var supplied = Value(at, pair.SupplyVariable);
            var required = Value(at, pair.RequirementVariable);
            if (!double.IsFinite(required) || !double.IsFinite(supplied) || required <= 0)
            {
                continue;
            }

            // supply(y) − share·requirement(y) ≥ 0, each to first order at x.
            foreach (var (share, isMax) in max is { } m ? new[] { (1.0, false), (m / 100, true) } : [(1.0, false)])
            {
                var constant = supplied - share * required;
                var coefficients = new double[n];
                for (var j = 0; j < n; j++)
                {
                    coefficients[j] = slopes[k].Supply[j] - share * slopes[k].Requirement[j];
                    constant -= coefficients[j] * x[j];
                }

                var row = isMax ? Elastic(double.NegativeInfinity, -constant, required) : Elastic(-constant, double.PositiveInfinity, required);
                for (var j = 0; j < n; j++)
                {
                    row.SetCoefficient(y[j], coefficients[j]);
                }
            }
        }

        var rdp = Elastic(-(at["An_RDPbal_g"] - rdpSlope.Select((s, j) => s * x[j]).Sum()), double.PositiveInfinity, 100);
        for (var j = 0; j < n; j++)
        {
            rdp.SetCoefficient(y[j], rdpSlope[j]);
        }

        foreach (var (perKg, min, max) in _linearRails)
        {
            foreach (var (limit, isMin) in new[] { (min, true), (max, false) })
            {
                if (!double.IsFinite(limit))
                {
                    continue;
                }

                var row = isMin ? Elastic(0, double.PositiveInfinity, Math.Max(Math.Abs(limit), 1) * _intake)
                    : Elastic(double.NegativeInfinity, 0, Math.Max(Math.Abs(limit), 1) * _intake);
                for (var j = 0; j < n; j++)
                {
                    row.SetCoefficient(y[j], perKg[j] - limit);
                }
            }
        }

        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return null;
        }

        return [.. y.Select(v => Math.Max(0, v.SolutionValue()))];
    }

    private double[] RandomMix(Random random)
    {
        var n = _feeds.Length;
        var x = new double[n];
        // A few feeds carry the mix (as a nutritionist's first draft would); minerals at a pinch each.
        var weights = _feeds.Select(f => f.Category == "Vitamin/Mineral" || f.Category == "Additive" ? 0.002 : random.NextDouble() < 0.4 ? -Math.Log(1 - random.NextDouble()) : 0).ToArray();
        var total = weights.Sum();
        for (var j = 0; j < n; j++)
        {
            x[j] = Math.Min(_upper[j], _intake * weights[j] / total);
        }

        return x;
    }

    /// <summary>The full model at <paramref name="x"/>; feeds at 0 kg add nothing to the diet's sums and are left out (the
    /// model's cost grows with the diet's length).</summary>
    private DairyResult Evaluate(double[] x)
    {
        var diet = new List<DietEntry>();
        for (var j = 0; j < x.Length; j++)
        {
            if (x[j] > 0)
            {
                diet.Add(new DietEntry(_feeds[j], x[j]));
            }
        }

        return DairyModel.Evaluate(new DairyInput(_animal, _evaluation, diet));
    }

    private static double Value(DairyResult result, string variable) => result.Nasem.GetValueOrDefault(variable, double.NaN);
}
