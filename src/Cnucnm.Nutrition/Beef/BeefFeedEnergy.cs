using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>
/// Feed and diet energy for the beef model. TDN at maintenance intake comes from the feed's composition by the
/// summative equation of NRC (2001) Ch. 2 (Weiss et al. 1992), the same composition the dairy model reads; the beef
/// book then converts TDN to DE, ME, NEm and NEg (NRC 2000 Energy chapter; Garrett 1980). Percentages are % DM.
/// </summary>
public static class BeefFeedEnergy
{
    /// <summary>NRC (2000): 1 kg TDN = 4.409 Mcal DE.</summary>
    public const double DigestibleEnergyPerKgTdn = 4.409;

    /// <summary>NRC (2000): ME = 0.82 × DE.</summary>
    public const double MetabolizableToDigestible = 0.82;

    /// <summary>FA digestibility of fat supplements when the feed gives none, % (NASEM 2021 Ch. 4 default for fat supplements).</summary>
    public const double DefaultFatSupplementFaDigestibilityPercent = 73;

    /// <summary>
    /// Apparent digestibility of the fatty acids of ordinary feeds when the feed gives none, %: NASEM (2021) Ch. 3 sets 73 %
    /// for basal feeds (the NASEM feed library carries 73 for 249 of its feeds; this application's dairy model uses it). The
    /// Korean Standard Tables agree: digestion coefficients of ether extract in cattle 77.8 % for corn, 76.1 % for full-fat
    /// rice bran, 69.9 % for wheat bran (NIAS feed ingredient table as distributed in the <c>feed</c> R package of adatalab,
    /// data-raw/feed_nias.xlsx, columns EED.%). NRC (2001)'s summative equation counted FA at 100 %, which puts full-fat
    /// rice bran (19 % ether extract) at 90–97 % TDN against 70 % (NRC 2000 beef feed table) and 77.8 % (the NIAS table's
    /// own digestion coefficients); see docs/feeds.md.
    /// </summary>
    public const double DefaultFaDigestibilityPercent = 73;

    /// <summary>
    /// NRC (2001) Ch. 2 summative TDN at maintenance intake, % DM:
    /// tdNFC = 0.98 × (100 − (NDF − NDICP) − CP − EE − ash); tdCP = CP × e^(−1.2 ADICP/CP) (forage) or CP × (1 − 0.4 ADICP/CP)
    /// (concentrate); tdFA = FA (EE − 1 when FA is unknown); tdNDF = 0.75 × (NDFn − L) × (1 − (L/NDFn)^0.667);
    /// TDN = tdNFC + tdCP + 2.25 tdFA + tdNDF − 7, with tdFA = FA × the feed's FA digestibility (NASEM 2021: 73 % when the feed
    /// gives none, <see cref="DefaultFaDigestibilityPercent"/>; NRC 2001 took 100 %). Minerals and NPN sources have no TDN; fat
    /// supplements are 2.25 × digestible FA. Forage and concentrate forms are weighted by the feed's concentrate share.
    /// </summary>
    public static double TdnPercent(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var category = feed.Category;
        var fa = double.IsNaN(feed[FeedNutrient.Fd_FA]) ? Math.Max(0, feed.OrZero(FeedNutrient.Fd_CFat) - 1) : feed[FeedNutrient.Fd_FA];
        if (category == "Vitamin/Mineral")
        {
            return 0;
        }

        if (category is "Fat Supplement" or "Fatty Acid Supplement")
        {
            var digestibility = double.IsNaN(feed[FeedNutrient.Fd_dcFA]) ? DefaultFatSupplementFaDigestibilityPercent : feed[FeedNutrient.Fd_dcFA];
            return 2.25 * fa * digestibility / 100;
        }

        var cp = feed.OrZero(FeedNutrient.Fd_CP);
        var ndf = feed.OrZero(FeedNutrient.Fd_NDF);
        var ndicp = Math.Min(feed.OrZero(FeedNutrient.Fd_NDFIP), ndf);
        var adicp = Math.Min(feed.OrZero(FeedNutrient.Fd_ADFIP), cp);
        var ether = double.IsNaN(feed[FeedNutrient.Fd_CFat]) ? fa + 1 : feed[FeedNutrient.Fd_CFat];
        var ash = feed.OrZero(FeedNutrient.Fd_Ash);
        var lignin = Math.Min(feed.OrZero(FeedNutrient.Fd_Lg), ndf);
        var ndfn = ndf - ndicp;

        var tdNfc = Math.Max(0, 0.98 * (100 - ndfn - cp - ether - ash));
        var concentrateShare = double.IsNaN(feed[FeedNutrient.Fd_Conc]) ? (feed.IsForage ? 0 : 1) : feed[FeedNutrient.Fd_Conc] / 100;
        var adicpOfCp = cp > 0 ? adicp / cp : 0;
        var tdCp = cp * ((1 - concentrateShare) * Math.Exp(-1.2 * adicpOfCp) + concentrateShare * (1 - 0.4 * adicpOfCp));
        var tdNdf = ndfn > 0 && ndfn > lignin ? 0.75 * (ndfn - lignin) * (1 - Math.Pow(lignin / ndfn, 0.667)) : 0;
        var faDigestibility = feed[FeedNutrient.Fd_dcFA] is var dc && double.IsFinite(dc) && dc > 0 ? dc : DefaultFaDigestibilityPercent;
        return Math.Max(0, tdNfc + tdCp + 2.25 * fa * faDigestibility / 100 + tdNdf - 7);
    }

    /// <summary>NRC (2000): DE, Mcal/kg DM = 0.04409 × TDN %.</summary>
    public static double DigestibleEnergyMcalPerKg(double tdnPercent) => DigestibleEnergyPerKgTdn * tdnPercent / 100;

    /// <summary>NRC (2000): ME, Mcal/kg DM = 0.82 × DE.</summary>
    public static double MetabolizableEnergyMcalPerKg(double digestibleEnergyMcalPerKg) => MetabolizableToDigestible * digestibleEnergyMcalPerKg;

    /// <summary>NRC (2000) Energy chapter (Garrett 1980): NEm, Mcal/kg DM = 1.37 ME − 0.138 ME² + 0.0105 ME³ − 1.12, not below 0.</summary>
    public static double NetEnergyMaintenanceMcalPerKg(double me) => Math.Max(0, 1.37 * me - 0.138 * me * me + 0.0105 * me * me * me - 1.12);

    /// <summary>NRC (2000) Energy chapter (Garrett 1980): NEg, Mcal/kg DM = 1.42 ME − 0.174 ME² + 0.0122 ME³ − 1.65, not below 0.</summary>
    public static double NetEnergyGainMcalPerKg(double me) => Math.Max(0, 1.42 * me - 0.174 * me * me + 0.0122 * me * me * me - 1.65);
}
