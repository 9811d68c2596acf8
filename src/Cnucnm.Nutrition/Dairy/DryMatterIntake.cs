namespace Cnucnm.Nutrition.Dairy;

/// <summary>
/// Dry-matter intake prediction, NASEM (2021) Ch. 2 (lactating cows, heifers), Ch. 12 (transition,
/// after Hayirli et al., 2003) and Ch. 10 (calf starter). All results kg DM/d.
/// </summary>
public static class DryMatterIntake
{
    /// <summary>NASEM (2021) Eq. 2-1: lactating cows, animal factors only.</summary>
    /// <param name="milkNetEnergyOutputMcal">Target milk NE output, Mcal/d (Trg_NEmilkOut).</param>
    public static double LactatingAnimalFactorsKg(double parity, double milkNetEnergyOutputMcal, double bodyWeightKg, double bodyConditionScore, double daysInMilk) =>
        (3.7 + 5.7 * (parity - 1) + 0.305 * milkNetEnergyOutputMcal + 0.022 * bodyWeightKg
            + (-0.689 - 1.87 * (parity - 1)) * bodyConditionScore)
        * (1 - (0.212 + 0.136 * (parity - 1)) * Math.Exp(-0.053 * daysInMilk));

    /// <summary>NASEM (2021) Eq. 2-2: lactating cows, animal and diet factors (forage NDF, ADF/NDF,
    /// 48-h in vitro forage NDF digestibility).</summary>
    public static double LactatingAnimalAndDietFactorsKg(double forageNdfPercentOfDm, double adfToNdf, double forageDndf48PercentOfForageNdf, double milkKgPerDay) =>
        12.0 - 0.107 * forageNdfPercentOfDm + 8.17 * adfToNdf + 0.0253 * forageDndf48PercentOfForageNdf
        - 0.328 * (adfToNdf - 0.602) * (forageDndf48PercentOfForageNdf - 48.3)
        + 0.225 * milkKgPerDay + 0.00390 * (forageDndf48PercentOfForageNdf - 48.3) * (milkKgPerDay - 33.1);

    /// <summary>NASEM (2021) Eq. 2-3: growing heifers, animal factors only.</summary>
    public static double HeiferAnimalFactorsKg(double bodyWeightKg, double matureBodyWeightKg) =>
        0.022 * matureBodyWeightKg * (1 - Math.Exp(-1.54 * bodyWeightKg / matureBodyWeightKg));

    /// <summary>NASEM (2021) Eq. 2-4: growing heifers, animal factors and diet NDF.</summary>
    public static double HeiferAnimalAndDietFactorsKg(double bodyWeightKg, double matureBodyWeightKg, double dietNdfPercentOfDm)
    {
        var relative = bodyWeightKg / matureBodyWeightKg;
        return 0.0226 * matureBodyWeightKg * (1 - Math.Exp(-1.47 * relative))
               - 0.082 * (dietNdfPercentOfDm - (23.1 + 56 * relative) - 30.6 * relative * relative);
    }

    /// <summary>NASEM (2021) Ch. 2, Holstein heifer, animal factors (Dt_DMIn_Heif_H1).</summary>
    public static double HolsteinHeiferKg(double bodyWeightKg) => 15.36 * (1 - Math.Exp(-0.0022 * bodyWeightKg));

    /// <summary>NASEM (2021) Ch. 2, Holstein × Jersey heifer, animal factors (Dt_DMIn_Heif_HJ1).</summary>
    public static double CrossbredHeiferKg(double bodyWeightKg) => 12.91 * (1 - Math.Exp(-0.00295 * bodyWeightKg));

    /// <summary>Deviation of diet NDF from the NDF expected for the heifer's weight, % DM (Dt_NDFdev_DMI).</summary>
    public static double HeiferNdfDeviationPercent(double dietNdfPercentOfDm, double bodyWeightKg) =>
        dietNdfPercentOfDm - (23.11 + 0.07968 * bodyWeightKg - 0.00006252 * bodyWeightKg * bodyWeightKg);

    /// <summary>NASEM (2021) Ch. 2, Holstein heifer with diet NDF (Dt_DMIn_Heif_H2).</summary>
    public static double HolsteinHeiferWithNdfKg(double bodyWeightKg, double ndfDeviationPercent) =>
        15.79 * (1 - Math.Exp(-0.0021 * bodyWeightKg)) - 0.082 * ndfDeviationPercent;

    /// <summary>NASEM (2021) Ch. 2, Holstein × Jersey heifer with diet NDF (Dt_DMIn_Heif_HJ2).</summary>
    public static double CrossbredHeiferWithNdfKg(double bodyWeightKg, double ndfDeviationPercent) =>
        13.48 * (1 - Math.Exp(-0.0027 * bodyWeightKg)) - 0.082 * ndfDeviationPercent;

    /// <summary>Weeks before calving limited to the −3 to 0 interval of the transition equations.</summary>
    public static double PrepartumWeeksLimited(double prepartumWeeks) => Math.Clamp(prepartumWeeks, -3, 0);

    /// <summary>Late-gestation DMI of an individual, % of BW, on a given week before calving
    /// (NASEM 2021 Ch. 12 after Hayirli et al., 2003; Dt_DMIn_BW_LateGest_i).</summary>
    public static double LateGestationIndividualPercentOfBw(double prepartumWeeksLimited, double dietNdfPercentOfDm)
    {
        var (a, b, c) = LateGestationCoefficients(dietNdfPercentOfDm);
        return a + b * prepartumWeeksLimited + c * prepartumWeeksLimited * prepartumWeeksLimited;
    }

    /// <summary>Mean DMI of a close-up pen over the interval 0 to <paramref name="durationWeeks"/>, % of BW
    /// (integral of the individual curve; Dt_DMIn_BW_LateGest_p).</summary>
    public static double LateGestationPenPercentOfBw(double durationWeeks, double dietNdfPercentOfDm)
    {
        var (a, b, c) = LateGestationCoefficients(dietNdfPercentOfDm);
        // At or past the due date the interval is empty: its limit is the curve's value at week 0 (the software divides 0 by 0).
        return durationWeeks == 0 ? a
            : (a * durationWeeks + b / 2 * durationWeeks * durationWeeks + c / 3 * Math.Pow(durationWeeks, 3)) / durationWeeks;
    }

    private static (double A, double B, double C) LateGestationCoefficients(double dietNdfPercentOfDm)
    {
        var ndf = Math.Clamp(dietNdfPercentOfDm, 30, 55);
        return (1.47, -(0.365 - 0.0028 * ndf), -0.035);
    }

    /// <summary>Dry cow, Hayirli et al. (2003) as in NASEM (2021) (Dt_DMIn_DryCow2).</summary>
    public static double DryCowHayirliKg(double bodyWeightKg, double daysPregnant, double gestationLengthDays)
    {
        var daysToCalving = daysPregnant - gestationLengthDays;
        var adjustment = daysToCalving < -21 ? 0 : bodyWeightKg * (-0.756 * Math.Exp(0.154 * daysToCalving)) / 100;
        return bodyWeightKg * 1.979 / 100 + adjustment;
    }

    /// <summary>NASEM (2021) Ch. 10: calf starter intake, temperate environment, kg DM/d.</summary>
    /// <param name="liquidMetabolizableEnergyMcal">ME intake from milk or replacer, Mcal/d.</param>
    public static double CalfStarterTemperateKg(double bodyWeightKg, double liquidMetabolizableEnergyMcal, double ageStarterOfferedDays)
    {
        var weeks = ageStarterOfferedDays / 7;
        return (-652.5 + 14.734 * bodyWeightKg + 18.896 * liquidMetabolizableEnergyMcal + 73.3 * weeks
                + 13.496 * weeks * weeks - 29.614 * weeks * liquidMetabolizableEnergyMcal) / 1000;
    }

    /// <summary>NASEM (2021) Ch. 10: calf starter intake, tropical environment (above the upper
    /// critical temperature + 10 °C), kg DM/d.</summary>
    public static double CalfStarterTropicalKg(double bodyWeightKg, double liquidMetabolizableEnergyMcal, double ageStarterOfferedDays) =>
        (600.1 / (1 + 14863.7 * Math.Exp(-1.553 * ageStarterOfferedDays / 7)) + 9.951 * bodyWeightKg - 130.434 * liquidMetabolizableEnergyMcal) / 1000;
}
