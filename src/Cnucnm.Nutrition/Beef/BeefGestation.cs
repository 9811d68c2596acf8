namespace Cnucnm.Nutrition.Beef;

/// <summary>Pregnancy of beef cows (NRC 2000 Ch. 4 Pregnancy, from Ferrell et al. 1976 and Bell et al.;
/// kept by NASEM 2016). t = day of gestation; CBW = expected calf birth weight, kg.</summary>
public static class BeefGestation
{
    /// <summary>Efficiency of ME use for conceptus energy (NRC 2000 Ch. 4).</summary>
    public const double MetabolizableEnergyEfficiency = 0.13;

    /// <summary>Efficiency of MP use for conceptus protein (NRC 2000 Ch. 4; 0.65 as in the open beefnrc implementation).</summary>
    public const double MetabolizableProteinEfficiency = 0.65;

    /// <summary>NRC (2000) Ch. 4: conceptus (gravid uterus) weight, kg = CBW × 0.01828 × e^(0.02 t − 0.0000143 t²).</summary>
    public static double ConceptusWeightKg(double calfBirthWeightKg, double daysPregnant) =>
        daysPregnant <= 0 ? 0 : calfBirthWeightKg * 0.01828 * Math.Exp(0.02 * daysPregnant - 0.0000143 * daysPregnant * daysPregnant);

    /// <summary>NRC (2000) Ch. 4: conceptus gain, kg/d = CBW × 18.28 × (0.02 − 0.0000286 t) × e^(0.02 t − 0.0000143 t²) / 1000.</summary>
    public static double ConceptusGainKg(double calfBirthWeightKg, double daysPregnant) =>
        daysPregnant <= 0 ? 0
        : calfBirthWeightKg * 18.28 * (0.02 - 0.0000286 * daysPregnant) * Math.Exp(0.02 * daysPregnant - 0.0000143 * daysPregnant * daysPregnant) / 1000;

    /// <summary>NRC (2000) Ch. 4: net energy retained in the conceptus, Mcal/d =
    /// CBW × (0.05855 − 0.0000996 t) × e^(0.03233 t − 0.0000275 t²) / 1000.</summary>
    public static double RetainedEnergyMcal(double calfBirthWeightKg, double daysPregnant) =>
        daysPregnant <= 0 ? 0
        : calfBirthWeightKg * (0.05855 - 0.0000996 * daysPregnant) * Math.Exp(0.03233 * daysPregnant - 0.0000275 * daysPregnant * daysPregnant) / 1000;

    /// <summary>NRC (2000) Ch. 4: ME for pregnancy, Mcal/d = retained energy / 0.13.</summary>
    public static double MetabolizableEnergyMcal(double calfBirthWeightKg, double daysPregnant) =>
        RetainedEnergyMcal(calfBirthWeightKg, daysPregnant) / MetabolizableEnergyEfficiency;

    /// <summary>NRC (2000) Ch. 4: net protein retained in the conceptus, g/d =
    /// CBW × (0.001669 − 0.00000211 t) × e^(0.0278 t − 0.0000176 t²) × 6.25.</summary>
    public static double NetProteinGrams(double calfBirthWeightKg, double daysPregnant) =>
        daysPregnant <= 0 ? 0
        : calfBirthWeightKg * (0.001669 - 0.00000211 * daysPregnant) * Math.Exp(0.0278 * daysPregnant - 0.0000176 * daysPregnant * daysPregnant) * 6.25;

    /// <summary>NRC (2000) Ch. 4: MP for pregnancy, g/d = net protein / 0.65.</summary>
    public static double MetabolizableProteinGrams(double calfBirthWeightKg, double daysPregnant) =>
        NetProteinGrams(calfBirthWeightKg, daysPregnant) / MetabolizableProteinEfficiency;
}
