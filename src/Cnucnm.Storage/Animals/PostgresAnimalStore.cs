using System.Globalization;
using System.Text;
using System.Text.Json;
using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Registry.Records;
using Npgsql;

namespace Cnucnm.Storage.Animals;

/// <summary>The registry on PostgreSQL (schema 0005): animals, animal_records, animal_group_overrides.</summary>
public sealed class PostgresAnimalStore(NpgsqlDataSource db) : IAnimalStore
{
    private const string Columns = "id, farm_id, tag, name, breed, sex, birth_date, dam_tag, origin, origin_note, status, status_date, status_reason, group_id, photo_reference, version";
    private const string RecordColumns = "id, farm_id, animal_id, payload, recorded_by, recorded_at";
    private const string UniqueViolation = "23505";

    public async Task<AnimalWriteOutcome> AddAsync(IReadOnlyList<Animal> animals, IReadOnlyList<AnimalRecordEntry> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(animals);
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var chunk in animals.Chunk(2000))
            {
                await using var command = new NpgsqlCommand($"""
                    INSERT INTO animals ({Columns})
                    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[],
                                         $9::text[], $10::text[], $11::text[], $12::date[], $13::text[], $14::uuid[], $15::text[], $16::bigint[])
                    """, connection, transaction);
                var p = command.Parameters;
                p.AddWithValue(chunk.Select(a => a.Id).ToArray());
                p.AddWithValue(chunk.Select(a => a.FarmId).ToArray());
                p.AddWithValue(chunk.Select(a => a.Tag).ToArray());
                p.AddWithValue(chunk.Select(a => a.Name).ToArray());
                p.AddWithValue(chunk.Select(a => a.BreedId).ToArray());
                p.AddWithValue(chunk.Select(a => a.Sex.ToString()).ToArray());
                p.AddWithValue(chunk.Select(a => a.BirthDate).ToArray());
                p.AddWithValue(chunk.Select(a => a.DamTag).ToArray());
                p.AddWithValue(chunk.Select(a => a.Origin.ToString()).ToArray());
                p.AddWithValue(chunk.Select(a => a.OriginNote).ToArray());
                p.AddWithValue(chunk.Select(a => a.Status.ToString()).ToArray());
                p.AddWithValue(chunk.Select(a => a.StatusDate).ToArray());
                p.AddWithValue(chunk.Select(a => a.StatusReason).ToArray());
                p.AddWithValue(chunk.Select(a => a.GroupId).ToArray());
                p.AddWithValue(chunk.Select(a => a.PhotoReference).ToArray());
                p.AddWithValue(chunk.Select(a => a.Version).ToArray());
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await InsertRecordsAsync(connection, transaction, records, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return AnimalWriteOutcome.Ok;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            await transaction.RollbackAsync(cancellationToken);
            return AnimalWriteOutcome.DuplicateTag;
        }
    }

    public async Task<Animal?> GetAsync(Guid farmId, Guid animalId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM animals WHERE farm_id = $1 AND id = $2");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(animalId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAnimal(reader) : null;
    }

    public async Task<AnimalPage> ListAsync(AnimalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = db.CreateCommand();
        var where = new StringBuilder("farm_id = $1");
        command.Parameters.AddWithValue(query.FarmId);
        string Add(object value)
        {
            command.Parameters.AddWithValue(value);
            return "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        if (query.Status is { } status)
        {
            where.Append(" AND status = ").Append(Add(status.ToString()));
        }

        if (query.GroupId is { } group)
        {
            where.Append(" AND group_id = ").Append(Add(group));
        }

        if (query.BreedId is { Length: > 0 } breed)
        {
            where.Append(" AND lower(breed) = ").Append(Add(breed.ToLowerInvariant()));
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            // Tags are digits only (no LIKE wildcards to escape); names are matched as text, wildcards escaped.
            var digits = TraceabilityNumber.Normalize(search);
            var name = search.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
            where.Append(" AND (");
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                where.Append("tag LIKE ").Append(Add($"%{digits}%")).Append(" OR ");
            }

            where.Append("name ILIKE ").Append(Add($"%{name}%")).Append(')');
        }

        command.CommandText = $"""
            SELECT {Columns}, count(*) OVER () FROM animals WHERE {where}
            ORDER BY tag OFFSET {Add(query.Offset)} LIMIT {Add(query.Limit)}
            """;
        var animals = new List<Animal>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                animals.Add(ReadAnimal(reader));
                total = reader.GetInt64(16);
            }
        }

        if (animals.Count == 0 && query.Offset > 0)
        {
            // Past the last page: the window count is not there to read.
            await using var count = db.CreateCommand($"SELECT count(*) FROM animals WHERE {where}");
            foreach (var parameter in command.Parameters.Take(command.Parameters.Count - 2))
            {
                count.Parameters.AddWithValue(parameter.Value!);
            }

            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return new AnimalPage(animals, total);
    }

    public async Task<AnimalWriteOutcome> UpdateAsync(Animal animal, long expectedVersion, AnimalRecordEntry? record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(animal);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand("""
            UPDATE animals SET name = $3, breed = $4, sex = $5, birth_date = $6, dam_tag = $7, origin = $8, origin_note = $9,
                status = $10, status_date = $11, status_reason = $12, group_id = $13, photo_reference = $14, version = $15
             WHERE farm_id = $1 AND id = $2 AND version = $16
            """, connection, transaction))
        {
            var p = update.Parameters;
            p.AddWithValue(animal.FarmId);
            p.AddWithValue(animal.Id);
            p.AddWithValue((object?)animal.Name ?? DBNull.Value);
            p.AddWithValue(animal.BreedId);
            p.AddWithValue(animal.Sex.ToString());
            p.AddWithValue(animal.BirthDate);
            p.AddWithValue((object?)animal.DamTag ?? DBNull.Value);
            p.AddWithValue(animal.Origin.ToString());
            p.AddWithValue((object?)animal.OriginNote ?? DBNull.Value);
            p.AddWithValue(animal.Status.ToString());
            p.AddWithValue((object?)animal.StatusDate ?? DBNull.Value);
            p.AddWithValue((object?)animal.StatusReason ?? DBNull.Value);
            p.AddWithValue((object?)animal.GroupId ?? DBNull.Value);
            p.AddWithValue((object?)animal.PhotoReference ?? DBNull.Value);
            p.AddWithValue(animal.Version);
            p.AddWithValue(expectedVersion);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return await GetAsync(animal.FarmId, animal.Id, cancellationToken) is null ? AnimalWriteOutcome.NotFound : AnimalWriteOutcome.VersionConflict;
            }
        }

        if (record is not null)
        {
            await InsertRecordsAsync(connection, transaction, [record], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return AnimalWriteOutcome.Ok;
    }

    public async Task<int> UnassignGroupAsync(Guid farmId, Guid groupId, CancellationToken cancellationToken)
    {
        // A new version: a concurrent edit of one of these animals, read before, conflicts instead of putting it back.
        await using var command = db.CreateCommand("UPDATE animals SET group_id = NULL, version = version + 1 WHERE farm_id = $1 AND group_id = $2");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(groupId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddRecordAsync(AnimalRecordEntry record, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await InsertRecordsAsync(connection, null, [record], cancellationToken);
    }

    public async Task<IReadOnlyList<AnimalRecordEntry>> RecordsAsync(Guid farmId, Guid animalId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {RecordColumns} FROM animal_records WHERE farm_id = $1 AND animal_id = $2 ORDER BY date, recorded_at");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(animalId);
        return await ReadRecordsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<AnimalHistory>> ActiveWithRecordsAsync(Guid farmId, Guid? groupId, CancellationToken cancellationToken)
    {
        var filter = groupId is null ? "" : " AND group_id = $2";
        var animals = new List<Animal>();
        await using (var command = db.CreateCommand($"SELECT {Columns} FROM animals WHERE farm_id = $1 AND status = 'Active'{filter} ORDER BY tag"))
        {
            command.Parameters.AddWithValue(farmId);
            if (groupId is { } group)
            {
                command.Parameters.AddWithValue(group);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                animals.Add(ReadAnimal(reader));
            }
        }

        await using var records = db.CreateCommand($"SELECT {RecordColumns} FROM animal_records WHERE animal_id = ANY($1) ORDER BY date, recorded_at");
        records.Parameters.AddWithValue(animals.Select(a => a.Id).ToArray());
        var byAnimal = (await ReadRecordsAsync(records, cancellationToken)).ToLookup(r => r.AnimalId);
        return [.. animals.Select(a => new AnimalHistory(a, [.. byAnimal[a.Id]]))];
    }

    public async Task<IReadOnlySet<string>> ExistingTagsAsync(Guid farmId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        await using var command = db.CreateCommand("SELECT tag FROM animals WHERE farm_id = $1 AND tag = ANY($2)");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(tags.ToArray());
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    public async Task<GroupInputOverrides?> GetOverridesAsync(Guid farmId, Guid groupId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT overrides::text FROM animal_group_overrides WHERE farm_id = $1 AND group_id = $2");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(groupId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<GroupInputOverrides>(json, RegistryJson.Options)
            : null;
    }

    public async Task SetOverridesAsync(Guid farmId, Guid groupId, GroupInputOverrides overrides, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO animal_group_overrides (group_id, farm_id, overrides) VALUES ($2, $1, $3::jsonb)
            ON CONFLICT (group_id) DO UPDATE SET overrides = excluded.overrides WHERE animal_group_overrides.farm_id = excluded.farm_id
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(JsonSerializer.Serialize(overrides, RegistryJson.Options));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertRecordsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<AnimalRecordEntry> records,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in records.Chunk(2000))
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO animal_records (id, farm_id, animal_id, kind, date, payload, recorded_by, recorded_at)
                SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::jsonb[], $7::text[], $8::timestamptz[])
                """, connection, transaction);
            var p = command.Parameters;
            p.AddWithValue(chunk.Select(r => r.Id).ToArray());
            p.AddWithValue(chunk.Select(r => r.FarmId).ToArray());
            p.AddWithValue(chunk.Select(r => r.AnimalId).ToArray());
            p.AddWithValue(chunk.Select(r => r.Record.Kind).ToArray());
            p.AddWithValue(chunk.Select(r => r.Record.Date).ToArray());
            p.Add(new NpgsqlParameter { Value = chunk.Select(r => JsonSerializer.Serialize(r.Record, RegistryJson.Options)).ToArray(), DataTypeName = "jsonb[]" });
            p.AddWithValue(chunk.Select(r => r.RecordedBy).ToArray());
            p.AddWithValue(chunk.Select(r => r.RecordedAt).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<List<AnimalRecordEntry>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<AnimalRecordEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = JsonSerializer.Deserialize<AnimalRecord>(reader.GetString(3), RegistryJson.Options)!;
            records.Add(new AnimalRecordEntry(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), record, reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return records;
    }

    private static Animal ReadAnimal(NpgsqlDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new Animal(
            r.GetGuid(0), r.GetGuid(1), r.GetString(2), Text(3), r.GetString(4), Enum.Parse<AnimalSex>(r.GetString(5)),
            r.GetFieldValue<DateOnly>(6), Text(7), Enum.Parse<AnimalOrigin>(r.GetString(8)), Text(9), Enum.Parse<AnimalStatus>(r.GetString(10)),
            r.IsDBNull(11) ? null : r.GetFieldValue<DateOnly>(11), Text(12), r.IsDBNull(13) ? null : r.GetGuid(13), Text(14), r.GetInt64(15));
    }
}
