using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Intake;
using Cnucnm.Contracts.Rations;
using Cnucnm.Grains.Farms;
using Cnucnm.Storage.LiveHerd;
using Microsoft.Extensions.Logging;

namespace Cnucnm.Grains.Intake;

/// <summary>
/// Validates a batch of readings, stores the new ones in PostgreSQL (the durable fact, before the
/// caller is answered, with the group day totals in the same transaction), then fans out: day totals to each group, feed use to the farm, last-heard
/// to each sensor. Duplicates of (device, sequence) are acknowledged and ignored.
/// Reentrant: a batch spends most of its time waiting for PostgreSQL's commit, and a stateless worker has only one
/// activation per core, so without interleaving a 2-core silo would hold two batches in flight and leave the
/// database's group commit idle (the store alone sustains far more with 16 in flight; docs/performance.md).
/// </summary>
[GrainType("intake-ingest")]
[StatelessWorker]
[Reentrant]
public sealed partial class IntakeIngestGrain(IIntakeStore store, TimeProvider clock, ILogger<IntakeIngestGrain> logger) : Grain, IIntakeIngestGrain
{
    public const int MaxBatch = 1000;
    public const double MaxKgAsFedPerReading = 100_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    /// <summary>How long an acknowledgement waits for the live fan-out (groups, sensors, farm feed use).</summary>
    public static readonly TimeSpan FanOutWait = TimeSpan.FromSeconds(1.5);

    private static readonly Counter<long> Ingested = Telemetry.Meter.CreateCounter<long>("cnucnm.intake.readings", description: "Intake readings by outcome");
    private static readonly Histogram<double> BatchSeconds = Telemetry.Meter.CreateHistogram<double>("cnucnm.intake.batch.duration", "s");

    // Farm catalog (groups, feeds, time zone, ration DM of each group) cached briefly per worker, and only while the
    // farm's version is the one it was built from: a removed group or feed is refused from the next batch on.
    private readonly Dictionary<Guid, (FarmCatalog Catalog, DateTimeOffset ReadAt)> _catalogs = [];

    public async Task<IngestResult> IngestAsync(Guid farmId, IReadOnlyList<IntakeReading> readings, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var catalog = await CatalogAsync(farmId, cancellationToken);
        var rejected = new List<RejectedReading>();
        var valid = new List<StoredReading>();
        if (catalog is null)
        {
            rejected.AddRange(readings.Select((_, i) => new RejectedReading(i, "farm", "unknown farm")));
            return new IngestResult(0, 0, rejected);
        }

        var now = clock.GetUtcNow();
        var seen = new HashSet<(string, long)>();
        var duplicatesInBatch = 0;
        for (var index = 0; index < readings.Count; index++)
        {
            var reading = readings[index];
            var problem = Validate(reading, catalog, now);
            if (problem is { } p)
            {
                rejected.Add(new RejectedReading(index, p.Field, p.Reason));
                continue;
            }

            if (!seen.Add((reading.DeviceId, reading.Sequence)))
            {
                duplicatesInBatch++;
                continue;
            }

            var dmFraction = reading.FeedId == IntakeReading.TotalMixedRation
                ? catalog.RationDryMatterFraction[reading.GroupId]!.Value
                : catalog.Feeds[reading.FeedId].Definition.DryMatterPercent / 100;
            valid.Add(new StoredReading(reading.DeviceId, reading.Sequence, reading.GroupId, reading.FeedId, reading.MeasuredAt,
                FarmClock.LocalDay(reading.MeasuredAt, catalog.TimeZone), reading.DeliveredKgAsFed, reading.RefusedKgAsFed, dmFraction));
        }

        var batch = await store.StoreAsync(farmId, valid, cancellationToken);
        var stored = batch.Stored;
        var duplicates = valid.Count - stored.Count + duplicatesInBatch;
        Ingested.Add(stored.Count, new KeyValuePair<string, object?>("outcome", "stored"));
        Ingested.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        Ingested.Add(rejected.Count, new KeyValuePair<string, object?>("outcome", "rejected"));

        if (stored.Count > 0)
        {
            // Durable already: a failed or slow fan-out only delays live figures (groups reload totals from
            // PostgreSQL when they activate), so it must neither fail nor hold up the acknowledgement. A group on a
            // silo that just died would otherwise hold the sensor until the call times out.
            var fanOut = FanOutAsync(farmId, batch, catalog, cancellationToken);
            try
            {
                await fanOut.WaitAsync(FanOutWait, clock, cancellationToken);
            }
            catch (TimeoutException)
            {
                LogFanOutSlow(logger, farmId, stored.Count, FanOutWait.TotalSeconds);
                _ = fanOut.ContinueWith(t => LogFanOutFailed(logger, t.Exception!, farmId, stored.Count), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFanOutFailed(logger, exception, farmId, stored.Count);
            }
        }

        BatchSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new IngestResult(stored.Count, duplicates, rejected);
    }

    private static (string Field, string Reason)? Validate(IntakeReading reading, FarmCatalog catalog, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reading.DeviceId) || reading.DeviceId.Length > 100)
        {
            return ("deviceId", "is required (at most 100 characters).");
        }

        if (reading.Sequence < 0)
        {
            return ("sequence", "must be zero or positive.");
        }

        if (!catalog.Groups.Contains(reading.GroupId))
        {
            return ("groupId", "is not a group of this farm.");
        }

        if (reading.FeedId == IntakeReading.TotalMixedRation)
        {
            if (catalog.RationDryMatterFraction.GetValueOrDefault(reading.GroupId) is not > 0)
            {
                return ("feedId", "the group has no current ration, so a TMR reading cannot be converted to dry matter.");
            }
        }
        else if (!catalog.Feeds.ContainsKey(reading.FeedId ?? ""))
        {
            return ("feedId", "is not a feed of this farm (use \"tmr\" for the group's ration mix).");
        }

        if (!double.IsFinite(reading.DeliveredKgAsFed) || reading.DeliveredKgAsFed < 0 || reading.DeliveredKgAsFed > MaxKgAsFedPerReading)
        {
            return ("deliveredKgAsFed", $"must be between 0 and {MaxKgAsFedPerReading} kg.");
        }

        if (!double.IsFinite(reading.RefusedKgAsFed) || reading.RefusedKgAsFed < 0 || reading.RefusedKgAsFed > MaxKgAsFedPerReading)
        {
            return ("refusedKgAsFed", $"must be between 0 and {MaxKgAsFedPerReading} kg.");
        }

        if (reading.MeasuredAt > now + MaxClockSkew)
        {
            return ("measuredAt", "is in the future.");
        }

        if (reading.MeasuredAt < now - MaxAge)
        {
            return ("measuredAt", $"is older than {MaxAge.TotalDays:0} days.");
        }

        return null;
    }

    private async Task FanOutAsync(Guid farmId, StoredBatch batch, FarmCatalog catalog, CancellationToken cancellationToken)
    {
        var stored = batch.Stored;
        var groupCalls = batch.Totals.GroupBy(t => t.GroupId).Select(group => GrainFactory.Group(group.Key).RecordIntakeAsync(
            [.. group.Select(t => new IntakeDay(t.Day, t.DeliveredKgAsFed, t.RefusedKgAsFed, t.DryMatterKg, t.Readings))], cancellationToken));
        var sensorCalls = stored.GroupBy(r => r.DeviceId).Select(device => GrainFactory.Sensor(farmId, device.Key)
            .HeardAsync(device.Max(r => r.MeasuredAt), device.Count(), cancellationToken));
        var feedUse = stored.Where(r => r.FeedId != IntakeReading.TotalMixedRation)
            .GroupBy(r => (r.FeedId, r.LocalDay))
            .Select(g => new FeedUse(g.Key.FeedId, g.Key.LocalDay, g.Sum(r => r.DeliveredKgAsFed)))
            .Concat(TmrFeedUse(stored.Where(r => r.FeedId == IntakeReading.TotalMixedRation), catalog))
            .ToList();
        await Task.WhenAll(groupCalls.Concat(sensorCalls).Append(GrainFactory.Farm(farmId).RecordFeedUseAsync(feedUse, cancellationToken)));
    }

    /// <summary>A TMR delivery uses each feed of the group's ration in its as-fed share.</summary>
    private static IEnumerable<FeedUse> TmrFeedUse(IEnumerable<StoredReading> tmr, FarmCatalog catalog) =>
        tmr.SelectMany(r => catalog.RationAsFedShares.GetValueOrDefault(r.GroupId, [])
                .Select(share => new FeedUse(share.FeedId, r.LocalDay, r.DeliveredKgAsFed * share.Share)))
            .GroupBy(u => (u.FeedId, u.Day))
            .Select(g => new FeedUse(g.Key.FeedId, g.Key.Day, g.Sum(u => u.KgAsFed)));

    private async Task<FarmCatalog?> CatalogAsync(Guid farmId, CancellationToken cancellationToken)
    {
        // The farm's version is a cheap interleaved read: groups, feeds and the time zone change it, so a catalog of
        // the same version is current; a group's ration (TMR dry matter) may be up to 5 s old.
        var version = await GrainFactory.Farm(farmId).GetVersionAsync(cancellationToken);
        if (version is null)
        {
            _catalogs.Remove(farmId);
            return null;
        }

        if (_catalogs.TryGetValue(farmId, out var cached) && cached.Catalog.FarmVersion == version
            && clock.GetUtcNow() - cached.ReadAt < TimeSpan.FromSeconds(5))
        {
            return cached.Catalog;
        }

        if (await GrainFactory.Farm(farmId).GetAsync(cancellationToken) is not { } farm)
        {
            _catalogs.Remove(farmId);
            return null;
        }

        var feeds = (await GrainFactory.Farm(farmId).GetFeedsAsync(null, cancellationToken)).ToDictionary(f => f.Definition.FeedId);
        var rations = await Task.WhenAll(farm.Groups.Select(async g => (g.GroupId, Ration: await GrainFactory.Ration(g.GroupId).GetCurrentAsync(cancellationToken))));
        var catalog = new FarmCatalog(
            farm.Version,
            [.. farm.Groups.Select(g => g.GroupId)],
            feeds,
            FarmClock.Zone(farm.Profile.TimeZone),
            rations.ToDictionary(r => r.GroupId, r => r.Ration is { AsFedKgPerHead: > 0 } v ? v.DryMatterKgPerHead / v.AsFedKgPerHead : (double?)null),
            rations.ToDictionary(r => r.GroupId, r => r.Ration is { AsFedKgPerHead: > 0 } v
                ? v.Items.Select(i => (i.FeedId, i.KgAsFedPerHead / v.AsFedKgPerHead)).ToList()
                : []));
        _catalogs[farmId] = (catalog, clock.GetUtcNow());
        return catalog;
    }

    private sealed record FarmCatalog(
        long FarmVersion,
        HashSet<Guid> Groups,
        Dictionary<string, FarmFeed> Feeds,
        TimeZoneInfo TimeZone,
        Dictionary<Guid, double?> RationDryMatterFraction,
        Dictionary<Guid, List<(string FeedId, double Share)>> RationAsFedShares);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Count} readings of farm {FarmId}; the live figures were not updated within {Seconds} s and follow later")]
    private static partial void LogFanOutSlow(ILogger logger, Guid farmId, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored {Count} readings of farm {FarmId} but could not update the live figures")]
    private static partial void LogFanOutFailed(ILogger logger, Exception exception, Guid farmId, int count);
}
