namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// Mineral requirements of beef cattle (NRC 2000 Minerals chapter and its requirement table, kept by NASEM 2016
/// Ch. 7). Ca and P are factorial (absorbed need ÷ absorption coefficient = dietary g/d); the other minerals are
/// dietary concentrations of the book's table, here multiplied by intake.
/// </summary>
public static class BeefMinerals
{
    /// <summary>Absorption coefficients of dietary Ca (0.50) and P (0.68) (NRC 2000).</summary>
    public const double CalciumAbsorption = 0.50;
    public const double PhosphorusAbsorption = 0.68;

    /// <summary>Dietary Ca, g/d (NRC 2000): maintenance 15.4 mg/kg SBW, growth 71 mg per g net protein retained, pregnancy
    /// (last 90 days, t &gt; 190) 13.7 g per kg calf birth weight spread over 90 days, lactation 1.23 g/kg milk; ÷ 0.50.</summary>
    public static double CalciumGrams(double shrunkBodyWeightKg, double netProteinGainGrams, double calfBirthWeightKg, double daysPregnant, double milkKgPerDay) =>
        (0.0154 * shrunkBodyWeightKg + 0.071 * Math.Max(0, netProteinGainGrams) + (daysPregnant > 190 ? calfBirthWeightKg * 13.7 / 90 : 0)
         + 1.23 * milkKgPerDay) / CalciumAbsorption;

    /// <summary>Dietary P, g/d (NRC 2000): maintenance 16 mg/kg SBW, growth 39 mg per g net protein retained, pregnancy
    /// (t &gt; 190) 7.6 g per kg calf birth weight over 90 days, lactation 0.95 g/kg milk; ÷ 0.68.</summary>
    public static double PhosphorusGrams(double shrunkBodyWeightKg, double netProteinGainGrams, double calfBirthWeightKg, double daysPregnant, double milkKgPerDay) =>
        (0.016 * shrunkBodyWeightKg + 0.039 * Math.Max(0, netProteinGainGrams) + (daysPregnant > 190 ? calfBirthWeightKg * 7.6 / 90 : 0)
         + 0.95 * milkKgPerDay) / PhosphorusAbsorption;

    /// <summary>The book's dietary concentration of a mineral for a class of cattle: % DM for macro minerals, mg/kg DM for
    /// trace minerals (NRC 2000 requirement table; Na is the midpoint of 0.06–0.08 % for growing and gestating cattle).</summary>
    public static double DietConcentration(string mineral, bool lactating, bool gestating) => mineral switch
    {
        "Mg" => lactating ? 0.20 : gestating ? 0.12 : 0.10,
        "K" => lactating ? 0.70 : 0.60,
        "Na" => lactating ? 0.10 : 0.07,
        "S" => 0.15,
        "Co" => 0.15,
        "Cu" => 10,
        "I" => 0.50,
        "Fe" => 50,
        "Mn" => lactating || gestating ? 40 : 20,
        "Se" => 0.10,
        "Zn" => 30,
        _ => throw new ArgumentOutOfRangeException(nameof(mineral), mineral, "No beef requirement for this mineral."),
    };

    /// <summary>Macro minerals given as % DM, trace minerals as mg/kg DM.</summary>
    public static IReadOnlyList<string> MacroByConcentration { get; } = ["Mg", "K", "Na", "S"];

    public static IReadOnlyList<string> Trace { get; } = ["Co", "Cu", "I", "Fe", "Mn", "Se", "Zn"];
}
