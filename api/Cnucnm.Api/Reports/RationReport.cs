using Cnucnm.Api.Groups;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;

namespace Cnucnm.Api.Reports;

/// <summary>What a ration report shows: the group, its current ration with cost, and the full-model
/// requirements, supply and balances of that ration (per head per day).</summary>
public sealed record RationReport(
    FarmProfile Farm,
    GroupSnapshot Group,
    RationVersion? Ration,
    DateTimeOffset PrintedAt)
{
    /// <summary>The report of the farm's group, or null when the group is not on this farm.</summary>
    public static async Task<RationReport?> LoadAsync(IGrainFactory grains, Guid farmId, Guid groupId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var group = await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken);
        var farm = await grains.Farm(farmId).GetAsync(cancellationToken);
        if (group is null || farm is null)
        {
            return null;
        }

        var ration = await grains.Ration(groupId).GetAsync(cancellationToken);
        return new RationReport(farm.Profile, group, ration.Current, clock.GetUtcNow());
    }

    /// <summary>A feed's share of the ration's dry matter, %.</summary>
    public static double PercentOfDryMatter(RationVersion ration, RationItem item) =>
        ration.DryMatterKgPerHead > 0 ? item.KgDryMatterPerHead / ration.DryMatterKgPerHead * 100 : 0;

    /// <summary>The date in the farm's time zone.</summary>
    public DateOnly FarmDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(PrintedAt,
        TimeZoneInfo.TryFindSystemTimeZoneById(Farm.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc).DateTime);
}
