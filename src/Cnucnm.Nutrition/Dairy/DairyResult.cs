using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Dairy;

/// <summary>A requirement beside what the diet supplies, per animal per day.</summary>
/// <param name="Nutrient">Display name (ME, MP, Ca, Lys …).</param>
/// <param name="SupplyVariable">NASEM variable of the supply (An_MEIn, Abs_CaIn …).</param>
/// <param name="RequirementVariable">NASEM variable of the requirement (Trg_MEuse, An_Ca_req …).</param>
public sealed record NutrientBalanceLine(string Nutrient, string Unit, string SupplyVariable, string RequirementVariable, double Supplied, double Required)
{
    public double Balance => Supplied - Required;

    public double PercentOfRequirement => Required > 0 ? Supplied / Required * 100 : double.PositiveInfinity;
}

/// <summary>Allowable production: what the ration's energy or protein would support.</summary>
public sealed record AllowableProduction(
    double ComponentPredictedMilkKg,
    double EnergyAllowableMilkKg,
    double ProteinAllowableMilkKg,
    double EnergyAllowableGainKgPerDay,
    double ProteinAllowableGainKgPerDay);

/// <summary>The result of one evaluation: structured views and every variable by its NASEM name.</summary>
public sealed class DairyResult
{
    private readonly NasemValues _values;

    internal DairyResult(DairyInput input, NasemValues values)
    {
        Input = input;
        _values = values;
        _nasem = new Lazy<IReadOnlyDictionary<string, double>>(values.ToDictionary);
        _balances = new Lazy<IReadOnlyList<NutrientBalanceLine>>(() => [.. DairyBalances.Pairs.Select(p => new NutrientBalanceLine(
            p.Nutrient, p.Unit, p.SupplyVariable, p.RequirementVariable, values[p.SupplyVariable], values[p.RequirementVariable]))]);
    }

    private readonly Lazy<IReadOnlyDictionary<string, double>> _nasem;
    private readonly Lazy<IReadOnlyList<NutrientBalanceLine>> _balances;

    public DairyInput Input { get; }

    /// <summary>Every computed variable with a defined value, by NASEM name.</summary>
    public IReadOnlyDictionary<string, double> Nasem => _nasem.Value;

    /// <summary>Variables the book does not define for this animal.</summary>
    public IReadOnlyList<string> Undefined => _values.Undefined;

    public double this[string nasemName] => _values[nasemName];

    /// <summary>One variable without copying <see cref="Nasem"/>: NaN when it was not computed or is not defined for this animal.</summary>
    public double ValueOrNaN(string nasemName) => _values.TryGet(nasemName, out var value) ? value : double.NaN;

    /// <summary>Dry-matter intake used, kg/d.</summary>
    public double DryMatterIntakeKg => _values["Dt_DMIn"];

    /// <summary>ME supplied and required (target production), Mcal/d.</summary>
    public double MetabolizableEnergySupplyMcal => _values["An_MEIn"];

    public double MetabolizableEnergyRequirementMcal => _values["Trg_MEuse"];

    /// <summary>MP supplied and required at target efficiencies, g/d.</summary>
    public double MetabolizableProteinSupplyGrams => _values["An_MPIn_g"];

    public double MetabolizableProteinRequirementGrams => _values["An_MPuse_g_Trg"];

    public IReadOnlyList<NutrientBalanceLine> Balances => _balances.Value;

    public AllowableProduction Production => new(V("Mlk_Prod_comp"), V("Mlk_Prod_NEalow"), V("Mlk_Prod_MPalow"),
        V("Body_Gain_NEalow"), V("Body_Gain_MPalowTrg"));

    public IntakeSection Intake => new(V("Dt_DMIn"), V("Dt_AFIn"), V("Dt_DMIn_BW") * 100, V("Dt_DM"), V("Dt_CP"), V("Dt_NDF"), V("Dt_ForNDF"),
        V("Dt_St"), V("Dt_FA"));

    public BodySection Body => new(V("An_MBW"), V("An_BW_empty"), V("An_GutFill_Wt"), V("GrUter_Wt"), V("Fet_Wt"), V("Frm_Gain_empty"),
        V("Rsrv_Gain_empty"), V("An_REgain"));

    public EnergySection Energy => new(V("An_GEIn"), V("An_DEIn"), V("An_MEIn"), V("An_NEIn"), V("An_ME"), V("An_NE"), V("TT_dcNDF"), V("TT_dcSt"),
        V("An_NEmUse"), V("An_NEmUse_Act"), V("An_MEmUse"), V("Trg_Mlk_MEout"), V("Gest_MEuse"), V("Frm_MEgain"), V("Rsrv_MEgain"),
        V("Trg_MEuse"), V("Trg_NELuse"), V("Trg_MEbal"));

    public ProteinSection Protein => new(V("Dt_CPIn"), V("An_RDPIn"), V("An_RUPIn"), V("Du_MiN_g"), V("Du_MiCP_g"), V("Du_idMiTP_g"), V("Dt_idRUPIn"),
        V("Du_EndCP_g"), V("An_MPIn_g"), V("An_MPm_g_Trg"), V("Gest_MPUse_g_Trg"), V("Mlk_MPUse_g_Trg"),
        V("Frm_MPUse_g_Trg") + V("Rsrv_MPUse_g_Trg"), V("An_MPuse_g_Trg"), V("An_MPBal_g_Trg"));

    /// <summary>The 10 essential amino acids, Arg … Val.</summary>
    public IReadOnlyList<AminoAcidLine> AminoAcids => [.. Dairy.AminoAcids.All.Select(aa => new AminoAcidLine(aa, V(AaKey.Of("Abs_AA_g", aa)),
        _values.TryGet(AaKey.Of("Trg_AbsAA_g", aa), out var target) && double.IsFinite(target) ? target : null, V(AaKey.Of("Dt_AAIn", aa))))];

    /// <summary>Macro and trace minerals: absorbed (or dietary, as the book states them) supply beside the requirement.</summary>
    public IReadOnlyList<NutrientBalanceLine> Minerals => [.. Balances.Where(b => DairyBalances.Pairs.Any(p =>
        p.Nutrient == b.Nutrient && p.Group is DairyBalances.NutrientGroup.Mineral or DairyBalances.NutrientGroup.TraceMineral))];

    /// <summary>Vitamins A, D and E, IU/d.</summary>
    public IReadOnlyList<NutrientBalanceLine> Vitamins => [.. Balances.Where(b => DairyBalances.Pairs.Any(p =>
        p.Nutrient == b.Nutrient && p.Group == DairyBalances.NutrientGroup.Vitamin))];

    /// <summary>Dietary cation–anion difference, mEq/kg DM.</summary>
    public double DcadMilliequivalentsPerKgDm => V("An_DCADmeq");

    public MilkSection Milk => new(Input.Animal.TargetMilkKgPerDay, V("Trg_NEmilk_Milk"), V("Trg_Mlk_NP_g"), Production);

    /// <summary>Enteric methane, g/d.</summary>
    public double MethaneGramsPerDay => V("CH4out_g");

    /// <summary>Drinking water, kg/d; null where the book gives no equation (calves).</summary>
    public double? DrinkingWaterKgPerDay => _values.TryGet("An_WaIn", out var water) && double.IsFinite(water) ? water : null;

    /// <summary>Feeds of the diet (above 0 kg DM) whose composition had imputed or unknown values, what was used and which
    /// results it touches (<see cref="CompositionCompleteness"/>).</summary>
    public IReadOnlyList<CompositionNote> CompositionNotes => CompositionNote.For(Input.Diet.Where(d => d.KgDryMatterPerDay > 0).Select(d => d.Feed));

    /// <summary>A variable's value, NaN when it was not computed.</summary>
    private double V(string name) => _values.TryGet(name, out var value) ? value : double.NaN;
}

/// <summary>The requirement–supply pairs of the model, used by reports and by the least-cost formulation.</summary>
public static class DairyBalances
{
    public sealed record Pair(string Nutrient, string Unit, string SupplyVariable, string RequirementVariable, NutrientGroup Group);

    public enum NutrientGroup
    {
        Energy,
        Protein,
        AminoAcid,
        Mineral,
        TraceMineral,
        Vitamin,
    }

    public static IReadOnlyList<Pair> Pairs { get; } =
    [
        new("ME", "Mcal/d", "An_MEIn", "Trg_MEuse", NutrientGroup.Energy),
        new("NEL", "Mcal/d", "An_NEIn", "Trg_NELuse", NutrientGroup.Energy),
        new("MP", "g/d", "An_MPIn_g", "An_MPuse_g_Trg", NutrientGroup.Protein),
        .. AminoAcids.All.Where(aa => aa != AminoAcid.Arg)
            .Select(aa => new Pair(aa.ToString(), "g/d absorbed", $"Abs_AA_g.{aa}", $"Trg_AbsAA_g.{aa}", NutrientGroup.AminoAcid)),
        new("Ca", "g/d absorbed", "Abs_CaIn", "An_Ca_req", NutrientGroup.Mineral),
        new("P", "g/d absorbed", "Abs_PIn", "An_P_req", NutrientGroup.Mineral),
        new("Mg", "g/d absorbed", "Abs_MgIn", "An_Mg_req", NutrientGroup.Mineral),
        new("K", "g/d absorbed", "Abs_KIn", "An_K_req", NutrientGroup.Mineral),
        new("Na", "g/d absorbed", "Abs_NaIn", "An_Na_req", NutrientGroup.Mineral),
        new("Cl", "g/d absorbed", "Abs_ClIn", "An_Cl_req", NutrientGroup.Mineral),
        new("S", "g/d dietary", "Dt_SIn", "An_S_req", NutrientGroup.Mineral),
        new("Co", "mg/d absorbed", "Abs_CoIn", "An_Co_req", NutrientGroup.TraceMineral),
        new("Cu", "mg/d absorbed", "Abs_CuIn", "An_Cu_req", NutrientGroup.TraceMineral),
        new("Fe", "mg/d absorbed", "Abs_FeIn", "An_Fe_req", NutrientGroup.TraceMineral),
        new("I", "mg/d dietary", "Dt_IIn", "An_I_req", NutrientGroup.TraceMineral),
        new("Mn", "mg/d absorbed", "Abs_MnIn", "An_Mn_req", NutrientGroup.TraceMineral),
        new("Se", "mg/d dietary", "Dt_SeIn", "An_Se_req", NutrientGroup.TraceMineral),
        new("Zn", "mg/d absorbed", "Abs_ZnIn", "An_Zn_req", NutrientGroup.TraceMineral),
        new("Vitamin A", "IU/d", "Dt_VitAIn", "An_VitA_req", NutrientGroup.Vitamin),
        new("Vitamin D", "IU/d", "Dt_VitDIn", "An_VitD_req", NutrientGroup.Vitamin),
        new("Vitamin E", "IU/d", "Dt_VitEIn", "An_VitE_req", NutrientGroup.Vitamin),
    ];
}
