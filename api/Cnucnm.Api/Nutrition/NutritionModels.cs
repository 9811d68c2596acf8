using Cnucnm.Api.Infrastructure;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Api.Nutrition;

/// <summary>
/// Body of <c>POST /api/v1/nutrition/evaluate</c>: one animal (or a group's mean animal), its
/// environment, the NASEM equation choices and the diet. Units are in the names; the NASEM input
/// each field feeds is given in brackets.
/// </summary>
/// <param name="Animal">The animal.</param>
/// <param name="Environment">Temperature and walking; all zero/15 °C when left out.</param>
/// <param name="Equations">NASEM equation selection; the book's defaults when left out (intake = the diet's sum).</param>
/// <param name="Diet">Feeds of the ration with kg of dry matter per animal per day.</param>
public sealed record NutritionEvaluationRequest(
    AnimalBody? Animal,
    EnvironmentBody? Environment,
    EquationsBody? Equations,
    IReadOnlyList<DietItemBody>? Diet);

/// <param name="PhysiologicalState">calf, heifer, dryCow, lactatingCow or other (An_StatePhys).</param>
/// <param name="Breed">holstein, jersey or other (An_Breed).</param>
/// <param name="BodyWeightKg">Live weight, kg (An_BW).</param>
/// <param name="MatureBodyWeightKg">Mature live weight, kg (An_BW_mature).</param>
/// <param name="BodyConditionScore">1–5 dairy scale (An_BCS); 0 allowed for calves.</param>
/// <param name="Parity">Lactation number: 0 heifers and calves, 1 first lactation (An_Parity_rl).</param>
/// <param name="AgeDays">Age, days (An_AgeDay).</param>
/// <param name="DaysInMilk">Days in milk (An_LactDay); 0 when not lactating.</param>
/// <param name="DaysPregnant">Day of gestation (An_GestDay); 0 when open.</param>
/// <param name="GestationLengthDays">Gestation length, days (An_GestLength); 280 when left out.</param>
/// <param name="CalfBirthWeightKg">Expected calf birth weight, kg (Fet_BWbrth).</param>
/// <param name="MilkKgPerDay">Milk yield, kg/d (Trg_MilkProd).</param>
/// <param name="MilkFatPercent">Milk fat, % (Trg_MilkFatp).</param>
/// <param name="MilkTrueProteinPercent">Milk true protein, % (Trg_MilkTPp).</param>
/// <param name="MilkLactosePercent">Milk lactose, % (Trg_MilkLacp); 4.85 when left out.</param>
/// <param name="FrameGainKgPerDay">Target frame (structural) gain, kg/d (Trg_FrmGain).</param>
/// <param name="ReserveGainKgPerDay">Target body reserves gain, negative for loss, kg/d (Trg_RsrvGain).</param>
/// <param name="TargetDryMatterIntakeKgPerDay">Intake to use with dmiEquation 0, kg DM/d (Trg_Dt_DMIn); the diet's sum when left out.</param>
/// <param name="HerdMilkTrueProtein305Kg">Herd rolling-average milk true protein, kg per 305 d (An_305RHA_MlkTP); 280 when left out.</param>
/// <param name="AgeStarterOfferedDays">Calves: age when starter was first offered, days (An_AgeDryFdStart); 14 when left out.</param>
/// <param name="AgeAtFirstConceptionDays">Heifers: age at first conception, days (An_AgeConcept1st).</param>
public sealed record AnimalBody(
    PhysiologicalState? PhysiologicalState,
    DairyBreed? Breed,
    double? BodyWeightKg,
    double? MatureBodyWeightKg,
    double? BodyConditionScore,
    double? Parity,
    double? AgeDays,
    double? DaysInMilk,
    double? DaysPregnant,
    double? GestationLengthDays,
    double? CalfBirthWeightKg,
    double? MilkKgPerDay,
    double? MilkFatPercent,
    double? MilkTrueProteinPercent,
    double? MilkLactosePercent,
    double? FrameGainKgPerDay,
    double? ReserveGainKgPerDay,
    double? TargetDryMatterIntakeKgPerDay,
    double? HerdMilkTrueProtein305Kg,
    double? AgeStarterOfferedDays,
    double? AgeAtFirstConceptionDays);

/// <param name="TemperatureCelsius">Mean ambient temperature, °C (Env_TempCurr); 15 when left out.</param>
/// <param name="DistanceToParlorMeters">One-way distance to the parlor, m (Env_DistParlor).</param>
/// <param name="TripsToParlorPerDay">Trips to and from the parlor per day (Env_TripsParlor).</param>
/// <param name="TopographyMeters">Elevation climbed per day, m (Env_Topo).</param>
public sealed record EnvironmentBody(double? TemperatureCelsius, double? DistanceToParlorMeters, double? TripsToParlorPerDay, double? TopographyMeters);

/// <summary>NASEM equation switches (the software's names in brackets); each defaults to the book's choice.</summary>
/// <param name="DmiEquation">0 target intake, 1 calf, 2–7 and 12–17 heifer, 8–9 lactating, 10–11 dry cow (DMIn_eqn).</param>
/// <param name="NdfDigestibilityFromInVitro">0 lignin, 1 in vitro for forages, 2 in vitro for all (Use_DNDF_IV).</param>
/// <param name="MilkProductionEquation">0 target, 1 component, 2 NE-allowable, 3 MP-allowable, 4 lesser (mProd_eqn).</param>
/// <param name="MicrobialNitrogenEquation">1 NASEM 2021, 2 Hanigan, 3 White (MiN_eqn).</param>
/// <param name="MilkProteinEquation">0 target, 1 NASEM 2021, 2–3 VT refits (mPrt_eqn).</param>
/// <param name="MilkFatEquation">0 target, 1 predicted (mFat_eqn).</param>
/// <param name="Monensin">Monensin fed (Monensin_eqn).</param>
/// <param name="NonMilkProteinInCalfLiquid">Calf liquid feed contains non-milk protein (NonMilkCP_ClfLiq).</param>
/// <param name="RumenDevelopmentDiscount">Discount dry-feed ME of calves on much milk (RumDevDisc_Clf).</param>
public sealed record EquationsBody(
    int? DmiEquation,
    int? NdfDigestibilityFromInVitro,
    int? MilkProductionEquation,
    int? MicrobialNitrogenEquation,
    int? MilkProteinEquation,
    int? MilkFatEquation,
    bool? Monensin,
    bool? NonMilkProteinInCalfLiquid,
    bool? RumenDevelopmentDiscount);

/// <param name="Feed">A library feed by id (<c>nasem:Canola meal</c>, <c>kr:701</c>) or name (NASEM Fd_Name, Korean or English name).</param>
/// <param name="KgDryMatterPerDay">kg of dry matter per animal per day.</param>
public sealed record DietItemBody(string? Feed, double? KgDryMatterPerDay);

internal static class NutritionRequestMapping
{
    /// <summary>Every bad field of the request, then the model input when there is none.</summary>
    public static (DairyInput? Input, Validation Validation) ToInput(this NutritionEvaluationRequest request)
    {
        var v = new Validation();
        var a = request.Animal;
        if (a is null)
        {
            v.Add("animal", "is required.");
        }
        else
        {
            v.Require(a.PhysiologicalState is not null, "animal.physiologicalState", "is required: calf, heifer, dryCow, lactatingCow or other.")
             .Require(a.Breed is not null, "animal.breed", "is required: holstein, jersey or other.")
             .Require(a.BodyWeightKg is > 0 and <= 1500, "animal.bodyWeightKg", "must be greater than 0 and at most 1500 kg.")
             .Require(a.MatureBodyWeightKg is > 0 and <= 1500, "animal.matureBodyWeightKg", "must be greater than 0 and at most 1500 kg.")
             .RequireRange(a.BodyConditionScore, "animal.bodyConditionScore", 0, 5)
             .RequireRange(a.Parity, "animal.parity", 0, 15)
             .RequireRange(a.AgeDays, "animal.ageDays", 0, 10000)
             .RequireRange(a.DaysInMilk, "animal.daysInMilk", 0, 1000, required: false)
             .RequireRange(a.DaysPregnant, "animal.daysPregnant", 0, 320, required: false)
             .Require(a.GestationLengthDays is null or (> 0 and <= 320), "animal.gestationLengthDays", "must be greater than 0 and at most 320 days.")
             .RequireRange(a.CalfBirthWeightKg, "animal.calfBirthWeightKg", 0, 100, required: false)
             .RequireRange(a.MilkKgPerDay, "animal.milkKgPerDay", 0, 100, required: false)
             .RequireRange(a.MilkFatPercent, "animal.milkFatPercent", 0, 100, required: false)
             .RequireRange(a.MilkTrueProteinPercent, "animal.milkTrueProteinPercent", 0, 100, required: false)
             .RequireRange(a.MilkLactosePercent, "animal.milkLactosePercent", 0, 100, required: false)
             .RequireRange(a.FrameGainKgPerDay, "animal.frameGainKgPerDay", -3, 5, required: false)
             .RequireRange(a.ReserveGainKgPerDay, "animal.reserveGainKgPerDay", -5, 5, required: false)
             .Require(a.TargetDryMatterIntakeKgPerDay is null or (> 0 and <= 60), "animal.targetDryMatterIntakeKgPerDay", "must be greater than 0 and at most 60 kg DM/d.")
             .RequireRange(a.HerdMilkTrueProtein305Kg, "animal.herdMilkTrueProtein305Kg", 0, 2000, required: false)
             .RequireRange(a.AgeStarterOfferedDays, "animal.ageStarterOfferedDays", 0, 1000, required: false)
             .RequireRange(a.AgeAtFirstConceptionDays, "animal.ageAtFirstConceptionDays", 0, 3000, required: false);
            if (a.PhysiologicalState == PhysiologicalState.LactatingCow)
            {
                v.Require(a.MilkKgPerDay is not null, "animal.milkKgPerDay", "is required for a lactating cow.")
                 .Require(a.MilkFatPercent is not null, "animal.milkFatPercent", "is required for a lactating cow.")
                 .Require(a.MilkTrueProteinPercent is not null, "animal.milkTrueProteinPercent", "is required for a lactating cow.")
                 .Require(a.DaysInMilk is not null, "animal.daysInMilk", "is required for a lactating cow.");
            }

            if (a.DaysPregnant is > 0)
            {
                v.Require(a.CalfBirthWeightKg is > 0, "animal.calfBirthWeightKg", "is required (greater than 0) for a pregnant animal.");
            }
        }

        var e = request.Environment;
        if (e is not null)
        {
            v.RequireRange(e.TemperatureCelsius, "environment.temperatureCelsius", -50, 60, required: false)
             .RequireRange(e.DistanceToParlorMeters, "environment.distanceToParlorMeters", 0, 20000, required: false)
             .RequireRange(e.TripsToParlorPerDay, "environment.tripsToParlorPerDay", 0, 20, required: false)
             .RequireRange(e.TopographyMeters, "environment.topographyMeters", 0, 5000, required: false);
        }

        var q = request.Equations;
        if (q is not null)
        {
            v.RequireRange(q.DmiEquation, "equations.dmiEquation", 0, 17, required: false)
             .RequireRange(q.NdfDigestibilityFromInVitro, "equations.ndfDigestibilityFromInVitro", 0, 2, required: false)
             .RequireRange(q.MilkProductionEquation, "equations.milkProductionEquation", 0, 4, required: false)
             .RequireRange(q.MicrobialNitrogenEquation, "equations.microbialNitrogenEquation", 1, 3, required: false)
             .RequireRange(q.MilkProteinEquation, "equations.milkProteinEquation", 0, 3, required: false)
             .RequireRange(q.MilkFatEquation, "equations.milkFatEquation", 0, 1, required: false);
        }

        var diet = new List<DietEntry>();
        if (request.Diet is not { Count: > 0 })
        {
            v.Add("diet", "must list at least one feed with kgDryMatterPerDay.");
        }
        else if (request.Diet.Count > 200)
        {
            v.Add("diet", "must list at most 200 feeds.");
        }
        else
        {
            for (var i = 0; i < request.Diet.Count; i++)
            {
                var item = request.Diet[i];
                var field = $"diet[{i}]";
                if (item is null)
                {
                    v.Add(field, "is required.");
                    continue;
                }

                Feed? feed = null;
                if (string.IsNullOrWhiteSpace(item.Feed))
                {
                    v.Add($"{field}.feed", "is required: a feed id (nasem:…, kr:…) or library name.");
                }
                else if (!FeedLibrary.TryFind(item.Feed, out feed))
                {
                    var closest = FeedLibrary.Nasem.ClosestNames(item.Feed).Concat(FeedLibrary.Korean.ClosestNames(item.Feed, 2));
                    v.Add($"{field}.feed", $"'{item.Feed}' is not in the NASEM or Korean feed library; closest: {string.Join("; ", closest)}.");
                }

                if (item.KgDryMatterPerDay is not (>= 0 and <= 60))
                {
                    v.Add($"{field}.kgDryMatterPerDay", "is required, between 0 and 60 kg DM/d.");
                }
                else if (feed is not null)
                {
                    diet.Add(new DietEntry(feed, item.KgDryMatterPerDay.Value));
                }
            }

            if (v.IsValid && diet.Sum(d => d.KgDryMatterPerDay) <= 0)
            {
                v.Add("diet", "the amounts must add up to more than 0 kg DM/d.");
            }
        }

        if (!v.IsValid)
        {
            return (null, v);
        }

        var env = request.Environment;
        var animal = new DairyAnimal(
            a!.PhysiologicalState!.Value, a.Breed!.Value, a.BodyWeightKg!.Value, a.MatureBodyWeightKg!.Value, a.BodyConditionScore!.Value,
            a.Parity!.Value, a.AgeDays!.Value, a.DaysInMilk ?? 0, a.DaysPregnant ?? 0, a.GestationLengthDays ?? 280, a.CalfBirthWeightKg ?? 0,
            a.MilkKgPerDay ?? 0, a.MilkFatPercent ?? 0, a.MilkTrueProteinPercent ?? 0, a.MilkLactosePercent ?? 4.85, a.FrameGainKgPerDay ?? 0,
            a.ReserveGainKgPerDay ?? 0, a.TargetDryMatterIntakeKgPerDay, a.HerdMilkTrueProtein305Kg ?? 280, a.AgeStarterOfferedDays ?? 14,
            a.AgeAtFirstConceptionDays ?? 0,
            new DairyEnvironment(env?.TemperatureCelsius ?? 15, env?.DistanceToParlorMeters ?? 0, env?.TripsToParlorPerDay ?? 0, env?.TopographyMeters ?? 0));
        var equations = EquationSelection.Default;
        if (q is not null)
        {
            equations = new EquationSelection(
                q.NdfDigestibilityFromInVitro ?? equations.UseDndfInVitro, q.DmiEquation ?? equations.DmiEquation,
                q.MilkProductionEquation ?? equations.MilkProductionEquation, q.MicrobialNitrogenEquation ?? equations.MicrobialNEquation,
                q.NonMilkProteinInCalfLiquid is true ? 1 : 0, q.Monensin is true ? 1 : 0, q.MilkProteinEquation ?? equations.MilkProteinEquation,
                q.MilkFatEquation ?? equations.MilkFatEquation, q.RumenDevelopmentDiscount is true ? 1 : 0);
        }

        return (new DairyInput(animal, equations, diet), v);
    }
}

/// <summary>Result of an evaluation: requirements, supply, balances, allowable production, minerals,
/// vitamins and amino acids, and every NASEM variable by name (<c>nasem</c>; per-AA variables as <c>Abs_AA_g.Lys</c>).
/// A value the book does not define for this animal (drinking water of calves …) is null and absent from <c>nasem</c>.</summary>
public sealed record NutritionEvaluationResponse(
    IntakeSection Intake,
    RequirementsSection Requirements,
    SupplySection Supply,
    IReadOnlyList<BalanceLine> Balances,
    AllowableProductionSection AllowableProduction,
    IReadOnlyList<NutrientLine> Minerals,
    IReadOnlyList<NutrientLine> Vitamins,
    IReadOnlyList<AminoAcidLine> AminoAcids,
    double? DcadMilliequivalentsPerKgDm,
    double? MethaneGramsPerDay,
    double? DrinkingWaterKgPerDay,
    IReadOnlyDictionary<string, double> Nasem)
{
    internal static NutritionEvaluationResponse From(DairyResult result)
    {
        var n = result.Nasem;
        double? Get(string name) => n.TryGetValue(name, out var value) ? value : null;
        double Sum(params string[] names) => names.Sum(name => n.GetValueOrDefault(name));

        NutrientLine Line(DairyBalances.Pair pair, string concentrationVariable, string concentrationUnit) => new(
            pair.Nutrient, pair.Unit, Get(pair.RequirementVariable), Get(pair.SupplyVariable),
            Get(pair.SupplyVariable) - Get(pair.RequirementVariable), Get(concentrationVariable), concentrationUnit);

        var minerals = DairyBalances.Pairs
            .Where(p => p.Group is DairyBalances.NutrientGroup.Mineral or DairyBalances.NutrientGroup.TraceMineral)
            .Select(p => Line(p, $"Dt_{p.Nutrient}Req_DMI", p.Group == DairyBalances.NutrientGroup.Mineral ? "% DM" : "mg/kg DM"))
            .ToList();
        var vitamins = DairyBalances.Pairs.Where(p => p.Group == DairyBalances.NutrientGroup.Vitamin)
            .Select(p => Line(p, $"Dt_Vit{p.Nutrient[^1]}Req_DMI", "IU/kg DM"))
            .ToList();
        var aminoAcids = Cnucnm.Nutrition.Dairy.AminoAcids.All.Select(aa => new AminoAcidLine(aa.ToString(), Get($"Abs_AA_g.{aa}"), Get($"Trg_AbsAA_g.{aa}"),
            Get($"Dt_AAIn.{aa}"))).ToList();

        return new NutritionEvaluationResponse(
            new IntakeSection(Get("Dt_DMIn"), Get("Dt_AFIn"), Get("Dt_DMIn_BW") * 100),
            new RequirementsSection(
                Get("Trg_MEuse"), Get("Trg_NELuse"), Get("An_MEmUse"), Get("Trg_Mlk_MEout"), Get("Gest_MEuse"), Sum("Frm_MEgain", "Rsrv_MEgain"),
                Get("An_MPuse_g_Trg"), Get("An_MPm_g_Trg"), Get("Mlk_MPUse_g_Trg"), Get("Gest_MPUse_g_Trg"), Sum("Frm_MPUse_g_Trg", "Rsrv_MPUse_g_Trg")),
            new SupplySection(
                Get("An_GEIn"), Get("An_DEIn"), Get("An_MEIn"), Get("An_NEIn"), Get("An_ME"), Get("An_NE"), Get("TT_dcNDF"), Get("Dt_CPIn"),
                Get("An_RDPIn_g"), Get("An_RUPIn") * 1000, Get("Du_MiCP_g"), Get("An_MPIn_g")),
            [.. DairyBalances.Pairs.Select(p => new BalanceLine(p.Nutrient, p.Unit, p.SupplyVariable, p.RequirementVariable,
                Get(p.SupplyVariable), Get(p.RequirementVariable), Get(p.SupplyVariable) - Get(p.RequirementVariable)))],
            new AllowableProductionSection(
                Get("Mlk_Prod_comp"), Get("Mlk_Prod_NEalow"), Get("Mlk_Prod_MPalow"), Get("Body_Gain_NEalow"), Get("Body_Gain_MPalowTrg")),
            minerals, vitamins, aminoAcids, Get("An_DCADmeq"), Get("CH4out_g"), Get("An_WaIn"), n);
    }
}

/// <param name="DryMatterKgPerDay">Intake used (Dt_DMIn).</param>
/// <param name="AsFedKgPerDay">As-fed intake (Dt_AFIn).</param>
/// <param name="DryMatterPercentOfBodyWeight">Intake as % of BW.</param>
public sealed record IntakeSection(double? DryMatterKgPerDay, double? AsFedKgPerDay, double? DryMatterPercentOfBodyWeight);

/// <summary>Requirements at target production and target efficiencies (NASEM 2021 Ch. 3, 6).</summary>
public sealed record RequirementsSection(
    double? MetabolizableEnergyMcalPerDay,
    double? NetEnergyLactationMcalPerDay,
    double? MaintenanceMetabolizableEnergyMcalPerDay,
    double? LactationMetabolizableEnergyMcalPerDay,
    double? GestationMetabolizableEnergyMcalPerDay,
    double? GainMetabolizableEnergyMcalPerDay,
    double? MetabolizableProteinGramsPerDay,
    double? MaintenanceMetabolizableProteinGramsPerDay,
    double? LactationMetabolizableProteinGramsPerDay,
    double? GestationMetabolizableProteinGramsPerDay,
    double? GainMetabolizableProteinGramsPerDay);

/// <summary>What the diet supplies.</summary>
public sealed record SupplySection(
    double? GrossEnergyMcalPerDay,
    double? DigestibleEnergyMcalPerDay,
    double? MetabolizableEnergyMcalPerDay,
    double? NetEnergyLactationMcalPerDay,
    double? DietMetabolizableEnergyMcalPerKgDm,
    double? DietNetEnergyLactationMcalPerKgDm,
    double? NdfDigestibilityPercent,
    double? CrudeProteinKgPerDay,
    double? RumenDegradableProteinGramsPerDay,
    double? RumenUndegradableProteinGramsPerDay,
    double? MicrobialCrudeProteinGramsPerDay,
    double? MetabolizableProteinGramsPerDay);

/// <summary>A requirement–supply pair (<c>DairyBalances.Pairs</c>).</summary>
public sealed record BalanceLine(string Nutrient, string Unit, string SupplyVariable, string RequirementVariable, double? Supplied, double? Required, double? Balance);

public sealed record AllowableProductionSection(
    double? ComponentPredictedMilkKgPerDay,
    double? EnergyAllowableMilkKgPerDay,
    double? ProteinAllowableMilkKgPerDay,
    double? EnergyAllowableGainKgPerDay,
    double? ProteinAllowableGainKgPerDay);

/// <param name="Nutrient">Ca, P … Zn; Vitamin A, D, E.</param>
/// <param name="Unit">Unit of required and supplied (g/d absorbed, mg/d, IU/d …).</param>
/// <param name="DietConcentrationRequired">Dietary concentration that meets the requirement at this intake and absorption.</param>
public sealed record NutrientLine(string Nutrient, string Unit, double? Required, double? Supplied, double? Balance, double? DietConcentrationRequired, string DietConcentrationUnit);

/// <param name="AbsorbedGramsPerDay">Absorbed (Abs_AA_g).</param>
/// <param name="TargetAbsorbedGramsPerDay">Target absorbed at NASEM target efficiencies (Trg_AbsAA_g); none for Arg.</param>
/// <param name="DietaryGramsPerDay">Dietary intake (Dt_AAIn).</param>
public sealed record AminoAcidLine(string AminoAcid, double? AbsorbedGramsPerDay, double? TargetAbsorbedGramsPerDay, double? DietaryGramsPerDay);
