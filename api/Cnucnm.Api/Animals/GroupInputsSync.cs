using Cnucnm.Api.Groups;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Storage.Animals;

namespace Cnucnm.Api.Animals;

/// <summary>
/// Keeps a group's inputs on its members: after a member joins, leaves or gets a record, the inputs are derived again
/// (<see cref="GroupInputsDerivation"/>, farm overrides on top) and, when they changed, handed to the group grain's
/// input update, which recomputes the requirements and re-formulates the ration by the farm's policy.
/// </summary>
public sealed class GroupInputsSync(IAnimalStore store, IGrainFactory grains, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The farm's local date (its time zone), or null when the farm does not exist.</summary>
    public async Task<DateOnly?> TodayAsync(Guid farmId, CancellationToken cancellationToken)
    {
        if (await grains.Farm(farmId).GetAsync(cancellationToken) is not { } farm)
        {
            return null;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(farm.Profile.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    /// <summary>Derives the group's inputs from its members; with <paramref name="apply"/>, pushes them to the group when they changed.
    /// Null when the group is not on the farm.</summary>
    public async Task<GroupInputsResponse?> SyncAsync(Guid farmId, Guid groupId, string actor, bool apply, CancellationToken cancellationToken)
    {
        var group = await GroupEndpoints.FindAsync(grains, farmId, groupId, cancellationToken);
        if (group is null || await TodayAsync(farmId, cancellationToken) is not { } today)
        {
            return null;
        }

        var members = await store.ActiveWithRecordsAsync(farmId, groupId, cancellationToken);
        var overrides = await store.GetOverridesAsync(farmId, groupId, cancellationToken) ?? GroupInputOverrides.None;
        var derivation = GroupInputsDerivation.Derive(group.Inputs, members.Select(m => (m.Animal, m.RecordList)), today, overrides);
        var updated = apply && derivation.Inputs != group.Inputs;
        if (updated)
        {
            await grains.Group(groupId).UpdateInputsAsync(group.Name, derivation.Inputs, actor, cancellationToken);
        }

        return new GroupInputsResponse(groupId, derivation.Members, derivation.SharePregnant, derivation.MeanDaysPregnantOfPregnant,
            derivation.ParityMix.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
            derivation.Overridden, overrides, updated, derivation.Inputs, derivation.Unknown);
    }

    /// <summary>After a registry change: syncs each distinct group given (nulls skipped) and tells the farm's herd
    /// calendar, which checks the due list for alerts shortly after (one-way call).</summary>
    public async Task<List<GroupInputsResponse>> SyncAllAsync(Guid farmId, IEnumerable<Guid?> groupIds, string actor, CancellationToken cancellationToken)
    {
        await grains.HerdCalendar(farmId).RegistryChangedAsync();
        var results = new List<GroupInputsResponse>();
        foreach (var groupId in groupIds.OfType<Guid>().Distinct())
        {
            if (await SyncAsync(farmId, groupId, actor, apply: true, cancellationToken) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
