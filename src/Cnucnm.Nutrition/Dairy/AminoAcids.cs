using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>The ten essential amino acids, in the NASEM software's order.</summary>
public enum AminoAcid
{
    Arg,
    His,
    Ile,
    Leu,
    Lys,
    Met,
    Phe,
    Thr,
    Trp,
    Val,
}

/// <summary>Amino acid compositions and factors, NASEM (2021) Ch. 6 (g hydrated AA per 100 g protein,
/// corrected for incomplete recovery in 24-h hydrolysis).</summary>
public static class AminoAcids
{
    public static IReadOnlyList<AminoAcid> All { get; } = Enum.GetValues<AminoAcid>();

    // Arg, His, Ile, Leu, Lys, Met, Phe, Thr, Trp, Val.
    private static readonly double[] Microbial = [5.47, 2.21, 6.99, 9.23, 9.44, 2.63, 6.30, 6.23, 1.37, 6.88];       // Sok et al., 2017
    private static readonly double[] Endogenous = [4.61, 2.90, 4.09, 7.67, 6.23, 1.26, 3.98, 5.18, 1.29, 5.29];      // Lapierre, after Ørskov et al., 1986
    private static readonly double[] Recovery24h = [1.061, 1.073, 1.12, 1.065, 1.066, 1.05, 1.061, 1.067, 1.06, 1.102]; // Lapierre et al., 2016
    private static readonly double[] Milk = [3.74, 2.92, 6.18, 10.56, 8.82, 3.03, 5.26, 4.62, 1.65, 6.90];
    private static readonly double[] Body = [8.20, 3.04, 3.69, 8.27, 7.90, 2.37, 4.41, 4.84, 1.05, 5.15];
    private static readonly double[] MetabolicFecal = [5.90, 3.54, 5.39, 9.19, 7.61, 1.73, 5.28, 7.36, 1.79, 7.01];
    private static readonly double[] Scurf = [9.60, 1.75, 2.96, 6.93, 5.64, 1.40, 3.61, 4.01, 0.73, 4.66];
    private static readonly double[] MolecularWeights = [174.2, 155.2, 131.2, 131.2, 146.2, 149.2, 165.2, 119.1, 204.2, 117.2];

    /// <summary>Target efficiencies of absorbed AA to export protein (NASEM 2021 Table 6-6); Arg takes the EAA mean.</summary>
    private static readonly double[] TargetEfficiency = [double.NaN, 0.75, 0.71, 0.73, 0.72, 0.73, 0.60, 0.64, 0.86, 0.74];

    private static readonly FeedNutrient[] FeedColumns =
    [
        FeedNutrient.Fd_Arg_CP, FeedNutrient.Fd_His_CP, FeedNutrient.Fd_Ile_CP, FeedNutrient.Fd_Leu_CP, FeedNutrient.Fd_Lys_CP,
        FeedNutrient.Fd_Met_CP, FeedNutrient.Fd_Phe_CP, FeedNutrient.Fd_Thr_CP, FeedNutrient.Fd_Trp_CP, FeedNutrient.Fd_Val_CP,
    ];

    public static FeedNutrient FeedColumn(AminoAcid aa) => FeedColumns[(int)aa];

    /// <summary>Recovered fraction after 24-h hydrolysis (true = reported ÷ this).</summary>
    public static double HydrolysisRecovery(AminoAcid aa) => 1 / Recovery24h[(int)aa];

    public static double MicrobialProfile(AminoAcid aa) => Microbial[(int)aa];

    public static double EndogenousProfile(AminoAcid aa) => Endogenous[(int)aa];

    public static double MilkProfile(AminoAcid aa) => Milk[(int)aa];

    public static double BodyProfile(AminoAcid aa) => Body[(int)aa];

    public static double MetabolicFecalProfile(AminoAcid aa) => MetabolicFecal[(int)aa];

    public static double ScurfProfile(AminoAcid aa) => Scurf[(int)aa];

    public static double MolecularWeight(AminoAcid aa) => MolecularWeights[(int)aa];

    /// <summary>Target efficiency of absorbed AA to export protein; NaN for Arg (partly synthesised).</summary>
    public static double TargetExportEfficiency(AminoAcid aa) => TargetEfficiency[(int)aa];
}

/// <summary>Cached names of per-amino-acid variables ("Abs_AA_g.Lys"): evaluation builds no strings.</summary>
internal static class AaKey
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    public static string Of(string prefix, AminoAcid aa) =>
        Cache.GetOrAdd(prefix, static p => [.. AminoAcids.All.Select(a => $"{p}.{a}")])[(int)aa];

    public static string Intake(AminoAcid aa) =>
        Cache.GetOrAdd("#intake", static _ => [.. AminoAcids.All.Select(a => $"Dt_{a}In")])[(int)aa];
}
