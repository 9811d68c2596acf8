namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>A 95 % confidence interval (percentile bootstrap).</summary>
public sealed record Interval(double Lower, double Upper);

/// <summary>Percentile bootstrap 95 % confidence intervals of mean bias, RMSPE and CCC (Efron and Tibshirani 1993,
/// <i>An Introduction to the Bootstrap</i>, Ch. 13): the observed–predicted pairs are resampled with replacement, the
/// statistics recomputed, and the 2.5th and 97.5th percentiles reported. Fixed seed: the report is reproducible.</summary>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="ConcordanceResamples">Resamples in which CCC was defined (a resample of one repeated pair has none).</param>
public sealed record BootstrapIntervals(int Resamples, Interval MeanBias, Interval Rmspe, Interval Concordance, int ConcordanceResamples)
{
    public const int DefaultResamples = 2000;

    public const int DefaultSeed = 20261207;

    public static BootstrapIntervals Compute(IReadOnlyList<double> observed, IReadOnlyList<double> predicted, int resamples = DefaultResamples,
        int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(predicted);
        if (observed.Count != predicted.Count || observed.Count < 2)
        {
            throw new ArgumentException("The bootstrap needs at least two pairs of equal-length observed and predicted values.", nameof(predicted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 100);
        var random = new Random(seed);
        var n = observed.Count;
        var bias = new List<double>(resamples);
        var rmspe = new List<double>(resamples);
        var ccc = new List<double>(resamples);
        var o = new double[n];
        var p = new double[n];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                var k = random.Next(n);
                o[i] = observed[k];
                p[i] = predicted[k];
            }

            var s = FitStatistics.Compute(o, p);
            bias.Add(s.MeanBias);
            rmspe.Add(s.Rmspe);
            if (double.IsFinite(s.ConcordanceCorrelation))
            {
                ccc.Add(s.ConcordanceCorrelation);
            }
        }

        return new BootstrapIntervals(resamples, Percentiles(bias), Percentiles(rmspe), Percentiles(ccc), ccc.Count);
    }

    /// <summary>2.5th and 97.5th percentiles, linear interpolation between order statistics (Hyndman and Fan 1996, type 7).</summary>
    public static Interval Percentiles(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Interval(double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        return new Interval(Quantile(sorted, 0.025), Quantile(sorted, 0.975));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }
}
