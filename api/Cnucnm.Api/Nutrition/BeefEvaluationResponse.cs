using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Beef.Hanwoo;

namespace Cnucnm.Api.Nutrition;

/// <summary>Result of a beef evaluation (NRC 2000 Level 1 with Hanwoo parameters; docs/science.md, Beef and Hanwoo): intake, body
/// weights, diet energy and protein, energy and protein requirements and supply, allowable gain (and milk of lactating cows),
/// requirement–supply pairs of minerals and vitamins, and every model variable by name. A value the model does not define
/// for this animal or diet is null and absent from <c>variables</c>. <c>compositionNotes</c> lists the diet's feeds whose composition
/// had imputed or unknown values (issue 25), in English and Korean, as the dairy answer does.</summary>
/// <param name="RequirementModelNote">Why a Hanwoo animal's requirements come from NRC (2000) rather than the Korean Feeding Standard
/// (cows, pregnant or lactating animals and calves, whose KFS equations were not found); null otherwise.</param>
/// <param name="Environment">The current and previous-month temperatures used and where each came from (the request, the KMA
/// 1991–2020 normals of <c>beef.environment.province</c> for the month, or the defaults).</param>
public sealed record BeefEvaluationResponse(
    BeefIntakeResult Intake,
    BeefBodyResult Body,
    BeefDietResult Diet,
    BeefEnergyResult Energy,
    BeefProteinResult Protein,
    BeefAllowableResult Allowable,
    IReadOnlyList<BalanceLine> Balances,
    IReadOnlyDictionary<string, double> Variables,
    BeefRequirementModel RequirementModel,
    KoreanFeedingStandardResult? KoreanFeedingStandard,
    IReadOnlyList<CompositionNoteLine> CompositionNotes,
    string? RequirementModelNote = null,
    BeefEnvironmentUsed? Environment = null) : EvaluationResponse
{
    internal static BeefEvaluationResponse From(BeefResult result, BeefEnvironmentUsed? environment = null)
    {
        var n = result.Variables;
        double? Get(string name) => n.TryGetValue(name, out var value) ? value : null;
        var allowable = result.Allowable;
        return new BeefEvaluationResponse(
            new BeefIntakeResult(Get("DMI_Pred"), Get("DMI"), Get("AFI"), Get("DMI_BW"), result.Intake.Equation, Get("DMI_ClimateFactor")),
            new BeefBodyResult(Get("SBW"), Get("EBW"), Get("MSBW"), Get("EQSBW"), Get("Conceptus_Wt")),
            new BeefDietResult(Get("Dt_TDN"), Get("Dt_DE"), Get("Dt_ME"), Get("Dt_NEm"), Get("Dt_NEg"), Get("Dt_CP"), Get("Dt_RUP_CP"), Get("Dt_NDF"),
                Get("Dt_Forage")),
            new BeefEnergyResult(Get("MEI"), Get("NEm_req"), Get("NEm_cs"), Get("HeatStress_Mult"), Get("LCT"), Get("MEy_req"), Get("NEl_req"),
                Get("NEg_req"), Get("ME_req"), Get("ME_bal")),
            new BeefProteinResult(Get("CPI_g"), Get("RDPI_g"), Get("RUPI_g"), Get("MCP_g"), Get("RDP_bal_g"), Get("MP_supply_g"), Get("MPm_g"),
                Get("MPy_g"), Get("MPl_g"), Get("MPg_g"), Get("MP_req_g"), Get("MP_bal_g")),
            new BeefAllowableResult(Get("ADG_ME"), Get("ADG_MP"), Get("ADG"), allowable.ProteinLimited, Get("Milk"), Get("Milk_MEalow"), Get("Milk_MPalow")),
            [.. BeefBalances.Pairs.Select(p => new BalanceLine(p.Nutrient, p.Unit, p.SupplyVariable, p.RequirementVariable, Get(p.SupplyVariable),
                Get(p.RequirementVariable), Get(p.SupplyVariable) - Get(p.RequirementVariable)))],
            n,
            result.RequirementModel,
            result.KoreanFeedingStandard is { } kfs ? KoreanFeedingStandardResult.From(kfs) : null,
            [.. result.CompositionNotes.Select(CompositionNoteLine.From)],
            result.RequirementModelNote,
            environment);
    }
}

/// <summary>The ration under the Korean Feeding Standard for Hanwoo (NIAS; docs/science.md): requirements at the target gain
/// (as live gain), supply at the evaluation's intake, balances and the live-weight gains the supply allows. Present when the
/// requirement model in force is koreanFeedingStandard.</summary>
/// <param name="Source">Which equations gave each quantity.</param>
/// <param name="TargetLiveGainKgPerDay">The target as live gain (shrunk target ÷ 0.96), kg/d.</param>
/// <param name="ExpectedDryMatterIntakeKgPerDay">Intake the standard's model expects, kg DM/d.</param>
/// <param name="EnergyAllowableLiveGainKgPerDay">Live gain the ME supply allows (steers, bulls), kg/d.</param>
/// <param name="ProteinAllowableLiveGainKgPerDay">Live gain the CP supply allows (steers, bulls), kg/d.</param>
public sealed record KoreanFeedingStandardResult(
    string Source,
    double TargetLiveGainKgPerDay,
    double ExpectedDryMatterIntakeKgPerDay,
    double RequiredMetabolizableEnergyMcalPerDay,
    double RequiredMaintenanceMetabolizableEnergyMcalPerDay,
    double? RequiredGainNetEnergyMcalPerDay,
    double RequiredTdnKgPerDay,
    double RequiredCrudeProteinGramsPerDay,
    double RequiredCalciumGramsPerDay,
    double RequiredPhosphorusGramsPerDay,
    double RequiredVitaminAThousandIuPerDay,
    double RequiredVitaminDThousandIuPerDay,
    double MetabolizableEnergySupplyMcalPerDay,
    double TdnSupplyKgPerDay,
    double CrudeProteinSupplyGramsPerDay,
    double CalciumSupplyGramsPerDay,
    double PhosphorusSupplyGramsPerDay,
    double MetabolizableEnergyBalanceMcalPerDay,
    double CrudeProteinBalanceGramsPerDay,
    double? EnergyAllowableLiveGainKgPerDay,
    double? ProteinAllowableLiveGainKgPerDay)
{
    internal static KoreanFeedingStandardResult From(KfsEvaluation k)
    {
        var r = k.Requirements;
        return new KoreanFeedingStandardResult(r.Source, r.Animal.LiveGainKgPerDay, r.DryMatterIntakeKgPerDay, r.MetabolizableEnergyMcalPerDay,
            r.MaintenanceMetabolizableEnergyMcalPerDay, r.GainNetEnergyMcalPerDay, r.TdnKgPerDay, r.CrudeProteinGramsPerDay, r.CalciumGramsPerDay,
            r.PhosphorusGramsPerDay, r.VitaminAThousandIuPerDay, r.VitaminDThousandIuPerDay, k.MetabolizableEnergySupplyMcalPerDay, k.TdnSupplyKgPerDay,
            k.CrudeProteinSupplyGramsPerDay, k.CalciumSupplyGramsPerDay, k.PhosphorusSupplyGramsPerDay, k.MetabolizableEnergyBalanceMcalPerDay,
            k.CrudeProteinBalanceGramsPerDay, k.EnergyAllowableLiveGainKgPerDay, k.ProteinAllowableLiveGainKgPerDay);
    }
}

/// <summary>Intake, kg DM/d unless named otherwise (NRC 2000 Ch. 7; Japanese Feeding Standard 2008 for Hanwoo).</summary>
/// <param name="PredictedDryMatterKgPerDay">The intake equation's prediction (DMI_Pred).</param>
/// <param name="DryMatterKgPerDay">Intake used: the diet's sum, or the prediction when intake is predicted (DMI).</param>
/// <param name="Equation">The equation that predicted intake.</param>
/// <param name="ClimateFactor">Temperature × mud adjustment applied to the prediction.</param>
public sealed record BeefIntakeResult(
    double? PredictedDryMatterKgPerDay,
    double? DryMatterKgPerDay,
    double? AsFedKgPerDay,
    double? DryMatterPercentOfBodyWeight,
    BeefIntakeEquation Equation,
    double? ClimateFactor);

/// <summary>Body weights, kg (NRC 2000 Growth chapter).</summary>
public sealed record BeefBodyResult(
    double? ShrunkBodyWeightKg,
    double? EmptyBodyWeightKg,
    double? MatureShrunkBodyWeightKg,
    double? EquivalentShrunkBodyWeightKg,
    double? ConceptusWeightKg);

/// <summary>Diet concentrations per kg DM (energy from composition: NRC 2001 summative TDN, then NRC 2000).</summary>
public sealed record BeefDietResult(
    double? TdnPercent,
    double? DigestibleEnergyMcalPerKg,
    double? MetabolizableEnergyMcalPerKg,
    double? NetEnergyMaintenanceMcalPerKg,
    double? NetEnergyGainMcalPerKg,
    double? CrudeProteinPercent,
    double? RupPercentOfCp,
    double? NdfPercent,
    double? ForagePercent);

/// <summary>Energy supply and requirements, Mcal/d (NRC 2000 Energy chapter).</summary>
/// <param name="MaintenanceNetEnergyMcal">NEm for maintenance including cold and heat stress.</param>
/// <param name="PregnancyMetabolizableEnergyMcal">ME for the conceptus.</param>
/// <param name="LactationNetEnergyMcal">NE in milk.</param>
/// <param name="GainNetEnergyMcal">NEg (retained energy) at the target gain.</param>
/// <param name="RequiredMetabolizableEnergyMcal">ME for all functions at the target gain.</param>
public sealed record BeefEnergyResult(
    double? MetabolizableEnergyIntakeMcal,
    double? MaintenanceNetEnergyMcal,
    double? ColdStressNetEnergyMcal,
    double? HeatStressMultiplier,
    double? LowerCriticalTemperatureCelsius,
    double? PregnancyMetabolizableEnergyMcal,
    double? LactationNetEnergyMcal,
    double? GainNetEnergyMcal,
    double? RequiredMetabolizableEnergyMcal,
    double? MetabolizableEnergyBalanceMcal);

/// <summary>Protein supply and requirements, g/d (NRC 2000 Protein chapter).</summary>
public sealed record BeefProteinResult(
    double? CrudeProteinIntakeGrams,
    double? RumenDegradableProteinGrams,
    double? RumenUndegradableProteinGrams,
    double? MicrobialCrudeProteinGrams,
    double? DegradableProteinBalanceGrams,
    double? MetabolizableProteinSupplyGrams,
    double? MaintenanceGrams,
    double? PregnancyGrams,
    double? LactationGrams,
    double? GainGrams,
    double? RequiredGrams,
    double? BalanceGrams);

/// <summary>What the ration allows under NRC 2000: shrunk weight gain, kg/d (live gain = shrunk ÷ 0.96), and for lactating cows milk, kg/d.</summary>
/// <param name="EnergyAllowableGainKgPerDay">ME-allowable shrunk gain, kg/d.</param>
/// <param name="ProteinAllowableGainKgPerDay">MP-allowable shrunk gain, kg/d.</param>
/// <param name="PredictedGainKgPerDay">The lesser of the energy- and protein-allowable shrunk gains.</param>
/// <param name="ProteinLimited">Protein, not energy, limits gain.</param>
/// <param name="MilkKgPerDay">Milk yield used (given, or predicted by the beef-cow lactation curve).</param>
public sealed record BeefAllowableResult(
    double? EnergyAllowableGainKgPerDay,
    double? ProteinAllowableGainKgPerDay,
    double? PredictedGainKgPerDay,
    bool ProteinLimited,
    double? MilkKgPerDay,
    double? EnergyAllowableMilkKgPerDay,
    double? ProteinAllowableMilkKgPerDay);
