namespace Cnucnm.Nutrition.Beef;

/// <summary>Energy and protein of growth (NRC 2000 Ch. 3 Growth and Ch. 2 Protein, from Garrett 1987 and
/// the NRC 1996 model; kept by NASEM 2016 Ch. 6). The equivalent weight scales every breed and sex to the
/// composition of the 478 kg reference animal.</summary>
public static class BeefGrowth
{
    /// <summary>Energy content of body protein and fat, Mcal/kg (NRC 2000 Ch. 3; Garrett 1980).</summary>
    public const double ProteinEnergyMcalPerKg = 5.7;
    public const double FatEnergyMcalPerKg = 9.4;

    /// <summary>NRC (2000) Ch. 3: retained energy (NEg requirement), Mcal/d = 0.0635 × EQEBW^0.75 × EBG^1.097.</summary>
    public static double RetainedEnergyMcal(double equivalentEmptyBodyWeightKg, double emptyBodyGainKgPerDay) =>
        emptyBodyGainKgPerDay <= 0 ? 0 : 0.0635 * Math.Pow(equivalentEmptyBodyWeightKg, 0.75) * Math.Pow(emptyBodyGainKgPerDay, 1.097);

    /// <summary>NRC (2000) Ch. 3: shrunk weight gain from retained energy, kg/d = 13.91 × RE^0.9116 × EQSBW^−0.6837
    /// (the book's inverse of <see cref="RetainedEnergyMcal"/>).</summary>
    public static double ShrunkGainKg(double retainedEnergyMcal, double equivalentShrunkBodyWeightKg) =>
        retainedEnergyMcal <= 0 ? 0 : 13.91 * Math.Pow(retainedEnergyMcal, 0.9116) * Math.Pow(equivalentShrunkBodyWeightKg, -0.6837);

    /// <summary>NRC (2000) Ch. 3: net protein retained, g/d = SWG × (268 − 29.4 × RE / SWG).</summary>
    public static double NetProteinGrams(double shrunkGainKgPerDay, double retainedEnergyMcal) =>
        shrunkGainKgPerDay <= 0 ? 0 : 268 * shrunkGainKgPerDay - 29.4 * retainedEnergyMcal;

    /// <summary>NRC (2000) Ch. 2: efficiency of MP use for growth: 0.834 − 0.00114 × EQSBW up to 300 kg EQSBW, 0.492 beyond.</summary>
    public static double MetabolizableProteinEfficiency(double equivalentShrunkBodyWeightKg) =>
        Math.Max(0.492, 0.834 - 0.00114 * equivalentShrunkBodyWeightKg);

    /// <summary>NRC (2000) Ch. 3 (NRC 1996 Level 1): protein-allowable shrunk gain, kg/d = (NPg + 29.4 × RE) / 268,
    /// with RE the energy the diet allows for gain.</summary>
    public static double ProteinAllowableShrunkGainKg(double netProteinAvailableGrams, double retainedEnergyMcal) =>
        (netProteinAvailableGrams + 29.4 * Math.Max(0, retainedEnergyMcal)) / 268;

    /// <summary>Fat retained, kg/d, from retained energy and protein: (RE − 5.7 × protein) / 9.4 (NRC 2000 Ch. 3 energy values).</summary>
    public static double FatGainKg(double retainedEnergyMcal, double netProteinGrams) =>
        Math.Max(0, (retainedEnergyMcal - ProteinEnergyMcalPerKg * netProteinGrams / 1000) / FatEnergyMcalPerKg);

    /// <summary>
    /// Live-weight change of a cow or finished animal losing weight, kg/d (negative): the NEm deficit is met by body
    /// reserves whose energy is used for maintenance with efficiency 0.80; 1 kg of live weight holds
    /// 0.5381 × CS + 3.2855 Mcal (NRC 2000 Ch. 1, beef cow body reserves).
    /// </summary>
    public static double ReserveLossKg(double netEnergyDeficitMcal, double conditionScore) =>
        -Math.Max(0, netEnergyDeficitMcal) / (0.80 * (0.5381 * conditionScore + 3.2855));
}
