using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Cnucnm.Storage.Identity;
using Cnucnm.Storage.LiveHerd;
using Cnucnm.Contracts;

namespace Cnucnm.Silo.Hosting.Email;

/// <param name="MeanDryMatterIntakeKgPerHead">Mean over the days of the week with intake readings; null when none.</param>
public sealed record WeeklyGroupLine(
    string GroupName,
    int HeadCount,
    double? FormulatedDryMatterKgPerHead,
    double? MeanDryMatterIntakeKgPerHead,
    int DaysWithIntake,
    decimal? CostPerHeadPerDay);

public sealed record WeeklyFarmSection(Guid FarmId, string FarmName, string Currency, IReadOnlyList<WeeklyGroupLine> Groups, int AlertsRaised, int AlertsOpen);

/// <summary>Gathers one person's weekly report: for each farm they belong to, each group's ration (kg DM
/// per head formulated, cost) against what the group ate that week (kg DM per head per day, from the
/// intake readings), and the alerts of the week.</summary>
public sealed class WeeklyReportBuilder(IGrainFactory grains, IFarmMembershipStore memberships, IAlertStore alerts)
{
    public async Task<IReadOnlyList<WeeklyFarmSection>> BuildAsync(Guid userId, DateOnly weekEnd, CancellationToken cancellationToken)
    {
        var weekStart = weekEnd.AddDays(-7);
        var sections = new List<WeeklyFarmSection>();
        foreach (var membership in await memberships.ListForUserAsync(userId, cancellationToken))
        {
            if (await grains.Farm(membership.FarmId).GetAsync(cancellationToken) is not { } farm)
            {
                continue;
            }

            var groups = new List<WeeklyGroupLine>();
            foreach (var group in farm.Groups)
            {
                var ration = await grains.Ration(group.GroupId).GetCurrentAsync(cancellationToken);
                var week = (await grains.Group(group.GroupId).GetIntakeHistoryAsync(21, cancellationToken))
                    .Where(d => d.Day >= weekStart && d.Day < weekEnd && d.Readings > 0).ToList();
                var head = ration?.HeadCount ?? 0;
                double? eaten = week.Count > 0 && head > 0 ? week.Average(d => d.DryMatterKg) / head : null;
                groups.Add(new WeeklyGroupLine(group.Name, head, ration?.DryMatterKgPerHead, eaten, week.Count, ration?.CostPerHeadPerDay));
            }

            var farmAlerts = await alerts.ListAsync(membership.FarmId, openOnly: false, 1000, cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(farm.Profile.TimeZone);
            var raised = farmAlerts.Count(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.RaisedAt, zone).DateTime) is var day && day >= weekStart && day < weekEnd);
            sections.Add(new WeeklyFarmSection(farm.FarmId, farm.Profile.Name, farm.Profile.Currency, groups, raised, farmAlerts.Count(a => a.AcknowledgedAt is null)));
        }

        return sections;
    }
}
