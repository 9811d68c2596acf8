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
            "Animal Protein" => 0.73 * f.Fa * 0.094 + (rdpPercent + rupPercent * dcRup) * 0.056 + 0.96 * (100 - f.Fa / 1.06 - f.Cp - f.Ash) * 0.04 - 0.318,
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

/// <summary>Digestibility of NDF, starch and residual OM, NASEM (2021) Ch. 3 and 5.</summary>
public static class Digestibility
{
    /// <summary>True digestibility of residual OM, % (Tebbe et al., 2017).</summary>
    public const double ResidualOmTrueDigestibilityPercent = 96;

    /// <summary>Fecal endogenous residual OM, % of DMI (Tebbe et al., 2017).</summary>
    public const double FecalEndogenousResidualOmPercentOfDmi = 3.43;

    /// <summary>Ruminal NDF digestibility, % of NDF (White et al., 2016; NASEM 2021 Ch. 5). Floor 0.1 %.</summary>
    public static double RumenNdfPercent(double dmiKg, double ndfPercentOfDm, double starchPercentOfDm, double cpPercentOfDm, double adfPercentOfDm, double wetForagePercentOfDm)
    {
        var value = -31.9 + 0.721 * ndfPercentOfDm - 0.247 * starchPercentOfDm + 6.63 * cpPercentOfDm
                    - 0.211 * cpPercentOfDm * cpPercentOfDm - 0.387 * adfPercentOfDm / ndfPercentOfDm * 100
                    - 0.121 * wetForagePercentOfDm + 1.51 * dmiKg;
        return double.IsNaN(value) || value < 0.1 ? 0.1 : value;
    }

    /// <summary>Ruminal starch digestibility, % of starch (Roman-Garcia et al., 2016; NASEM 2021 Ch. 5), 0.1–100 %.</summary>
    public static double RumenStarchPercent(double dmiKg, double forageNdfPercentOfDm, double starchPercentOfDm, double wetForagePercentOfDm)
    {
        var value = 70.6 - 1.45 * dmiKg + 0.424 * forageNdfPercentOfDm + 1.39 * starchPercentOfDm
                    - 0.0219 * starchPercentOfDm * starchPercentOfDm - 0.154 * wetForagePercentOfDm;
        return double.IsNaN(value) ? 65.6 : Math.Clamp(value, 0.1, 100);
    }

    /// <summary>Total-tract starch digestibility at the production intake, %: base less 1 unit per
    /// 1 % of BW of DMI above 3.5 % (NASEM 2021 Ch. 3).</summary>
    public static double StarchTotalTractPercent(double baseDigestibilityPercent, double dmiFractionOfBw) =>
        baseDigestibilityPercent == 0 ? 0 : baseDigestibilityPercent - 1.0 * (dmiFractionOfBw - 0.035) * 100;

    /// <summary>Total-tract NDF digestibility at the production intake, % (NASEM 2021 Ch. 3):
    /// base discounted 0.59 per unit starch fraction above 0.26 and 1.1 per unit DMI/BW above 0.035.</summary>
    public static double NdfTotalTractPercent(double baseDigestibilityPercent, double starchFractionOfDm, double dmiFractionOfBw) =>
        baseDigestibilityPercent == 0 ? 0
        : (baseDigestibilityPercent / 100 - 0.59 * (starchFractionOfDm - 0.26) - 1.1 * (dmiFractionOfBw - 0.035)) * 100;
}

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
