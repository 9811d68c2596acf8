namespace Cnucnm.Nutrition.Dairy;

/// <summary>Vitamin requirements, NASEM (2021) Ch. 8, IU/d.</summary>
public static class Vitamins
{
    /// <summary>Vitamin A: 110 IU/kg BW, plus 1,000 IU per kg of milk above 35 kg/d.</summary>
    public static double VitaminAInternationalUnits(double bodyWeightKg, double milkKgPerDay) =>
        milkKgPerDay > 35 ? 110 * bodyWeightKg + 1000 * (milkKgPerDay - 35) : 110 * bodyWeightKg;

    /// <summary>Vitamin D: 40 IU/kg BW lactating, 32 IU/kg BW otherwise.</summary>
    public static double VitaminDInternationalUnits(double bodyWeightKg, double milkKgPerDay) =>
        milkKgPerDay > 0 ? 40 * bodyWeightKg : 32 * bodyWeightKg;

    /// <summary>Vitamin E: 0.8 IU/kg BW; 2.0 for dry cows and calves; 3.0 in the last 3 weeks of
    /// gestation; less 50 IU per kg of pasture DM, not below zero.</summary>
    public static double VitaminEInternationalUnits(double bodyWeightKg, double milkKgPerDay, double parity, bool calf, double daysPregnant, bool pregnant, double pastureDmiKg)
    {
        var perKg = milkKgPerDay == 0 && parity >= 1 ? 2.0 : 0.8;
        if (calf)
        {
            perKg = 2.0;
        }

        if (daysPregnant >= 259 && pregnant)
        {
            perKg = 3.0;
        }

        return Math.Max(0, perKg * bodyWeightKg - pastureDmiKg * 50);
    }
}
