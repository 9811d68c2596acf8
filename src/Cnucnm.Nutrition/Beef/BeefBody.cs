namespace Cnucnm.Nutrition.Beef;

/// <summary>Body weights of the beef model: shrunk, empty and equivalent weights and gains
/// (NRC 2000 Ch. 3 Growth, kept by NASEM 2016 Ch. 6; Garrett 1987 for the equivalent-weight scaling).</summary>
public static class BeefBody
{
    /// <summary>Standard reference weight: shrunk weight of the reference animal at 28 % empty body fat, kg (NRC 2000 Ch. 3).</summary>
    public const double StandardReferenceWeightKg = 478;

    /// <summary>NRC (2000) Ch. 3: shrunk body weight = 96 % of full weight (4 % shrink), kg.</summary>
    public static double ShrunkKg(double fullBodyWeightKg) => 0.96 * fullBodyWeightKg;

    /// <summary>NRC (2000) Ch. 3: empty body weight = 0.891 × shrunk weight, kg.</summary>
    public static double EmptyKg(double shrunkBodyWeightKg) => 0.891 * shrunkBodyWeightKg;

    /// <summary>NRC (2000) Ch. 3: empty body gain = 0.956 × shrunk weight gain, kg/d.</summary>
    public static double EmptyGainKg(double shrunkGainKgPerDay) => 0.956 * shrunkGainKgPerDay;

    /// <summary>NRC (2000) Ch. 3: equivalent shrunk weight EQSBW = SBW × SRW / MSBW, kg: the weight of the
    /// reference animal at the same stage of growth (same body composition).</summary>
    public static double EquivalentShrunkKg(double shrunkBodyWeightKg, double matureShrunkBodyWeightKg) =>
        shrunkBodyWeightKg * StandardReferenceWeightKg / matureShrunkBodyWeightKg;

    /// <summary>NRC (2000) Ch. 3; Garrett and Hinman (1969): EBW = 1.316 × HCW + 32.29, so hot carcass weight = (EBW − 32.29) / 1.316, kg.</summary>
    public static double HotCarcassKg(double emptyBodyWeightKg) => (emptyBodyWeightKg - 32.29) / 1.316;
}
