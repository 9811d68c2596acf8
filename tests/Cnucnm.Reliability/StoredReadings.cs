using Npgsql;

namespace Cnucnm.Reliability;

/// <summary>What PostgreSQL holds for the farms of the run, read straight from intake_readings.</summary>
public sealed record StoredReadings(
    long Rows,
    long DistinctKeys,
    HashSet<(Guid Farm, string Device, long Sequence)> Keys,
    Dictionary<(Guid Group, DateOnly Day), (int Readings, double DeliveredKgAsFed)> GroupDays)
{
    public static async Task<StoredReadings> ReadAsync(string connectionString, IReadOnlyCollection<Guid> farmIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var farms = farmIds.ToArray();

        await using var counts = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT (farm_id, device_id, sequence)) FROM intake_readings WHERE farm_id = ANY(@farms)", connection);
        counts.Parameters.AddWithValue("farms", farms);
        long rows, distinct;
        await using (var reader = await counts.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (rows, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var keys = new HashSet<(Guid, string, long)>();
        await using (var select = new NpgsqlCommand("SELECT farm_id, device_id, sequence FROM intake_readings WHERE farm_id = ANY(@farms)", connection))
        {
            select.Parameters.AddWithValue("farms", farms);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                keys.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        var days = new Dictionary<(Guid, DateOnly), (int, double)>();
        await using (var totals = new NpgsqlCommand(
            "SELECT group_id, local_day, count(*)::int, sum(delivered_kg_as_fed) FROM intake_readings WHERE farm_id = ANY(@farms) GROUP BY group_id, local_day", connection))
        {
            totals.Parameters.AddWithValue("farms", farms);
            await using var reader = await totals.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                days[(reader.GetGuid(0), DateOnly.FromDateTime(reader.GetDateTime(1)))] = (reader.GetInt32(2), reader.GetDouble(3));
            }
        }

        return new StoredReadings(rows, distinct, keys, days);
    }
}
