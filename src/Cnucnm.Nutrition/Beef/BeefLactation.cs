namespace Cnucnm.Nutrition.Beef;

/// <summary>Lactation of beef cows: the Jenkins and Ferrell (1984)
/// lactation curve, milk energy and milk protein as the NRC (2000) beef model uses them.</summary>
public static class BeefLactation
{
    /// <summary>Week of lactation at which beef cows peak (NRC 2000: 8.5 weeks).</summary>
    public const double PeakWeek = 8.5;

    /// <summary>Efficiency of MP use for milk protein (NRC 2000: 0.65).</summary>
    public const double MetabolizableProteinEfficiency = 0.65;

    /// <summary>NRC (2000), Jenkins and Ferrell (1984): peak yield scaled by relative milk yield (1–9): PKYD × (0.125 RMY + 0.375), kg/d.</summary>
    public static double AdjustedPeakKg(double breedPeakKgPerDay, double relativeMilkYield) => breedPeakKgPerDay * (0.125 * relativeMilkYield + 0.375);

    /// <summary>NRC (2000): yield of first-calf (2-year-old) dams 0.74 and second-calf (3-year-old) dams 0.88 of mature yield.</summary>
    public static double AgeOfDamFactor(double ageAtCalvingMonths) => ageAtCalvingMonths switch
    {
        < 30 => 0.74,
        < 42 => 0.88,
        _ => 1.0,
    };

    /// <summary>NRC (2000), Jenkins and Ferrell (1984): milk yield in week n of lactation, kg/d = n / (a e^(k n)),
    /// k = 1 / 8.5, a = 1 / (peak × k × e).</summary>
    public static double MilkKgPerDay(double adjustedPeakKgPerDay, double daysInMilk, double ageOfDamFactor)
    {
        if (daysInMilk <= 0 || adjustedPeakKgPerDay <= 0)
        {
            return 0;
        }

        const double k = 1 / PeakWeek;
        var a = 1 / (adjustedPeakKgPerDay * k * Math.E);
        var week = daysInMilk / 7;
        return week / (a * Math.Exp(k * week)) * ageOfDamFactor;
    }

    /// <summary>NRC (2000): net energy of milk, Mcal/kg = 0.092 × fat % + 0.049 × SNF % − 0.0569 (Tyrrell and Reid 1965).</summary>
    public static double NetEnergyMcalPerKg(double fatPercent, double solidsNotFatPercent) => 0.092 * fatPercent + 0.049 * solidsNotFatPercent - 0.0569;

    /// <summary>NRC (2000): MP for lactation, g/d = milk protein / 0.65.</summary>
    public static double MetabolizableProteinGrams(double milkKgPerDay, double milkProteinPercent) =>
        milkKgPerDay * milkProteinPercent / 100 * 1000 / MetabolizableProteinEfficiency;
}
