using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;
using Google.OrTools.LinearSolver;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// An independent search for the least-cost ration over the full NASEM model, written here from the request's meaning
/// and not through the library's linearisation, model builder or LP solver: a penalty sequential LP (Griffith and
/// Stewart 1961) from several starting mixes with a small trust region. Each round takes the slopes of every enforced
/// requirement and supply by finite differences of the full model (one evaluation per feed), solves an elastic LP with
/// HiGHS (every row, divided by its scale, may give at one large price per relative unit, so a round always has an
/// answer) with each feed within ± step of the current point, and moves there; the step halves after a ration the full
/// model does not confirm. A start ends after 8 rounds, when it no longer moves, or when a round from a confirmed ration
/// confirms one no cheaper by 0.01 % (first-order stationary within the step). A ration is confirmed by the
/// product's rule: every enforced requirement at ≥ 99.8 % of its target and ≤ 100.2 % of a maximum, the guard rails met (the ruminal N balance against microbial CP before its cap at RDP N, <c>An_RDPbal_uncapped_g</c>).
/// The defaults it enforces are the documented ones (docs/formulation.md), written out again here.
/// </summary>
internal sealed class FullModelSearch
{
    private const double Tolerance = 0.002;
    private const double DifferenceStepKg = 0.01;
    private const int Rounds = 8;

    /// <summary>A round from a confirmed ration that saves less than this share ends the start (a twentieth of the test's 0.2 %).</summary>
    private const double StationaryShare = 1e-4;

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
            var required = Value(full, pair.RequirementVariable);
            var supplied = Value(full, pair.SupplyVariable);
            if (!double.IsFinite(required) || !double.IsFinite(supplied) || required <= 0)
            {
                continue;
            }

            if (supplied < required * (1 - Tolerance) || max is { } m && supplied > required * m / 100 * (1 + Tolerance))
            {
                return false;
            }
        }

        if (full["An_RDPbal_uncapped_g"] < -Tolerance * full["An_RDPIn_g"])
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
        double? confirmedCost = null;
        for (var round = 0; round < Rounds; round++)
        {
            var y = Step(x, step);
            if (y is null)
            {
                break;
            }

            double? cost = Confirmed(y) ? Cost(y) : null;
            if (cost is { } c)
            {
                best = best is null ? c : Math.Min(best.Value, c);
                step = Math.Min(step * 1.5, 2);
            }
            else
            {
                step = Math.Max(step / 2, 0.02);
            }

            var moved = y.Select((v, j) => Math.Abs(v - x[j])).Max();
            // Stationary: from a confirmed ration, the round (slopes exact there) found no confirmed ration cheaper by a hundredth
            // of a percent within the step, or did not move. Further rounds would repeat the same first-order test.
            var stationary = confirmedCost is { } before && cost is { } after && after >= before * (1 - StationaryShare);
            confirmedCost = cost;
            x = y;
            if (moved < 1e-5 || stationary)
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
            // A feed held at 0 kg needs no slope; one at its maximum is differenced downwards.
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
                slopes[k].Supply[j] = Slope(Value(there, pair.SupplyVariable), Value(at, pair.SupplyVariable), h);
                slopes[k].Requirement[j] = Slope(Value(there, pair.RequirementVariable), Value(at, pair.RequirementVariable), h);
            }

            rdpSlope[j] = Slope(there["An_RDPbal_uncapped_g"], at["An_RDPbal_uncapped_g"], h);
        }

        // HiGHS, not the product's GLOP: another LP code (GLOP stalled on some of these elastic rounds), so the search does
        // not share the product's solver either.
        using var solver = Solver.CreateSolver("HIGHS") ?? throw new InvalidOperationException("OR-Tools HiGHS is not available.");
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

        // Each row is divided by its scale (the requirement, the limit × intake) so that coefficients are of order 1 and one
        // price per relative unit of slack holds for every row: raw rows in IU or mg beside rows in kg made GLOP crawl.
        void Elastic(double lower, double upper, double scale, double[] coefficients)
        {
            var divisor = Math.Max(scale, 1e-9);
            var row = solver.MakeConstraint(lower / divisor, upper / divisor);
            for (var j = 0; j < n; j++)
            {
                row.SetCoefficient(y[j], coefficients[j] / divisor);
            }

            if (double.IsFinite(lower))
            {
                var up = solver.MakeNumVar(0, double.PositiveInfinity, "");
                row.SetCoefficient(up, 1);
                objective.SetCoefficient(up, penalty);
            }

            if (double.IsFinite(upper))
            {
                var down = solver.MakeNumVar(0, double.PositiveInfinity, "");
                row.SetCoefficient(down, -1);
                objective.SetCoefficient(down, penalty);
            }
        }

        Elastic(_intake, _intake, _intake, [.. Enumerable.Repeat(1.0, n)]);
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

                if (isMax)
                {
                    Elastic(double.NegativeInfinity, -constant, required, coefficients);
                }
                else
                {
                    Elastic(-constant, double.PositiveInfinity, required, coefficients);
                }
            }
        }

        Elastic(-(at["An_RDPbal_uncapped_g"] - rdpSlope.Select((s, j) => s * x[j]).Sum()), double.PositiveInfinity, Math.Max(100, at["An_RDPIn_g"]), rdpSlope);
        foreach (var (perKg, min, max) in _linearRails)
        {
            var coefficients = new double[n];
            foreach (var (limit, isMin) in new[] { (min, true), (max, false) })
            {
                if (!double.IsFinite(limit))
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    coefficients[j] = perKg[j] - limit;
                }

                var scale = Math.Max(Math.Abs(limit), 1) * _intake;
                if (isMin)
                {
                    Elastic(0, double.PositiveInfinity, scale, coefficients);
                }
                else
                {
                    Elastic(double.NegativeInfinity, 0, scale, coefficients);
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

    /// <summary>A forward difference; a variable the model leaves undefined at one of the points gives no slope (no NaN in a
    /// row or bound).</summary>
    private static double Slope(double there, double at, double h) => double.IsFinite(there - at) ? (there - at) / h : 0;

    private static double Value(DairyResult result, string variable) => result.ValueOrNaN(variable);
}
