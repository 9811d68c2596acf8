using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// Metabolizable protein supply of beef cattle: microbial protein from TDN intake, limited by degradable protein
/// (NRC 2000 Protein chapter, Level 1), plus digested rumen-undegradable protein. RUP comes from the feed's in situ
/// protein fractions with the NASEM (2021) Ch. 6 passage-rate equation, the same feed model the dairy engine uses.
/// </summary>
public static class BeefProteinSupply
{
    /// <summary>NRC (2000): microbial CP synthesis, 130 g per kg TDN intake.</summary>
    public const double MicrobialCpPerKgTdnGrams = 130;

    /// <summary>NRC (2000): microbial CP is 80 % true protein, 80 % digested: MP = 0.64 × MCP.</summary>
    public const double MicrobialMpPerCp = 0.64;

    /// <summary>NRC (2000): RUP digestibility when the feed gives none, fraction.</summary>
    public const double DefaultRupDigestibility = 0.80;

    /// <summary>RUP of a feed, % of its CP (NASEM 2021 Ch. 6 in situ model: 6.4 % of true-protein A, the share of B
    /// that passes before it is degraded at kp 4.87 %/h (forage) and 5.28 %/h (concentrate), all of C, less the
    /// intercept 0.086/3.39 of CP). NPN is fully degraded; a feed without protein fractions is taken as 35 % RUP.</summary>
    public static double RupPercentOfCp(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var a = feed[FeedNutrient.Fd_CPARU];
        var b = feed[FeedNutrient.Fd_CPBRU];
        var c = feed[FeedNutrient.Fd_CPCRU];
        var kd = feed[FeedNutrient.Fd_KdRUP];
        if (double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c) || double.IsNaN(kd))
        {
            return feed.Category == "Vitamin/Mineral" ? 0 : 35;
        }

        var npn = feed.OrZero(FeedNutrient.Fd_NPN_CP);
        var concentrate = double.IsNaN(feed[FeedNutrient.Fd_Conc]) ? (feed.IsForage ? 0 : 100) : feed[FeedNutrient.Fd_Conc];
        var forageEscape = (100 - concentrate) / 100 * ProteinSupply.PassageRateForagePercentPerHour / (kd + ProteinSupply.PassageRateForagePercentPerHour);
        var concentrateEscape = concentrate / 100 * ProteinSupply.PassageRateConcentratePercentPerHour / (kd + ProteinSupply.PassageRateConcentratePercentPerHour);
        var rup = Math.Max(0, a - npn) * ProteinSupply.FractionAEscape + b * (forageEscape + concentrateEscape) + c
                  + ProteinSupply.RupInterceptKg / ProteinSupply.ReferenceCpIntakeKg * 100;
        return Math.Clamp(rup, 0, 100);
    }

    /// <summary>Intestinal digestibility of a feed's RUP, fraction (the feed's dcRUP, else NRC 2000's 0.80).</summary>
    public static double RupDigestibility(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var dc = feed[FeedNutrient.Fd_dcRUP];
        return double.IsNaN(dc) ? DefaultRupDigestibility : dc / 100;
    }

    /// <summary>NRC (2000) Level 1: microbial CP, g/d = 130 g/kg × TDN intake, not more than the degradable protein supplied.</summary>
    public static double MicrobialCpGrams(double tdnIntakeKg, double rdpIntakeGrams) =>
        Math.Max(0, Math.Min(MicrobialCpPerKgTdnGrams * tdnIntakeKg, rdpIntakeGrams));
}
