using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>
/// One feed of the diet with the per-feed quantities of the NASEM model (the <c>f$</c> columns of
/// the NASEM software): composition (% DM) and intakes (kg/d, g/d for minerals and amino acids).
/// The composition is the feed's after <see cref="CompositionCompleteness"/> (docs/science.md, "Blank feed
/// composition"); a value still missing propagates as NaN and drops out of the diet sums, as in the NASEM software.
/// </summary>
internal sealed class FeedRow
{
    public FeedRow(Feed original, Feed feed, double share)
    {
        Original = original;
        Feed = feed;
        Share = share;
        Category = feed.Category;
        Dm = feed[FeedNutrient.Fd_DM];
        Conc = feed[FeedNutrient.Fd_Conc];
        Adf = feed[FeedNutrient.Fd_ADF];
        Ndf = feed[FeedNutrient.Fd_NDF];
        Lg = feed[FeedNutrient.Fd_Lg];
        Cp = feed[FeedNutrient.Fd_CP];
        St = feed[FeedNutrient.Fd_St];
        DcSt = feed[FeedNutrient.Fd_dcSt];
        Wsc = feed[FeedNutrient.Fd_WSC];
        CpaRu = feed[FeedNutrient.Fd_CPARU];
        CpbRu = feed[FeedNutrient.Fd_CPBRU];
        CpcRu = feed[FeedNutrient.Fd_CPCRU];
        DcRup = feed[FeedNutrient.Fd_dcRUP];
        KdRup = feed[FeedNutrient.Fd_KdRUP];
        NpnCp = feed[FeedNutrient.Fd_NPN_CP];
        NdfIp = feed[FeedNutrient.Fd_NDFIP];
        CFat = feed[FeedNutrient.Fd_CFat];
        Fa = feed[FeedNutrient.Fd_FA];
        DcFaInput = feed[FeedNutrient.Fd_dcFA];
        Ash = feed[FeedNutrient.Fd_Ash];
        Dndf48Input = feed[FeedNutrient.Fd_DNDF48_input];
        Dndf48Ndf = feed[FeedNutrient.Fd_DNDF48_NDF];
    }

    /// <summary>The feed as the caller gave it (blanks included).</summary>
    public Feed Original { get; }

    /// <summary>The feed the model computes with: blanks decided by the composition-completeness policy.</summary>
    public Feed Feed { get; }

    /// <summary>Share of the diet DM, fraction (Fd_DMInp).</summary>
    public double Share { get; }

    public string Category { get; }

    public double Dm, Conc, Adf, Ndf, Lg, Cp, St, DcSt, Wsc, CpaRu, CpbRu, CpcRu, DcRup, KdRup, NpnCp, NdfIp, CFat, Fa, DcFaInput, Ash, Dndf48Input, Dndf48Ndf;

    // Derived composition, % DM unless noted.
    public double For, ForWet, ForDry, Past, ForNdf, NdfNf, NpnCpDm, Npn, NpnDm, Tp, FHydrFa, FaHydr, Nfc, ROm, Ge, Dndf48, TtDcNdfLg, TtDcNdf48h, TtDcNdfBase, DeBase;

    // Intakes, kg/d.
    public double DmIn, AfIn, NdfIn, AdfIn, StIn, LgIn, ForNdfIn, DigNdfInBase, CpIn, TpIn, NpnCpIn, NpnIn, NpnDmIn, CpaIn, CpbIn, CpcIn, RupbIn, RupIn, Rup, RupCp, Rdp, FaIn, CFatIn, FaHydrIn, AshIn, GeIn, DeInBase, IdRupIn, DigFaIn, DigStInBase;

    // Fatty acids, kg/d: C12:0 … other.
    public double C120In, C140In, C160In, C161In, C180In, C181tIn, C181cIn, C182In, C183In, OtherFaIn;
    public double DigC160In, DigC183In, TtDcFa;

    // Amino acids (hydrated, corrected for 24-h hydrolysis recovery), g/d: intake, RUP, digested RUP.
    public readonly double[] AaIn = new double[10];
    public readonly double[] AaRupIn = new double[10];
    public readonly double[] IdAaRupIn = new double[10];

    public bool IsCalfLiquid => Category == "Calf Liquid Feed";

    public bool IsPasture => Category == "Pasture";

    /// <summary>A composition value, 0 when missing (mineral and amino acid sums).</summary>
    public double Value(FeedNutrient nutrient) => Feed.OrZero(nutrient);
}
