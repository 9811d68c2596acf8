namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>The observed–predicted pairs the evaluation reports.</summary>
public enum Comparison
{
    /// <summary>Predicted DMI (intake equation) vs measured DMI, kg DM/d.</summary>
    DryMatterIntake,

    /// <summary>ME-allowable (NASEM: NE-allowable) gain at the measured intake vs measured ADG, kg/d.</summary>
    EnergyAllowableGain,

    /// <summary>MP-allowable gain at the measured intake vs measured ADG, kg/d.</summary>
    ProteinAllowableGain,

    /// <summary>NE-allowable milk at the measured intake vs measured milk, kg/d.</summary>
    EnergyAllowableMilk,

    /// <summary>MP-allowable milk at the measured intake vs measured milk, kg/d.</summary>
    ProteinAllowableMilk,
}

/// <summary>Statistics of one comparison for one class, or for all classes together (<see cref="Class"/> null).</summary>
public sealed record ComparisonRow(Comparison Comparison, AnimalClass? Class, FitStatistics Statistics);

public static class ValidationSummary
{
    public static IReadOnlyList<Comparison> All { get; } = Enum.GetValues<Comparison>();

    public static string Label(this Comparison comparison) => comparison switch
    {
        Comparison.DryMatterIntake => "DMI, kg DM/d: predicted by the intake equation",
        Comparison.EnergyAllowableGain => "ADG, kg/d: ME-allowable (NASEM: NE-allowable) at the measured DMI",
        Comparison.ProteinAllowableGain => "ADG, kg/d: MP-allowable at the measured DMI",
        Comparison.EnergyAllowableMilk => "Milk, kg/d: NE-allowable at the measured DMI",
        Comparison.ProteinAllowableMilk => "Milk, kg/d: MP-allowable at the measured DMI",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };

    public static string Slug(this Comparison comparison) => comparison switch
    {
        Comparison.DryMatterIntake => "dmi",
        Comparison.EnergyAllowableGain => "adg-me",
        Comparison.ProteinAllowableGain => "adg-mp",
        Comparison.EnergyAllowableMilk => "milk-ne",
        Comparison.ProteinAllowableMilk => "milk-mp",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };

    /// <summary>The observed and predicted value of a case for a comparison; null when the case is not part of it.</summary>
    public static (double Observed, double Predicted)? Pair(this CasePrediction p, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(p);
        return comparison switch
        {
            Comparison.DryMatterIntake => (p.ObservedDryMatterIntakeKg, p.PredictedDryMatterIntakeKg),
            Comparison.EnergyAllowableGain => p.ObservedGainKgPerDay is { } gain ? (gain, p.EnergyAllowableGainKgPerDay) : null,
            Comparison.ProteinAllowableGain => p.ObservedGainKgPerDay is { } gain ? (gain, p.ProteinAllowableGainKgPerDay) : null,
            Comparison.EnergyAllowableMilk => p is { ObservedMilkKgPerDay: { } milk, EnergyAllowableMilkKgPerDay: { } me } ? (milk, me) : null,
            Comparison.ProteinAllowableMilk => p is { ObservedMilkKgPerDay: { } milk, ProteinAllowableMilkKgPerDay: { } mp } ? (milk, mp) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
        };
    }

    /// <summary>For each comparison: one row per class that has pairs (in <see cref="AnimalClass"/> order), then all classes.</summary>
    public static IReadOnlyList<ComparisonRow> Summarise(IReadOnlyList<CasePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var rows = new List<ComparisonRow>();
        foreach (var comparison in All)
        {
            var pairs = predictions.Select(p => (p.Class, Pair: p.Pair(comparison))).Where(x => x.Pair is not null)
                .Select(x => (x.Class, x.Pair!.Value.Observed, x.Pair.Value.Predicted)).ToList();
            if (pairs.Count == 0)
            {
                continue;
            }

            foreach (var cls in Enum.GetValues<AnimalClass>())
            {
                var inClass = pairs.Where(x => x.Class == cls).ToList();
                if (inClass.Count > 0)
                {
                    rows.Add(new ComparisonRow(comparison, cls, FitStatistics.Compute([.. inClass.Select(x => x.Observed)], [.. inClass.Select(x => x.Predicted)])));
                }
            }

            rows.Add(new ComparisonRow(comparison, null, FitStatistics.Compute([.. pairs.Select(x => x.Observed)], [.. pairs.Select(x => x.Predicted)])));
        }

        return rows;
    }
}
