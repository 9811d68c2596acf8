namespace Cnucnm.Nutrition.Feeds;

/// <summary>
/// Composition columns of a feed, named and expressed as in the NASEM (2021) feed library
/// (Ch. 19 and the model software): per kg of dry matter. Percent of DM unless the name says
/// otherwise: <c>_CP</c> = % of crude protein, <c>_FA</c> = % of fatty acids, <c>_NDF</c> = % of NDF,
/// <c>_P</c> = % of P; trace minerals mg/kg DM; vitamins A, D, E IU/kg DM; other vitamins mg/kg DM;
/// absorption coefficients (<c>Fd_ac*</c>) and DM are fractions or % as noted.
/// </summary>
public enum FeedNutrient
{
    /// <summary>Dry matter, % as fed.</summary>
    Fd_DM,
    /// <summary>Concentrate share of the feed, % (100 − forage).</summary>
    Fd_Conc,
    Fd_ADF,
    Fd_NDF,
    /// <summary>48-h in vitro NDF digestibility, % of NDF (0 when not measured).</summary>
    Fd_DNDF48_input,
    Fd_DNDF48_NDF,
    /// <summary>Lignin, % DM.</summary>
    Fd_Lg,
    Fd_CP,
    /// <summary>Starch, % DM.</summary>
    Fd_St,
    /// <summary>Total-tract starch digestibility, % of starch.</summary>
    Fd_dcSt,
    /// <summary>Water-soluble carbohydrate, % DM.</summary>
    Fd_WSC,
    /// <summary>Protein fractions A, B, C for ruminal degradation, % of CP.</summary>
    Fd_CPARU,
    Fd_CPBRU,
    Fd_CPCRU,
    /// <summary>Intestinal digestibility of RUP, % of RUP.</summary>
    Fd_dcRUP,
    /// <summary>Degradation rate of protein fraction B, %/h.</summary>
    Fd_KdRUP,
    /// <summary>Non-protein N, % of CP (CP equivalent).</summary>
    Fd_NPN_CP,
    /// <summary>NDF- and ADF-insoluble protein, % DM.</summary>
    Fd_NDFIP,
    Fd_ADFIP,
    Fd_Arg_CP,
    Fd_His_CP,
    Fd_Ile_CP,
    Fd_Leu_CP,
    Fd_Lys_CP,
    Fd_Met_CP,
    Fd_Phe_CP,
    Fd_Thr_CP,
    Fd_Trp_CP,
    Fd_Val_CP,
    /// <summary>Crude fat (ether extract), % DM.</summary>
    Fd_CFat,
    /// <summary>Total fatty acids, % DM.</summary>
    Fd_FA,
    /// <summary>Total-tract FA digestibility, % of FA (missing: category default).</summary>
    Fd_dcFA,
    Fd_Ash,
    Fd_C120_FA,
    Fd_C140_FA,
    Fd_C160_FA,
    Fd_C161_FA,
    Fd_C180_FA,
    Fd_C181t_FA,
    Fd_C181c_FA,
    Fd_C182_FA,
    Fd_C183_FA,
    Fd_OtherFA_FA,
    Fd_Ca,
    Fd_P,
    /// <summary>Inorganic and organic P, % of P.</summary>
    Fd_Pinorg_P,
    Fd_Porg_P,
    Fd_Na,
    Fd_Cl,
    Fd_K,
    Fd_Mg,
    Fd_S,
    /// <summary>Trace minerals, mg/kg DM.</summary>
    Fd_Cr,
    Fd_Co,
    Fd_Cu,
    Fd_Fe,
    Fd_I,
    Fd_Mn,
    Fd_Mo,
    Fd_Se,
    Fd_Zn,
    /// <summary>β-carotene, biotin, choline, niacin, mg/kg DM.</summary>
    Fd_B_Carotene,
    Fd_Biotin,
    Fd_Choline,
    Fd_Niacin,
    /// <summary>Vitamins A, D, E, IU/kg DM.</summary>
    Fd_VitA,
    Fd_VitD,
    Fd_VitE,
    /// <summary>Absorption coefficients of minerals, fraction (0–1).</summary>
    Fd_acCa_input,
    Fd_acPtot_input,
    Fd_acNa_input,
    Fd_acCl_input,
    Fd_acK_input,
    Fd_acCu_input,
    Fd_acFe_input,
    Fd_acMg_input,
    Fd_acMn_input,
    Fd_acZn_input,
}

public static class FeedNutrients
{
    public static readonly int Count = Enum.GetValues<FeedNutrient>().Length;

    private static readonly Dictionary<string, FeedNutrient> ByName =
        Enum.GetValues<FeedNutrient>().ToDictionary(n => n.ToString(), StringComparer.OrdinalIgnoreCase);

    public static bool TryParse(string name, out FeedNutrient nutrient) => ByName.TryGetValue(name, out nutrient);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The unit a value of this column is in, for people.</summary>
    public static string Unit(FeedNutrient nutrient)
    {
        var name = nutrient.ToString();
        return nutrient switch
        {
            FeedNutrient.Fd_DM => "% as fed",
            FeedNutrient.Fd_dcSt => "% of starch",
            FeedNutrient.Fd_dcRUP => "% of RUP",
            FeedNutrient.Fd_dcFA => "% of FA",
            FeedNutrient.Fd_KdRUP => "%/h",
            FeedNutrient.Fd_CPARU or FeedNutrient.Fd_CPBRU or FeedNutrient.Fd_CPCRU => "% of CP",
            FeedNutrient.Fd_FA => "% DM",
            FeedNutrient.Fd_DNDF48_input or FeedNutrient.Fd_DNDF48_NDF => "% of NDF",
            FeedNutrient.Fd_Pinorg_P or FeedNutrient.Fd_Porg_P => "% of P",
            >= FeedNutrient.Fd_Cr and <= FeedNutrient.Fd_Zn => "mg/kg DM",
            >= FeedNutrient.Fd_B_Carotene and <= FeedNutrient.Fd_Niacin => "mg/kg DM",
            >= FeedNutrient.Fd_VitA and <= FeedNutrient.Fd_VitE => "IU/kg DM",
            >= FeedNutrient.Fd_acCa_input => "fraction absorbed",
            _ when name.EndsWith("_CP", StringComparison.Ordinal) && nutrient != FeedNutrient.Fd_CP => "% of CP",
            _ when name.EndsWith("_FA", StringComparison.Ordinal) => "% of FA",
            _ => "% DM",
        };
    }
}
