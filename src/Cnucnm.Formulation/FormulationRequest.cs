using System.Text.Json.Serialization;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation;

// The request of a least-cost formulation, as JSON (camelCase) clients, the CLI and the grain send it.
// Every field is nullable so that one validation pass can name every missing or bad field
// (RequestValidator); a request with `animal` is an animal-mode request, otherwise explicit mode.

/// <summary>A lower and/or upper bound; either side may be absent.</summary>
public sealed record Bounds(double? Min = null, double? Max = null);

/// <summary>
/// A least-cost ration request. The decision variables are kg of dry matter per head per day of each
/// feed. Explicit mode (no <see cref="Animal"/>): the nutrient specification is given
/// (<see cref="Nutrients"/>, <see cref="DryMatterIntakeKg"/>). Animal mode: the bounds come from the
/// NASEM (2021) dairy model for <see cref="Animal"/> (predicted intake, requirements), plus guard rails.
/// </summary>
/// <param name="Feeds">Candidate feeds with prices and bounds.</param>
/// <param name="DryMatterIntakeKg">Total kg DM per head per day. Explicit mode: as given. Animal mode: overrides
/// the side(s) given of the predicted intake ± <see cref="DryMatterIntakeTolerancePercent"/>.</param>
/// <param name="Nutrients">Nutrient bounds. Explicit mode: names are the keys of the feeds' compositions.
/// Animal mode: NASEM feed-library columns (<c>Fd_Cu</c>, <c>Fd_St</c> …), e.g. mineral maxima per kg DM.</param>
/// <param name="Ratios">Share of diet DM taken by a group of feeds.</param>
/// <param name="Options">Fixed amounts, exclusions, inventory, limits on changes, mixer batch.</param>
/// <param name="Animal">Animal-mode: the animal (or a group's mean animal) to formulate for.</param>
/// <param name="Environment">Animal mode: temperature and walking.</param>
/// <param name="Equations">Animal mode: NASEM equation choices (the intake equation predicts DMI).</param>
/// <param name="DryMatterIntakeTolerancePercent">Animal mode: the ration's DM may differ from the predicted intake by this much (default 0:
/// the ration is formulated at the predicted intake).</param>
/// <param name="Requirements">Animal mode: per requirement (ME, MP, Lys, Ca … by <see cref="DairyBalances.Pairs"/> name) the share to meet.</param>
/// <param name="GuardRails">Animal mode: the nutritionist's guard rails.</param>
/// <param name="Currency">Echoed in the response (prices are in this currency).</param>
/// <param name="Beef">Beef animal mode: a beef or Hanwoo animal (instead of <see cref="Animal"/>); requirements from NRC (2000)
/// or the Korean Feeding Standard for Hanwoo, intake from the model's equation, beef guard rails.</param>
public sealed record FormulationRequest(
    IReadOnlyList<FeedOffer>? Feeds,
    Bounds? DryMatterIntakeKg = null,
    IReadOnlyList<NutrientBound>? Nutrients = null,
    IReadOnlyList<RatioBound>? Ratios = null,
    FormulationOptions? Options = null,
    DairyAnimalDescription? Animal = null,
    EnvironmentDescription? Environment = null,
    EquationChoices? Equations = null,
    double? DryMatterIntakeTolerancePercent = null,
    IReadOnlyDictionary<string, RequirementTarget>? Requirements = null,
    GuardRails? GuardRails = null,
    string? Currency = null,
    Beef.BeefFormulationDescription? Beef = null)
{
    /// <summary>Animal mode when an animal (dairy or beef) is given.</summary>
    [JsonIgnore]
    public bool IsAnimalMode => Animal is not null || Beef is not null;
}

/// <summary>A candidate feed.</summary>
/// <param name="Id">Unique in the request; names the feed in ratios, options and the response.</param>
/// <param name="Name">Shown in explanations (the id when absent).</param>
/// <param name="DryMatterPercent">Dry matter, % as fed, in (0, 100]. Animal mode: defaults to the library feed's.</param>
/// <param name="PricePerTonneAsFed">Price per tonne (1,000 kg) as fed. Give this or <paramref name="PricePerKgDm"/>.</param>
/// <param name="PricePerKgDm">Price per kg of dry matter.</param>
/// <param name="MinKgDm">Least kg DM per head per day.</param>
/// <param name="MaxKgDm">Most kg DM per head per day.</param>
/// <param name="Composition">Per kg DM, each nutrient in its own unit. Explicit mode: free names used by
/// <see cref="FormulationRequest.Nutrients"/>. Animal mode: NASEM feed-library columns (<c>Fd_CP</c> % DM …)
/// overriding the library feed (a farm's own analysis) or, without <paramref name="Feed"/>, the whole composition.</param>
/// <param name="Feed">Animal mode: the library feed (id <c>nasem:…</c>/<c>kr:…</c> or name).</param>
/// <param name="Type">Animal mode, feed without a library feed: forage or concentrate.</param>
/// <param name="Category">Animal mode, feed without a library feed: NASEM category (e.g. "Vitamin/Mineral").</param>
public sealed record FeedOffer(
    string? Id,
    string? Name = null,
    double? DryMatterPercent = null,
    double? PricePerTonneAsFed = null,
    double? PricePerKgDm = null,
    double? MinKgDm = null,
    double? MaxKgDm = null,
    IReadOnlyDictionary<string, double>? Composition = null,
    string? Feed = null,
    FeedType? Type = null,
    string? Category = null);

/// <summary>Bounds on one nutrient.</summary>
/// <param name="Name">The nutrient (a composition key).</param>
/// <param name="PerDay">Bounds on Σ kg DM × value (the nutrient's unit × kg DM per day, e.g. Mcal/d for NEL in Mcal/kg DM).</param>
/// <param name="PerKgDm">Bounds on the diet concentration Σ kg DM × value ÷ Σ kg DM (the composition's unit).</param>
/// <param name="Unit">The composition's unit, used in messages only (e.g. "% DM", "Mcal/kg DM").</param>
public sealed record NutrientBound(string? Name, Bounds? PerDay = null, Bounds? PerKgDm = null, string? Unit = null);

/// <summary>The share of diet DM taken by a group of feeds (e.g. forages 40–60 %), as fractions 0–1.</summary>
public sealed record RatioBound(IReadOnlyList<string>? Feeds, double? MinShareOfDm = null, double? MaxShareOfDm = null, string? Name = null);

/// <summary>Animal mode: how much of one requirement the ration must supply.</summary>
/// <param name="MinPercent">Supply at least this % of the requirement (default 100; 0 drops the requirement).</param>
/// <param name="MaxPercent">Supply at most this % of the requirement (default: no maximum).</param>
public sealed record RequirementTarget(double? MinPercent = null, double? MaxPercent = null);

/// <summary>Animal mode: the nutritionist's limits beside the requirements. Diet concentrations are % of diet DM.</summary>
/// <param name="MinForageNdfPercentOfDm">Forage NDF minimum (default 19, NRC 2001 / NASEM 2021 guidance for lactating cows).</param>
/// <param name="MinNdfPercentOfDm">Total NDF minimum (default 25).</param>
/// <param name="MaxStarchPercentOfDm">Starch maximum (default 30).</param>
/// <param name="MaxFatPercentOfDm">Total fatty acids maximum (default 6).</param>
/// <param name="MinRumenNitrogenBalanceGramsPerDay">Ruminal N balance (RDP − microbial CP, g CP/d) minimum (default 0).</param>
/// <param name="MeetLysineAndMethionine">Require the NASEM target absorbed Lys and Met where defined (default true).</param>
/// <param name="MaxEnergyPercentOfRequirement">ME supply at most this % of the requirement (default 104).</param>
/// <param name="MaxCrudeProteinPercentOfDm">Crude protein maximum, % of DM (default by state: lactating 18, dry 15, heifers 17).</param>
/// <param name="MaxMetabolizableProteinPercentOfRequirement">MP supply at most this % of the requirement (default 110).</param>
/// <param name="MaxMineralPerKgDm">Maximum diet concentration by NASEM column, in the column's unit (mg/kg DM for trace
/// minerals, % DM for S, K, Mg): by default the maximum tolerable concentrations of NRC (2005) for cattle
/// (<see cref="DefaultMaxMineralPerKgDm"/>); entries given replace those defaults one by one.</param>
/// <param name="MaxSupplementalSeleniumMgPerKgDm">Se from mineral and additive feeds at most this, mg/kg of diet DM (default 0.3,
/// the US legal limit of supplemental Se, 21 CFR 573.920).</param>
/// <param name="MinCalciumToPhosphorus">Dietary Ca:P at least this (default 1.2).</param>
/// <param name="MaxCalciumToPhosphorus">Dietary Ca:P at most this (default 4).</param>
/// <param name="MinCrudeProteinPercentOfDm">Crude protein minimum, % of DM (default: 15 for lactating cows, none otherwise).</param>
/// <param name="MaxDcadMilliequivalentsPerKgDm">DCAD (Na + K − Cl − S) at most this, mEq/kg DM (default: +100 for close-up dry cows,
/// the last 21 days of gestation; none otherwise).</param>
public sealed record GuardRails(
    double? MinForageNdfPercentOfDm = null,
    double? MinNdfPercentOfDm = null,
    double? MaxStarchPercentOfDm = null,
    double? MaxFatPercentOfDm = null,
    double? MinRumenNitrogenBalanceGramsPerDay = null,
    bool? MeetLysineAndMethionine = null,
    double? MaxEnergyPercentOfRequirement = null,
    double? MaxCrudeProteinPercentOfDm = null,
    double? MaxMetabolizableProteinPercentOfRequirement = null,
    IReadOnlyDictionary<string, double>? MaxMineralPerKgDm = null,
    double? MaxSupplementalSeleniumMgPerKgDm = null,
    double? MinCalciumToPhosphorus = null,
    double? MaxCalciumToPhosphorus = null,
    double? MaxDcadMilliequivalentsPerKgDm = null,
    double? MinCrudeProteinPercentOfDm = null)
{
    /// <summary>Crude protein minimum for lactating cows, % DM: below about 15 % of DM milk yield falls even with MP met
    /// (NASEM 2021 Ch. 6; Olmos Colmenero and Broderick 2006); none for dry cows and heifers.</summary>
    public const double DefaultMinCrudeProteinPercentOfDmLactating = 15;

    public const double DefaultMinForageNdfPercentOfDm = 19;
    public const double DefaultMinNdfPercentOfDm = 25;
    public const double DefaultMaxStarchPercentOfDm = 30;
    public const double DefaultMaxFatPercentOfDm = 6;
    public const double DefaultMinRumenNitrogenBalanceGramsPerDay = 0;
    /// <summary>ME at most 104 % of requirement: surplus ME goes to body reserves (NASEM 2021 Ch. 3); 104 keeps the full model's
    /// answer within 105 % after the linearisation's error.</summary>
    public const double DefaultMaxEnergyPercentOfRequirement = 104;
    public const double DefaultMaxSupplementalSeleniumMgPerKgDm = 0.3;
    public const double DefaultMinCalciumToPhosphorus = 1.2;
    public const double DefaultMaxCalciumToPhosphorus = 4;
    public const double DefaultMaxDcadCloseUpMilliequivalentsPerKgDm = 100;

    /// <summary>Days before calving from which a dry cow is close-up (the DCAD default applies).</summary>
    public const double CloseUpDays = 21;

    /// <summary>Maximum tolerable concentrations for cattle, NRC (2005) <i>Mineral Tolerance of Animals</i>, Table 1 (summary
    /// table of MTL), also NASEM (2021) Ch. 7: trace minerals in mg/kg DM, S, K and Mg in % DM.</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultMaxMineralPerKgDm = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["Fd_Co"] = 25, ["Fd_Cu"] = 40, ["Fd_Fe"] = 500, ["Fd_I"] = 50, ["Fd_Mn"] = 2000, ["Fd_Mo"] = 5, ["Fd_Se"] = 5, ["Fd_Zn"] = 500,
        ["Fd_S"] = 0.4, ["Fd_K"] = 2, ["Fd_Mg"] = 0.6,
    };

    /// <summary>MP maximum, % of requirement: MP beyond the requirement is used at falling efficiency and its N excreted (NASEM 2021
    /// Ch. 6); without a ceiling a ration buys protein to chase one amino acid. 110 keeps the full model's answer within 112 % after
    /// the linearisation's error. Dry cows 150: their MP requirement is small and ruminal N balance ≥ 0 on forage diets already
    /// supplies 130–150 % of it (the reference far-off pen has no ration at 110 %).</summary>
    public static double DefaultMaxMetabolizableProteinPercentOfRequirement(PhysiologicalState state) => state == PhysiologicalState.DryCow ? 150 : 110;

    /// <summary>Crude protein maximum, % DM, by state: above about 17–18 % of DM lactating cows gain little milk protein and excrete
    /// the surplus N (NASEM 2021 Ch. 6; Olmos Colmenero and Broderick 2006, J. Dairy Sci. 89:1704); dry cows and heifers need less.</summary>
    public static double DefaultMaxCrudeProteinPercentOfDm(PhysiologicalState state) => state switch
    {
        PhysiologicalState.LactatingCow => 18,
        PhysiologicalState.DryCow => 15,
        _ => 17,
    };
}

/// <summary>What practitioners ask for beside the nutrient specification.</summary>
/// <param name="FixedKgDm">Feeds fed at a set amount (on-farm forages), kg DM per head per day, by feed id.</param>
/// <param name="ExcludedFeeds">Feeds not to use (kept in the response at 0).</param>
/// <param name="Inventory">Stock limits: what is on hand must last the days given for the pen.</param>
/// <param name="Changes">Change as few feeds as possible (or at most N) from the current ration.</param>
/// <param name="Batch">Mixer quantities for the pen.</param>
public sealed record FormulationOptions(
    IReadOnlyDictionary<string, double>? FixedKgDm = null,
    IReadOnlyList<string>? ExcludedFeeds = null,
    IReadOnlyList<InventoryLimit>? Inventory = null,
    ChangeLimit? Changes = null,
    BatchRequest? Batch = null);

/// <summary>A stock limit: kg as fed per head per day ≤ available ÷ (head × days).</summary>
/// <param name="HeadCount">Animals eating from the stock (default: <see cref="BatchRequest.HeadCount"/>).</param>
public sealed record InventoryLimit(string? Feed, double? AvailableKgAsFed, double? Days, int? HeadCount = null);

/// <summary>
/// Limits how far the new ration may move from the current one. A feed "changes" when its amount moves
/// by more than <see cref="ToleranceKgDm"/>. With <see cref="MaxChangedFeeds"/> the cheapest ration
/// changing at most that many feeds; without it, the fewest changes first, then the cheapest. Solved as a
/// mixed-integer program (one binary per feed): the count of changed feeds is a cardinality, which an
/// L1 penalty on the amounts does not measure.
/// </summary>
/// <param name="Current">The current ration, kg DM per head per day by feed id.</param>
public sealed record ChangeLimit(IReadOnlyDictionary<string, double>? Current, int? MaxChangedFeeds = null, double? ToleranceKgDm = null)
{
    public const double DefaultToleranceKgDm = 0.05;
}

/// <summary>A pen fed from a mixer wagon.</summary>
/// <param name="HeadCount">Animals in the pen.</param>
/// <param name="MixerCapacityKgAsFed">Largest load, kg as fed (one load when absent).</param>
public sealed record BatchRequest(int? HeadCount, double? MixerCapacityKgAsFed = null);
