using Cnucnm.Nutrition.Messages;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Registry;
using Cnucnm.Grains.Alerts;
using Cnucnm.Grains.Farms;
using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Storage.Animals;

namespace Cnucnm.Grains.Registry;

/// <summary>
/// Turns the registry's due list (<see cref="AnimalDueList"/>) into stored alerts: calvings and dry-offs one per animal
/// and due date, overdue weighings one a day for the farm listing the animals.
/// The same check re-derives the inputs of each group with registered members for the day (days in milk and days
/// pregnant move with the calendar). A daily reminder runs it even when nobody uses the farm; a change to the registry asks for a check within
/// <see cref="ChangeDelay"/>, so a burst of records (an import) costs one check. No state of its own: the animals
/// are in PostgreSQL and the alert store deduplicates.
/// </summary>
[GrainType("herd-calendar")]
public sealed class HerdCalendarGrain(IAnimalStore animals, AlertRaiser alerts, TimeProvider clock) : Grain, IHerdCalendarGrain, IRemindable
{
    public const string DailyReminder = "herd-calendar-daily";
    public static readonly TimeSpan ChangeDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private const int MaxListed = 20;

    // Orleans names no exception type for "the reminder service has not started yet"; its message is the marker.
    private const string ReminderServiceStarting = "Reminder Service is still initializing";

    private bool _reminderRegistered;
    private IGrainTimer? _pending;

    public async Task RegistryChangedAsync()
    {
        if (!_reminderRegistered)
        {
            try
            {
                await this.RegisterOrUpdateReminder(DailyReminder, Day, Day);
                _reminderRegistered = true;
            }
            catch (OrleansException e) when (e.Message.Contains(ReminderServiceStarting, StringComparison.Ordinal))
            {
                // Registered with a later change or check; the check below still runs.
            }
        }

        _pending ??= this.RegisterGrainTimer(async ct =>
        {
            using var timer = _pending;
            _pending = null;
            await CheckAsync(ct);
        }, new GrainTimerCreationOptions(ChangeDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == DailyReminder ? CheckAsync(CancellationToken.None) : Task.CompletedTask;

    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var farmId = this.GetPrimaryKey();
        if (await GrainFactory.Farm(farmId).GetAsync(cancellationToken) is not { } farm)
        {
            return 0;
        }

        var today = FarmClock.LocalDay(clock.GetUtcNow(), farm.Profile.TimeZone);
        var herd = await animals.ActiveWithRecordsAsync(farmId, null, cancellationToken);
        await RefreshGroupsAsync(farmId, herd, today, cancellationToken);
        var due = AnimalDueList.Find(herd.Select(a => (a.Animal, AnimalDerived.Summarize(a.Animal, [.. a.Records.Select(r => r.Record)], today))),
            today, new DueSettings());
        var raised = 0;
        foreach (var d in due.Where(d => d.Kind != AnimalDueKind.WeighingOverdue))
        {
            var (kind, title) = d.Kind == AnimalDueKind.CalvingDue
                ? (AlertKind.CalvingDue, ServerMessage.Of("alert.calvingDue.title", ("animal", Label(d)), ("date", d.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
                : (AlertKind.DryOffDue, ServerMessage.Of("alert.dryOffDue.title", ("animal", Label(d))));
            if (await alerts.RaiseAsync(farmId, d.GroupId, kind, AlertSeverity.Warning, title, d.Text ?? ServerMessage.Of("text", ("text", d.Message)), $"due:{d.Kind}:{d.AnimalId}:{d.DueDate:yyyy-MM-dd}", cancellationToken) is not null)
            {
                raised++;
            }
        }

        // Weighings fall due for many animals at once (a newly imported herd: thousands): one alert a day lists them.
        var weighings = due.Where(d => d.Kind == AnimalDueKind.WeighingOverdue).ToList();
        if (weighings.Count > 0)
        {
            var listed = string.Join(", ", weighings.Take(MaxListed).Select(Label));
            var days = new DueSettings().WeighingIntervalDays;
            if (await alerts.RaiseAsync(farmId, null, AlertKind.WeighingOverdue, AlertSeverity.Info, ServerMessage.Of("alert.weighingOverdue.title", ("count", weighings.Count)),
                weighings.Count > MaxListed
                    ? ServerMessage.Of("alert.weighingOverdue.detailMore", ("days", days), ("animals", listed), ("more", weighings.Count - MaxListed))
                    : ServerMessage.Of("alert.weighingOverdue.detail", ("days", days), ("animals", listed)), $"due:{AnimalDueKind.WeighingOverdue}:{today:yyyy-MM-dd}", cancellationToken) is not null)
            {
                raised++;
            }
        }

        return raised;
    }

    /// <summary>Ages, days in milk and days pregnant move with the calendar: each group with registered members gets its
    /// inputs derived again for today (the group's input update re-runs requirements and the ration by farm policy).</summary>
    private async Task RefreshGroupsAsync(Guid farmId, IReadOnlyList<AnimalHistory> herd, DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var members in herd.Where(a => a.Animal.GroupId is not null).GroupBy(a => a.Animal.GroupId!.Value))
        {
            var group = GrainFactory.Group(members.Key);
            if (await group.GetAsync(cancellationToken) is not { } snapshot || snapshot.FarmId != farmId)
            {
                continue;
            }

            var overrides = await animals.GetOverridesAsync(farmId, members.Key, cancellationToken);
            var derived = GroupInputsDerivation.Derive(snapshot.Inputs, members.Select(m => (m.Animal, m.RecordList)), today, overrides).Inputs;
            if (derived != snapshot.Inputs)
            {
                await group.UpdateInputsAsync(snapshot.Name, derived, "herd calendar", cancellationToken);
            }
        }
    }

    private static string Label(AnimalDue d) => d.Name is { Length: > 0 } name ? $"{name} ({d.Tag})" : d.Tag;
}
