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

[GenerateSerializer, Immutable, Alias("cnucnm.FarmFeedResult")]
public sealed record FarmFeedResult(
    [property: Id(0)] FarmFeedOutcome Outcome,
    [property: Id(1)] FarmFeed? Feed,
    [property: Id(2)] string? Problem);

[GenerateSerializer, Alias("cnucnm.FarmFeedOutcome")]
public enum FarmFeedOutcome
{
    Ok = 0,
    FarmNotFound = 1,
    FeedNotFound = 2,
    Invalid = 3,
}
