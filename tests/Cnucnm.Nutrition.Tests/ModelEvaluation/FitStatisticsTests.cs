using CsCheck;
using Cnucnm.Nutrition.ModelEvaluation;

namespace Cnucnm.Nutrition.Tests.ModelEvaluation;

public sealed class FitStatisticsTests
{
    /// <summary>
    /// O = 1, 2, 3, 4; P = 2, 2, 4, 6, by hand: Ō = 2.5, P̄ = 3.5, bias 1; errors 1, 0, 1, 2 → MSPE = 6/4 = 1.5, RMSPE = 1.224745
    /// (48.98979 % of 2.5). Moments over n: S_O² = 5/4, S_P² = 11/4, S_OP = 7/4. Decomposition: mean (3.5 − 2.5)² = 1 → 66.667 %;
    /// slope (S_P − r S_O)² = (S_P² − S_OP)² / S_P² = 1/2.75 → 24.2424 %; random S_O² − S_OP²/S_P² = 1.25 − 3.0625/2.75 = 0.136364
    /// → 9.0909 %. r = 1.75 / √(1.25 × 2.75) = 0.943880; CCC = 2 × 1.75 / (1.25 + 2.75 + 1) = 0.7.
    /// </summary>
    [Fact]
    public void Hand_worked_example_gives_the_bias_rmspe_decomposition_and_concordance()
    {
        var s = FitStatistics.Compute([1, 2, 3, 4], [2, 2, 4, 6]);

        Assert.Equal(4, s.Count);
        Assert.Equal(2.5, s.MeanObserved, 12);
        Assert.Equal(3.5, s.MeanPredicted, 12);
        Assert.Equal(1.0, s.MeanBias, 12);
        Assert.Equal(1.2247449, s.Rmspe, 6);
        Assert.Equal(48.98979, s.RmspePercentOfObservedMean, 4);
        Assert.Equal(66.66667, s.MeanBiasPercentOfMspe, 4);
        Assert.Equal(24.24242, s.SlopePercentOfMspe, 4);
        Assert.Equal(9.09091, s.RandomPercentOfMspe, 4);
        Assert.Equal(0.943880, s.PearsonR, 5);
        Assert.Equal(0.7, s.ConcordanceCorrelation, 12);
    }

    /// <summary>P = O + 1 (pure mean bias): all MSPE from the mean, r = 1; CCC = 2 S² / (2 S² + 1) with S² = 2 for 1..5 → 0.8.</summary>
    [Fact]
    public void A_constant_offset_is_all_mean_bias_and_lowers_concordance_only_through_the_shift()
    {
        var s = FitStatistics.Compute([1, 2, 3, 4, 5], [2, 3, 4, 5, 6]);

        Assert.Equal(1.0, s.Rmspe, 12);
        Assert.Equal(100, s.MeanBiasPercentOfMspe, 9);
        Assert.Equal(0, s.SlopePercentOfMspe, 9);
        Assert.Equal(0, s.RandomPercentOfMspe, 9);
        Assert.Equal(1, s.PearsonR, 12);
        Assert.Equal(0.8, s.ConcordanceCorrelation, 12);
    }

    /// <summary>O = 1..5 predicted by their mean 3: no mean bias, no slope term (predictions do not vary), all random; r undefined, CCC 0.</summary>
    [Fact]
    public void Predicting_the_observed_mean_is_all_random_error_with_zero_concordance()
    {
        var s = FitStatistics.Compute([1, 2, 3, 4, 5], [3, 3, 3, 3, 3]);

        Assert.Equal(Math.Sqrt(2), s.Rmspe, 12);
        Assert.Equal(0, s.MeanBiasPercentOfMspe, 9);
        Assert.Equal(0, s.SlopePercentOfMspe, 9);
        Assert.Equal(100, s.RandomPercentOfMspe, 9);
        Assert.True(double.IsNaN(s.PearsonR));
        Assert.Equal(0, s.ConcordanceCorrelation, 12);
    }

    [Fact]
    public void Perfect_predictions_have_no_error_and_concordance_one()
    {
        var s = FitStatistics.Compute([1.5, 2.5, 7], [1.5, 2.5, 7]);

        Assert.Equal(0, s.Rmspe);
        Assert.True(double.IsNaN(s.MeanBiasPercentOfMspe));
        Assert.Equal(1, s.ConcordanceCorrelation, 12);
    }

    [Fact]
    public void Unpaired_empty_or_non_finite_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => FitStatistics.Compute([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => FitStatistics.Compute([], []));
        Assert.Throws<ArgumentException>(() => FitStatistics.Compute([1, double.NaN], [1, 2]));
    }

    [Fact]
    public void The_three_components_add_up_to_the_mspe_and_concordance_never_exceeds_the_correlation()
    {
        Gen.Double[-50, 50].Array[3, 30].SelectMany(o => Gen.Double[-50, 50].Array[o.Length].Select(p => (o, p)))
            .Sample(x =>
            {
                var s = FitStatistics.Compute(x.o, x.p);
                var mspe = x.o.Zip(x.p, (o, p) => (o - p) * (o - p)).Average();
                Assert.Equal(mspe, s.Rmspe * s.Rmspe, 6);
                if (mspe > 1e-9)
                {
                    Assert.Equal(100, s.MeanBiasPercentOfMspe + s.SlopePercentOfMspe + s.RandomPercentOfMspe, 6);
                }

                if (double.IsFinite(s.PearsonR))
                {
                    Assert.True(Math.Abs(s.ConcordanceCorrelation) <= Math.Abs(s.PearsonR) + 1e-12);
                }
            });
    }
}
