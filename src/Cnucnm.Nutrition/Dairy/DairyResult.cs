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

    /// <summary>Dry-matter intake used, kg/d.</summary>
    public double DryMatterIntakeKg => _values["Dt_DMIn"];

    /// <summary>ME supplied and required (target production), Mcal/d.</summary>
    public double MetabolizableEnergySupplyMcal => _values["An_MEIn"];

    public double MetabolizableEnergyRequirementMcal => _values["Trg_MEuse"];

    /// <summary>MP supplied and required at target efficiencies, g/d.</summary>
    public double MetabolizableProteinSupplyGrams => _values["An_MPIn_g"];

    public double MetabolizableProteinRequirementGrams => _values["An_MPuse_g_Trg"];

    public IReadOnlyList<NutrientBalanceLine> Balances => _balances.Value;

    public AllowableProduction Production => new(_values["Mlk_Prod_comp"], _values["Mlk_Prod_NEalow"], _values["Mlk_Prod_MPalow"],
        _values["Body_Gain_NEalow"], _values["Body_Gain_MPalowTrg"]);
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
