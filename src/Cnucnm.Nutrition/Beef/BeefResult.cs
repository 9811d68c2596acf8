using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.Beef.Hanwoo;
using Cnucnm.Nutrition.Dairy;

namespace Cnucnm.Nutrition.Beef;

/// <summary>Intake: predicted and used, kg DM/d unless named otherwise (NRC 2000 Ch. 7).</summary>
/// <param name="Equation">The equation that predicted intake.</param>
/// <param name="ClimateFactor">Temperature × mud adjustment applied to the prediction.</param>
public sealed record BeefIntakeSection(
    double PredictedDryMatterKgPerDay,
    double DryMatterKgPerDay,
    double AsFedKgPerDay,
    double DryMatterPercentOfBodyWeight,
    BeefIntakeEquation Equation,
    double ClimateFactor);

/// <summary>Body weights, kg (NRC 2000 Growth chapter).</summary>
public sealed record BeefBodySection(
    double ShrunkBodyWeightKg,
    double EmptyBodyWeightKg,
    double MatureShrunkBodyWeightKg,
    double EquivalentShrunkBodyWeightKg,
    double ConceptusWeightKg);

/// <summary>Diet energy and protein concentrations per kg DM.</summary>
public sealed record BeefDietSection(
    double TdnPercent,
    double DigestibleEnergyMcalPerKg,
    double MetabolizableEnergyMcalPerKg,
    double NetEnergyMaintenanceMcalPerKg,
    double NetEnergyGainMcalPerKg,
    double CrudeProteinPercent,
    double RupPercentOfCp,
    double NdfPercent,
    double ForagePercent);

/// <summary>Energy supply and requirements, Mcal/d (NRC 2000 Energy chapter).</summary>
/// <param name="MaintenanceNetEnergyMcal">NEm for maintenance including cold and heat stress.</param>
/// <param name="PregnancyMetabolizableEnergyMcal">ME for the conceptus.</param>
/// <param name="LactationNetEnergyMcal">NE in milk.</param>
/// <param name="GainNetEnergyMcal">NEg (retained energy) at the target gain.</param>
/// <param name="RequiredMetabolizableEnergyMcal">ME for all functions at the target gain.</param>
public sealed record BeefEnergySection(
    double MetabolizableEnergyIntakeMcal,
    double MaintenanceNetEnergyMcal,
    double ColdStressNetEnergyMcal,
    double HeatStressMultiplier,
    double LowerCriticalTemperatureCelsius,
    double PregnancyMetabolizableEnergyMcal,
    double LactationNetEnergyMcal,
    double GainNetEnergyMcal,
    double RequiredMetabolizableEnergyMcal,
    double MetabolizableEnergyBalanceMcal);

/// <summary>Protein supply and requirements, g/d (NRC 2000 Protein chapter).</summary>
public sealed record BeefProteinSection(
    double CrudeProteinIntakeGrams,
    double RumenDegradableProteinGrams,
    double RumenUndegradableProteinGrams,
    double MicrobialCrudeProteinGrams,
    double DegradableProteinBalanceGrams,
    double MetabolizableProteinSupplyGrams,
    double MaintenanceGrams,
    double PregnancyGrams,
    double LactationGrams,
    double GainGrams,
    double RequiredGrams,
    double BalanceGrams);

/// <summary>What the ration allows: shrunk weight gain, kg/d (NRC 2000; live gain = shrunk / 0.96, <see cref="BeefGains"/>), and for
/// lactating cows milk, kg/d.</summary>
/// <param name="PredictedGainKgPerDay">The lesser of the energy- and protein-allowable gains, shrunk.</param>
/// <param name="ProteinLimited">Protein, not energy, limits gain.</param>
/// <param name="MilkKgPerDay">Milk yield used (given, or predicted by the lactation curve).</param>
public sealed record BeefAllowableSection(
    double EnergyAllowableGainKgPerDay,
    double ProteinAllowableGainKgPerDay,
    double PredictedGainKgPerDay,
    bool ProteinLimited,
    double MilkKgPerDay,
    double? EnergyAllowableMilkKgPerDay,
    double? ProteinAllowableMilkKgPerDay);

/// <summary>The result of one beef evaluation: structured sections and every variable by name.</summary>
public sealed class BeefResult
{
    private readonly NasemValues _values;

    internal BeefResult(BeefInput input, NasemValues values, KfsEvaluation? koreanFeedingStandard = null)
    {
        Input = input;
        _values = values;
        KoreanFeedingStandard = koreanFeedingStandard;
    }

    public BeefInput Input { get; }

    /// <summary>Feeds of the diet (above 0 kg DM) whose composition had imputed or unknown values, what was used and which
    /// results it touches (<see cref="CompositionCompleteness"/>), as in the dairy model.</summary>
    public IReadOnlyList<CompositionNote> CompositionNotes => CompositionNote.For(Input.Diet.Where(d => d.KgDryMatterPerDay > 0).Select(d => d.Feed));

    /// <summary>The requirement model in force for this evaluation.</summary>
    public BeefRequirementModel RequirementModel => KoreanFeedingStandard is null ? BeefRequirementModel.Nrc2000 : BeefRequirementModel.KoreanFeedingStandard;

    /// <summary>Why a Hanwoo animal is evaluated on NRC (2000) (<see cref="BeefRequirementModels.FallbackNote"/>); null otherwise.</summary>
    public string? RequirementModelNote => BeefRequirementModels.FallbackNote(Input.Animal, RequirementModel);

    /// <summary>The ration under the Korean Feeding Standard (requirements, supply, live allowable gains) when that is the
    /// requirement model in force; null under NRC 2000. The NRC sections below are always computed (shrunk gains).</summary>
    public KfsEvaluation? KoreanFeedingStandard { get; }

    /// <summary>Every computed variable with a defined value, by name (see docs/science.md, Beef and Hanwoo).</summary>
    public IReadOnlyDictionary<string, double> Variables => _values.ToDictionary();

    public double this[string name] => _values[name];

    public double DryMatterIntakeKg => V("DMI");

    public double PredictedDryMatterIntakeKg => V("DMI_Pred");

    public double EnergyAllowableGainKgPerDay => V("ADG_ME");

    public double ProteinAllowableGainKgPerDay => V("ADG_MP");

    public BeefIntakeSection Intake => new(V("DMI_Pred"), V("DMI"), V("AFI"), V("DMI_BW"), (BeefIntakeEquation)(int)V("DMI_Equation"), V("DMI_ClimateFactor"));

    public BeefBodySection Body => new(V("SBW"), V("EBW"), V("MSBW"), V("EQSBW"), V("Conceptus_Wt"));

    public BeefDietSection Diet => new(V("Dt_TDN"), V("Dt_DE"), V("Dt_ME"), V("Dt_NEm"), V("Dt_NEg"), V("Dt_CP"), V("Dt_RUP_CP"), V("Dt_NDF"), V("Dt_Forage"));

    public BeefEnergySection Energy => new(V("MEI"), V("NEm_req"), V("NEm_cs"), V("HeatStress_Mult"), V("LCT"), V("MEy_req"), V("NEl_req"), V("NEg_req"),
        V("ME_req"), V("ME_bal"));

    public BeefProteinSection Protein => new(V("CPI_g"), V("RDPI_g"), V("RUPI_g"), V("MCP_g"), V("RDP_bal_g"), V("MP_supply_g"), V("MPm_g"), V("MPy_g"),
        V("MPl_g"), V("MPg_g"), V("MP_req_g"), V("MP_bal_g"));

    public BeefAllowableSection Allowable => new(V("ADG_ME"), V("ADG_MP"), V("ADG"), V("ADG_limit_MP") > 0, V("Milk"),
        _values.TryGet("Milk_MEalow", out var meMilk) ? meMilk : null, _values.TryGet("Milk_MPalow", out var mpMilk) ? mpMilk : null);

    /// <summary>Requirement–supply pairs: ME and MP, then minerals (g/d, mg/d) and vitamins (IU/d), all dietary.</summary>
    public IReadOnlyList<NutrientBalanceLine> Balances => [.. BeefBalances.Pairs.Select(p =>
        new NutrientBalanceLine(p.Nutrient, p.Unit, p.SupplyVariable, p.RequirementVariable, V(p.SupplyVariable), V(p.RequirementVariable)))];

    public IReadOnlyList<NutrientBalanceLine> Minerals => [.. Balances.Where(b => BeefBalances.Pairs.Any(p => p.Nutrient == b.Nutrient
        && p.Group is DairyBalances.NutrientGroup.Mineral or DairyBalances.NutrientGroup.TraceMineral))];

    public IReadOnlyList<NutrientBalanceLine> Vitamins => [.. Balances.Where(b => BeefBalances.Pairs.Any(p => p.Nutrient == b.Nutrient
        && p.Group == DairyBalances.NutrientGroup.Vitamin))];

    private double V(string name) => _values.TryGet(name, out var value) ? value : double.NaN;
}

/// <summary>The requirement–supply pairs of the beef model.</summary>
public static class BeefBalances
{
    public static IReadOnlyList<DairyBalances.Pair> Pairs { get; } =
    [
        new("ME", "Mcal/d", "MEI", "ME_req", DairyBalances.NutrientGroup.Energy),
        new("MP", "g/d", "MP_supply_g", "MP_req_g", DairyBalances.NutrientGroup.Protein),
        new("Ca", "g/d dietary", "Dt_CaIn", "Ca_req", DairyBalances.NutrientGroup.Mineral),
        new("P", "g/d dietary", "Dt_PIn", "P_req", DairyBalances.NutrientGroup.Mineral),
        .. BeefMinerals.MacroByConcentration.Select(m => new DairyBalances.Pair(m, "g/d dietary", $"Dt_{m}In", $"{m}_req", DairyBalances.NutrientGroup.Mineral)),
        .. BeefMinerals.Trace.Select(m => new DairyBalances.Pair(m, "mg/d dietary", $"Dt_{m}In", $"{m}_req", DairyBalances.NutrientGroup.TraceMineral)),
        new("Vitamin A", "IU/d", "Dt_VitAIn", "VitA_req", DairyBalances.NutrientGroup.Vitamin),
        new("Vitamin D", "IU/d", "Dt_VitDIn", "VitD_req", DairyBalances.NutrientGroup.Vitamin),
        new("Vitamin E", "IU/d", "Dt_VitEIn", "VitE_req", DairyBalances.NutrientGroup.Vitamin),
    ];
}
