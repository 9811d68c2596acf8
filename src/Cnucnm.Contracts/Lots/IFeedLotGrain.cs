namespace Cnucnm.Contracts.Lots;

/// <summary>A feed lot, keyed by its id: its current composition with the source of each value, its analyses, and the
/// farm feeds (on any farm) that point to it.</summary>
[Alias("cnucnm.IFeedLotGrain")]
public interface IFeedLotGrain : IGrainWithGuidKey
{
    /// <summary>Creates the lot for its owner farm; null when a lot with this id exists.</summary>
    [Alias("Create")]
    Task<FeedLot?> CreateAsync(Guid ownerFarmId, FeedLotDefinition definition, string createdBy, CancellationToken cancellationToken = default);

    [Alias("Get")]
    Task<FeedLot?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a farm feed that points to the lot (called by the farm).</summary>
    [Alias("AddUse")]
    Task AddUseAsync(LotUse use, CancellationToken cancellationToken = default);

    [Alias("RemoveUse")]
    Task RemoveUseAsync(LotUse use, CancellationToken cancellationToken = default);

    /// <summary>Makes the analysis the lot's values (source: lab analysis with its date). Null when the lot does not exist.
    /// The caller then puts the new values into each farm feed of <see cref="FeedLot.Uses"/> (the lot never calls a farm:
    /// farms call the lot when a feed starts or stops pointing to it, and a call back could deadlock).</summary>
    [Alias("ApplyAnalysis")]
    Task<FeedLot?> ApplyAnalysisAsync(LotAnalysis analysis, CancellationToken cancellationToken = default);
}
