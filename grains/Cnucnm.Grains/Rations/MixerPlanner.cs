using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Rations;

namespace Cnucnm.Grains.Rations;

/// <summary>Turns a per-head ration into mixer-wagon loads for a pen.</summary>
public static class MixerPlanner
{
    /// <summary>Loads of at most <paramref name="mixerCapacityKgAsFed"/> (one load when null), feeds in
    /// the usual loading order: dry forages first (they need the longest mixing), then concentrates
    /// and minerals, then wet forages and silages last.</summary>
    public static MixerSheet Plan(Guid groupId, RationVersion ration, int headCount, double? mixerCapacityKgAsFed, IReadOnlyDictionary<string, FarmFeed> feeds)
    {
        var perHead = ration.Items.Where(i => i.KgAsFedPerHead > 0).ToList();
        var total = perHead.Sum(i => i.KgAsFedPerHead) * headCount;
        var loads = mixerCapacityKgAsFed is > 0 and var capacity ? Math.Max(1, (int)Math.Ceiling(total / capacity)) : 1;
        var ordered = perHead.OrderBy(i => LoadingRank(feeds.GetValueOrDefault(i.FeedId))).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();

        var sheetLoads = new List<MixerLoad>();
        var headLeft = headCount;
        for (var load = 1; load <= loads; load++)
        {
            // Head spread as evenly as whole animals allow.
            var head = (int)Math.Round((double)headLeft / (loads - load + 1));
            headLeft -= head;
            var lines = ordered.Select((item, index) => new MixerLine(index + 1, item.FeedId, item.Name, item.KgAsFedPerHead * head)).ToList();
            sheetLoads.Add(new MixerLoad(load, head, lines));
        }

        return new MixerSheet(groupId, ration.Version, headCount, total, sheetLoads);
    }

    private static int LoadingRank(FarmFeed? feed) => feed?.Definition switch
    {
        null => 1,
        { IsForage: true, DryMatterPercent: >= 80 } => 0,
        { IsForage: false } => 1,
        _ => 2,
    };
}
