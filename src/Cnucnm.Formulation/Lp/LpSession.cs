using Google.OrTools.LinearSolver;

namespace Cnucnm.Formulation.Lp;

/// <summary>
/// Successive solves of LPs of one shape, as in the rounds of one animal-mode formulation (the same feeds and rows, the
/// linearised coefficients and the bounds moving): one GLOP model is kept between solves and changed in place, only where a
/// coefficient or bound changed, so GLOP's dual simplex starts from the previous round's basis instead of from scratch.
/// Measured on 60 variables × 40 rows: 0.20 ms a re-solve with every coefficient changed against 1.08 ms to build and
/// solve anew (this machine, same run). An LP of another shape, or with integers, is built anew; a solve that fails falls
/// back to <see cref="LpSolver.Solve"/> (fresh model, then GLOP's defaults, then CLP). Not thread-safe: one per formulation.
/// </summary>
internal sealed class LpSession : IDisposable
{
    private Solver? _solver;
    private Variable[] _variables = [];
    private Constraint[] _constraints = [];
    private double[] _lower = [];
    private double[] _upper = [];
    private double[] _cost = [];
    private double[][] _coefficients = [];
    private double[] _rowLower = [];
    private double[] _rowUpper = [];

    public LpResult Solve(LinearProgram lp)
    {
        ArgumentNullException.ThrowIfNull(lp);
        if (lp.HasIntegers)
        {
            return LpSolver.Solve(lp);
        }

        if (_solver is null || _variables.Length != lp.VariableCount || _constraints.Length != lp.Rows.Count)
        {
            Load(lp);
        }
        else
        {
            Update(lp);
        }

        var result = LpSolver.Run(_solver!, _variables, _constraints, lp, LpSolver.Glop);
        if (result.Status != LpStatus.Failed)
        {
            return result;
        }

        // Numerical trouble from the kept basis: start the next solve from scratch, and this one with every fallback.
        Reset();
        return LpSolver.Solve(lp);
    }

    public void Dispose() => Reset();

    private void Reset()
    {
        _solver?.Dispose();
        _solver = null;
    }

    private void Load(LinearProgram lp)
    {
        Reset();
        var n = lp.VariableCount;
        _solver = Solver.CreateSolver(LpSolver.Glop) ?? throw new InvalidOperationException("OR-Tools solver GLOP is not available.");
        _solver.SetSolverSpecificParametersAsString(LpSolver.FastGlopParameters);
        (_variables, _lower, _upper, _cost) = (new Variable[n], new double[n], new double[n], new double[n]);
        var objective = _solver.Objective();
        for (var j = 0; j < n; j++)
        {
            (_lower[j], _upper[j], _cost[j]) = (lp.Lower[j], Math.Max(lp.Upper[j], lp.Lower[j]), lp.Cost[j]);
            _variables[j] = _solver.MakeNumVar(_lower[j], _upper[j], "");
            objective.SetCoefficient(_variables[j], _cost[j]);
        }

        objective.SetMinimization();
        var m = lp.Rows.Count;
        (_constraints, _coefficients, _rowLower, _rowUpper) = (new Constraint[m], new double[m][], new double[m], new double[m]);
        for (var r = 0; r < m; r++)
        {
            var row = lp.Rows[r];
            (_rowLower[r], _rowUpper[r]) = (row.Lower, row.Upper);
            _constraints[r] = _solver.MakeConstraint(row.Lower, row.Upper, "");
            _coefficients[r] = new double[n];
            for (var k = 0; k < row.Index.Length; k++)
            {
                _coefficients[r][row.Index[k]] += row.Value[k];
            }

            for (var j = 0; j < n; j++)
            {
                if (_coefficients[r][j] != 0)
                {
                    _constraints[r].SetCoefficient(_variables[j], _coefficients[r][j]);
                }
            }
        }
    }

    private void Update(LinearProgram lp)
    {
        var n = lp.VariableCount;
        var objective = _solver!.Objective();
        for (var j = 0; j < n; j++)
        {
            var (lower, upper) = (lp.Lower[j], Math.Max(lp.Upper[j], lp.Lower[j]));
            if (lower != _lower[j] || upper != _upper[j])
            {
                (_lower[j], _upper[j]) = (lower, upper);
                _variables[j].SetBounds(lower, upper);
            }

            if (lp.Cost[j] != _cost[j])
            {
                _cost[j] = lp.Cost[j];
                objective.SetCoefficient(_variables[j], _cost[j]);
            }
        }

        var values = new double[n];
        for (var r = 0; r < lp.Rows.Count; r++)
        {
            var row = lp.Rows[r];
            if (row.Lower != _rowLower[r] || row.Upper != _rowUpper[r])
            {
                (_rowLower[r], _rowUpper[r]) = (row.Lower, row.Upper);
                _constraints[r].SetBounds(row.Lower, row.Upper);
            }

            Array.Clear(values);
            for (var k = 0; k < row.Index.Length; k++)
            {
                values[row.Index[k]] += row.Value[k];
            }

            var kept = _coefficients[r];
            for (var j = 0; j < n; j++)
            {
                if (values[j] != kept[j])
                {
                    kept[j] = values[j];
                    _constraints[r].SetCoefficient(_variables[j], values[j]);
                }
            }
        }
    }
}
