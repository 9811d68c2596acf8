namespace Cnucnm.Nutrition.Dairy;

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
    public static double Nrc2021MicrobialNGrams(double rdpPercentOfDm, double rdpIntakeKg, double dmiKg, double rumenDigestedNdfKg, double rumenDigestedStarchKg) =>
        Math.Min(Nrc2021MicrobialNGramsBeforeCap(rdpPercentOfDm, rdpIntakeKg, dmiKg, rumenDigestedNdfKg, rumenDigestedStarchKg), rdpIntakeKg * 1000 / 6.25);

    /// <summary>
    /// The same equation before its cap at the N in RDP: the microbial N the ruminally digested NDF and starch would
    /// support. Above the N in RDP, RDP limits microbial growth (the ruminal N balance against it is negative).
    /// </summary>
    public static double Nrc2021MicrobialNGramsBeforeCap(double rdpPercentOfDm, double rdpIntakeKg, double dmiKg, double rumenDigestedNdfKg, double rumenDigestedStarchKg)
    {
        var rdpForMaximum = rdpPercentOfDm <= 12 ? rdpIntakeKg : dmiKg * 0.12;
        var vmax = 100.8 + 81.56 * rdpForMaximum;
        return vmax / (1 + 0.0939 / rumenDigestedNdfKg + 0.0274 / rumenDigestedStarchKg);
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
