using Cnucnm.Nutrition.Messages;
using System.Globalization;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Lots;
using Cnucnm.Contracts.Rations;
using Cnucnm.Grains.Alerts;
using Cnucnm.Grains.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Cnucnm.Grains.Farms;

[GrainType("farm")]
public sealed partial class FarmGrain(
    [PersistentState("farm", ProviderNames.GrainState)] IPersistentState<FarmState> state,
    AlertRaiser alerts,
    TimeProvider clock,
    ILogger<FarmGrain> logger) : Grain, IFarmGrain, IRemindable
{
    /// <summary>Retries pending ration work that failed (a silo lost mid-way); also fires on a survivor when this
    /// grain's own silo died, so no change is left unpropagated (Orleans' minimum reminder period, 1 min).</summary>
    private const string RationWorkReminder = "ration-work";

    /// <summary>A work item that failed this often is given up, with an error in the log (a bug, not an outage).</summary>
    private const int MaxRationWorkAttempts = 20;

    private static readonly TimeSpan RationWorkRetry = TimeSpan.FromSeconds(5);

    /// <summary>Feed use arrives with every intake batch; it is written at most this often (and on deactivation).
    /// The readings themselves are durable before the batch is acknowledged; a crash loses at most this much of the
    /// running stock estimate, never a reading.</summary>
    private static readonly TimeSpan UseFlushPeriod = TimeSpan.FromSeconds(10);

    private bool _useUnsaved;
    private IGrainTimer? _useFlush;
    private RetryTimer? _rationWorkRetry;

    private FarmState State => state.State;

    private bool Exists => State.Profile is not null;

    public async Task<FarmResult> CreateAsync(FarmProfile profile, string createdBy, CancellationToken cancellationToken = default)
    {
        if (Exists)
        {
            return new FarmResult(FarmOutcome.AlreadyExists, Snapshot());
        }

        state.State = new FarmState
        {
            Profile = profile,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
            Version = 1,
            Policy = FarmPolicy.Default,
        };
        await state.WriteStateAsync(cancellationToken);
        return new FarmResult(FarmOutcome.Created, Snapshot());
    }

    public Task<FarmSnapshot?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Exists ? Snapshot() : null);

    public Task<long?> GetVersionAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Exists ? State.Version : (long?)null);

    public async Task<FarmResult> UpdateProfileAsync(FarmProfile profile, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new FarmResult(FarmOutcome.NotFound, null);
        }

        state.State = State with { Profile = profile, Version = State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
        return new FarmResult(FarmOutcome.Ok, Snapshot());
    }

    public async Task<FarmResult> SetPolicyAsync(FarmPolicy policy, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new FarmResult(FarmOutcome.NotFound, null);
        }

        state.State = State with { Policy = policy, Version = State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
        return new FarmResult(FarmOutcome.Ok, Snapshot());
    }

    public async Task AddGroupAsync(Guid groupId, string name, CancellationToken cancellationToken = default)
    {
        var groups = State.Groups.Where(g => g.GroupId != groupId).Append(new FarmGroupRef(groupId, name)).ToList();
        state.State = State with { Groups = groups, Version = State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task RemoveGroupAsync(Guid groupId, CancellationToken cancellationToken = default)
    {
        state.State = State with { Groups = [.. State.Groups.Where(g => g.GroupId != groupId)], Version = State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task RegisterSensorAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        if (!Exists || State.Sensors.Contains(deviceId))
        {
            return;
        }

        state.State = State with { Sensors = [.. State.Sensors.Append(deviceId).Order(StringComparer.Ordinal)] };
        await state.WriteStateAsync(cancellationToken);
    }

    public async Task<FarmFeedResult> PutFeedAsync(FarmFeedDefinition feed, string changedBy, RationChangeCause? reformulation = null,
        CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new FarmFeedResult(FarmFeedOutcome.FarmNotFound, null, null);
        }

        var existing = State.Feeds.GetValueOrDefault(feed.FeedId);
        var changed = FarmFeedBook.DefinitionChanges(existing, feed);
        var feeds = new Dictionary<string, FarmFeedState>(State.Feeds)
        {
            [feed.FeedId] = (existing ?? new FarmFeedState()) with { Definition = feed },
        };
        // A new composition or DM changes the supply of every ration with this feed (and, for a lab analysis, calls for a
        // re-formulation): written with the feed (an outbox), so a crash after this write still updates them.
        var work = changed ? new PendingRationWork(Guid.NewGuid(), feed.FeedId, reformulation, [.. State.Groups.Select(g => g.GroupId)], 0) : null;
        await StoreWithRationWorkAsync(State with { Feeds = feeds, Version = State.Version + 1, PendingRationWork = Append(State.PendingRationWork, work) },
            work, cancellationToken);
        await MoveLotUseAsync(feed.FeedId, existing?.Definition?.LotId, feed.LotId, cancellationToken);

        var done = work is null ? null : await WorkOffRationsAsync();
        return new FarmFeedResult(FarmFeedOutcome.Ok, ToFarmFeed(feeds[feed.FeedId], Today()), null, done?.GetValueOrDefault(work!.WorkId));
    }

    public async Task<FarmFeedResult> RemoveFeedAsync(string feedId, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new FarmFeedResult(FarmFeedOutcome.FarmNotFound, null, null);
        }

        if (!State.Feeds.ContainsKey(feedId))
        {
            return new FarmFeedResult(FarmFeedOutcome.FeedNotFound, null, null);
        }

        var feeds = new Dictionary<string, FarmFeedState>(State.Feeds);
        feeds.Remove(feedId, out var removed);
        state.State = State with { Feeds = feeds, Version = State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
        await MoveLotUseAsync(feedId, removed?.Definition?.LotId, null, cancellationToken);
        return new FarmFeedResult(FarmFeedOutcome.Ok, null, null);
    }

    public async Task AddLotAsync(Guid lotId, CancellationToken cancellationToken = default)
    {
        if (Exists && !State.Lots.Contains(lotId))
        {
            state.State = State with { Lots = [.. State.Lots.Append(lotId)], Version = State.Version + 1 };
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<Guid>> GetLotsAsync(CancellationToken cancellationToken = default) => Task.FromResult(State.Lots);

    /// <summary>The lots know which farm feeds point to them (for a new analysis to reach every ration using the lot).</summary>
    private async Task MoveLotUseAsync(string feedId, Guid? from, Guid? to, CancellationToken cancellationToken)
    {
        if (from == to)
        {
            return;
        }

        var use = new LotUse(this.GetPrimaryKey(), feedId);
        if (from is { } old)
        {
            await GrainFactory.Lot(old).RemoveUseAsync(use, cancellationToken);
        }

        if (to is { } lot)
        {
            await GrainFactory.Lot(lot).AddUseAsync(use, cancellationToken);
        }
    }

    public async Task<FarmFeedResult> SetPriceAsync(string feedId, FeedPrice price, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new FarmFeedResult(FarmFeedOutcome.FarmNotFound, null, null);
        }

        if (!State.Feeds.TryGetValue(feedId, out var feed))
        {
            return new FarmFeedResult(FarmFeedOutcome.FeedNotFound, null, null);
        }

        var today = Today();
        var (updated, before, after, changePercent, changed, reformulate) = FarmFeedBook.SetPrice(feed, price, today, State.Policy.PriceChangeThresholdPercent);
        var feeds = new Dictionary<string, FarmFeedState>(State.Feeds) { [feedId] = updated };
        // The rations to update are written with the price (an outbox): a crash after this write still updates them.
        var work = !changed ? null : new PendingRationWork(Guid.NewGuid(), feedId,
            reformulate ? RationChangeCause.Of(RationChangeKind.PriceChange, changedBy, ServerMessage.Of("reason.priceChange", ("feed", updated.Definition!.Name),
                ("percent", changePercent?.ToString("+0.#;-0.#", CultureInfo.InvariantCulture)))) : null,
            [.. State.Groups.Select(g => g.GroupId)], 0);
        await StoreWithRationWorkAsync(State with { Feeds = feeds, Version = State.Version + 1, PendingRationWork = Append(State.PendingRationWork, work) },
            work, cancellationToken);

        if (changed)
        {
            await GrainFactory.FarmEvents(this.GetPrimaryKey()).PublishAsync(FarmEventKind.PriceChanged, null,
                $"{updated.Definition!.Name}: {after:0.###} {State.Profile!.Currency}/kg as fed",
                new Dictionary<string, double> { ["pricePerKgAsFed"] = (double)(after ?? 0), ["changePercent"] = changePercent ?? 0 }, CancellationToken.None);
            if (reformulate && changePercent is { } change)
            {
                await alerts.RaiseAsync(this.GetPrimaryKey(), null, AlertKind.PriceJump, AlertSeverity.Warning,
                    ServerMessage.Of(change > 0 ? "alert.priceJump.titleRose" : "alert.priceJump.titleFell", ("feed", updated.Definition!.Name),
                        ("percent", Math.Abs(change).ToString("0.#", CultureInfo.InvariantCulture))),
                    ServerMessage.Of("alert.priceJump.detail", ("from", before?.ToString("0.###", CultureInfo.InvariantCulture)), ("to", after?.ToString("0.###", CultureInfo.InvariantCulture)),
                        ("currency", State.Profile.Currency), ("date", price.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                    $"price:{feedId}:{price.EffectiveFrom:yyyy-MM-dd}", cancellationToken);
            }

            await WorkOffRationsAsync();
        }

        return new FarmFeedResult(FarmFeedOutcome.Ok, ToFarmFeed(updated, today), null);
    }

    public async Task<FarmFeedResult> SetInventoryAsync(string feedId, double kgAsFedOnHand, string changedBy, CancellationToken cancellationToken = default)
    {
        if (!Exists)
        {
            return new FarmFeedResult(FarmFeedOutcome.FarmNotFound, null, null);
        }

        if (!State.Feeds.TryGetValue(feedId, out var feed))
        {
            return new FarmFeedResult(FarmFeedOutcome.FeedNotFound, null, null);
        }

        var updated = feed with { InventoryKgAsFed = kgAsFedOnHand };
        state.State = State with { Feeds = new Dictionary<string, FarmFeedState>(State.Feeds) { [feedId] = updated }, Version = State.Version + 1 };
        await state.WriteStateAsync(cancellationToken);
        await CheckStockAsync(feedId, updated, changedBy, cancellationToken);
        return new FarmFeedResult(FarmFeedOutcome.Ok, ToFarmFeed(updated, Today()), null);
    }

    public async Task RecordFeedUseAsync(IReadOnlyList<FeedUse> uses, CancellationToken cancellationToken = default)
    {
        if (!Exists || uses.Count == 0)
        {
            return;
        }

        var (feeds, touched) = FarmFeedBook.RecordUse(State.Feeds, uses, Today());
        state.State = State with { Feeds = feeds };
        _useUnsaved = true;
        _useFlush ??= this.RegisterGrainTimer(FlushUseAsync, new GrainTimerCreationOptions(UseFlushPeriod, UseFlushPeriod));
        foreach (var feedId in touched)
        {
            await CheckStockAsync(feedId, feeds[feedId], null, cancellationToken);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        await FlushUseAsync(cancellationToken);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Work a previous activation wrote but did not finish (its silo died): resume shortly, outside activation.
        if (State.PendingRationWork.Count > 0)
        {
            ScheduleRationWorkRetry(TimeSpan.FromMilliseconds(200));
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RationWorkReminder)
        {
            await WorkOffRationsAsync();
        }
    }

    private async Task FlushUseAsync(CancellationToken cancellationToken)
    {
        if (_useUnsaved)
        {
            _useUnsaved = false;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<FarmFeed>> GetFeedsAsync(DateOnly? on = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(FeedList(on ?? Today()));

    private IReadOnlyList<FarmFeed> FeedList(DateOnly day) =>
        [.. State.Feeds.Values.OrderBy(f => f.Definition!.Name, StringComparer.Ordinal).Select(f => ToFarmFeed(f, day))];

    /// <summary>Raises or closes the feed's low-stock alert as the feed book decides (<see cref="FarmFeedBook.CheckStock"/>);
    /// <paramref name="countedBy"/>: who counted the stock by hand (null after use from readings).</summary>
    private async Task CheckStockAsync(string feedId, FarmFeedState feed, string? countedBy, CancellationToken cancellationToken)
    {
        var check = FarmFeedBook.CheckStock(feed, State.Policy.InventoryWarningDays, counted: countedBy is not null);
        if (check.Action == StockAlertAction.Raise)
        {
            await alerts.RaiseAsync(this.GetPrimaryKey(), null, AlertKind.InventoryLow, check.Critical ? AlertSeverity.Critical : AlertSeverity.Warning,
                ServerMessage.Of("alert.inventoryLow.title", ("feed", feed.Definition!.Name), ("days", check.DaysLeft.ToString("0.#", CultureInfo.InvariantCulture))),
                ServerMessage.Of("alert.inventoryLow.detail", ("stock", check.StockKgAsFed.ToString("0", CultureInfo.InvariantCulture)),
                    ("use", check.UseKgAsFedPerDay.ToString("0", CultureInfo.InvariantCulture))),
                FarmFeedBook.StockAlertKey(feedId), cancellationToken);
        }
        else if (check.Action == StockAlertAction.Close)
        {
            await alerts.CloseAsync(this.GetPrimaryKey(), FarmFeedBook.StockAlertKey(feedId), countedBy!, cancellationToken);
        }
    }

    /// <summary>
    /// Carries out the pending ration work (re-formulate, or refresh the costs and supply of, every ration that uses a
    /// feed), all groups in parallel. Each group done is removed from the stored list; a group that failed (its silo
    /// died, a call timed out) stays, and is retried in 5 s and by a reminder every minute until it succeeds, also on
    /// another silo if this one dies. Re-formulating twice is harmless: the second finds the same ration.
    /// </summary>
    /// <returns>For each work item taken, the groups brought up to date now, with their re-formulation outcome.</returns>
    private async Task<Dictionary<Guid, IReadOnlyList<GroupRationUpdate>>> WorkOffRationsAsync()
    {
        var taken = State.PendingRationWork;
        var updated = new Dictionary<Guid, IReadOnlyList<GroupRationUpdate>>();
        if (taken.Count == 0)
        {
            return updated;
        }

        var left = new List<PendingRationWork>();
        foreach (var work in taken)
        {
            // The farm's part of every ration's inputs, brought down with the call (a ration never calls its farm back).
            var inputs = new RationInputs(State.Profile!, State.Policy, FeedList(Today()), null);
            var done = await Task.WhenAll(work.Groups.Select(async groupId => (GroupId: groupId, Update: await TryRationWorkAsync(work, groupId, inputs))));
            updated[work.WorkId] = [.. done.Where(d => d.Update is not null).Select(d => d.Update!)];
            var failed = done.Where(d => d.Update is null).Select(d => d.GroupId).ToList();
            if (failed.Count == 0)
            {
                continue;
            }

            if (work.Attempts + 1 >= MaxRationWorkAttempts)
            {
                LogRationWorkAbandoned(logger, this.GetPrimaryKey(), work.FeedId, failed.Count, work.Attempts + 1);
                continue;
            }

            left.Add(work with { Groups = failed, Attempts = work.Attempts + 1 });
        }

        // Work added while these calls ran (another price change) stays as it is.
        var takenIds = taken.Select(w => w.WorkId).ToHashSet();
        state.State = State with { PendingRationWork = [.. left, .. State.PendingRationWork.Where(w => !takenIds.Contains(w.WorkId))] };
        await state.WriteStateAsync();
        if (State.PendingRationWork.Count > 0)
        {
            await this.RegisterOrUpdateReminder(RationWorkReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            ScheduleRationWorkRetry(RationWorkRetry);
        }
        else if (await this.GetReminder(RationWorkReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return updated;
    }

    /// <summary>One group's part of a work item, in one call to its ration (<see cref="IRationGrain.FeedChangedAsync"/>): the current
    /// ration re-evaluated (costs and supply with the feed as it is now) when it uses the feed, then re-formulated by the farm's
    /// policy when the work has a cause and the feed is in the ration or among its candidates. The groups' calls run at once, so
    /// their formulations share the formulation pool. Null when the call failed (retried later).</summary>
    private async Task<GroupRationUpdate?> TryRationWorkAsync(PendingRationWork work, Guid groupId, RationInputs inputs)
    {
        try
        {
            return await GrainFactory.Ration(groupId).FeedChangedAsync(inputs, work.FeedId, work.Cause);
        }
        catch (Exception exception)
        {
            LogRationWorkFailed(logger, exception, this.GetPrimaryKey(), groupId, work.FeedId);
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="next"/>, which carries <paramref name="work"/> (an outbox), so that nothing after the write can leave the
    /// work undone: the reminder is registered before the write (a crash between the two leaves a reminder that finds nothing, never
    /// work without a reminder) and a timer is set after it. The work is then normally done by the same call, but an event or alert
    /// that fails after the write (a stream queue on a lost silo) no longer strands it: the timer does it within 5 s, the reminder
    /// within a minute on whichever silo is alive.
    /// </summary>
    private async Task StoreWithRationWorkAsync(FarmState next, PendingRationWork? work, CancellationToken cancellationToken)
    {
        if (work is not null)
        {
            await this.RegisterOrUpdateReminder(RationWorkReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
        }

        state.State = next;
        await state.WriteStateAsync(cancellationToken);
        if (work is not null)
        {
            ScheduleRationWorkRetry(RationWorkRetry);
        }
    }

    private void ScheduleRationWorkRetry(TimeSpan dueTime) => (_rationWorkRetry ??= new RetryTimer(this, async () => await WorkOffRationsAsync())).Schedule(dueTime);

    private static IReadOnlyList<PendingRationWork> Append(IReadOnlyList<PendingRationWork> pending, PendingRationWork? work) =>
        work is null ? pending : [.. pending, work];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Farm {FarmId}: ration of group {GroupId} not yet updated for feed {FeedId}; retried")]
    private static partial void LogRationWorkFailed(ILogger logger, Exception exception, Guid farmId, Guid groupId, string feedId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Farm {FarmId}: gave up updating {Groups} ration(s) for feed {FeedId} after {Attempts} attempts")]
    private static partial void LogRationWorkAbandoned(ILogger logger, Guid farmId, string feedId, int groups, int attempts);

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), FarmTimeZone()).DateTime);

    private TimeZoneInfo FarmTimeZone() =>
        State.Profile is { } profile && TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private static FarmFeed ToFarmFeed(FarmFeedState feed, DateOnly day) => FarmFeedBook.ToFarmFeed(feed, day);

    private FarmSnapshot Snapshot() => new(
        this.GetPrimaryKey(), State.Profile!, State.CreatedAt, State.CreatedBy, State.Version, State.Policy, State.Groups, State.Sensors);
}

[GenerateSerializer, Alias("cnucnm.FarmState")]
public sealed record FarmState
{
    [Id(0)] public FarmProfile? Profile { get; init; }
    [Id(1)] public DateTimeOffset CreatedAt { get; init; }
    [Id(2)] public string CreatedBy { get; init; } = "";
    [Id(3)] public long Version { get; init; }
    [Id(4)] public FarmPolicy Policy { get; init; } = FarmPolicy.Default;
    [Id(5)] public IReadOnlyList<FarmGroupRef> Groups { get; init; } = [];
    [Id(6)] public IReadOnlyDictionary<string, FarmFeedState> Feeds { get; init; } = new Dictionary<string, FarmFeedState>();
    [Id(7)] public IReadOnlyList<string> Sensors { get; init; } = [];
    [Id(8)] public IReadOnlyList<Guid> Lots { get; init; } = [];

    /// <summary>Ration work written with the change that caused it and removed when done (an outbox).</summary>
    [Id(9)] public IReadOnlyList<PendingRationWork> PendingRationWork { get; init; } = [];
}

/// <summary>Rations to update after a feed's price or composition changed: re-formulate them (with
/// <paramref name="Cause"/>) or, without a cause, refresh their costs and supply; <paramref name="Groups"/> still to do.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.PendingRationWork")]
public sealed record PendingRationWork(
    [property: Id(0)] Guid WorkId,
    [property: Id(1)] string FeedId,
    [property: Id(2)] RationChangeCause? Cause,
    [property: Id(3)] IReadOnlyList<Guid> Groups,
    [property: Id(4)] int Attempts);

[GenerateSerializer, Alias("cnucnm.FarmFeedState")]
public sealed record FarmFeedState
{
    [Id(0)] public FarmFeedDefinition? Definition { get; init; }
    [Id(1)] public IReadOnlyList<FeedPrice> Prices { get; init; } = [];
    [Id(2)] public double? InventoryKgAsFed { get; init; }
    [Id(3)] public IReadOnlyDictionary<DateOnly, double> DailyUseKgAsFed { get; init; } = new Dictionary<DateOnly, double>();
}
