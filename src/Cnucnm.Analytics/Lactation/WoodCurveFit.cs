using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearRegression;

namespace Cnucnm.Analytics.Lactation;

/// <summary>Wood's curve fitted to a cow's (or a group's) milk tests, with the fit quality, the standard errors of
/// a, b and c, and whether Levenberg–Marquardt converged.</summary>
public sealed record WoodCurveFit(WoodCurve Curve, CurveFitQuality Quality, WoodCurve StandardErrors, bool Converged)
{
    /// <summary>Fewest milk tests for three parameters with a residual degree of freedom.</summary>
    public const int MinimumTests = 4;

    /// <summary>
    /// Fits y = a·t^b·e^(−c·t) (Wood 1967) by nonlinear least squares on the kg/d scale. The start is the log-linear
    /// least-squares fit ln y = ln a + b·ln t − c·t (Wood 1967 fitted this form), solved by QR decomposition.
    /// </summary>
    public static WoodCurveFit Fit(IReadOnlyList<MilkTest> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        if (tests.Count < MinimumTests)
        {
            throw new ArgumentException($"at least {MinimumTests} milk tests are needed, got {tests.Count}.", nameof(tests));
        }

        if (tests.Any(t => !(t.DaysInMilk > 0) || !(t.MilkKgPerDay > 0) || !double.IsFinite(t.DaysInMilk) || !double.IsFinite(t.MilkKgPerDay)))
        {
            throw new ArgumentException("every milk test needs days in milk > 0 and milk > 0 kg/d.", nameof(tests));
        }

        var start = LogLinearStart(tests);
        var fit = NonlinearLeastSquares.Fit(
            (p, t) => p[0] * Math.Pow(t, p[1]) * Math.Exp(-p[2] * t),
            (p, t) =>
            {
                var shape = Math.Pow(t, p[1]) * Math.Exp(-p[2] * t);
                return Vector<double>.Build.DenseOfArray([shape, p[0] * shape * Math.Log(t), -p[0] * shape * t]);
            },
            tests.Select(t => t.DaysInMilk).ToList(),
            tests.Select(t => t.MilkKgPerDay).ToList(),
            [start.A, start.B, start.C]);

        var curve = new WoodCurve(fit.Parameters[0], fit.Parameters[1], fit.Parameters[2]);
        var quality = CurveFitQuality.Of(tests.Select(t => t.MilkKgPerDay).ToList(),
            tests.Select(t => curve.MilkKgPerDay(t.DaysInMilk)).ToList(), fit.Iterations);
        return new WoodCurveFit(curve, quality, new WoodCurve(fit.StandardErrors[0], fit.StandardErrors[1], fit.StandardErrors[2]), fit.Converged);
    }

    /// <summary>Wood (1967): ln y = ln a + b·ln t − c·t is linear in (ln a, b, c).</summary>
    private static WoodCurve LogLinearStart(IReadOnlyList<MilkTest> tests)
    {
        var design = Matrix<double>.Build.DenseOfRowArrays(tests.Select(t => new[] { 1, Math.Log(t.DaysInMilk), -t.DaysInMilk }));
        var response = Vector<double>.Build.DenseOfEnumerable(tests.Select(t => Math.Log(t.MilkKgPerDay)));
        var p = MultipleRegression.QR(design, response);
        return new WoodCurve(Math.Exp(p[0]), p[1], p[2]);
    }
}
