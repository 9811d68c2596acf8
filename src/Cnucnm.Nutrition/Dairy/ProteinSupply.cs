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

/// <summary>Microbial protein synthesis, NASEM (2021) Ch. 6.</summary>
public static class MicrobialProtein
{
    /// <summary>Fraction of microbial CP that is true protein.</summary>
    public const double MicrobialTrueProteinFraction = 0.824;

    /// <summary>Intestinal digestibility of microbial protein, % (NRC 2001).</summary>
    public const double MicrobialIntestinalDigestibilityPercent = 80;

    /// <summary>
    /// NASEM (2021) Ch. 6 microbial N, g/d (Moraes, Bayesian refit): Michaelis–Menten in ruminally
    /// digested NDF and starch with Vmax linear in RDP (RDP capped at 12 % of DM), and microbial N
    /// capped at the N in RDP (100 % efficiency).
    /// </summary>
    public static double Nrc2021MicrobialNGrams(double rdpPercentOfDm, double rdpIntakeKg, double dmiKg, double rumenDigestedNdfKg, double rumenDigestedStarchKg)
    {
        var rdpForMaximum = rdpPercentOfDm <= 12 ? rdpIntakeKg : dmiKg * 0.12;
        var vmax = 100.8 + 81.56 * rdpForMaximum;
        var microbialN = vmax / (1 + 0.0939 / rumenDigestedNdfKg + 0.0274 / rumenDigestedStarchKg);
        return Math.Min(microbialN, rdpIntakeKg * 1000 / 6.25);
    }

    /// <summary>Hanigan et al. (2021) linear microbial N, g/d (NASEM 2021 Ch. 6 alternative).</summary>
    public static double HaniganLinearMicrobialNGrams(double rumenDigestedStarchKg, double rumenDigestedNdfKg, double rdpIntakeKg, double residualOmKg, double forageNdfKg) =>
        18.686 + 10.214 * rumenDigestedStarchKg + 28.976 * rumenDigestedNdfKg + 43.405 * rdpIntakeKg - 11.731 * residualOmKg
        + 8.895 * forageNdfKg + 2.861 * residualOmKg * residualOmKg + 5.637 * rumenDigestedStarchKg * residualOmKg
        - 2.22 * rumenDigestedNdfKg * forageNdfKg;

    /// <summary>White et al. (2017) nonlinear microbial N, g/d (NASEM 2021 Ch. 6 alternative).</summary>
    public static double WhiteNonlinearMicrobialNGrams(double rdpIntakeKg, double rumenDigestedNdfKg, double rumenDigestedStarchKg) =>
        7.47 + 0.574 * rdpIntakeKg * 1000 / (1 + 3.60 / rumenDigestedNdfKg + 12.3 / rumenDigestedStarchKg);
}
