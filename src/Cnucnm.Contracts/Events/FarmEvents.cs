namespace Cnucnm.Contracts.Events;

[GenerateSerializer, Alias("cnucnm.FarmEventKind")]
public enum FarmEventKind
{
    GroupChanged = 0,
    IntakeRecorded = 1,
    RationChanged = 2,
    PriceChanged = 3,
    AlertRaised = 4,
    AlertAcknowledged = 5,
    SuggestionCreated = 6,
    AnalysisApplied = 7,
}

/// <summary>Something that happened on a farm, after it was stored. Sequence numbers increase per
/// farm so that a dashboard resumes where it left off.</summary>
/// <param name="Values">The figures a dashboard shows without another request (e.g. todayDryMatterKgPerHead).</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmEvent")]
public sealed record FarmEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] FarmEventKind Kind,
    [property: Id(3)] Guid? GroupId,
    [property: Id(4)] string Summary,
    [property: Id(5)] IReadOnlyDictionary<string, double> Values);

/// <summary>Events since a sequence number; <see cref="Gap"/> when older events are no longer kept
/// (the client reloads state).</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmEventPage")]
public sealed record FarmEventPage(
    [property: Id(0)] IReadOnlyList<FarmEvent> Events,
    [property: Id(1)] bool Gap,
    [property: Id(2)] long LastSequence);

/// <summary>A farm's event feed: numbers events, keeps the recent ones for resuming, and fans them
/// out on the farm's Orleans stream.</summary>
[Alias("cnucnm.IFarmEventsGrain")]
public interface IFarmEventsGrain : IGrainWithGuidKey
{
    [Alias("Publish")]
    Task PublishAsync(FarmEventKind kind, Guid? groupId, string summary, IReadOnlyDictionary<string, double>? values = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reloads which event types the farm's webhooks want (after a subscription is created or deleted).</summary>
    [Alias("WebhooksChanged")]
    Task WebhooksChangedAsync(CancellationToken cancellationToken = default);

    [Alias("GetSince")]
    Task<FarmEventPage> GetSinceAsync(long afterSequence, CancellationToken cancellationToken = default);
}

public static class FarmStreams
{
    /// <summary>Stream namespace of farm events; the stream key is the farm id.</summary>
    public const string Namespace = "farm-events";
}
