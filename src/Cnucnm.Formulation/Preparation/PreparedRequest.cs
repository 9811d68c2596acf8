using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Preparation;

/// <summary>A feed after validation: index-based, prices per kg DM.</summary>
internal sealed record PreparedFeed(
    int Index,
    string Id,
    string Name,
    double DryMatterFraction,
    double PricePerKgDm,
    double? MinKgDm,
    double? MaxKgDm,
    IReadOnlyDictionary<string, double> Composition,
    Feed? NasemFeed)
{
    public string Field => $"feeds[{Index}]";
}

/// <summary>Bounds on Σ x·v (per day) and Σ x·v ÷ Σ x (per kg DM) for one nutrient; <see cref="Values"/> per feed.</summary>
internal sealed record PreparedNutrient(int RequestIndex, string Name, string? Unit, double[] Values, Bounds? PerDay, Bounds? PerKgDm)
{
    public string Field => $"nutrients[{RequestIndex}]";
}

internal sealed record PreparedRatio(int RequestIndex, string Name, int[] Feeds, IReadOnlyList<string> FeedIds, double? Min, double? Max)
{
    public string Field => $"ratios[{RequestIndex}]";
}

/// <summary>A stock limit as a cap on kg DM per head per day.</summary>
internal sealed record PreparedInventory(int RequestIndex, int Feed, double AvailableKgAsFed, double Days, int HeadCount, double CapKgDmPerHead)
{
    public string Field => $"options.inventory[{RequestIndex}]";
}

internal sealed record PreparedChanges(double[] Current, int? MaxChangedFeeds, double ToleranceKgDm);

/// <summary>Animal mode: the model's inputs and the targets.</summary>
internal sealed record PreparedAnimal(
    DairyAnimal Animal,
    EquationSelection Equations,
    double TolerancePercent,
    IReadOnlyDictionary<string, RequirementTarget> Requirements,
    double MinForageNdfPercentOfDm,
    double MinNdfPercentOfDm,
    double MaxStarchPercentOfDm,
    double MaxFatPercentOfDm,
    double MinRumenNitrogenBalanceGramsPerDay,
    bool MeetLysineAndMethionine,
    double? MaxEnergyPercentOfRequirement,
    GuardRails Rails);

/// <summary>A request that passed validation, with feeds by index.</summary>
internal sealed record PreparedRequest(
    FormulationMode Mode,
    PreparedFeed[] Feeds,
    double? DryMatterMin,
    double? DryMatterMax,
    PreparedNutrient[] Nutrients,
    PreparedRatio[] Ratios,
    double?[] Fixed,
    bool[] Excluded,
    PreparedInventory[] Inventory,
    PreparedChanges? Changes,
    int? BatchHeadCount,
    double? MixerCapacityKgAsFed,
    string? Currency,
    PreparedAnimal? Animal,
    Beef.PreparedBeef? Beef = null)
{
    public int FeedCount => Feeds.Length;
}
