using Cnucnm.Analytics.Growth;
using Cnucnm.Analytics.Kpis;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;

namespace Cnucnm.Api.Analytics;

/// <summary>Turns a group's stored records into one <see cref="FeedingPeriod"/> per intake day (today: the day so far).</summary>
internal static class FeedingPeriodsFromRecords
{
    private static readonly PhysiologicalState[] Growing =
        [PhysiologicalState.Calf, PhysiologicalState.Heifer, PhysiologicalState.GrowingSteer, PhysiologicalState.FatteningSteer];

    public static IReadOnlyList<FeedingPeriod> Days(GroupSnapshot group, RationSnapshot ration, IEnumerable<Contracts.Groups.IntakeDay> history,
        DateOnly from, DateOnly to, TimeZoneInfo farmZone)
    {
        var groupHead = group.Inputs.HeadCount;
        var gainKgPerHeadPerDay = GainKgPerHeadPerDay(group);
        return history
            .Where(d => d.Day >= from && d.Day <= to && d.Readings > 0)
            .OrderBy(d => d.Day)
            .Select(d =>
            {
                // An imported day carries the head fed that day; a sensor day counts the group's head.
                var head = d.HeadCount ?? groupHead;
                var inForce = RationOn(ration, d.Day, farmZone);
                double? costPerKgAsFed = inForce is { CostPerHeadPerDay: { } cost, AsFedKgPerHead: > 0 } ? (double)cost / inForce.AsFedKgPerHead : null;
                return new FeedingPeriod(group.Name, d.Day, d.Day, head,
                    inForce is null ? 0 : inForce.AsFedKgPerHead * head,
                    d.DeliveredKgAsFed,
                    Math.Min(d.RefusedKgAsFed, d.DeliveredKgAsFed),
                    d.DryMatterKg,
                    d.DeliveredKgAsFed * costPerKgAsFed,
                    MilkKgPerCow(group, d.Day) * head,
                    gainKgPerHeadPerDay * head,
                    RationInForce: inForce is not null);
            })
            .ToList();
    }

    /// <summary>The latest version in force on the day (taking effect on or before it in the farm's calendar: when created, or
    /// since the date the farm gave for a ration it was already feeding); none before the first.</summary>
    private static RationVersion? RationOn(RationSnapshot ration, DateOnly day, TimeZoneInfo farmZone) =>
        ration.History.Where(v => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(v.EffectiveFrom, farmZone).DateTime) <= day).MaxBy(v => v.Version);

    /// <summary>Lactating groups: the latest milk test on or before the day, else the group's input; others: not recorded.</summary>
    private static double? MilkKgPerCow(GroupSnapshot group, DateOnly day)
    {
        if (group.Inputs.State != PhysiologicalState.LactatingCow)
        {
            return null;
        }

        return group.MilkTests.Where(t => t.Date <= day).MaxBy(t => t.Date)?.MilkKgPerDay ?? group.Inputs.MilkKgPerDay;
    }

    /// <summary>Growing groups weighed on two or more days: the least-squares ADG of the mean animal; otherwise not recorded.</summary>
    private static double? GainKgPerHeadPerDay(GroupSnapshot group)
    {
        if (!Growing.Contains(group.Inputs.State) || group.Weighings.Select(w => w.Date).Distinct().Count() < 2)
        {
            return null;
        }

        var origin = group.Weighings.Min(w => w.Date);
        return SlowGrowerScreen.AverageDailyGainKgPerDay(new AnimalWeighings(group.Name,
            group.Weighings.Select(w => new Weighing(w.Date.DayNumber - origin.DayNumber, w.BodyWeightKg)).ToList()));
    }
}
