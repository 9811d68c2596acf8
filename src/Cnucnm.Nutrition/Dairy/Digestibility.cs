namespace Cnucnm.Nutrition.Dairy;

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
