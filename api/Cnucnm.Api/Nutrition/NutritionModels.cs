using System.Text.Json.Serialization;
using Cnucnm.FieldValidation;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Api.Nutrition;

/// <summary>
/// Body of <c>POST /api/v1/nutrition/evaluate</c>: one animal (or a group's mean animal) and the diet, for one of two
/// models. <c>model</c> <c>dairy</c> (the default): <c>animal</c>, <c>environment</c> and <c>equations</c> of the NASEM
/// (2021) dairy model. <c>model</c> <c>beef</c> (the default when <c>beef</c> is given): <c>beef</c> holds the animal,
/// environment and intake options of the NRC (2000) beef model with Hanwoo parameters. Units are in the names; the
/// NASEM input each dairy field feeds is given in brackets.
/// </summary>
/// <param name="Diet">Feeds of the ration with kg of dry matter per animal per day (beef with intake predicted: only the proportions count).</param>
/// <param name="Animal">Dairy: the animal (required for the dairy model).</param>
/// <param name="Environment">Dairy: temperature and walking; all zero/15 °C when left out.</param>
/// <param name="Equations">Dairy: NASEM equation selection; the book's defaults when left out (intake = the diet's sum).</param>
/// <param name="Model">dairy or beef; dairy when left out, unless <c>beef</c> is given.</param>
/// <param name="Beef">Beef and Hanwoo cattle: the animal (breed hanwoo, holstein, holstein-x-hanwoo, angus; sex bull, steer, heifer, cow …),
/// its environment, and whether intake is the diet's sum (diet) or predicted by the intake equation (predicted).</param>
public sealed record NutritionEvaluationRequest(
    IReadOnlyList<DietItemBody>? Diet,
    DairyAnimalDescription? Animal = null,
    EnvironmentDescription? Environment = null,
    EquationChoices? Equations = null,
    string? Model = null,
    BeefEvaluationDescription? Beef = null)
{
    public const string DairyModel = "dairy";
    public const string BeefModel = "beef";

    /// <summary>The model asked for: the <c>model</c> field, else beef when <c>beef</c> is given, else dairy.</summary>
    public string EffectiveModel => Model ?? (Beef is not null ? BeefModel : DairyModel);
}

/// <param name="Feed">A library feed by id (<c>nasem:Canola meal</c>, <c>kr:701</c>) or name (NASEM Fd_Name, Korean or English name).</param>
/// <param name="KgDryMatterPerDay">kg of dry matter per animal per day.</param>
public sealed record DietItemBody(string? Feed, double? KgDryMatterPerDay);

internal static class NutritionRequestMapping
{
    /// <summary>Every bad field of a dairy request, then the model input when there is none.</summary>
    public static (DairyInput? Input, Validation Validation) ToInput(this NutritionEvaluationRequest request)
    {
        var v = new Validation();
        DairyAnimalDescriptions.Validate(v, request.Animal, request.Environment, request.Equations);
        v.Require(request.Beef is null, "beef", "is for beef evaluations: give model beef, or leave beef out for the dairy model.");
        var diet = Diet(request, v);
        if (!v.IsValid)
        {
            return (null, v);
        }

        var animal = DairyAnimalDescriptions.ToAnimal(request.Animal!, request.Environment);
        var equations = DairyAnimalDescriptions.ToEquations(request.Equations);
        return (new DairyInput(animal, equations, diet), v);
    }

    /// <summary>Every bad field of a beef request (<c>beef.animal.bodyWeightKg</c> …), then the model input when there is none.</summary>
    public static (BeefInput? Input, Validation Validation) ToBeefInput(this NutritionEvaluationRequest request)
    {
        var v = new Validation();
        var beef = request.Beef;
        if (beef is null)
        {
            v.Add("beef", "is required for the beef model: the animal, its environment and the intake options.");
        }
        else
        {
            BeefAnimalDescriptions.Validate(v, beef.Animal, beef.Environment, "beef.");
        }

        const string dairyOnly = "is for the dairy model; a beef evaluation takes beef.animal and beef.environment.";
        v.Require(request.Animal is null, "animal", dairyOnly)
         .Require(request.Environment is null, "environment", dairyOnly)
         .Require(request.Equations is null, "equations", "are NASEM dairy equation choices; a beef evaluation takes beef.intake and beef.intakeEquation.");
        var diet = Diet(request, v);
        if (!v.IsValid)
        {
            return (null, v);
        }

        var animal = BeefAnimalDescriptions.ToAnimal(beef!.Animal!, beef.Environment);
        BeefRequirementModels.ValidateChoice(v, beef.RequirementModel, animal, "beef.");
        return v.IsValid
            ? (new BeefInput(animal, diet, beef.Intake ?? BeefIntakeSource.Diet, beef.IntakeEquation ?? BeefIntakeEquation.Automatic, beef.RequirementModel), v)
            : (null, v);
    }

    private static List<DietEntry> Diet(NutritionEvaluationRequest request, Validation v)
    {
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

        return diet;
    }
}

/// <summary>The answer of <c>POST /api/v1/nutrition/evaluate</c>, told apart by <c>model</c>: <c>dairy</c> (NASEM 2021) or <c>beef</c> (NRC 2000 with Hanwoo parameters).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "model")]
[JsonDerivedType(typeof(NutritionEvaluationResponse), NutritionEvaluationRequest.DairyModel)]
[JsonDerivedType(typeof(BeefEvaluationResponse), NutritionEvaluationRequest.BeefModel)]
public abstract record EvaluationResponse;

/// <summary>Result of an evaluation: requirements, supply, balances, allowable production, minerals,
/// vitamins and amino acids, and every NASEM variable by name (<c>nasem</c>; per-AA variables as <c>Abs_AA_g.Lys</c>).
/// A value the book does not define for this animal (drinking water of calves …) is null and absent from <c>nasem</c>.
/// <c>compositionNotes</c> lists the diet's feeds whose composition had imputed or unknown values (issue 25), in English and Korean.</summary>
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
    IReadOnlyDictionary<string, double> Nasem,
    IReadOnlyList<CompositionNoteLine> CompositionNotes) : EvaluationResponse
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
            minerals, vitamins, aminoAcids, Get("An_DCADmeq"), Get("CH4out_g"), Get("An_WaIn"), n,
            [.. result.CompositionNotes.Select(CompositionNoteLine.From)]);
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
