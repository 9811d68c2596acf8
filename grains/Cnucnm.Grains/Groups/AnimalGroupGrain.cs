using Cnucnm.Nutrition.Messages;
using System.Globalization;
using System.Diagnostics;
using Cnucnm.Analytics.Anomalies;
using Cnucnm.Analytics.Intake;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Cnucnm.Grains.Alerts;
using Cnucnm.Grains.Infrastructure;
using Cnucnm.Grains.Farms;
using Cnucnm.Grains.Rations;
using Cnucnm.Storage.LiveHerd;
using Microsoft.Extensions.Logging;

namespace Cnucnm.Grains.Groups;

[GrainType("animal-group")]
public sealed partial class AnimalGroupGrain(
    [PersistentState("group", ProviderNames.GrainState)] IPersistentState<GroupState> state,
    IIntakeStore intakeStore,
    IGroupNutrition nutrition,
    AlertRaiser alerts,
    TimeProvider clock,
    ILogger<AnimalGroupGrain> logger) : Grain, IAnimalGroupGrain, IRemindable
{
    /// <summary>Retries a ration update the group stored with a change of its inputs but could not finish (a silo lost
    /// mid-way); fires on a survivor when this grain's own silo died (Orleans' minimum reminder period, 1 min).</summary>
    private const string RationUpdateReminder = "ration-update";

    private static readonly TimeSpan RationUpdateRetry = TimeSpan.FromSeconds(5);

    private const int IntakeDaysKept = 90;

    /// <summary>The longest history a caller may ask for: two years (imported days go back that far).</summary>
    public const int IntakeHistoryDaysMax = 731;
    private const int RecordsKept = 100;

    /// <summary>Intake events of a pen go out at most this often (the SSE target is 250 ms from reading to screen).</summary>
    private static readonly TimeSpan LiveUpdateInterval = TimeSpan.FromMilliseconds(100);

    private readonly SortedDictionary<DateOnly, IntakeDay> _days = [];
    private GroupRequirements? _requirements;
    private string? _requirementsProblem;
    private int? _requirementsRationVersion;
    private FarmSnapshot? _farm;
    private DateTimeOffset _farmReadAt;
    private long _lastLiveUpdate;
    private IGrainTimer? _liveUpdate;
    private int _unpublishedReadings;
    private DateOnly? _intakeCheckedDay;
    private bool _pastDayChanged;
    private RetryTimer? _rationUpdateRetry;

    /// <summary>The group's part of the ration inputs as last brought to the ration (it keeps it for the farm's calls).</summary>
    private RationGroupInputs? _rationGroupBrought;

    private GroupState State => state.State;

    private bool Exists => State.FarmId != Guid.Empty && !State.Deleted;

    private Guid GroupId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Exists)
        {
            return;
        }

        var farm = await FarmAsync(cancellationToken);
        foreach (var day in await intakeStore.DailyTotalsAsync(GroupId, LocalToday(farm).AddDays(-IntakeDaysKept), cancellationToken))
        {
            _days[day.Day] = ToIntakeDay(day);
        }

        await RecomputeAsync(farm, cancellationToken);
        if (farm is not null)
        {
            // The ration keeps the group's part for the farm's feed changes; one stored before it kept any gets it here.
            await BringGroupToRationAsync(farm, cancellationToken);
        }

        if (State.PendingReformulation is not null)
        {
            // A ration update a previous activation stored but did not finish (its silo died): resume shortly, outside activation.
            ScheduleRationUpdateRetry(TimeSpan.FromMilliseconds(200));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RationUpdateReminder)
        {
            await UpdateRationAsync();
        }
    }

    public async Task<GroupResult> CreateAsync(Guid farmId, string name, GroupInputs inputs, string createdBy, CancellationToken cancellationToken = default)
    {
        if (State.FarmId != Guid.Empty)
        {
            return new GroupResult(GroupOutcome.AlreadyExists, Exists ? await SnapshotAsync(cancellationToken) : null);
        }

        var farm = await GrainFactory.Farm(farmId).GetAsync(cancellationToken);
        if (farm is null)
        {
            return new GroupResult(GroupOutcome.NotFound, null, "farm not found");
        }

        state.State = new GroupState
        {
            FarmId = farmId,
            Name = name,
            Inputs = inputs.ForState(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
            Version = 1,
        };
        await state.WriteStateAsync(cancellationToken);
        (_farm, _farmReadAt) = (farm, clock.GetUtcNow());
        await GrainFactory.Farm(farmId).AddGroupAsync(GroupId, name, cancellationToken);
        await GrainFactory.Ration(GroupId).AttachAsync(farmId, inputs.HeadCount, cancellationToken);
        await RecomputeAsync(farm, cancellationToken);
        await BringGroupToRationAsync(farm, cancellationToken);
        await PublishAsync(FarmEventKind.GroupChanged, $"Group {name} created");
        return new GroupResult(GroupOutcome.Created, await SnapshotAsync(cancellationToken));
    }

    public async Task<GroupSnapshot?> GetAsync(CancellationToken cancellationToken = default) =>
        Exists ? await SnapshotAsync(cancellationToken) : null;

    public async Task<GroupResult> UpdateInputsAsync(string name, GroupInputs inputs, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new GroupResult(GroupOutcome.NotFound, null);
        }

        var renamed = name != State.Name;
        var reason = ServerMessage.Of("reason.inputsChanged", ("actor", changedBy));
        await StoreWithRationUpdateAsync(State with { Name = name, Inputs = inputs.ForState(), Version = State.Version + 1, PendingReformulation = InputsChanged(changedBy, reason) },
            cancellationToken);
        if (renamed)
        {
            await GrainFactory.Farm(State.FarmId).AddGroupAsync(GroupId, name, cancellationToken);
        }

        await InputsChangedAsync(ServerText.English(reason), cancellationToken);
        return new GroupResult(GroupOutcome.Ok, await SnapshotAsync(cancellationToken));
    }

    public async Task<GroupResult> AddWeighingAsync(WeighingRecord weighing, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new GroupResult(GroupOutcome.NotFound, null);
        }

        var weighings = State.Weighings.Append(weighing).OrderBy(w => w.Date).TakeLast(RecordsKept).ToList();
        var latest = weighings[^1];
        var inputs = State.Inputs! with
        {
            BodyWeightKg = latest.BodyWeightKg,
            BodyConditionScore = latest.BodyConditionScore ?? State.Inputs!.BodyConditionScore,
        };
        var reason = ServerMessage.Of("reason.weighing", ("date", weighing.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("kg", weighing.BodyWeightKg.ToString("0", CultureInfo.InvariantCulture)));
        await StoreWithRationUpdateAsync(State with
        {
            Weighings = weighings, Inputs = inputs, Version = State.Version + 1, PendingReformulation = InputsChanged(weighing.RecordedBy, reason),
        }, cancellationToken);
        await InputsChangedAsync(ServerText.English(reason), cancellationToken);
        return new GroupResult(GroupOutcome.Ok, await SnapshotAsync(cancellationToken));
    }

    public async Task<GroupResult> AddMilkTestAsync(MilkTestRecord milkTest, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new GroupResult(GroupOutcome.NotFound, null);
        }

        var tests = State.MilkTests.Append(milkTest).OrderBy(m => m.Date).TakeLast(RecordsKept).ToList();
        var latest = tests[^1];
        // Kept as a record; a group whose state has no milk (steers, heifers, dry cows) takes none from it (ForState).
        var inputs = (State.Inputs! with
        {
            MilkKgPerDay = latest.MilkKgPerDay,
            MilkFatPercent = latest.FatPercent,
            MilkTrueProteinPercent = latest.TrueProteinPercent,
            MilkLactosePercent = latest.LactosePercent,
        }).ForState();
        var reason = ServerMessage.Of("reason.milkTest", ("date", milkTest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("kg", milkTest.MilkKgPerDay.ToString("0.#", CultureInfo.InvariantCulture)));
        await StoreWithRationUpdateAsync(State with
        {
            MilkTests = tests, Inputs = inputs, Version = State.Version + 1, PendingReformulation = InputsChanged(milkTest.RecordedBy, reason),
        }, cancellationToken);
        await InputsChangedAsync(ServerText.English(reason), cancellationToken);
        return new GroupResult(GroupOutcome.Ok, await SnapshotAsync(cancellationToken));
    }

    public async Task RecordIntakeAsync(IReadOnlyList<IntakeDay> totals, CancellationToken cancellationToken = default)
    {
        if (!Exists || totals.Count == 0)
        {
            return;
        }

        var farm = await FarmAsync(cancellationToken);
        var today = LocalToday(farm);
        foreach (var day in totals)
        {
            // Totals only grow: the one with more readings is the later one (calls may overtake each other).
            if (IntakeLedger.Supersedes(day.Readings, _days.TryGetValue(day.Day, out var known) ? known.Readings : null))
            {
                _unpublishedReadings += day.Readings - (known?.Readings ?? 0);
                _days[day.Day] = day;
                _pastDayChanged |= day.Day < today;
            }
        }

        var oldest = today.AddDays(-IntakeDaysKept);
        foreach (var stale in _days.Keys.Where(d => d < oldest).ToList())
        {
            _days.Remove(stale);
        }

        // Live figures at most every LiveUpdateInterval: a busy pen gets many batches a second, the dashboard
        // needs one event. The first change after a quiet spell goes out at once, later ones with the next tick.
        var sinceLast = Stopwatch.GetElapsedTime(_lastLiveUpdate);
        if (sinceLast >= LiveUpdateInterval)
        {
            await LiveUpdateAsync(cancellationToken);
        }
        else
        {
            _liveUpdate ??= this.RegisterGrainTimer(LiveUpdateAsync, new GrainTimerCreationOptions(LiveUpdateInterval - sinceLast, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>Publishes today's intake against predicted and formulated, and checks the intake alerts when a day completed.</summary>
    private async Task LiveUpdateAsync(CancellationToken cancellationToken)
    {
        // A one-shot timer: disposed once its callback is done (disposing cancels the callback's token).
        using var timer = _liveUpdate;
        _liveUpdate = null;
        _lastLiveUpdate = Stopwatch.GetTimestamp();
        if (!Exists || _unpublishedReadings == 0)
        {
            return;
        }

        var readings = _unpublishedReadings;
        _unpublishedReadings = 0;
        var farm = await FarmAsync(cancellationToken);
        var summary = await IntakeSummaryAsync(farm, cancellationToken);
        await PublishAsync(FarmEventKind.IntakeRecorded, $"{State.Name}: {summary.TodayDryMatterKgPerHead:0.0} kg DM/head today", new Dictionary<string, double>
        {
            ["todayDryMatterKgPerHead"] = summary.TodayDryMatterKgPerHead ?? 0,
            ["predictedDryMatterKgPerHead"] = summary.PredictedDryMatterKgPerHead ?? 0,
            ["formulatedDryMatterKgPerHead"] = summary.FormulatedDryMatterKgPerHead ?? 0,
            ["readings"] = readings,
        });

        // The intake checks look at complete days only: once per local day, and again when late readings change a past day.
        if (_intakeCheckedDay != summary.Today || _pastDayChanged)
        {
            _intakeCheckedDay = summary.Today;
            _pastDayChanged = false;
            await CheckIntakeAsync(farm, summary, cancellationToken);
            if (farm is not null)
            {
                // A completed day moves the adapted intake: the ration keeps it for the farm's calls.
                await BringGroupToRationAsync(farm, cancellationToken);
            }
        }
    }

    public async Task<RationInputs?> GetRationInputsAsync(CancellationToken cancellationToken = default) =>
        Exists ? await RationInputsAsync(cancellationToken) : null;

    /// <summary>
    /// What the ration needs, brought down to it (it never calls the group or farm back): the farm's profile, policy and feeds as
    /// they are now, and the group's part, with requirements on the ration's current version first (the predicted intake the
    /// adapted intake starts from depends on it). Null when the farm is gone.
    /// </summary>
    private async Task<RationInputs?> RationInputsAsync(CancellationToken cancellationToken)
    {
        var farm = await FarmAsync(cancellationToken, refresh: true);
        if (farm is null)
        {
            return null;
        }

        var feeds = await GrainFactory.Farm(State.FarmId).GetFeedsAsync(null, cancellationToken);
        var current = await GrainFactory.Ration(GroupId).GetCurrentAsync(cancellationToken);
        if (current?.Version != _requirementsRationVersion)
        {
            Recompute(farm, feeds, current);
        }

        return new RationInputs(farm.Profile, farm.Policy, feeds, RationGroup(farm));
    }

    /// <summary>The group's part of the ration inputs: its inputs as the model sees them and its adapted intake
    /// (<see cref="AdaptedIntake"/> over the last <see cref="AdaptedIntake.HistoryDays"/> days).</summary>
    private RationGroupInputs RationGroup(FarmSnapshot? farm)
    {
        var today = LocalToday(farm);
        var from = today.AddDays(-AdaptedIntake.HistoryDays + 1);
        var inputs = State.Inputs!.ForState();
        return new RationGroupInputs(State.Name, inputs,
            AdaptedIntake.KgPerHead(inputs, _requirements?.PredictedDryMatterIntakeKg, today, _days.Values.Where(d => d.Day >= from)));
    }

    /// <summary>Brings the group's part to the ration when it changed since the last time (the ration keeps it for the farm's calls,
    /// which come without it).</summary>
    private async Task BringGroupToRationAsync(FarmSnapshot farm, CancellationToken cancellationToken)
    {
        var group = RationGroup(farm);
        if (group != _rationGroupBrought)
        {
            await GrainFactory.Ration(GroupId).UpdateGroupAsync(group, cancellationToken);
            _rationGroupBrought = group;
        }
    }

    public async Task<IReadOnlyList<IntakeDay>> GetIntakeHistoryAsync(int days, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return [];
        }

        var today = LocalToday(_farm);
        var from = today.AddDays(-Math.Clamp(days, 1, IntakeHistoryDaysMax) + 1);
        var oldestKept = today.AddDays(-IntakeDaysKept);
        var kept = _days.Values.Where(d => d.Day >= from);
        if (from >= oldestKept)
        {
            return [.. kept];
        }

        // Older than the days kept here: read from the store (readings' totals and imported days).
        var older = (await intakeStore.DailyTotalsAsync(GroupId, from, cancellationToken)).Where(d => d.Day < oldestKept).Select(ToIntakeDay);
        return [.. older.Concat(kept.Where(d => d.Day >= oldestKept))];
    }

    public async Task<int> ImportIntakeHistoryAsync(IReadOnlyList<IntakeDay> days, CancellationToken cancellationToken = default)
    {
        if (!Exists || days.Count == 0)
        {
            return 0;
        }

        var changed = await intakeStore.StoreHistoryAsync(GroupId,
            [.. days.Select(d => new GroupDayTotals(GroupId, d.Day, d.DeliveredKgAsFed, d.RefusedKgAsFed, d.DryMatterKg, 1, d.HeadCount))], cancellationToken);
        // The days this group keeps take the imported ones a day without readings shows (as the store reads them).
        var oldestKept = LocalToday(await FarmAsync(cancellationToken)).AddDays(-IntakeDaysKept);
        foreach (var day in days.Where(d => d.Day >= oldestKept))
        {
            if (!_days.TryGetValue(day.Day, out var known) || known.HeadCount is not null)
            {
                _days[day.Day] = day with { Readings = 1 };
            }
        }

        return changed;
    }

    private static IntakeDay ToIntakeDay(GroupDayTotals day) =>
        new(day.Day, day.DeliveredKgAsFed, day.RefusedKgAsFed, day.DryMatterKg, day.Readings, day.HeadCount);

    public async Task<GroupOutcome> DeleteAsync(string deletedBy, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return GroupOutcome.NotFound;
        }

        state.State = State with { Deleted = true, Version = State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
        await GrainFactory.Farm(State.FarmId).RemoveGroupAsync(GroupId, cancellationToken);
        await PublishAsync(FarmEventKind.GroupChanged, $"Group {State.Name} removed by {deletedBy}");
        return GroupOutcome.Ok;
    }

    private static RationChangeCause InputsChanged(string actor, ServerMessage reason) => RationChangeCause.Of(RationChangeKind.GroupInputsChanged, actor, reason);

    /// <summary>After new inputs were stored with their <see cref="GroupState.PendingReformulation"/>: requirements, the event,
    /// then the ration brought up to date.</summary>
    private async Task InputsChangedAsync(string reason, CancellationToken cancellationToken)
    {
        var farm = await FarmAsync(cancellationToken, refresh: true);
        await RecomputeAsync(farm, cancellationToken);
        await PublishAsync(FarmEventKind.GroupChanged, $"{State.Name}: {reason}");
        await UpdateRationAsync();
    }

    /// <summary>
    /// The ration update stored with a change of the inputs (an outbox): the current ration re-evaluated for the new inputs and
    /// head count, then re-formulated by the farm's policy; the stored cause is cleared when both are done. When a call fails
    /// (the ration's silo was lost) the change stays stored and is retried in 5 s and by a reminder every minute, also on another
    /// silo when this one dies, so an edit is never left without its ration update. Doing it twice is harmless.
    /// </summary>
    private async Task UpdateRationAsync()
    {
        if (State.PendingReformulation is not { } cause || !Exists)
        {
            return;
        }

        try
        {
            // A farm that is gone has no ration to update.
            if (await RationInputsAsync(CancellationToken.None) is { } inputs)
            {
                var ration = GrainFactory.Ration(GroupId);
                await ration.RefreshAsync(inputs);
                await ration.ReformulateAsync(inputs, cause);
                _rationGroupBrought = inputs.Group;
            }
        }
        catch (Exception exception)
        {
            // The reminder registered with the change stays; the timer tries again sooner.
            LogRationUpdateFailed(logger, exception, GroupId);
            ScheduleRationUpdateRetry(RationUpdateRetry);
            return;
        }

        // A newer change stored while this ran keeps its own cause (and is worked off by its own call).
        if (State.PendingReformulation == cause)
        {
            state.State = State with { PendingReformulation = null };
            await state.WriteStateAsync();
        }

        if (State.PendingReformulation is null && await this.GetReminder(RationUpdateReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Writes new inputs with their <see cref="GroupState.PendingReformulation"/> so that nothing after the write can leave
    /// the ration update undone: the reminder is registered before the write, a timer set after it (FarmGrain does the same for
    /// its ration work); an event that fails after the write no longer strands the update.</summary>
    private async Task StoreWithRationUpdateAsync(GroupState next, CancellationToken cancellationToken)
    {
        await this.RegisterOrUpdateReminder(RationUpdateReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
        state.State = next;
        await state.WriteStateAsync(cancellationToken);
        ScheduleRationUpdateRetry(RationUpdateRetry);
    }

    private void ScheduleRationUpdateRetry(TimeSpan dueTime) => (_rationUpdateRetry ??= new RetryTimer(this, UpdateRationAsync)).Schedule(dueTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Group {GroupId}: ration not yet updated for its new inputs; retried")]
    private static partial void LogRationUpdateFailed(ILogger logger, Exception exception, Guid groupId);

    /// <summary>Intake alerts and intake-driven re-formulation, on complete days only.</summary>
    private async Task CheckIntakeAsync(FarmSnapshot? farm, IntakeSummary summary, CancellationToken cancellationToken)
    {
        if (farm is null || State.Inputs!.HeadCount <= 0)
        {
            return;
        }

        var policy = farm.Policy;
        var today = summary.Today;
        var head = State.Inputs.HeadCount;
        var complete = _days.Values.Where(d => d.Day < today).ToDictionary(d => d.Day, d => d.DryMatterKg);
        // Two rules, one alert a day (the pure IntakeLedger decides): a drop beyond the farm's threshold, or (with two weeks of
        // history) a day unusual for this pen by the robust z-score, which catches a smaller drop in a steady pen.
        if (IntakeLedger.Drop(complete, today, policy.IntakeWindowDays, policy.IntakeDropThresholdPercent) is { } drop)
        {
            static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
            (string, object?)[] args = [("intake", F(drop.DryMatterKg / head, "0.0")), ("date", drop.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("average", F(drop.MeanBeforeKg / head, "0.0")), ("days", drop.DaysBefore)];
            await alerts.RaiseAsync(State.FarmId, GroupId, AlertKind.IntakeDrop, AlertSeverity.Warning,
                ServerMessage.Of("alert.intakeDrop.title", ("group", State.Name), ("percent", F(drop.DropPercent, "0"))),
                drop.Unusual is not { } unusual
                    ? ServerMessage.Of("alert.intakeDrop.detail", args)
                    : ServerMessage.Of("alert.intakeDrop.detailUnusual", [.. args, ("z", F(unusual.RobustZScore, "0.0")),
                        ("window", RobustAnomalyDetector.DefaultWindowDays), ("median", F(unusual.RecentMedian / head, "0.0"))]),
                $"intake-drop:{GroupId}:{drop.Day:yyyy-MM-dd}", cancellationToken);
        }

        if (State.LastIntakeReformulationDay != today
            && IntakeLedger.Deviation(complete, today, policy.IntakeWindowDays, head, summary.FormulatedDryMatterKgPerHead, policy.IntakeDeviationThresholdPercent)
                is { } deviation)
        {
            state.State = State with { LastIntakeReformulationDay = today };
            await state.WriteStateAsync(cancellationToken);
            if (await RationInputsAsync(cancellationToken) is { } inputs)
            {
                await GrainFactory.Ration(GroupId).ReformulateAsync(inputs, RationChangeCause.Of(RationChangeKind.IntakeDeviation, "sensors",
                    ServerMessage.Of("reason.intakeDeviation", ("intake", deviation.ObservedKgPerHead.ToString("0.0", CultureInfo.InvariantCulture)),
                        ("days", deviation.Days), ("percent", deviation.DeviationPercent.ToString("+0;-0", CultureInfo.InvariantCulture)),
                        ("formulated", deviation.FormulatedKgPerHead.ToString("0.0", CultureInfo.InvariantCulture)))),
                    deviation.ObservedKgPerHead, cancellationToken);
                _rationGroupBrought = inputs.Group;
            }
        }
    }

    /// <summary>Requirements from the current inputs, on the group's current ration (intake-dependent terms).</summary>
    private async Task RecomputeAsync(FarmSnapshot? farm, CancellationToken cancellationToken)
    {
        if (farm is null)
        {
            (_requirements, _requirementsProblem) = (null, "the farm is not available");
            return;
        }

        var current = await GrainFactory.Ration(GroupId).GetCurrentAsync(cancellationToken);
        Recompute(farm, await GrainFactory.Farm(State.FarmId).GetFeedsAsync(null, cancellationToken), current);
    }

    private void Recompute(FarmSnapshot farm, IReadOnlyList<FarmFeed> feeds, RationVersion? current)
    {
        (_requirements, _requirementsProblem) = nutrition.Requirements(State.Inputs!, farm.Profile, State.FarmId, feeds, current?.Items, clock.GetUtcNow());
        _requirementsRationVersion = current?.Version;
    }

    private async Task<IntakeSummary> IntakeSummaryAsync(FarmSnapshot? farm, CancellationToken cancellationToken)
    {
        var today = LocalToday(farm);
        var head = Math.Max(1, State.Inputs!.HeadCount);
        var recent = _days.Values.Where(d => d.Day < today && d.Day >= today.AddDays(-7)).ToList();
        // The current version only (this runs with every live update of a busy pen, up to 10 a second).
        var current = await GrainFactory.Ration(GroupId).GetCurrentAsync(cancellationToken);
        if (current?.Version != _requirementsRationVersion)
        {
            if (farm is null)
            {
                (_requirements, _requirementsProblem) = (null, "the farm is not available");
            }
            else
            {
                Recompute(farm, await GrainFactory.Farm(State.FarmId).GetFeedsAsync(null, cancellationToken), current);
            }
        }

        return new IntakeSummary(
            today,
            _days.TryGetValue(today, out var todayTotals) ? todayTotals.DryMatterKg / head : null,
            recent.Count > 0 ? recent.Average(d => d.DryMatterKg) / head : null,
            _requirements?.PredictedDryMatterIntakeKg,
            current?.DryMatterKgPerHead,
            [.. _days.Values.Where(d => d.Day >= today.AddDays(-30))]);
    }

    private async Task<GroupSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var farm = await FarmAsync(cancellationToken);
        var intake = await IntakeSummaryAsync(farm, cancellationToken); // refreshes requirements when the ration changed
        return new GroupSnapshot(GroupId, State.FarmId, State.Name, State.Inputs!.ForState(), _requirements, // a group stored before the rule still reads without milk for a steer
            intake, State.Weighings, State.MilkTests, State.Version, _requirementsProblem);
    }

    private async Task<FarmSnapshot?> FarmAsync(CancellationToken cancellationToken, bool refresh = false)
    {
        if (refresh || _farm is null || clock.GetUtcNow() - _farmReadAt > TimeSpan.FromMinutes(1))
        {
            _farm = await GrainFactory.Farm(State.FarmId).GetAsync(cancellationToken);
            _farmReadAt = clock.GetUtcNow();
        }

        return _farm;
    }

    private DateOnly LocalToday(FarmSnapshot? farm) => FarmClock.LocalDay(clock.GetUtcNow(), farm?.Profile.TimeZone);

    private Task PublishAsync(FarmEventKind kind, string summary, IReadOnlyDictionary<string, double>? values = null) =>
        GrainFactory.FarmEvents(State.FarmId).PublishAsync(kind, GroupId, summary, values);
}

[GenerateSerializer, Alias("cnucnm.GroupState")]
public sealed record GroupState
{
    [Id(0)] public Guid FarmId { get; init; }
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public GroupInputs? Inputs { get; init; }
    [Id(3)] public IReadOnlyList<WeighingRecord> Weighings { get; init; } = [];
    [Id(4)] public IReadOnlyList<MilkTestRecord> MilkTests { get; init; } = [];
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public string CreatedBy { get; init; } = "";
    [Id(7)] public long Version { get; init; }
    [Id(8)] public bool Deleted { get; init; }
    [Id(9)] public DateOnly? LastIntakeReformulationDay { get; init; }

    /// <summary>The ration update a change of the inputs calls for, written with the change and cleared when done (an outbox).</summary>
    [Id(10)] public RationChangeCause? PendingReformulation { get; init; }
}
