using Cnucnm.Contracts.Rations;

namespace Cnucnm.Contracts.Farms;

/// <summary>A farm: profile, animal groups, feeds with effective-dated prices and inventory,
/// re-formulation policy and alert thresholds. Members and roles live in PostgreSQL (authorization
/// reads them on every request; see docs/architecture.md).</summary>
[Alias("cnucnm.IFarmGrain")]
public interface IFarmGrain : IGrainWithGuidKey
{
    /// <summary>Creates the farm; a second create of the same id is a conflict.</summary>
    [Alias("Create")]
    Task<FarmResult> CreateAsync(FarmProfile profile, string createdBy, CancellationToken cancellationToken = default);

    /// <summary>The farm, or null when no farm with this id was created.</summary>
    [Alias("Get")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    [AlwaysInterleave] // not a call-back (no grain the farm calls calls it): a read of in-memory state that ingest (every batch), the
                       // groups and the API must not queue behind a feed change's ration work (it awaits every group's re-formulation)
    Task<FarmSnapshot?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The farm's version (it grows with every change of profile, policy, groups or feeds), or null when no farm
    /// with this id was created: a cheap check that something read from the farm is still current.</summary>
    [Alias("GetVersion")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    [AlwaysInterleave] // not a call-back (no grain the farm calls calls it): a read of in-memory state that ingest (every batch), the
                       // groups and the API must not queue behind a feed change's ration work (it awaits every group's re-formulation)
    Task<long?> GetVersionAsync(CancellationToken cancellationToken = default);

    [Alias("UpdateProfile")]
    Task<FarmResult> UpdateProfileAsync(FarmProfile profile, string changedBy, CancellationToken cancellationToken = default);

    [Alias("SetPolicy")]
    Task<FarmResult> SetPolicyAsync(FarmPolicy policy, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Registers a group that belongs to this farm (called by the group when it is created).</summary>
    [Alias("AddGroup")]
    Task AddGroupAsync(Guid groupId, string name, CancellationToken cancellationToken = default);

    [Alias("RemoveGroup")]
    Task RemoveGroupAsync(Guid groupId, CancellationToken cancellationToken = default);

    /// <summary>Remembers a sensor that has sent readings (for the farm's sensor list).</summary>
    [Alias("RegisterSensor")]
    Task RegisterSensorAsync(string deviceId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a feed of the farm's feed list (not its price history). A changed composition or DM re-evaluates
    /// every ration using the feed and, with <paramref name="reformulation"/> (a lab analysis), re-formulates them by the farm's
    /// policy; the work is stored with the change and finished after a crash (<see cref="FarmFeedResult.Rations"/>: what was done now).</summary>
    [Alias("PutFeed")]
    Task<FarmFeedResult> PutFeedAsync(FarmFeedDefinition feed, string changedBy, RationChangeCause? reformulation = null,
        CancellationToken cancellationToken = default);

    [Alias("RemoveFeed")]
    Task<FarmFeedResult> RemoveFeedAsync(string feedId, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Records a price from a date. A change beyond the farm's threshold raises a price alert
    /// and re-formulates the rations that use the feed, by the farm's policy.</summary>
    [Alias("SetPrice")]
    Task<FarmFeedResult> SetPriceAsync(string feedId, FeedPrice price, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Sets the stock on hand, as fed.</summary>
    [Alias("SetInventory")]
    Task<FarmFeedResult> SetInventoryAsync(string feedId, double kgAsFedOnHand, string changedBy, CancellationToken cancellationToken = default);

    /// <summary>Takes delivered feed off the inventory (from intake readings) and warns when it runs low.</summary>
    [Alias("RecordFeedUse")]
    Task RecordFeedUseAsync(IReadOnlyList<FeedUse> uses, CancellationToken cancellationToken = default);

    /// <summary>Records a feed lot the farm owns.</summary>
    [Alias("AddLot")]
    Task AddLotAsync(Guid lotId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the feed lots the farm owns, oldest first.</summary>
    [Alias("GetLots")]
    Task<IReadOnlyList<Guid>> GetLotsAsync(CancellationToken cancellationToken = default);

    /// <summary>The feed list with the price in effect at <paramref name="on"/> (today when null).</summary>
    [Alias("GetFeeds")]
    [ResponseTimeout(ResponseTimeouts.Read)]
    [AlwaysInterleave] // not a call-back (no grain the farm calls calls it): a read of in-memory state that ingest (every batch), the
                       // groups and the API must not queue behind a feed change's ration work (it awaits every group's re-formulation)
    Task<IReadOnlyList<FarmFeed>> GetFeedsAsync(DateOnly? on = null, CancellationToken cancellationToken = default);
}
