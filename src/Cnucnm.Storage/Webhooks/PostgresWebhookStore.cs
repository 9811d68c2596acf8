using Npgsql;
using NpgsqlTypes;

namespace Cnucnm.Storage.Webhooks;

public sealed class PostgresWebhookStore(NpgsqlDataSource db) : IWebhookStore
{
    private const string SubscriptionColumns = "id, farm_id, url, event_types, description, secret_ciphertext, created_by, created_at";

    public async Task AddSubscriptionAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO webhook_subscriptions ({SubscriptionColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """);
        command.Parameters.AddWithValue(subscription.Id);
        command.Parameters.AddWithValue(subscription.FarmId);
        command.Parameters.AddWithValue(subscription.Url.AbsoluteUri);
        command.Parameters.AddWithValue(subscription.EventTypes.ToArray());
        command.Parameters.AddWithValue(subscription.Description);
        command.Parameters.AddWithValue(subscription.SecretCiphertext);
        command.Parameters.AddWithValue(subscription.CreatedBy);
        command.Parameters.AddWithValue(subscription.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListSubscriptionsAsync(Guid farmId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE farm_id = $1 AND deleted_at IS NULL ORDER BY created_at
            """);
        command.Parameters.AddWithValue(farmId);
        return await ReadSubscriptionsAsync(command, cancellationToken);
    }

    public async Task<WebhookSubscription?> FindSubscriptionAsync(Guid farmId, Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE farm_id = $1 AND id = $2 AND deleted_at IS NULL
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(subscriptionId);
        return (await ReadSubscriptionsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteSubscriptionAsync(Guid farmId, Guid subscriptionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            WITH deleted AS (
                UPDATE webhook_subscriptions SET deleted_at = $3
                 WHERE farm_id = $1 AND id = $2 AND deleted_at IS NULL
                RETURNING id),
            cancelled AS (
                UPDATE webhook_deliveries SET status = 'cancelled'
                 WHERE subscription_id IN (SELECT id FROM deleted) AND status = 'pending')
            SELECT count(*) FROM deleted
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(subscriptionId);
        command.Parameters.AddWithValue(now);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    public async Task<IReadOnlySet<string>> SubscribedEventTypesAsync(Guid farmId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT DISTINCT unnest(event_types) FROM webhook_subscriptions WHERE farm_id = $1 AND deleted_at IS NULL
            """);
        command.Parameters.AddWithValue(farmId);
        var types = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    public async Task<int> EnqueueAsync(WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        // Delivery ids are derived server-side (gen_random_uuid); (subscription, event) is unique, so a
        // retried publish writes nothing twice.
        await using var command = db.CreateCommand("""
            INSERT INTO webhook_deliveries (id, subscription_id, farm_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), s.id, s.farm_id, $2, $3, $4, 'pending', 0, $5, $5
              FROM webhook_subscriptions s
             WHERE s.farm_id = $1 AND s.deleted_at IS NULL AND $3 = ANY (s.event_types)
            ON CONFLICT (subscription_id, event_id) DO NOTHING
            """);
        command.Parameters.AddWithValue(webhookEvent.FarmId);
        command.Parameters.AddWithValue(webhookEvent.EventId);
        command.Parameters.AddWithValue(webhookEvent.EventType);
        command.Parameters.AddWithValue(webhookEvent.Payload);
        command.Parameters.AddWithValue(webhookEvent.OccurredAt);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken,
        IReadOnlyCollection<Guid>? busySubscriptions = null, int perSubscription = int.MaxValue)
    {
        // FOR UPDATE SKIP LOCKED: concurrent workers (one per silo) never claim the same row; the lease
        // (next_attempt_at moved ahead) keeps it theirs after this short transaction commits, and gives it
        // back to everyone if the worker dies before recording the outcome.
        await using var command = db.CreateCommand("""
            WITH due AS (
                SELECT id FROM webhook_deliveries
                 WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY subscription_id ORDER BY next_attempt_at) AS n
                                                FROM webhook_deliveries
                                               WHERE status = 'pending' AND next_attempt_at <= $1 AND NOT subscription_id = ANY($4)) ranked
                               WHERE n <= $5)
                   AND status = 'pending' AND next_attempt_at <= $1
                 ORDER BY next_attempt_at
                 LIMIT $3
                   FOR UPDATE SKIP LOCKED)
            UPDATE webhook_deliveries d
               SET attempts = d.attempts + 1, next_attempt_at = $2
              FROM due, webhook_subscriptions s
             WHERE d.id = due.id AND s.id = d.subscription_id
            RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.payload, s.url, s.secret_ciphertext,
                      d.attempts, d.attempts - d.attempts_before_resend
            """);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(leaseUntil);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue((busySubscriptions ?? []).ToArray());
        command.Parameters.AddWithValue(perSubscription);
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                new Uri(reader.GetString(5)), reader.GetFieldValue<byte[]>(6), reader.GetInt32(7), reader.GetInt32(8), leaseUntil));
        }

        return claimed;
    }

    public async Task RecordAsync(IReadOnlyList<AttemptOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        // Only a row still holding this attempt is moved on: a worker whose lease ran out (and whose row
        // another worker claimed again) records its attempt but changes nothing else.
        await using var command = db.CreateCommand("""
            WITH o AS (
                SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[], $5::text[], $6::int[], $7::text[], $8::timestamptz[])
                       AS o(delivery_id, attempt, at, status_code, error, duration_ms, new_status, next_attempt_at)),
            logged AS (
                INSERT INTO webhook_delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
                SELECT delivery_id, attempt, at, status_code, error, duration_ms FROM o
                ON CONFLICT (delivery_id, attempt) DO NOTHING)
            UPDATE webhook_deliveries d
               SET status = o.new_status,
                   next_attempt_at = coalesce(o.next_attempt_at, d.next_attempt_at),
                   delivered_at = CASE WHEN o.new_status = 'delivered' THEN o.at ELSE d.delivered_at END,
                   last_status_code = o.status_code,
                   last_error = o.error
              FROM o
             WHERE d.id = o.delivery_id AND d.attempts = o.attempt AND d.status = 'pending'
            """);
        command.Parameters.AddWithValue(outcomes.Select(o => o.DeliveryId).ToArray());
        command.Parameters.AddWithValue(outcomes.Select(o => o.Attempt).ToArray());
        command.Parameters.AddWithValue(outcomes.Select(o => o.At).ToArray());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = outcomes.Select(o => o.StatusCode).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = outcomes.Select(o => o.Error).ToArray() });
        command.Parameters.AddWithValue(outcomes.Select(o => (int)Math.Min(int.MaxValue, o.Duration.TotalMilliseconds)).ToArray());
        command.Parameters.AddWithValue(outcomes.Select(o => o.NewStatus).ToArray());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = outcomes.Select(o => o.NextAttemptAt).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid farmId, Guid subscriptionId, string? status, int limit, CancellationToken cancellationToken,
        Guid? after = null)
    {
        await using var command = db.CreateCommand("""
            SELECT d.id, d.subscription_id, d.event_id, d.event_type, d.status, d.attempts, d.created_at, d.next_attempt_at,
                   d.delivered_at, d.last_status_code, d.last_error, d.payload,
                   coalesce((SELECT array_agg(a.attempt ORDER BY a.attempt) FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '{}'),
                   coalesce((SELECT array_agg(a.at ORDER BY a.attempt) FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '{}'),
                   coalesce((SELECT array_agg(a.status_code ORDER BY a.attempt) FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '{}'),
                   coalesce((SELECT array_agg(a.error ORDER BY a.attempt) FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '{}'),
                   coalesce((SELECT array_agg(a.duration_ms ORDER BY a.attempt) FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '{}')
              FROM webhook_deliveries d
             WHERE d.farm_id = $1 AND d.subscription_id = $2 AND ($3::text IS NULL OR d.status = $3)
               AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM webhook_deliveries c WHERE c.id = $5
                        AND (d.created_at < c.created_at OR (d.created_at = c.created_at AND d.id > c.id))))
             ORDER BY d.created_at DESC, d.id
             LIMIT $4
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(subscriptionId);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)status ?? DBNull.Value });
        command.Parameters.AddWithValue(limit);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)after ?? DBNull.Value });
        var deliveries = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var attempts = reader.GetFieldValue<int[]>(12);
            var at = reader.GetFieldValue<DateTime[]>(13);
            var codes = reader.GetFieldValue<int?[]>(14);
            var errors = reader.GetFieldValue<string?[]>(15);
            var durations = reader.GetFieldValue<int[]>(16);
            var log = attempts.Select((attempt, i) => new WebhookAttempt(attempt, new DateTimeOffset(at[i], TimeSpan.Zero), codes[i], errors[i], durations[i])).ToList();
            deliveries.Add(new WebhookDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetString(11), log));
        }

        return deliveries;
    }

    public async Task<bool> ResendAsync(Guid farmId, Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            UPDATE webhook_deliveries d
               SET status = 'pending', next_attempt_at = $4, attempts_before_resend = d.attempts
              FROM webhook_subscriptions s
             WHERE d.farm_id = $1 AND d.subscription_id = $2 AND d.id = $3 AND s.id = d.subscription_id AND s.deleted_at IS NULL
               AND d.status IN ('delivered', 'dead', 'pending')
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(subscriptionId);
        command.Parameters.AddWithValue(deliveryId);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<WebhookSubscription>> ReadSubscriptionsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var subscriptions = new List<WebhookSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(new WebhookSubscription(reader.GetGuid(0), reader.GetGuid(1), new Uri(reader.GetString(2)),
                reader.GetFieldValue<string[]>(3), reader.GetString(4), reader.GetFieldValue<byte[]>(5), reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return subscriptions;
    }
}
