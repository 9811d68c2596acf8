namespace Cnucnm.Nutrition.Dairy;

/// <summary>Milk energy, protein, fat and volume, NASEM (2021) Ch. 3 and 6.</summary>
public static class Lactation
{
    /// <summary>NASEM (2021) Eq. 3-14a–c (20-217): NE of milk from its components, Mcal/kg milk.</summary>
    public static double MilkNetEnergyMcalPerKg(double fatPercent, double trueProteinPercent, double lactosePercent) =>
        9.29 * fatPercent / 100 + 5.85 * trueProteinPercent / 100 + 3.95 * lactosePercent / 100;

    /// <summary>NASEM (2021) Ch. 3: energy- and protein-corrected milk, kg/d.</summary>
    public static double EnergyProteinCorrectedMilkKg(double milkKg, double fatPercent, double trueProteinPercent) =>
        0.327 * milkKg + 12.97 * fatPercent / 100 * milkKg + 7.65 * trueProteinPercent / 100 * milkKg;

    /// <summary>Coefficients of the milk protein equation (NASEM 2021 Eq. 6-6 and the VT refits).</summary>
    internal sealed record ProteinCoefficients(
        double Intercept, double BodyWeight, double DeInp, double DigNdf, double DeStFa, double DeNdf,
        double[] Aa, double Neaa, double OtherAa, double Squared);

    // NRC (Dec. 2020, AIC 10,631), VT1 (Dec. 2020), VT2 (Apr. 2022) as in the NASEM software.
    internal static readonly ProteinCoefficients[] ProteinEquations =
    [
        new(-97.0, -0.4201, 10.79, -4.595, 0, 0, [0, 1.675, 0.885, 0.466, 1.153, 1.839, 0, 0, 0, 0], 0, 0.0773, -0.00215),
        new(-141, -0.4146, 10.65, -4.62, 0, 0, [0.8175, 1.641, 0.837, 0.623, 1.235, 1.846, 0, 0, 0, 0], 0.0925, 0, -0.002451),
        new(-73.7, -0.3663, 0, 0, 10.87, 5.43, [0, 1.19, 1.08, 0.238, 1.08, 1.91, 0, 1.36, 0, 0], 0.075, 0, -0.00175),
    ];

    /// <summary>NASEM (2021) Ch. 6 (Daley et al.): milk fat yield, g/d, from DIM, non-FA DMI, digested
    /// C16:0 and C18:3, and absorbed Ile and Met.</summary>
    public static double MilkFatGrams(double daysInMilk, double dmiKg, double faIntakeKg, double digestedC160Kg, double digestedC183Kg, double absorbedIleGrams, double absorbedMetGrams)
    {
        var dim = Math.Min(daysInMilk, 375);
        return 453 - 1.42 * dim + 24.52 * (dmiKg - faIntakeKg) + 0.41 * digestedC160Kg * 1000 + 1.80 * digestedC183Kg * 1000
               + 1.45 * absorbedIleGrams + 1.34 * absorbedMetGrams;
    }

    /// <summary>NASEM (2021) Ch. 6: milk volume predicted from milk protein and fat, DE intake, DIM
    /// and parity, kg/d (Holstein; Jersey −3.400, other breeds −1.526).</summary>
    public static double ComponentMilkKg(double milkTrueProteinKg, double milkFatKg, double digestibleEnergyMcal, double daysInMilk, double parity, DairyBreed breed)
    {
        var d = Math.Min(daysInMilk, 375) - 137.1;
        var milk = 4.541 + 11.13 * milkTrueProteinKg + 2.648 * milkFatKg + 0.1829 * digestibleEnergyMcal - 0.06257 * d
                   + 2.766e-4 * d * d + 1.603e-6 * d * d * d - 7.397e-9 * d * d * d * d + 1.567 * (parity - 1);
        return breed switch
        {
            DairyBreed.Jersey => milk - 3.400,
            DairyBreed.Other => milk - 1.526,
            _ => milk,
        };
    }
}
