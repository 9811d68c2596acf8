namespace Cnucnm.Nutrition.Dairy;

/// <summary>Pregnancy: gravid uterus, uterus and fetus growth, NASEM (2021) Ch. 3 and 6 (after Bell, 1995; Hanigan et al., 2009).</summary>
public static class Gestation
{
    public const double GravidUterusPerCalfBirthWeight = 1.816;
    public const double UterusPerCalfBirthWeight = 0.2311;
    public const double NonPregnantUterusKg = 0.204;

    /// <summary>Retained energy per kg of gravid uterus, Mcal/kg fresh weight.</summary>
    public const double EnergyPerKgGravidUterus = 0.950;

    /// <summary>CP per kg of gravid uterus, kg/kg fresh weight.</summary>
    public const double CpPerKgGravidUterus = 0.123;

    private const double GravidUterusKsyn = 2.43e-2, GravidUterusKsynDecay = 2.45e-5;
    private const double FetusKsyn = 5.16e-2, FetusKsynDecay = 7.59e-5;
    private const double UterusKsyn = 2.42e-2, UterusKsynDecay = 3.53e-5, UterusKdeg = 0.20;

    /// <summary>NASEM (2021) Eq. 3-15a (20-225): gravid uterus weight on a day of gestation, kg.</summary>
    public static double GravidUterusKg(double calfBirthWeightKg, double daysPregnant, double gestationLengthDays) =>
        calfBirthWeightKg * GravidUterusPerCalfBirthWeight * Math.Exp(-(GravidUterusKsyn - GravidUterusKsynDecay * daysPregnant) * (gestationLengthDays - daysPregnant));

    /// <summary>NASEM (2021) Ch. 3: maternal uterine tissue (uterus + caruncles) weight, kg; regresses after calving.</summary>
    public static double UterusKg(double calfBirthWeightKg, double daysPregnant, double gestationLengthDays, double ageDays, double daysInMilk, double parity)
    {
        var atPartum = calfBirthWeightKg * UterusPerCalfBirthWeight;
        var weight = ageDays < 240 ? 0 : NonPregnantUterusKg;
        if (daysPregnant > 0 && daysPregnant <= gestationLengthDays)
        {
            weight = atPartum * Math.Exp(-(UterusKsyn - UterusKsynDecay * daysPregnant) * (gestationLengthDays - daysPregnant));
        }
        else if (daysPregnant <= 0 && daysInMilk > 0 && daysInMilk < 100)
        {
            weight = (atPartum - NonPregnantUterusKg) * Math.Exp(-UterusKdeg * daysInMilk) + NonPregnantUterusKg;
        }

        return parity > 0 && weight < NonPregnantUterusKg ? NonPregnantUterusKg : weight;
    }

    /// <summary>NASEM (2021) Ch. 3: fetal weight, kg.</summary>
    public static double FetusKg(double calfBirthWeightKg, double daysPregnant, double gestationLengthDays) =>
        daysPregnant > 0 && daysPregnant <= gestationLengthDays
            ? calfBirthWeightKg * Math.Exp(-(FetusKsyn - FetusKsynDecay * daysPregnant) * (gestationLengthDays - daysPregnant))
            : 0;

    /// <summary>NASEM (2021) Eq. 3-17a: gravid uterus growth, kg/d; after calving, uterine involution.</summary>
    public static double GravidUterusGainKgPerDay(double gravidUterusKg, double uterusKg, double daysPregnant, double gestationLengthDays, double daysInMilk) =>
        daysPregnant > 0 && daysPregnant <= gestationLengthDays ? (GravidUterusKsyn - GravidUterusKsynDecay * daysPregnant) * gravidUterusKg
        : daysPregnant <= 0 && daysInMilk > 0 && daysInMilk < 100 ? UterusGainKgPerDay(uterusKg, daysPregnant, gestationLengthDays, daysInMilk)
        : 0;

    /// <summary>Maternal uterine tissue growth (or involution), kg/d.</summary>
    public static double UterusGainKgPerDay(double uterusKg, double daysPregnant, double gestationLengthDays, double daysInMilk) =>
        daysPregnant > 0 && daysPregnant <= gestationLengthDays ? (UterusKsyn - UterusKsynDecay * daysPregnant) * uterusKg
        : daysPregnant <= 0 && daysInMilk > 0 && daysInMilk < 100 ? -UterusKdeg * uterusKg
        : 0;

    /// <summary>Fetal growth, kg/d.</summary>
    public static double FetusGainKgPerDay(double fetusKg, double daysPregnant, double gestationLengthDays) =>
        daysPregnant > 0 && daysPregnant <= gestationLengthDays ? (FetusKsyn - FetusKsynDecay * daysPregnant) * fetusKg : 0;

    /// <summary>NASEM (2021) Eq. 20-234: energy retained in the gravid uterus, Mcal/d.</summary>
    public static double RetainedEnergyMcal(double gravidUterusGainKg) => gravidUterusGainKg * EnergyPerKgGravidUterus;

    /// <summary>NASEM (2021) Eq. 20-236/237: efficiency of ME use for gestation (0.14), or of ME
    /// released by a regressing uterus (0.89).</summary>
    public static double MeToNeEfficiency(double retainedEnergyMcal) => retainedEnergyMcal >= 0 ? 0.14 : 0.89;
}
