namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>
/// Agreement of predicted with observed values (Tedeschi 2006, <i>Assessment of the adequacy of mathematical models</i>,
/// Agric. Syst. 89:225–247). Variances and the covariance are population moments (divided by n), as in the
/// decomposition of the mean square error of prediction and in Lin's estimator.
/// </summary>
/// <param name="Count">Number of observed–predicted pairs.</param>
/// <param name="MeanBias">Mean of predicted − observed (positive: the model over-predicts).</param>
/// <param name="Rmspe">Root of the mean square error of prediction, MSPE = Σ(O − P)² / n, in the unit of the data.</param>
/// <param name="RmspePercentOfObservedMean">RMSPE as % of the observed mean.</param>
/// <param name="MeanBiasPercentOfMspe">Share of MSPE from mean bias, (P̄ − Ō)², % (Theil's U<sup>M</sup>).</param>
/// <param name="SlopePercentOfMspe">Share from the slope of observed on predicted differing from 1, (S<sub>P</sub> − r S<sub>O</sub>)², % (U<sup>R</sup>).</param>
/// <param name="RandomPercentOfMspe">Share from random error, (1 − r²) S<sub>O</sub>², % (U<sup>D</sup>).</param>
/// <param name="PearsonR">Pearson correlation of observed and predicted; NaN when either does not vary.</param>
/// <param name="ConcordanceCorrelation">Lin's (1989) concordance correlation coefficient.</param>
public sealed record FitStatistics(
    int Count,
    double MeanObserved,
    double MeanPredicted,
    double MeanBias,
    double Rmspe,
    double RmspePercentOfObservedMean,
    double MeanBiasPercentOfMspe,
    double SlopePercentOfMspe,
    double RandomPercentOfMspe,
    double PearsonR,
    double ConcordanceCorrelation)
{
    /// <summary>The statistics of paired observations; <paramref name="observed"/>[i] goes with <paramref name="predicted"/>[i].</summary>
    public static FitStatistics Compute(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(predicted);
        if (observed.Count != predicted.Count || observed.Count == 0)
        {
            throw new ArgumentException("Observed and predicted must be non-empty and of the same length.", nameof(predicted));
        }

        if (observed.Concat(predicted).Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException("Observed and predicted values must be finite.", nameof(predicted));
        }

        var n = observed.Count;
        var meanObserved = observed.Average();
        var meanPredicted = predicted.Average();
        double varianceObserved = 0, variancePredicted = 0, covariance = 0, mspe = 0;
        for (var i = 0; i < n; i++)
        {
            var o = observed[i] - meanObserved;
            var p = predicted[i] - meanPredicted;
            varianceObserved += o * o;
            variancePredicted += p * p;
            covariance += o * p;
            mspe += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
        }

        varianceObserved /= n;
        variancePredicted /= n;
        covariance /= n;
        mspe /= n;

        // Tedeschi (2006), decomposition of the MSEP (Theil 1961; Bibby and Toutenburg 1977): MSPE = (P̄ − Ō)² + (S_P − r S_O)² + (1 − r²) S_O².
        // With b = cov / S_P² (slope of observed on predicted) the slope term is S_P² (1 − b)² and the random term S_O² − b² S_P²;
        // when predictions do not vary, b is taken as 0: no slope term, all variance of the observations is random.
        var meanTerm = (meanPredicted - meanObserved) * (meanPredicted - meanObserved);
        var slopeOfObservedOnPredicted = variancePredicted > 0 ? covariance / variancePredicted : 0;
        var slopeTerm = variancePredicted > 0 ? variancePredicted * (1 - slopeOfObservedOnPredicted) * (1 - slopeOfObservedOnPredicted) : 0;
        var randomTerm = Math.Max(0, varianceObserved - slopeOfObservedOnPredicted * slopeOfObservedOnPredicted * variancePredicted);
        double Share(double term) => mspe > 0 ? term / mspe * 100 : double.NaN;

        var pearson = varianceObserved > 0 && variancePredicted > 0 ? covariance / Math.Sqrt(varianceObserved * variancePredicted) : double.NaN;

        // Lin (1989, Biometrics 45:255–268), estimator with moments divided by n: ρc = 2 S_OP / (S_O² + S_P² + (Ō − P̄)²).
        var cccDenominator = varianceObserved + variancePredicted + meanTerm;
        var ccc = cccDenominator > 0 ? 2 * covariance / cccDenominator : double.NaN;

        var rmspe = Math.Sqrt(mspe);
        return new FitStatistics(n, meanObserved, meanPredicted, meanPredicted - meanObserved, rmspe,
            meanObserved != 0 ? rmspe / Math.Abs(meanObserved) * 100 : double.NaN, Share(meanTerm), Share(slopeTerm), Share(randomTerm), pearson, ccc);
    }
}
