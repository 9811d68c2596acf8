namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>One comparison of the Hanwoo cases under one requirement model, with bootstrap 95 % intervals (n is small).</summary>
/// <param name="Quantity">What is compared (e.g. "ME-allowable live gain, kg/d").</param>
/// <param name="Model">"KFS" or "NRC 2000".</param>
public sealed record HanwooComparisonRow(string Quantity, string Model, FitStatistics Statistics, BootstrapIntervals Intervals);

/// <summary>The Hanwoo steers of the evaluation under both requirement models, on a live-gain basis: the Korean Feeding
/// Standard (allowable gains by inverting its requirement equations) and NRC 2000 (allowable shrunk gains ÷ 0.96).</summary>
public static class HanwooModelComparison
{
    public static IReadOnlyList<HanwooComparisonRow> Compare(IReadOnlyList<CasePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var cases = predictions.Where(p => p is { Class: AnimalClass.HanwooSteer, Kfs: not null, ObservedGainKgPerDay: not null }).ToList();
        if (cases.Count < 2)
        {
            return [];
        }

        var gain = cases.Select(p => p.ObservedGainKgPerDay!.Value).ToList();
        var intake = cases.Select(p => p.ObservedDryMatterIntakeKg).ToList();
        HanwooComparisonRow Row(string quantity, string model, List<double> observed, Func<CasePrediction, double> predicted)
        {
            var p = cases.Select(predicted).ToList();
            return new HanwooComparisonRow(quantity, model, FitStatistics.Compute(observed, p), BootstrapIntervals.Compute(observed, p));
        }

        return
        [
            Row("DMI, kg DM/d", "KFS", intake, p => p.Kfs!.PredictedDryMatterIntakeKg),
            Row("DMI, kg DM/d", "NRC 2000", intake, p => p.PredictedDryMatterIntakeKg),
            Row("Energy-allowable live gain, kg/d", "KFS", gain, p => p.Kfs!.EnergyAllowableGainKgPerDay),
            Row("Energy-allowable live gain, kg/d", "NRC 2000", gain, p => p.Kfs!.NrcEnergyAllowableLiveGainKgPerDay),
            Row("Protein-allowable live gain, kg/d (KFS: CP; NRC: MP)", "KFS", gain, p => p.Kfs!.ProteinAllowableGainKgPerDay),
            Row("Protein-allowable live gain, kg/d (KFS: CP; NRC: MP)", "NRC 2000", gain, p => p.Kfs!.NrcProteinAllowableLiveGainKgPerDay),
        ];
    }
}
