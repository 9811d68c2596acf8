using Cnucnm.Formulation;
using Cnucnm.Nutrition.Feeds;
namespace Cnucnm.Contracts.Rations;

/// <summary>One feed of a ration, per head per day.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.RationItem")]
public sealed record RationItem(
    [property: Id(0)] string FeedId,
    [property: Id(1)] string Name,
    [property: Id(2)] double KgDryMatterPerHead,
    [property: Id(3)] double KgAsFedPerHead,
    [property: Id(4)] decimal? CostPerHead);

/// <summary>Supply of a nutrient by the ration against the group's requirement (full model).</summary>
/// <param name="Balance">Supplied − Required, in <see cref="Unit"/>.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.NutrientBalance")]
public sealed record NutrientBalance(
    [property: Id(0)] string Nutrient,
    [property: Id(1)] string Unit,
    [property: Id(2)] double Required,
    [property: Id(3)] double Supplied,
    [property: Id(4)] double Balance,
    [property: Id(5)] double PercentOfRequirement);

[GenerateSerializer, Alias("cnucnm.RationChangeKind")]
public enum RationChangeKind
{
    Manual = 0,
    Formulated = 1,
    PriceChange = 2,
    IntakeDeviation = 3,
    GroupInputsChanged = 4,
    FeedChanged = 5,
    SuggestionApproved = 6,
}

/// <summary>Who or what caused a ration change, and why, in words a farmer reads.</summary>
/// <param name="Reason">In English as stored; in the caller's language when the API answers.</param>
/// <param name="ReasonMessage">The reason as a message code with parameters (null: free text typed by a person, or stored before codes).</param>
[GenerateSerializer, Immutable, Alias("cnucnm.RationChangeCause")]
public sealed record RationChangeCause(
    [property: Id(0)] RationChangeKind Kind,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Reason,
    [property: Id(3)] Cnucnm.Nutrition.Messages.ServerMessage? ReasonMessage = null)
{
    /// <summary>A cause whose reason is a message code; <see cref="Reason"/> is its English text.</summary>
    public static RationChangeCause Of(RationChangeKind kind, string actor, Cnucnm.Nutrition.Messages.ServerMessage reason) =>
        new(kind, actor, Cnucnm.Nutrition.Messages.ServerText.English(reason), reason);

    /// <summary>This reason wrapped in another message (<c>{reason}</c> of <paramref name="code"/>): "approved: …", "best possible: …".</summary>
    public RationChangeCause Wrapped(string code, RationChangeKind? kind = null, string? actor = null)
    {
        var inner = ReasonMessage ?? Cnucnm.Nutrition.Messages.ServerMessage.Of("text", ("text", Reason));
        return Of(kind ?? Kind, actor ?? Actor, new Cnucnm.Nutrition.Messages.ServerMessage(code, new Dictionary<string, string>(), [inner]));
    }
}

/// <summary>A version of a group's ration with its cost and full-model balances.</summary>
/// <param name="CompositionNotes">Feeds of the ration whose composition had imputed or unknown values (docs/science.md,
/// "Blank feed composition"), in English and Korean; empty when every value the model uses was given. Null in versions
/// stored before the notes existed.</param>
/// <param name="Analysis">The ration's diet analysis and allowable production by the same model (null in versions stored before it
/// existed, or when the model could not evaluate the ration).</param>
/// <param name="InForceSince">When a ration set by hand was already being fed before it was entered (the farm's own start date);
/// null when it took effect when created. Feeding figures (KPIs) count it from then.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.RationVersion")]
public sealed record RationVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] RationChangeCause Cause,
    [property: Id(3)] IReadOnlyList<RationItem> Items,
    [property: Id(4)] double DryMatterKgPerHead,
    [property: Id(5)] double AsFedKgPerHead,
    [property: Id(6)] decimal? CostPerHeadPerDay,
    [property: Id(7)] int HeadCount,
    [property: Id(8)] IReadOnlyList<NutrientBalance> Balances,
    [property: Id(9)] IReadOnlyList<CompositionNoteLine>? CompositionNotes = null,
    [property: Id(10)] RationAnalysis? Analysis = null,
    [property: Id(11)] DateTimeOffset? InForceSince = null)
{
    public decimal? CostPerPenPerDay => CostPerHeadPerDay * HeadCount;

    /// <summary>When the ration took effect: <see cref="InForceSince"/> when given, else when it was created.</summary>
    public DateTimeOffset EffectiveFrom => InForceSince ?? CreatedAt;
}

/// <summary>
/// The ration's analysis by the same full model as its balances, per head at the ration's intake: diet concentrations (% of DM
/// unless the name says otherwise), amino acids as % of MP, nitrogen excretion and the production the energy and the protein
/// allow. A value the model does not give for this kind of animal is null (the beef model gives no Lys, Met, sugar, NFC, DCAD,
/// nitrogen excretion or allowable milk). Dairy: NASEM (2021) variables named in each parameter; beef: NRC (2000) with the
/// Hanwoo parameters for protein, forage and allowable gain, and the feeds' own composition (Σ kg DM × % ÷ Σ kg DM) for the rest.
/// </summary>
/// <param name="CrudeProteinPercentOfDm">NASEM Dt_CP; beef Dt_CP.</param>
/// <param name="RumenDegradableProteinPercentOfDm">NASEM Dt_RDP; beef RDPI_g ÷ DMI.</param>
/// <param name="RumenUndegradableProteinPercentOfDm">NASEM Dt_RUP; beef RUPI_g ÷ DMI.</param>
/// <param name="NdfPercentOfDm">NASEM Dt_NDF; beef Dt_NDF.</param>
/// <param name="ForageNdfPercentOfDm">NASEM Dt_ForNDF (the model's measure of physically effective fibre: NASEM 2021 has no peNDF).</param>
/// <param name="StarchPercentOfDm">NASEM Dt_St.</param>
/// <param name="SugarPercentOfDm">Water-soluble carbohydrate, NASEM Dt_WSCIn ÷ Dt_DMIn.</param>
/// <param name="CrudeFatPercentOfDm">Ether extract, NASEM Dt_CFatIn ÷ Dt_DMIn.</param>
/// <param name="FattyAcidsPercentOfDm">NASEM Dt_FA.</param>
/// <param name="NonFiberCarbohydratePercentOfDm">NASEM Dt_NFC.</param>
/// <param name="AshPercentOfDm">NASEM Dt_Ash.</param>
/// <param name="DcadMilliequivalentsPerKgDm">NASEM An_DCADmeq, mEq/kg DM.</param>
/// <param name="ForagePercentOfDm">Forage share of DM (NASEM Dt_For; beef Dt_Forage): forage:concentrate is this : 100 − this.</param>
/// <param name="LysinePercentOfMetabolizableProtein">Absorbed Lys as % of MP supply, NASEM Abs_AA_MPp.Lys.</param>
/// <param name="MethioninePercentOfMetabolizableProtein">Absorbed Met as % of MP supply, NASEM Abs_AA_MPp.Met.</param>
/// <param name="UrinaryNitrogenGramsPerDay">NASEM Ur_Nout_g.</param>
/// <param name="ManureNitrogenGramsPerDay">Urine + faeces + scurf, NASEM Man_Nout_g.</param>
/// <param name="NetEnergyMcalPerKgDm">Diet NEL (NASEM An_NE); beef: diet NEg (Dt_NEg).</param>
/// <param name="EnergyAllowableMilkKgPerDay">NASEM Mlk_Prod_NEalow.</param>
/// <param name="ProteinAllowableMilkKgPerDay">NASEM Mlk_Prod_MPalow.</param>
/// <param name="EnergyAllowableGainKgPerDay">NASEM Body_Gain_NEalow; beef ADG_ME (NRC 2000 shrunk gain from NEg, as <c>BeefGains</c> computes it).</param>
/// <param name="ProteinAllowableGainKgPerDay">NASEM Body_Gain_MPalowTrg; beef ADG_MP.</param>
/// <param name="Model">The model that gave these figures.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.RationAnalysis")]
public sealed record RationAnalysis(
    [property: Id(0)] string Model,
    [property: Id(1)] double? CrudeProteinPercentOfDm,
    [property: Id(2)] double? RumenDegradableProteinPercentOfDm,
    [property: Id(3)] double? RumenUndegradableProteinPercentOfDm,
    [property: Id(4)] double? NdfPercentOfDm,
    [property: Id(5)] double? ForageNdfPercentOfDm,
    [property: Id(6)] double? StarchPercentOfDm,
    [property: Id(7)] double? SugarPercentOfDm,
    [property: Id(8)] double? CrudeFatPercentOfDm,
    [property: Id(9)] double? FattyAcidsPercentOfDm,
    [property: Id(10)] double? NonFiberCarbohydratePercentOfDm,
    [property: Id(11)] double? AshPercentOfDm,
    [property: Id(12)] double? DcadMilliequivalentsPerKgDm,
    [property: Id(13)] double? ForagePercentOfDm,
    [property: Id(14)] double? LysinePercentOfMetabolizableProtein,
    [property: Id(15)] double? MethioninePercentOfMetabolizableProtein,
    [property: Id(16)] double? UrinaryNitrogenGramsPerDay,
    [property: Id(17)] double? ManureNitrogenGramsPerDay,
    [property: Id(18)] double? NetEnergyMcalPerKgDm,
    [property: Id(19)] double? EnergyAllowableMilkKgPerDay,
    [property: Id(20)] double? ProteinAllowableMilkKgPerDay,
    [property: Id(21)] double? EnergyAllowableGainKgPerDay,
    [property: Id(22)] double? ProteinAllowableGainKgPerDay)
{
    /// <summary>Lys:Met of absorbed amino acids (NASEM 2021 recommends about 3:1 for lactating cows); null without both.</summary>
    public double? LysineToMethionine => LysinePercentOfMetabolizableProtein is { } lys && MethioninePercentOfMetabolizableProtein is > 0 and var met
        ? lys / met : null;
}

/// <summary>A re-formulated ration waiting for approval, with what it would change.</summary>
/// <param name="BestPossible">Set when no ration meets every requirement and guard rail: <paramref name="Proposed"/> is then the
/// best-possible ration (goal programming), never applied without approval, and this says what it leaves short and the verified
/// ways out (each, applied to the group's settings, gives an optimal ration).</param>
[GenerateSerializer, Immutable, Alias("cnucnm.RationSuggestion")]
public sealed record RationSuggestion(
    [property: Id(0)] Guid SuggestionId,
    [property: Id(1)] RationVersion Proposed,
    [property: Id(2)] decimal? CostDifferencePerHeadPerDay,
    [property: Id(3)] BestPossibleRation? BestPossible = null);

/// <summary>A candidate feed for the group's formulation with its bounds, kg DM per head per day.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.CandidateFeed")]
public sealed record CandidateFeed(
    [property: Id(0)] string FeedId,
    [property: Id(1)] double MinKgDryMatter,
    [property: Id(2)] double? MaxKgDryMatter,
    [property: Id(3)] double? FixedKgDryMatter);

/// <summary>The group's standing formulation request: candidates and the nutritionist's guard rails.</summary>
/// <param name="DryMatterIntakeTolerancePercent">The ration's DM may differ from the predicted (or observed) intake by this much.</param>
/// <param name="MinForageNdfPercentOfDm">Forage NDF minimum, % of diet DM.</param>
/// <param name="MaxStarchPercentOfDm">Starch maximum, % of diet DM.</param>
/// <param name="MaxFatPercentOfDm">Fatty acid maximum, % of diet DM.</param>
/// <param name="RequestFields">Further fields of the formulation request, by path, set on top of the request built from the group
/// (<c>requirements.Met.minPercent</c>, <c>guardRails.maxCrudeProteinPercentOfDm</c>, <c>dryMatterIntakeKg.max</c>): what a
/// nutritionist accepted by taking a suggestion of a best-possible ration. Applied as <c>Relaxations.Set</c> applies them.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FormulationSettings")]
public sealed record FormulationSettings(
    [property: Id(0)] IReadOnlyList<CandidateFeed> Candidates,
    [property: Id(1)] double DryMatterIntakeTolerancePercent,
    [property: Id(2)] double? MinForageNdfPercentOfDm,
    [property: Id(3)] double? MaxStarchPercentOfDm,
    [property: Id(4)] double? MaxFatPercentOfDm,
    [property: Id(5)] double? MixerCapacityKgAsFed,
    [property: Id(6)] IReadOnlyDictionary<string, double>? RequestFields = null);

[GenerateSerializer, Alias("cnucnm.ReformulationOutcome")]
public enum ReformulationOutcome
{
    /// <summary>The new ration took effect (automatic policy).</summary>
    Applied = 0,

    /// <summary>The new ration waits for approval (suggest policy).</summary>
    Suggested = 1,

    /// <summary>No ration meets the requirements; the explanation says why.</summary>
    Infeasible = 2,

    /// <summary>The optimum did not change the ration.</summary>
    Unchanged = 3,

    /// <summary>Nothing to formulate: no settings, feeds or requirements yet.</summary>
    NotReady = 4,

    /// <summary>No ration meets everything: the best-possible ration waits as a suggestion (whatever the farm's policy), with a
    /// warning alert that says what is short and the verified ways out.</summary>
    BestPossible = 5,
}

[GenerateSerializer, Immutable, Alias("cnucnm.ReformulationResult")]
public sealed record ReformulationResult(
    [property: Id(0)] ReformulationOutcome Outcome,
    [property: Id(1)] RationVersion? Ration,
    [property: Id(2)] string? Explanation,
    [property: Id(3)] FormulationResponse? Formulation = null);

[GenerateSerializer, Immutable, Alias("cnucnm.RationSnapshot")]
public sealed record RationSnapshot(
    [property: Id(0)] Guid GroupId,
    [property: Id(1)] Guid FarmId,
    [property: Id(2)] RationVersion? Current,
    [property: Id(3)] RationSuggestion? Suggestion,
    [property: Id(4)] FormulationSettings? Settings,
    [property: Id(5)] IReadOnlyList<RationVersion> History);

/// <summary>One load of the mixer wagon: feeds in loading order, kg as fed.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.MixerLoad")]
public sealed record MixerLoad(
    [property: Id(0)] int LoadNumber,
    [property: Id(1)] int HeadInLoad,
    [property: Id(2)] IReadOnlyList<MixerLine> Lines);

[GenerateSerializer, Immutable, Alias("cnucnm.MixerLine")]
public sealed record MixerLine(
    [property: Id(0)] int Order,
    [property: Id(1)] string FeedId,
    [property: Id(2)] string Name,
    [property: Id(3)] double KgAsFed);

[GenerateSerializer, Immutable, Alias("cnucnm.MixerSheet")]
public sealed record MixerSheet(
    [property: Id(0)] Guid GroupId,
    [property: Id(1)] int RationVersion,
    [property: Id(2)] int HeadCount,
    [property: Id(3)] double TotalKgAsFed,
    [property: Id(4)] IReadOnlyList<MixerLoad> Loads,
    [property: Id(5)] double? ScaleResolutionKg = null,
    [property: Id(6)] IReadOnlyList<RoundingEffect>? RoundingEffects = null);

/// <summary>What rounding the loads to the scale does to one nutrient: supply as % of requirement, formulated and as loaded.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.RoundingEffect")]
public sealed record RoundingEffect(
    [property: Id(0)] string Nutrient,
    [property: Id(1)] string Unit,
    [property: Id(2)] double FormulatedPercentOfRequirement,
    [property: Id(3)] double LoadedPercentOfRequirement);

/// <summary>What a feed change does to a ration: the ration evaluated by the full model with the feed as it is and as it would be.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.RationFeedChange")]
public sealed record RationFeedChange(
    [property: Id(0)] Guid GroupId,
    [property: Id(1)] RationVersion Before,
    [property: Id(2)] RationVersion After);
