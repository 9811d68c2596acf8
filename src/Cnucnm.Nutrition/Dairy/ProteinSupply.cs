namespace Cnucnm.Nutrition.Dairy;

/// <summary>Rumen-undegraded protein and endogenous protein flows, NASEM (2021) Ch. 6.</summary>
public static class ProteinSupply
{
    /// <summary>Passage rates of concentrates and forages, %/h (Bayesian fit to digesta flow data; NASEM 2021 Ch. 6).</summary>
    public const double PassageRateConcentratePercentPerHour = 5.28;
    public const double PassageRateForagePercentPerHour = 4.87;

    /// <summary>Fraction of CP fraction A (less NPN) that escapes the rumen.</summary>
    public const double FractionAEscape = 0.064;

    /// <summary>Regression intercept, kg RUP/d, scaled to the data set's mean CP intake of 3.39 kg/d.</summary>
    public const double RupInterceptKg = -0.086;
    public const double ReferenceCpIntakeKg = 3.39;

    /// <summary>Digestibility of NPN (urea, ammonium salts), %.</summary>
    public const double NpnDigestibilityPercent = 100;

    /// <summary>
    /// RUP of one feed, kg/d (NASEM 2021 Ch. 6, Hanigan et al. equation): escaped A (less NPN), B
    /// escaping by the competition of passage and degradation of forage and concentrate shares,
    /// all of C, plus the intercept scaled by the feed's CP intake.
    /// </summary>
    internal static void RumenUndegradedProtein(FeedRow f)
    {
        var forage = f.For / 100 * PassageRateForagePercentPerHour / (f.KdRup + PassageRateForagePercentPerHour);
        var concentrate = f.Conc / 100 * PassageRateConcentratePercentPerHour / (f.KdRup + PassageRateConcentratePercentPerHour);
        f.RupbIn = f.CpbIn * forage + f.CpbIn * concentrate;
        f.RupIn = (f.CpaIn - f.NpnCpIn) * FractionAEscape + f.RupbIn + f.CpcIn + RupInterceptKg / ReferenceCpIntakeKg * f.CpIn;
        f.RupCp = f.CpIn > 0 ? f.RupIn / f.CpIn * 100 : 0;
        f.Rup = f.CpIn > 0 ? f.RupIn / f.DmIn * 100 : 0;
        f.Rdp = f.CpIn > 0 ? f.Cp - f.Rup : 0;
    }

    /// <summary>Duodenal endogenous CP, g/d (NASEM 2021 Ch. 6).</summary>
    public static double DuodenalEndogenousCpGrams(double dmiKg) => 96.1 + 7.54 * dmiKg;

    /// <summary>
    /// Metabolic fecal CP, g/d (NASEM 2021 Ch. 6): (12 + 0.12 × NDF % DM) g per kg DMI; calves
    /// (Ch. 10): 11.9 g/kg liquid DM (34.4 with non-milk protein) and 20.6 g/kg dry feed DM.
    /// </summary>
    public static double FecalEndogenousCpGrams(bool calf, bool nonMilkProteinInLiquid, double ndfPercentOfDm, double dmiKg, double liquidDmiKg, double totalDmiKg) =>
        calf
            ? (nonMilkProteinInLiquid ? 34.4 : 11.9) * liquidDmiKg + 20.6 * (totalDmiKg - liquidDmiKg)
            : (12 + 0.12 * ndfPercentOfDm) * dmiKg;
}
