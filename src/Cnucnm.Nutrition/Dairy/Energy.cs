namespace Cnucnm.Nutrition.Dairy;

/// <summary>Energy values of nutrients and the feed's base digestible energy, NASEM (2021) Ch. 3.</summary>
public static class Energy
{
    /// <summary>Heats of combustion, Mcal/kg of nutrient (NASEM 2021 Ch. 3, Table 3-1).</summary>
    public const double CombustionFa = 9.4;
    public const double CombustionCp = 5.65;
    public const double CombustionNdf = 4.2;
    public const double CombustionStarch = 4.23;
    public const double CombustionResidualOm = 4.0;

    /// <summary>Per kg of CP equivalent from urea (2.5 kcal/g urea).</summary>
    public const double CombustionNpnCp = 0.89;

    /// <summary>Efficiency of ME use for lactation and for expressing NE as NEL (NASEM 2021 Ch. 3).</summary>
    public const double KlMeToNe = 0.66;

    /// <summary>
    /// Base (undiscounted) digestible energy of a feed, Mcal/kg DM: NASEM (2021) Ch. 3, Eq. 3-3
    /// family (digestible NDF from lignin or 48-h in vitro, digestible starch, FA, residual OM, CP
    /// and NPN, less metabolic fecal energy 0.318), with the category-specific forms for animal
    /// protein, fat and FA supplements, calf liquid feeds, sugars and minerals.
    /// </summary>
    internal static double FeedDigestibleEnergyBaseMcalPerKg(FeedRow f, int useDndfInVitro)
    {
        // Departure from the NASEM software: a feed without ruminal protein fractions (calf feeds) or
        // FA digestibility keeps its energy (RUP taken as 0, FA digestibility by category default)
        // instead of dropping out of the DE sum; this value drives the DE of milk-fed calves.
        var dcSt = f.DcSt;
        var dcFa = double.IsNaN(f.DcFaInput) ? (f.Category == "Fatty Acid Supplement" ? 73 : 68) : f.DcFaInput;
        var dcRup = double.IsNaN(f.DcRup) ? 0 : f.DcRup;
        var rupPercent = double.IsNaN(f.Rup) ? 0 : f.Rup;
        var rdpPercent = double.IsNaN(f.Rdp) ? f.Cp : f.Rdp;
        var residual = 100 - f.Fa / 1.06 - f.Ash - f.Ndf - f.St - (f.Cp - ((double.IsNaN(f.NpnCpDm) ? 0 : f.NpnCpDm) * (1 - 1 / 2.81)));
        var npnCp = double.IsNaN(f.NpnCpDm) ? 0 : f.NpnCpDm;
        var protein = (f.Cp - rupPercent / 100 * f.Cp + rupPercent / 100 * f.Cp * dcRup / 100 - npnCp) * 0.0565 + npnCp * 0.0089;
        var lignin = 0.75 * (f.Ndf - f.Lg) * (1 - Math.Pow(f.Lg / (f.Ndf == 0 ? 1e-9 : f.Ndf), 0.667)) * 0.042;
        var inVitro = (0.12 + 0.0061 * f.Dndf48Ndf) * f.Ndf * 0.042;
        var common = f.St * dcSt / 100 * 0.0423 + f.Fa * dcFa / 100 * 0.094 + residual * 0.96 * 0.04 + protein - (0.137 + 0.093 + 0.088);
        var deBase = (useDndfInVitro == 0 || (useDndfInVitro == 1 && 100 - f.Conc == 0) ? lignin : inVitro) + common;
        return f.Category switch
        {
            // dcRUP is a percentage: the NASEM software multiplies RUP by it unscaled (blood meal 327 Mcal/kg against the
            // library's 4.52); departure 9 in docs/science.md.
            "Animal Protein" => 0.73 * f.Fa * 0.094 + (rdpPercent + rupPercent * dcRup / 100) * 0.056 + 0.96 * (100 - f.Fa / 1.06 - f.Cp - f.Ash) * 0.04 - 0.318,
            "Fat Supplement" => f.Fa * dcFa / 100 * 0.094 + (100 - f.Ash - f.Fa / 1.06 * 0.96) * 0.043 - 0.318,
            "Fatty Acid Supplement" => f.Fa * dcFa / 100 * 0.094 - 0.318,
            "Calf Liquid Feed" => (0.094 * f.Fa + 0.057 * f.Cp + 0.04 * (100 - f.Ash - f.Cp - f.Fa)) * 0.95,
            "Sugar/Sugar Alcohol" => (100 - f.Ash) * 0.04 * 0.96 - 0.318,
            "Vitamin/Mineral" when f.Npn > 0 && !double.IsNaN(f.Npn) => f.Cp * 0.089 - 0.318,
            "Vitamin/Mineral" => 0,
            _ => deBase,
        };
    }
}
