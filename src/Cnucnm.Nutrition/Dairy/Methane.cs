namespace Cnucnm.Nutrition.Dairy;

/// <summary>Enteric methane energy, NASEM (2021) Ch. 3 and 14.</summary>
public static class Methane
{
    /// <summary>Energy of methane, Mcal/kg (55.5 MJ/kg).</summary>
    public const double EnergyMcalPerKg = 55.5 / 4.184;

    /// <summary>Gaseous energy loss, Mcal/d, by physiological state (NASEM 2021 Ch. 3): lactating
    /// cows from DMI, dietary FA and digestible NDF; heifers and dry cows from GE intake; none for calves.</summary>
    public static double GasEnergyMcal(PhysiologicalState state, double dmiKg, double faPercentOfDm, double digestedNdfPercentOfDm, double grossEnergyIntakeMcal, double ndfPercentOfDm) =>
        state switch
        {
            PhysiologicalState.LactatingCow => 0.294 * dmiKg - 0.347 * faPercentOfDm + 0.0409 * digestedNdfPercentOfDm,
            PhysiologicalState.DryCow => 0.69 + 0.053 * grossEnergyIntakeMcal - 0.07 * faPercentOfDm,
            PhysiologicalState.Calf => 0,
            _ => -0.038 + 0.051 * grossEnergyIntakeMcal + 0.0091 * ndfPercentOfDm,
        };

    /// <summary>The same from diet-only inputs (the software's Dt_GasEOut; heifer and dry-cow forms
    /// fitted on dietary GE, NDF and FA).</summary>
    public static double DietGasEnergyMcal(PhysiologicalState state, double dmiKg, double faPercentOfDm, double digestedNdfPercentOfDm, double grossEnergyIntakeMcal, double ndfPercentOfDm) =>
        state switch
        {
            PhysiologicalState.LactatingCow => 0.294 * dmiKg - 0.347 * faPercentOfDm + 0.0409 * digestedNdfPercentOfDm,
            PhysiologicalState.DryCow => -0.69 + 0.053 * grossEnergyIntakeMcal - 0.0789 * faPercentOfDm,
            PhysiologicalState.Calf => 0,
            _ => -0.038 + 0.051 * grossEnergyIntakeMcal - 0.0091 * ndfPercentOfDm,
        };

    /// <summary>Methane from gaseous energy, g/d.</summary>
    public static double Grams(double gasEnergyMcal) => gasEnergyMcal / EnergyMcalPerKg * 1000;
}
