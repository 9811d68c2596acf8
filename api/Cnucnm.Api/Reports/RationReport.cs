using Cnucnm.Storage.Identity;
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
    DateTimeOffset PrintedAt,
    string? ChangedBy = null)
{
    /// <summary>The report of the farm's group, or null when the group is not on this farm.</summary>
    /// <remarks>Who changed the ration is the person's name (a ration's actor is "user:{id}", "device:{key}" or the system).</remarks>
    public static async Task<RationReport?> LoadAsync(IGrainFactory grains, IUserStore users, Guid farmId, Guid groupId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var group = await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken);
        var farm = await grains.Farm(farmId).GetAsync(cancellationToken);
        if (group is null || farm is null)
        {
            return null;
        }

        var current = await grains.Ration(groupId).GetCurrentAsync(cancellationToken);
        return new RationReport(farm.Profile, group, current, clock.GetUtcNow(), await ActorNameAsync(users, current?.Cause.Actor, cancellationToken));
    }

    /// <summary>The display name of a "user:{id}" actor (null when the account no longer exists); other actors as they are.</summary>
    public static async Task<string?> ActorNameAsync(IUserStore users, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (actor is null || !actor.StartsWith("user:", StringComparison.Ordinal))
        {
            return actor;
        }

        return Guid.TryParse(actor["user:".Length..], out var id) && await users.FindByIdAsync(id, cancellationToken) is { } user ? user.DisplayName : null;
    }

    /// <summary>A feed's share of the ration's dry matter, %.</summary>
    public static double PercentOfDryMatter(RationVersion ration, RationItem item) =>
        ration.DryMatterKgPerHead > 0 ? item.KgDryMatterPerHead / ration.DryMatterKgPerHead * 100 : 0;

    /// <summary>The date in the farm's time zone.</summary>
    public DateOnly FarmDate => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(PrintedAt,
        TimeZoneInfo.TryFindSystemTimeZoneById(Farm.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc).DateTime);
}
