namespace Cnucnm.Analytics;

/// <summary>How well a fitted curve reproduces its data: coefficient of determination R² = 1 − SS_res/SS_tot,
/// root mean square error in the unit of the data, and the number of points and Levenberg–Marquardt iterations.</summary>
public sealed record CurveFitQuality(double RSquared, double RootMeanSquareError, int Points, int Iterations)
{
    public static CurveFitQuality Of(IReadOnlyList<double> observed, IReadOnlyList<double> fitted, int iterations)
    {
        var mean = observed.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            residual += Math.Pow(observed[i] - fitted[i], 2);
            total += Math.Pow(observed[i] - mean, 2);
        }

        return new CurveFitQuality(total > 0 ? 1 - residual / total : double.NaN, Math.Sqrt(residual / observed.Count), observed.Count, iterations);
    }
}
