namespace Cnucnm.Contracts.Lots;

/// <summary>Where a feed value comes from.</summary>
[GenerateSerializer, Alias("cnucnm.FeedValueSourceKind")]
public enum FeedValueSourceKind
{
    /// <summary>The library feed the lot is a lot of (NASEM or Korean tables).</summary>
    Library = 0,

    /// <summary>A lab analysis of the lot, with its sample date.</summary>
    LabAnalysis = 1,

    /// <summary>Entered by a person when the lot was created.</summary>
    UserEntry = 2,
}

/// <param name="On">Sample date of a lab analysis (or the day it was applied when the report gave none).</param>
/// <param name="Reference">Sample id and laboratory of a lab analysis; the library feed id of a library value.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FeedValueSource")]
public sealed record FeedValueSource(
    [property: Id(0)] FeedValueSourceKind Kind,
    [property: Id(1)] DateOnly? On,
    [property: Id(2)] string? Reference);

/// <summary>What a lot is: created once by its owner farm.</summary>
/// <param name="LibraryFeedId">The library feed this is a lot of (e.g. "Corn silage, typical"); its values stand until analysed.</param>
/// <param name="DryMatterPercent">Dry matter, % as fed.</param>
/// <param name="Composition">Values entered for the lot, per kg DM by NASEM name (on top of the library feed's).</param>
/// <param name="ProducedOn">Ensiled or manufactured on.</param>
/// <param name="ReceivedOn">Opened or delivered on.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FeedLotDefinition")]
public sealed record FeedLotDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string? LibraryFeedId,
    [property: Id(2)] bool IsForage,
    [property: Id(3)] double DryMatterPercent,
    [property: Id(4)] IReadOnlyDictionary<string, double> Composition,
    [property: Id(5)] DateOnly? ProducedOn,
    [property: Id(6)] DateOnly? ReceivedOn,
    [property: Id(7)] string? Supplier);

/// <summary>A farm feed that points to the lot.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.LotUse")]
public sealed record LotUse(
    [property: Id(0)] Guid FarmId,
    [property: Id(1)] string FeedId);

/// <summary>A lab analysis applied to the lot: the analysed values (NASEM names, DM basis; Fd_DM in % as fed).</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.LotAnalysis")]
public sealed record LotAnalysis(
    [property: Id(0)] DateTimeOffset AppliedAt,
    [property: Id(1)] string AppliedBy,
    [property: Id(2)] DateOnly? SampledOn,
    [property: Id(3)] string? SampleId,
    [property: Id(4)] string? Laboratory,
    [property: Id(5)] IReadOnlyDictionary<string, double> Values);

/// <summary>A feed lot (a silage pit, a delivery) of a farm, shared by the farm feeds that point to it on any farm.</summary>
/// <param name="Sources">The source of each value of <see cref="DryMatterPercent"/> ("Fd_DM") and <see cref="Composition"/>;
/// a nutrient without an entry comes from the library feed.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FeedLot")]
public sealed record FeedLot(
    [property: Id(0)] Guid LotId,
    [property: Id(1)] Guid OwnerFarmId,
    [property: Id(2)] FeedLotDefinition Definition,
    [property: Id(3)] double DryMatterPercent,
    [property: Id(4)] IReadOnlyDictionary<string, double> Composition,
    [property: Id(5)] IReadOnlyDictionary<string, FeedValueSource> Sources,
    [property: Id(6)] IReadOnlyList<LotUse> Uses,
    [property: Id(7)] IReadOnlyList<LotAnalysis> Analyses,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string CreatedBy);
