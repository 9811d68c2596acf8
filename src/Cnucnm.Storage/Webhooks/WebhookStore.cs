namespace Cnucnm.Storage.Webhooks;

/// <summary>A farm's subscription to some of its event types. The secret is kept encrypted
/// (<see cref="WebhookSecretProtector"/>); it is shown in clear once, when the subscription is created.</summary>
public sealed record WebhookSubscription(
    Guid Id,
    Guid FarmId,
    Uri Url,
    IReadOnlyList<string> EventTypes,
    string Description,
    byte[] SecretCiphertext,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>An event to be written to the outbox: one delivery per subscription of the farm that wants its type.</summary>
public sealed record WebhookEvent(Guid FarmId, Guid EventId, string EventType, string Payload, DateTimeOffset OccurredAt);

public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";
    public const string Cancelled = "cancelled";
}

/// <summary>A delivery claimed by a worker: its lease runs until <see cref="LeaseUntil"/>; the worker
/// records the outcome before then, or another worker sends it again.</summary>
public sealed record ClaimedDelivery(
    Guid Id,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    string Payload,
    Uri Url,
    byte[] SecretCiphertext,
    int Attempt,
    int AttemptsSinceResend,
    DateTimeOffset LeaseUntil);

/// <summary>What one attempt to send a delivery came to.</summary>
/// <param name="NextAttemptAt">When to try again; null when the delivery succeeded or is given up (dead).</param>
public sealed record AttemptOutcome(
    Guid DeliveryId,
    int Attempt,
    DateTimeOffset At,
    int? StatusCode,
    string? Error,
    TimeSpan Duration,
    string NewStatus,
    DateTimeOffset? NextAttemptAt);

public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

public sealed record WebhookDelivery(
    Guid Id,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    int? LastStatusCode,
    string? LastError,
    string Payload,
    IReadOnlyList<WebhookAttempt> AttemptLog);

/// <summary>Webhook subscriptions and the durable outbox of their deliveries (PostgreSQL; in memory
/// for the embedded profile only).</summary>
public interface IWebhookStore
{
    Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(Guid farmId, CancellationToken cancellationToken);

    Task<WebhookSubscription?> FindSubscriptionAsync(Guid farmId, Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>Deletes the subscription and cancels its pending deliveries; false when unknown.</summary>
    Task<bool> DeleteSubscriptionAsync(Guid farmId, Guid subscriptionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The event types any live subscription of the farm wants (the event feed skips the outbox for others).</summary>
    Task<IReadOnlySet<string>> SubscribedEventTypesAsync(Guid farmId, CancellationToken cancellationToken);

    /// <summary>Writes one pending delivery per live subscription of the farm that wants the event's type,
    /// due now, in one statement. Writing the same event twice adds nothing. Returns the deliveries written.</summary>
    Task<int> EnqueueAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="limit"/> due pending deliveries (rows other workers hold are
    /// skipped), counts the attempt and leases each until <paramref name="leaseUntil"/>. At most
    /// <paramref name="perSubscription"/> of one subscription are claimed, none of the <paramref name="busySubscriptions"/>
    /// (those the caller already has enough requests in flight to): the rest stay for later.</summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken,
        IReadOnlyCollection<Guid>? busySubscriptions = null, int perSubscription = int.MaxValue);

    /// <summary>Records attempts and moves their deliveries on (delivered, due again later, or dead).</summary>
    Task RecordAsync(IReadOnlyList<AttemptOutcome> outcomes, CancellationToken cancellationToken);

    /// <summary>Newest first, with each delivery's attempts; a page of at most <paramref name="limit"/>, the next page
    /// starting after delivery <paramref name="after"/> (the last of the previous page).</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid farmId, Guid subscriptionId, string? status, int limit, CancellationToken cancellationToken,
        Guid? after = null);

    /// <summary>Makes a delivered or dead delivery pending again, due now, with a fresh set of attempts;
    /// false when unknown (or its subscription was deleted).</summary>
    Task<bool> ResendAsync(Guid farmId, Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken);
}
