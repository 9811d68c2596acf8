using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Rations;

namespace Cnucnm.Grains.Rations;

/// <summary>Turns a per-head ration into mixer-wagon loads for a pen.</summary>
public static class MixerPlanner
{
    /// <summary>Loads of at most <paramref name="mixerCapacityKgAsFed"/> (one load when null), feeds in
    /// the usual loading order: dry forages first (they need the longest mixing), then concentrates
    /// and minerals, then wet forages and silages last.</summary>
    /// <param name="scaleResolutionKg">Each line is rounded to a multiple of this (the mixer scale's step), kg as fed.</param>
    public static MixerSheet Plan(Guid groupId, RationVersion ration, int headCount, double? mixerCapacityKgAsFed, IReadOnlyDictionary<string, FarmFeed> feeds,
        double? scaleResolutionKg = null)
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
            var lines = ordered.Select((item, index) => new MixerLine(index + 1, item.FeedId, item.Name, Round(item.KgAsFedPerHead * head, scaleResolutionKg))).ToList();
            sheetLoads.Add(new MixerLoad(load, head, lines));
        }

        var loaded = scaleResolutionKg is null ? total : sheetLoads.Sum(l => l.Lines.Sum(line => line.KgAsFed));
        return new MixerSheet(groupId, ration.Version, headCount, loaded, sheetLoads, scaleResolutionKg);
    }

    /// <summary>kg DM per head per day of each feed as loaded: the loads' (rounded) as-fed kg over the pen, times DM.</summary>
    public static IReadOnlyList<(string FeedId, double KgDryMatterPerHead)> LoadedPerHead(MixerSheet sheet, IReadOnlyDictionary<string, FarmFeed> feeds) =>
        [.. sheet.Loads.SelectMany(l => l.Lines).GroupBy(line => line.FeedId)
            .Select(g => (g.Key, g.Sum(line => line.KgAsFed) / Math.Max(1, sheet.HeadCount) * feeds[g.Key].Definition.DryMatterPercent / 100))];

    private static double Round(double kgAsFed, double? resolution) =>
        resolution is > 0 and var step ? Math.Round(kgAsFed / step, MidpointRounding.AwayFromZero) * step : kgAsFed;

    private static int LoadingRank(FarmFeed? feed) => feed?.Definition switch
    {
        null => 1,
        { IsForage: true, DryMatterPercent: >= 80 } => 0,
        { IsForage: false } => 1,
        _ => 2,
    };
}
