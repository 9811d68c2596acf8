using Cnucnm.Contracts.Farms;

namespace Cnucnm.Contracts.Lots;

public static class FeedLotFeeds
{
    /// <summary>The farm feed that points to the lot: the lot's library feed, dry matter and composition under the farm's id and name.</summary>
    public static FarmFeedDefinition ToFarmFeed(this FeedLot lot, string feedId, string name)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return new FarmFeedDefinition(feedId, name, lot.Definition.LibraryFeedId, lot.DryMatterPercent, lot.Composition, lot.Definition.IsForage, lot.LotId);
    }
}
