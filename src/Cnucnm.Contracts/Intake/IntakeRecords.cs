namespace Cnucnm.Contracts.Intake;

/// <summary>One delivery to a group's bunk from a scale, mixer wagon or feeding station.</summary>
/// <param name="DeviceId">The sending device (unique within the farm).</param>
/// <param name="Sequence">Per-device sequence number; (device, sequence) is stored once however often it is sent.</param>
/// <param name="FeedId">A farm feed id, or "tmr" for the group's current ration mix.</param>
/// <param name="DeliveredKgAsFed">Feed put in front of the animals, kg as fed.</param>
/// <param name="RefusedKgAsFed">Feed weighed back (refusals), kg as fed.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.IntakeReading")]
public sealed record IntakeReading(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset MeasuredAt,
    [property: Id(3)] Guid GroupId,
    [property: Id(4)] string FeedId,
    [property: Id(5)] double DeliveredKgAsFed,
    [property: Id(6)] double RefusedKgAsFed)
{
    public const string TotalMixedRation = "tmr";
}

/// <summary>A reading refused with the reason, by its index in the batch.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.RejectedReading")]
public sealed record RejectedReading(
    [property: Id(0)] int Index,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason);

/// <summary>What happened to a batch: stored, duplicates acknowledged and ignored, rejected.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Stored,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] IReadOnlyList<RejectedReading> Rejected);

/// <summary>Validates, stores durably (PostgreSQL, before answering) and fans out intake readings.
/// A bounded stateless worker: ingestion scales with silos.</summary>
[Alias("cnucnm.IIntakeIngestGrain")]
public interface IIntakeIngestGrain : IGrainWithIntegerKey
{
    [Alias("Ingest")]
    [ResponseTimeout(ResponseTimeouts.Ingest)]
    Task<IngestResult> IngestAsync(Guid farmId, IReadOnlyList<IntakeReading> readings, CancellationToken cancellationToken = default);
}

/// <summary>A sensor of a farm (key "{farmId}/{deviceId}"): when it last reported, and an alert
/// (through a reminder) when it stays silent longer than expected.</summary>
[Alias("cnucnm.ISensorGrain")]
public interface ISensorGrain : IGrainWithStringKey
{
    [Alias("Heard")]
    Task HeardAsync(DateTimeOffset lastReadingAt, int readings, CancellationToken cancellationToken = default);

    [Alias("SetExpectedInterval")]
    Task SetExpectedIntervalAsync(TimeSpan? interval, CancellationToken cancellationToken = default);

    [Alias("GetStatus")]
    Task<SensorStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}

[GenerateSerializer, Immutable, Alias("cnucnm.SensorStatus")]
public sealed record SensorStatus(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] DateTimeOffset? LastReadingAt,
    [property: Id(2)] long ReadingCount,
    [property: Id(3)] TimeSpan ExpectedInterval,
    [property: Id(4)] bool Silent,
    [property: Id(5)] TimeSpan? SilenceCheckPeriod = null);
