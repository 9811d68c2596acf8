using Cnucnm.Contracts.Rations;

namespace Cnucnm.Contracts.Farms;

/// <summary>A feed on the farm's list: which library feed (or the farm's own composition) it is, its
/// dry matter as delivered, and how it is called on this farm.</summary>
/// <param name="FeedId">Farm-local id used in rations and intake readings (e.g. "corn-silage-pit-2").</param>
/// <param name="LibraryFeedId">Id in a feed library (e.g. "nasem:Corn silage, typical", "kr:123"); null for a farm's own feed.</param>
/// <param name="DryMatterPercent">Dry matter of the feed as delivered, % as fed.</param>
/// <param name="Composition">Farm's own analysis per kg DM by NASEM name (Fd_CP % DM, ...); overrides the library values.</param>
/// <param name="LotId">The feed lot this farm feed is (its composition and dry matter come from the lot and follow its analyses).</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmFeedDefinition")]
public sealed record FarmFeedDefinition(
    [property: Id(0)] string FeedId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? LibraryFeedId,
    [property: Id(3)] double DryMatterPercent,
    [property: Id(4)] IReadOnlyDictionary<string, double> Composition,
    [property: Id(5)] bool IsForage,
    [property: Id(6)] Guid? LotId = null);

/// <summary>A price from a date. Prices are per tonne as fed unless <see cref="PerKgDryMatter"/>.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.FeedPrice")]
public sealed record FeedPrice(
    [property: Id(0)] DateOnly EffectiveFrom,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] PriceBasis Basis,
    [property: Id(3)] string? Supplier);

[GenerateSerializer, Alias("cnucnm.PriceBasis")]
public enum PriceBasis
{
    PerTonneAsFed = 0,
    PerKgDryMatter = 1,
}

/// <summary>A farm feed with its price in effect on the asked date and its stock.</summary>
/// <param name="PricePerKgAsFed">Price in effect, converted to per kg as fed (null: no price yet).</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmFeed")]
public sealed record FarmFeed(
    [property: Id(0)] FarmFeedDefinition Definition,
    [property: Id(1)] decimal? PricePerKgAsFed,
    [property: Id(2)] IReadOnlyList<FeedPrice> PriceHistory,
    [property: Id(3)] double? InventoryKgAsFed,
    [property: Id(4)] double? UseKgAsFedPerDay);

[GenerateSerializer, Immutable, Alias("cnucnm.FeedUse")]
public sealed record FeedUse(
    [property: Id(0)] string FeedId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] double KgAsFed);

/// <param name="Rations">The rations the change updated before the answer: each group's re-formulation outcome (null when it was
/// re-evaluated only or does not use the feed); groups left out are still pending and are retried (FarmGrain's ration work).</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmFeedResult")]
public sealed record FarmFeedResult(
    [property: Id(0)] FarmFeedOutcome Outcome,
    [property: Id(1)] FarmFeed? Feed,
    [property: Id(2)] string? Problem,
    [property: Id(3)] IReadOnlyList<GroupRationUpdate>? Rations = null);

/// <summary>A group's ration brought up to date after a feed changed.</summary>
/// <param name="ReEvaluated">The current ration re-evaluated with the feed as it is now (same kg DM), when it uses the feed.</param>
/// <param name="Reformulation">The re-formulation outcome under the farm's policy, when the change called for one.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.GroupRationUpdate")]
public sealed record GroupRationUpdate(
    [property: Id(0)] Guid GroupId,
    [property: Id(1)] RationVersion? ReEvaluated,
    [property: Id(2)] ReformulationResult? Reformulation);

[GenerateSerializer, Alias("cnucnm.FarmFeedOutcome")]
public enum FarmFeedOutcome
{
    Ok = 0,
    FarmNotFound = 1,
    FeedNotFound = 2,
    Invalid = 3,
}
