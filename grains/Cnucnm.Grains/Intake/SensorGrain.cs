using Cnucnm.Nutrition.Messages;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Intake;
using Cnucnm.Grains.Alerts;

namespace Cnucnm.Grains.Intake;

/// <summary>
/// One sensor of a farm (keyed by <see cref="Keys.SensorKey"/>: "{farmId}/{deviceId}"). A reminder checks for silence, so the check
/// runs even when the sensor — and so this grain — has gone quiet. The last reading time is the
/// maximum of what readings report; its durable source is the readings table, so this grain writes
/// its state only when its alert state or settings change.
/// </summary>
[GrainType("sensor")]
public sealed class SensorGrain(
    [PersistentState("sensor", ProviderNames.GrainState)] IPersistentState<SensorState> state,
    AlertRaiser alerts,
    Storage.LiveHerd.IIntakeStore readings,
    LiveHerdOptions options,
    TimeProvider clock) : Grain, ISensorGrain, IRemindable
{
    public const string SilenceReminder = "silence-check";

    // Orleans names no exception type for "the reminder service has not started yet"; its message is the marker.
    private const string ReminderServiceStarting = "Reminder Service is still initializing";
    private static readonly TimeSpan ReminderRetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? _reminderRetry;

    private SensorState State => state.State;

    private (Guid FarmId, string DeviceId) Key => Keys.ParseSensorKey(this.GetPrimaryKeyString());

    public async Task HeardAsync(DateTimeOffset lastReadingAt, int readings, CancellationToken cancellationToken = default)
    {
        var first = State.LastReadingAt is null;
        state.State = State with
        {
            LastReadingAt = State.LastReadingAt is { } known && known > lastReadingAt ? known : lastReadingAt,
            ReadingCount = State.ReadingCount + readings,
        };
        if (first || State.SilentSince is not null)
        {
            state.State = State with { SilentSince = null };
            await state.WriteStateAsync(cancellationToken);
            await EnsureReminderAsync(cancellationToken);
        }

        if (first)
        {
            await GrainFactory.Farm(Key.FarmId).RegisterSensorAsync(Key.DeviceId, cancellationToken);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (State.LastReadingAt is not null)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task SetExpectedIntervalAsync(TimeSpan? interval, CancellationToken cancellationToken = default)
    {
        state.State = State with { ExpectedInterval = interval };
        await state.WriteStateAsync(cancellationToken);
        await EnsureReminderAsync(cancellationToken);
    }

    public async Task<SensorStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        new(Key.DeviceId, State.LastReadingAt, State.ReadingCount, await ExpectedIntervalAsync(cancellationToken), State.SilentSince is not null,
            State.ReminderPeriod);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SilenceReminder || State.LastReadingAt is not { } last || State.SilentSince is not null)
        {
            return;
        }

        var interval = await ExpectedIntervalAsync(CancellationToken.None);
        var silence = clock.GetUtcNow() - last;
        if (silence > interval)
        {
            // After a silo crash the in-memory time may be stale: the readings table decides.
            var (farmId0, deviceId0) = Key;
            if (await readings.LastReadingAtAsync(farmId0, deviceId0, CancellationToken.None) is { } stored && stored > last)
            {
                last = stored;
                state.State = State with { LastReadingAt = stored };
                silence = clock.GetUtcNow() - last;
            }
        }

        if (silence <= interval)
        {
            return;
        }

        state.State = State with { SilentSince = clock.GetUtcNow() };
        await state.WriteStateAsync();
        var (farmId, deviceId) = Key;
        await alerts.RaiseAsync(farmId, null, AlertKind.SensorSilent, AlertSeverity.Warning,
            ServerMessage.Of("alert.sensorSilent.title", ("device", deviceId)),
            ServerMessage.Of("alert.sensorSilent.detail", ("minutes", silence.TotalMinutes.ToString("0", System.Globalization.CultureInfo.InvariantCulture)),
                ("interval", interval.TotalMinutes.ToString("0", System.Globalization.CultureInfo.InvariantCulture)),
                ("last", last.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))),
            $"silent:{deviceId}:{last:O}");
    }

    private async Task EnsureReminderAsync(CancellationToken cancellationToken)
    {
        var interval = await ExpectedIntervalAsync(cancellationToken);
        // A quarter of the expected interval: a silence is noticed within 25 % of it, within the configured limits.
        var period = TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 4, options.SensorCheckMinimumPeriod.Ticks, options.SensorCheckMaximumPeriod.Ticks));
        if (State.ReminderPeriod == period)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(SilenceReminder, period, period, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException || e is OrleansException && e.Message.Contains(ReminderServiceStarting, StringComparison.Ordinal))
        {
            // Orleans starts its reminder service after the silo joins and offers no readiness signal; a
            // registration in that window fails with that message, or times out on a loaded silo (CI: the
            // fake-clock fixture's probe never registered when one retry timed out and ended the retries).
            // The reading is already stored, so retry on a timer rather than fail the caller.
            _reminderRetry ??= this.RegisterGrainTimer(RetryReminderAsync,
                new GrainTimerCreationOptions(ReminderRetryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            return;
        }

        state.State = State with { ReminderPeriod = period };
        await state.WriteStateAsync(cancellationToken);
    }

    private async Task RetryReminderAsync(CancellationToken cancellationToken)
    {
        _reminderRetry?.Dispose();
        _reminderRetry = null;
        await EnsureReminderAsync(cancellationToken);
    }

    private async Task<TimeSpan> ExpectedIntervalAsync(CancellationToken cancellationToken)
    {
        if (State.ExpectedInterval is { } configured)
        {
            return configured;
        }

        var farm = await GrainFactory.Farm(Key.FarmId).GetAsync(cancellationToken);
        return TimeSpan.FromMinutes(farm?.Policy.SensorSilenceMinutes ?? FarmPolicy.Default.SensorSilenceMinutes);
    }
}

[GenerateSerializer, Alias("cnucnm.SensorState")]
public sealed record SensorState
{
    [Id(0)] public DateTimeOffset? LastReadingAt { get; init; }
    [Id(1)] public long ReadingCount { get; init; }
    [Id(2)] public TimeSpan? ExpectedInterval { get; init; }
    [Id(3)] public DateTimeOffset? SilentSince { get; init; }
    [Id(4)] public TimeSpan? ReminderPeriod { get; init; }
}
