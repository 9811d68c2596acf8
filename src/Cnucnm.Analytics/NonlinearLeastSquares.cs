using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Cnucnm.Analytics;

/// <summary>The fitted parameters of y = f(p, x) by Levenberg–Marquardt nonlinear least squares (MathNet.Numerics),
/// with their asymptotic standard errors.</summary>
internal sealed record NonlinearFit(double[] Parameters, double[] StandardErrors, int Iterations, bool Converged);

/// <summary>Levenberg–Marquardt over MathNet.Numerics' <see cref="LevenbergMarquardtMinimizer"/> with an analytic
/// Jacobian, started from a linearised fit supplied by the caller.</summary>
internal static class NonlinearLeastSquares
{
    public static NonlinearFit Fit(
        Func<Vector<double>, double, double> model,
        Func<Vector<double>, double, Vector<double>> gradient,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        double[] initialGuess)
    {
        var objective = ObjectiveFunction.NonlinearModel(model, gradient,
            Vector<double>.Build.DenseOfEnumerable(x), Vector<double>.Build.DenseOfEnumerable(y));
        var result = new LevenbergMarquardtMinimizer(maximumIterations: 1000)
            .FindMinimum(objective, Vector<double>.Build.DenseOfArray(initialGuess));
        var converged = result.ReasonForExit is ExitCondition.Converged or ExitCondition.RelativeGradient
            or ExitCondition.RelativePoints or ExitCondition.AbsoluteGradient
            && result.MinimizingPoint.All(double.IsFinite);
        return new NonlinearFit(result.MinimizingPoint.ToArray(),
            result.StandardErrors?.ToArray() ?? new double[initialGuess.Length], result.Iterations, converged);
    }
}
