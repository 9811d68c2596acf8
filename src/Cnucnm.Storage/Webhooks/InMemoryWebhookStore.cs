namespace Cnucnm.Storage.Webhooks;

/// <summary>The embedded profile's outbox: same rules as PostgreSQL, lost when the process stops.</summary>
public sealed class InMemoryWebhookStore : IWebhookStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, (WebhookSubscription Subscription, bool Deleted)> _subscriptions = [];
    private readonly Dictionary<Guid, Row> _deliveries = [];

    public Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _subscriptions.Add(subscription.Id, (subscription, false));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(Guid farmId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<WebhookSubscription>>(
                [.. Live().Where(s => s.FarmId == farmId).OrderBy(s => s.CreatedAt)]);
        }
    }

    public Task<WebhookSubscription?> FindSubscriptionAsync(Guid farmId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Live().FirstOrDefault(s => s.FarmId == farmId && s.Id == subscriptionId));
        }
    }

    public Task<bool> DeleteSubscriptionAsync(Guid farmId, Guid subscriptionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(subscriptionId, out var entry) || entry.Deleted || entry.Subscription.FarmId != farmId)
            {
                return Task.FromResult(false);
            }

            _subscriptions[subscriptionId] = (entry.Subscription, true);
            foreach (var row in _deliveries.Values.Where(r => r.SubscriptionId == subscriptionId && r.Status == WebhookDeliveryStatus.Pending))
            {
                row.Status = WebhookDeliveryStatus.Cancelled;
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlySet<string>> SubscribedEventTypesAsync(Guid farmId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlySet<string>>(
                Live().Where(s => s.FarmId == farmId).SelectMany(s => s.EventTypes).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task<int> EnqueueAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var written = 0;
            foreach (var subscription in Live().Where(s => s.FarmId == webhookEvent.FarmId && s.EventTypes.Contains(webhookEvent.EventType)).ToList())
            {
                if (_deliveries.Values.Any(r => r.SubscriptionId == subscription.Id && r.EventId == webhookEvent.EventId))
                {
                    continue;
                }

                var row = new Row(Guid.CreateVersion7(), subscription.Id, subscription.FarmId, webhookEvent.EventId, webhookEvent.EventType,
                    webhookEvent.Payload, webhookEvent.OccurredAt) { NextAttemptAt = webhookEvent.OccurredAt };
                _deliveries.Add(row.Id, row);
                written++;
            }

            return Task.FromResult(written);
        }
    }

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken,
        IReadOnlyCollection<Guid>? busySubscriptions = null, int perSubscription = int.MaxValue)
    {
        lock (_lock)
        {
            var claimed = new List<ClaimedDelivery>();
            var busy = busySubscriptions ?? [];
            foreach (var row in _deliveries.Values.Where(r => r.Status == WebhookDeliveryStatus.Pending && r.NextAttemptAt <= now && !busy.Contains(r.SubscriptionId))
                         .GroupBy(r => r.SubscriptionId).SelectMany(g => g.OrderBy(r => r.NextAttemptAt).Take(perSubscription))
                         .OrderBy(r => r.NextAttemptAt).Take(limit).ToList())
            {
                row.Attempts++;
                row.NextAttemptAt = leaseUntil;
                var subscription = _subscriptions[row.SubscriptionId].Subscription;
                claimed.Add(new ClaimedDelivery(row.Id, row.SubscriptionId, row.EventId, row.EventType, row.Payload, subscription.Url,
                    subscription.SecretCiphertext, row.Attempts, row.Attempts - row.AttemptsBeforeResend, leaseUntil));
            }

            return Task.FromResult<IReadOnlyList<ClaimedDelivery>>(claimed);
        }
    }

    public Task RecordAsync(IReadOnlyList<AttemptOutcome> outcomes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var outcome in outcomes)
            {
                if (!_deliveries.TryGetValue(outcome.DeliveryId, out var row))
                {
                    continue;
                }

                if (row.Log.All(a => a.Attempt != outcome.Attempt))
                {
                    row.Log.Add(new WebhookAttempt(outcome.Attempt, outcome.At, outcome.StatusCode, outcome.Error, (int)outcome.Duration.TotalMilliseconds));
                }

                if (row.Attempts != outcome.Attempt || row.Status != WebhookDeliveryStatus.Pending)
                {
                    continue;
                }

                row.Status = outcome.NewStatus;
                row.NextAttemptAt = outcome.NextAttemptAt ?? row.NextAttemptAt;
                row.DeliveredAt = outcome.NewStatus == WebhookDeliveryStatus.Delivered ? outcome.At : row.DeliveredAt;
                row.LastStatusCode = outcome.StatusCode;
                row.LastError = outcome.Error;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid farmId, Guid subscriptionId, string? status, int limit, CancellationToken cancellationToken,
        Guid? after = null)
    {
        lock (_lock)
        {
            var cursor = after is { } id && _deliveries.TryGetValue(id, out var last) ? last : null;
            return Task.FromResult<IReadOnlyList<WebhookDelivery>>([.. _deliveries.Values
                .Where(r => r.FarmId == farmId && r.SubscriptionId == subscriptionId && (status is null || r.Status == status))
                .Where(r => after is null || (cursor is not null && (r.CreatedAt < cursor.CreatedAt || (r.CreatedAt == cursor.CreatedAt && r.Id.CompareTo(cursor.Id) > 0))))
                .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(limit)
                .Select(r => new WebhookDelivery(r.Id, r.SubscriptionId, r.EventId, r.EventType, r.Status, r.Attempts, r.CreatedAt, r.NextAttemptAt,
                    r.DeliveredAt, r.LastStatusCode, r.LastError, r.Payload, [.. r.Log.OrderBy(a => a.Attempt)]))]);
        }
    }

    public Task<bool> ResendAsync(Guid farmId, Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_deliveries.TryGetValue(deliveryId, out var row) || row.FarmId != farmId || row.SubscriptionId != subscriptionId
                || _subscriptions[subscriptionId].Deleted || row.Status == WebhookDeliveryStatus.Cancelled)
            {
                return Task.FromResult(false);
            }

            row.Status = WebhookDeliveryStatus.Pending;
            row.NextAttemptAt = now;
            row.AttemptsBeforeResend = row.Attempts;
            return Task.FromResult(true);
        }
    }

    private IEnumerable<WebhookSubscription> Live() => _subscriptions.Values.Where(e => !e.Deleted).Select(e => e.Subscription);

    private sealed class Row(Guid id, Guid subscriptionId, Guid farmId, Guid eventId, string eventType, string payload, DateTimeOffset createdAt)
    {
        public Guid Id { get; } = id;
        public Guid SubscriptionId { get; } = subscriptionId;
        public Guid FarmId { get; } = farmId;
        public Guid EventId { get; } = eventId;
        public string EventType { get; } = eventType;
        public string Payload { get; } = payload;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public string Status { get; set; } = WebhookDeliveryStatus.Pending;
        public int Attempts { get; set; }
        public int AttemptsBeforeResend { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; }
        public DateTimeOffset? DeliveredAt { get; set; }
        public int? LastStatusCode { get; set; }
        public string? LastError { get; set; }
        public List<WebhookAttempt> Log { get; } = [];
    }
}
