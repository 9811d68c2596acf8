namespace Cnucnm.Nutrition.Dairy;

/// <summary>Mineral requirements (absorbed), NASEM (2021) Ch. 7; calves Ch. 10. g/d for macro, mg/d for trace minerals.</summary>
public static class Minerals
{
    /// <summary>Mg absorption fraction from dietary K (% DM) and the share of Mg from mineral sources (NASEM 2021 Ch. 7).</summary>
    public static double MagnesiumAbsorptionFraction(double dietKPercentOfDm, double mineralMgPercentOfMg) =>
        (44.1 - 5.42 * Math.Log(dietKPercentOfDm * 10) - 0.08 * mineralMgPercentOfMg) / 100;

    /// <summary>Ca for gestation, g/d (NASEM 2021 Ch. 7): day-over-day increase of the fetal Ca curve scaled to BW/715.</summary>
    public static double CalciumGestationGrams(double daysPregnant, double bodyWeightKg) =>
        (0.0245 * Math.Exp((0.05581 - 0.00007 * daysPregnant) * daysPregnant)
         - 0.0245 * Math.Exp((0.05581 - 0.00007 * (daysPregnant - 1)) * (daysPregnant - 1))) * bodyWeightKg / 715;

    /// <summary>P for gestation, g/d (NASEM 2021 Ch. 7).</summary>
    public static double PhosphorusGestationGrams(double daysPregnant, double bodyWeightKg) =>
        (0.02743 * Math.Exp((0.05527 - 0.000075 * daysPregnant) * daysPregnant)
         - 0.02743 * Math.Exp((0.05527 - 0.000075 * (daysPregnant - 1)) * (daysPregnant - 1))) * bodyWeightKg / 715;

    /// <summary>DCAD, mEq/kg DM, from Na, K, Cl, S in % DM (NASEM 2021 Ch. 7).</summary>
    public static double DcadMilliequivalentsPerKg(double kPercent, double naPercent, double clPercent, double sPercent) =>
        (kPercent / 0.039 + naPercent / 0.023 - clPercent / 0.0355 - sPercent / 0.016) * 10;
}
