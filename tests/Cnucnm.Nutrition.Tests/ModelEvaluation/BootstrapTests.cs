using Cnucnm.Nutrition.ModelEvaluation;

namespace Cnucnm.Nutrition.Tests.ModelEvaluation;

public sealed class BootstrapTests
{
    [Fact]
    public void A_constant_error_gives_a_degenerate_interval_at_that_error()
    {
        // Every prediction 0.5 above its observation: every resample has bias 0.5 and RMSPE 0.5.
        double[] observed = [1, 2, 3, 4, 5, 6];
        double[] predicted = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5];
        var ci = BootstrapIntervals.Compute(observed, predicted);
        Assert.Equal(0.5, ci.MeanBias.Lower, 12);
        Assert.Equal(0.5, ci.MeanBias.Upper, 12);
        Assert.Equal(0.5, ci.Rmspe.Lower, 12);
        Assert.Equal(0.5, ci.Rmspe.Upper, 12);
    }

    [Fact]
    public void The_interval_brackets_the_estimate_and_is_reproducible()
    {
        double[] observed = [1.58, 1.68, 1.62, 1.23, 1.35, 1.28, 0.52, 0.48, 0.72];
        double[] predicted = [1.44, 1.33, 1.22, 1.01, 0.97, 0.68, 1.17, 0.62, 0.21];
        var estimate = FitStatistics.Compute(observed, predicted);
        var ci = BootstrapIntervals.Compute(observed, predicted);
        Assert.InRange(estimate.MeanBias, ci.MeanBias.Lower, ci.MeanBias.Upper);
        Assert.InRange(estimate.Rmspe, ci.Rmspe.Lower, ci.Rmspe.Upper);
        Assert.InRange(estimate.ConcordanceCorrelation, ci.Concordance.Lower, ci.Concordance.Upper);
        Assert.Equal(ci, BootstrapIntervals.Compute(observed, predicted));
    }

    [Fact]
    public void Percentiles_interpolate_between_order_statistics()
    {
        // 0..100: the 2.5th percentile is 2.5 and the 97.5th is 97.5 (type 7: h = 100 q).
        var interval = BootstrapIntervals.Percentiles([.. Enumerable.Range(0, 101).Select(i => (double)i)]);
        Assert.Equal(2.5, interval.Lower, 12);
        Assert.Equal(97.5, interval.Upper, 12);
    }
}
