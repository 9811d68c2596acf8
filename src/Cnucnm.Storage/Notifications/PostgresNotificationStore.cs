using Npgsql;
using NpgsqlTypes;

namespace Cnucnm.Storage.Notifications;

public sealed class PostgresNotificationStore(NpgsqlDataSource db) : INotificationStore
{
    public async Task<NotificationPreferences?> GetPreferencesAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT user_id, alert_kinds, delivery, quiet_hours_start, quiet_hours_end, digest_hour, time_zone, weekly_report
              FROM notification_preferences WHERE user_id = $1
            """);
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadPreferences(reader, 0) : null;
    }

    public async Task SetPreferencesAsync(NotificationPreferences preferences, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO notification_preferences (user_id, alert_kinds, delivery, quiet_hours_start, quiet_hours_end, digest_hour, time_zone, weekly_report)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (user_id) DO UPDATE
               SET alert_kinds = excluded.alert_kinds, delivery = excluded.delivery, quiet_hours_start = excluded.quiet_hours_start,
                   quiet_hours_end = excluded.quiet_hours_end, digest_hour = excluded.digest_hour, time_zone = excluded.time_zone,
                   weekly_report = excluded.weekly_report
            """);
        command.Parameters.AddWithValue(preferences.UserId);
        command.Parameters.AddWithValue(preferences.AlertKinds.ToArray());
        command.Parameters.AddWithValue(preferences.Delivery);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Time, Value = (object?)preferences.QuietHoursStart ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Time, Value = (object?)preferences.QuietHoursEnd ?? DBNull.Value });
        command.Parameters.AddWithValue(preferences.DigestHour);
        command.Parameters.AddWithValue(preferences.TimeZone);
        command.Parameters.AddWithValue(preferences.WeeklyReport);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRecipient>> RecipientsAsync(Guid farmId, string alertKind, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT u.id, u.email, u.display_name, u.preferred_language,
                   p.user_id, p.alert_kinds, p.delivery, p.quiet_hours_start, p.quiet_hours_end, p.digest_hour, p.time_zone, p.weekly_report
              FROM farm_members m
              JOIN app_users u ON u.id = m.user_id
              JOIN notification_preferences p ON p.user_id = u.id
             WHERE m.farm_id = $1 AND p.delivery <> 'off' AND $2 = ANY (p.alert_kinds) AND u.email_verified_at IS NOT NULL
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(alertKind);
        var recipients = new List<AlertRecipient>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recipients.Add(new AlertRecipient(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadPreferences(reader, 4)));
        }

        return recipients;
    }

    public async Task EnqueueAsync(IReadOnlyList<OutboxEmail> emails, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return;
        }

        await using var command = db.CreateCommand("""
            INSERT INTO email_outbox (id, user_id, to_address, language, kind, data, status, attempts, due_at, created_at)
            SELECT id, user_id, to_address, language, kind, data, 'pending', 0, due_at, created_at
              FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
                   AS e(id, user_id, to_address, language, kind, data, due_at, created_at)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue(emails.Select(e => e.Id).ToArray());
        command.Parameters.AddWithValue(emails.Select(e => e.UserId).ToArray());
        command.Parameters.AddWithValue(emails.Select(e => e.ToAddress).ToArray());
        command.Parameters.AddWithValue(emails.Select(e => e.Language).ToArray());
        command.Parameters.AddWithValue(emails.Select(e => e.Kind).ToArray());
        command.Parameters.AddWithValue(emails.Select(e => e.Data).ToArray());
        command.Parameters.AddWithValue(emails.Select(e => e.DueAt).ToArray());
        command.Parameters.AddWithValue(emails.Select(e => e.CreatedAt).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEmail>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset burstSettledBefore, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            WITH due AS (
                SELECT o.id FROM email_outbox o
                 WHERE o.status = 'pending' AND o.due_at <= $1
                   AND (o.kind <> 'alert' OR EXISTS (
                        SELECT 1 FROM email_outbox s
                         WHERE s.user_id = o.user_id AND s.status = 'pending' AND s.kind = 'alert' AND s.due_at <= $1 AND s.created_at <= $4))
                 ORDER BY o.due_at
                 LIMIT $3
                   FOR UPDATE SKIP LOCKED)
            UPDATE email_outbox e SET attempts = e.attempts + 1, due_at = $2
              FROM due WHERE e.id = due.id
            RETURNING e.id, e.user_id, e.to_address, e.language, e.kind, e.data, e.due_at, e.created_at, e.attempts
            """);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(leaseUntil);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(burstSettledBefore);
        var emails = new List<OutboxEmail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            emails.Add(new OutboxEmail(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8)));
        }

        return emails;
    }

    public async Task MarkSentAsync(IReadOnlyList<Guid> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE email_outbox SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = ANY ($1)");
        command.Parameters.AddWithValue(ids.ToArray());
        command.Parameters.AddWithValue(at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(IReadOnlyList<Guid> ids, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            UPDATE email_outbox SET status = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
                   due_at = coalesce($3, due_at), last_error = $2
             WHERE id = ANY ($1)
            """);
        command.Parameters.AddWithValue(ids.ToArray());
        command.Parameters.AddWithValue(error);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)retryAt ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRecipient>> WeeklyReportRecipientsAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT u.id, u.email, u.display_name, u.preferred_language,
                   p.user_id, p.alert_kinds, p.delivery, p.quiet_hours_start, p.quiet_hours_end, p.digest_hour, p.time_zone, p.weekly_report
              FROM notification_preferences p
              JOIN app_users u ON u.id = p.user_id
             WHERE p.weekly_report AND u.email_verified_at IS NOT NULL
            """);
        var recipients = new List<AlertRecipient>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recipients.Add(new AlertRecipient(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadPreferences(reader, 4)));
        }

        return recipients;
    }

    public async Task<bool> TryClaimWeeklyReportAsync(Guid userId, DateOnly weekEnd, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("INSERT INTO weekly_report_runs (user_id, week_end, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(weekEnd);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReleaseWeeklyReportAsync(Guid userId, DateOnly weekEnd, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("DELETE FROM weekly_report_runs WHERE user_id = $1 AND week_end = $2");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(weekEnd);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NotificationPreferences ReadPreferences(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetFieldValue<string[]>(first + 1),
        reader.GetString(first + 2),
        reader.IsDBNull(first + 3) ? null : TimeOnly.FromTimeSpan(reader.GetTimeSpan(first + 3)),
        reader.IsDBNull(first + 4) ? null : TimeOnly.FromTimeSpan(reader.GetTimeSpan(first + 4)),
        reader.GetInt32(first + 5),
        reader.GetString(first + 6),
        reader.GetBoolean(first + 7));
}
