using Cnucnm.Contracts.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace Cnucnm.Storage.LiveHerd;

public sealed class PostgresIntakeStore(NpgsqlDataSource db) : IIntakeStore
{
    public async Task<StoredBatch> StoreAsync(Guid farmId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return StoredBatch.Empty;
        }

        // One statement, one transaction, for the whole batch: arrays unnested server-side; readings already
        // stored ((device, sequence) conflicts) are skipped; the new ones are added to their group days (in key
        // order, so concurrent batches lock the same rows in the same order) and both come back.
        await using var command = db.CreateCommand("""
            WITH new AS (
                INSERT INTO intake_readings (farm_id, device_id, sequence, group_id, feed_id, measured_at, local_day,
                                             delivered_kg_as_fed, refused_kg_as_fed, dry_matter_fraction, dry_matter_kg)
                SELECT $1, r.device_id, r.sequence, r.group_id, r.feed_id, r.measured_at, r.local_day,
                       r.delivered, r.refused, r.dm_fraction, (r.delivered - r.refused) * r.dm_fraction
                  FROM unnest($2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::timestamptz[], $7::date[],
                              $8::float8[], $9::float8[], $10::float8[])
                       AS r(device_id, sequence, group_id, feed_id, measured_at, local_day, delivered, refused, dm_fraction)
                ON CONFLICT (farm_id, device_id, sequence) DO NOTHING
                RETURNING device_id, sequence, group_id, local_day, delivered_kg_as_fed, refused_kg_as_fed, dry_matter_kg),
            days AS (
                INSERT INTO intake_group_days AS d (group_id, local_day, delivered_kg_as_fed, refused_kg_as_fed, dry_matter_kg, readings)
                SELECT group_id, local_day, sum(delivered_kg_as_fed), sum(refused_kg_as_fed), sum(dry_matter_kg), count(*)
                  FROM new GROUP BY group_id, local_day ORDER BY group_id, local_day
                ON CONFLICT (group_id, local_day) DO UPDATE
                   SET delivered_kg_as_fed = d.delivered_kg_as_fed + excluded.delivered_kg_as_fed,
                       refused_kg_as_fed = d.refused_kg_as_fed + excluded.refused_kg_as_fed,
                       dry_matter_kg = d.dry_matter_kg + excluded.dry_matter_kg,
                       readings = d.readings + excluded.readings
                RETURNING group_id, local_day, delivered_kg_as_fed, refused_kg_as_fed, dry_matter_kg, readings)
            SELECT device_id, sequence, NULL::uuid, NULL::date, NULL::float8, NULL::float8, NULL::float8, NULL::int FROM new
            UNION ALL
            SELECT NULL, NULL, group_id, local_day, delivered_kg_as_fed, refused_kg_as_fed, dry_matter_kg, readings FROM days
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(readings.Select(r => r.DeviceId).ToArray());
        command.Parameters.AddWithValue(readings.Select(r => r.Sequence).ToArray());
        command.Parameters.AddWithValue(readings.Select(r => r.GroupId).ToArray());
        command.Parameters.AddWithValue(readings.Select(r => r.FeedId).ToArray());
        // Npgsql writes timestamptz from UTC offsets only: a sensor's local time (2026-12-08T06:00+09:00, valid ISO 8601 that
        // the API accepts) is the same instant in UTC.
        command.Parameters.AddWithValue(readings.Select(r => r.MeasuredAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue(readings.Select(r => r.LocalDay).ToArray());
        command.Parameters.AddWithValue(readings.Select(r => r.DeliveredKgAsFed).ToArray());
        command.Parameters.AddWithValue(readings.Select(r => r.RefusedKgAsFed).ToArray());
        command.Parameters.AddWithValue(readings.Select(r => r.DryMatterFraction).ToArray());

        var inserted = new HashSet<(string, long)>();
        var totals = new List<GroupDayTotals>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0))
                {
                    inserted.Add((reader.GetString(0), reader.GetInt64(1)));
                }
                else
                {
                    totals.Add(new GroupDayTotals(reader.GetGuid(2), reader.GetFieldValue<DateOnly>(3), reader.GetDouble(4), reader.GetDouble(5),
                        reader.GetDouble(6), reader.GetInt32(7)));
                }
            }
        }

        return new StoredBatch([.. readings.Where(r => inserted.Remove((r.DeviceId, r.Sequence)))], totals);
    }

    public async Task<IReadOnlyList<GroupDayTotals>> DailyTotalsAsync(Guid groupId, DateOnly fromDay, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT local_day, delivered_kg_as_fed, refused_kg_as_fed, dry_matter_kg, readings, NULL::int
              FROM intake_group_days WHERE group_id = $1 AND local_day >= $2
            UNION ALL
            SELECT h.local_day, h.delivered_kg_as_fed, h.refused_kg_as_fed, h.dry_matter_kg, 1, h.head_count
              FROM intake_history_days h
             WHERE h.group_id = $1 AND h.local_day >= $2
               AND NOT EXISTS (SELECT 1 FROM intake_group_days d WHERE d.group_id = h.group_id AND d.local_day = h.local_day)
            ORDER BY 1
            """);
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(fromDay);
        var totals = new List<GroupDayTotals>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new GroupDayTotals(groupId, reader.GetFieldValue<DateOnly>(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }

        return totals;
    }

    public async Task<int> StoreHistoryAsync(Guid groupId, IReadOnlyList<GroupDayTotals> days, CancellationToken cancellationToken)
    {
        if (days.Count == 0)
        {
            return 0;
        }

        // One statement, one transaction: a day already imported with the same figures is left alone (not counted), another
        // replaces it.
        await using var command = db.CreateCommand("""
            INSERT INTO intake_history_days AS h (group_id, local_day, delivered_kg_as_fed, refused_kg_as_fed, dry_matter_kg, head_count)
            SELECT $1, d.day, d.delivered, d.refused, d.dry_matter, d.head
              FROM unnest($2::date[], $3::float8[], $4::float8[], $5::float8[], $6::int[]) AS d(day, delivered, refused, dry_matter, head)
            ON CONFLICT (group_id, local_day) DO UPDATE
               SET delivered_kg_as_fed = excluded.delivered_kg_as_fed, refused_kg_as_fed = excluded.refused_kg_as_fed,
                   dry_matter_kg = excluded.dry_matter_kg, head_count = excluded.head_count, imported_at = now()
             WHERE (h.delivered_kg_as_fed, h.refused_kg_as_fed, h.dry_matter_kg, h.head_count)
                   IS DISTINCT FROM (excluded.delivered_kg_as_fed, excluded.refused_kg_as_fed, excluded.dry_matter_kg, excluded.head_count)
            """);
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(days.Select(d => d.Day).ToArray());
        command.Parameters.AddWithValue(days.Select(d => d.DeliveredKgAsFed).ToArray());
        command.Parameters.AddWithValue(days.Select(d => d.RefusedKgAsFed).ToArray());
        command.Parameters.AddWithValue(days.Select(d => d.DryMatterKg).ToArray());
        command.Parameters.AddWithValue(days.Select(d => d.HeadCount ?? throw new ArgumentException("an imported day needs its head count", nameof(days))).ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(Guid farmId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM intake_readings WHERE farm_id = $1");
        command.Parameters.AddWithValue(farmId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<DateTimeOffset?> LastReadingAtAsync(Guid farmId, string deviceId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT max(measured_at) FROM intake_readings WHERE farm_id = $1 AND device_id = $2");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(deviceId);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }
}

public sealed class PostgresAlertStore(NpgsqlDataSource db) : IAlertStore
{
    private const string Columns = "id, farm_id, group_id, kind, severity, title, detail, raised_at, acknowledged_at, acknowledged_by, dedupe_key, messages";

    public async Task<Alert?> RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            INSERT INTO alerts ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL, $9, $10)
            ON CONFLICT (farm_id, dedupe_key) WHERE acknowledged_at IS NULL DO NOTHING
            """);
        command.Parameters.AddWithValue(alert.Id);
        command.Parameters.AddWithValue(alert.FarmId);
        command.Parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)alert.GroupId ?? DBNull.Value);
        command.Parameters.AddWithValue(alert.Kind.ToString());
        command.Parameters.AddWithValue(alert.Severity.ToString());
        command.Parameters.AddWithValue(alert.Title);
        command.Parameters.AddWithValue(alert.Detail);
        command.Parameters.AddWithValue(alert.RaisedAt);
        command.Parameters.AddWithValue(alert.DedupeKey);
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, (object?)AlertMessages.ToJson(alert) ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? alert : null;
    }

    public async Task<IReadOnlyList<Alert>> ListAsync(Guid farmId, bool openOnly, int limit, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            SELECT {Columns} FROM alerts WHERE farm_id = $1 AND (NOT $2 OR acknowledged_at IS NULL)
             ORDER BY raised_at DESC LIMIT $3
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(openOnly);
        command.Parameters.AddWithValue(limit);
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(Read(reader));
        }

        return alerts;
    }

    public async Task<Alert?> AcknowledgeAsync(Guid farmId, Guid alertId, string acknowledgedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, $3), acknowledged_by = coalesce(acknowledged_by, $4)
             WHERE farm_id = $1 AND id = $2
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(alertId);
        command.Parameters.AddWithValue(at);
        command.Parameters.AddWithValue(acknowledgedBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<Alert?> AcknowledgeOpenAsync(Guid farmId, string dedupeKey, string acknowledgedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"""
            UPDATE alerts SET acknowledged_at = $3, acknowledged_by = $4
             WHERE farm_id = $1 AND dedupe_key = $2 AND acknowledged_at IS NULL
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(dedupeKey);
        command.Parameters.AddWithValue(at);
        command.Parameters.AddWithValue(acknowledgedBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static Alert Read(NpgsqlDataReader reader)
    {
        var alert = new Alert(
        reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
        Enum.Parse<AlertKind>(reader.GetString(3)), Enum.Parse<AlertSeverity>(reader.GetString(4)),
        reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.GetString(10));
        return reader.IsDBNull(11) ? alert : AlertMessages.FromJson(alert, reader.GetString(11));
    }
}

/// <summary>An alert's title and detail as message codes (column <c>messages</c>, jsonb).</summary>
internal static class AlertMessages
{
    private sealed record Stored(Cnucnm.Nutrition.Messages.ServerMessage? Title, Cnucnm.Nutrition.Messages.ServerMessage? Detail);

    public static string? ToJson(Alert alert) => alert.TitleMessage is null && alert.DetailMessage is null
        ? null
        : System.Text.Json.JsonSerializer.Serialize(new Stored(alert.TitleMessage, alert.DetailMessage), System.Text.Json.JsonSerializerOptions.Web);

    public static Alert FromJson(Alert alert, string json) =>
        System.Text.Json.JsonSerializer.Deserialize<Stored>(json, System.Text.Json.JsonSerializerOptions.Web) is { } stored
            ? alert with { TitleMessage = stored.Title, DetailMessage = stored.Detail }
            : alert;
}
