using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cnucnm.Storage;

/// <summary>
/// Applies the embedded SQL scripts (Schema/NNNN_name.sql) in order. Every script is idempotent;
/// the history table only avoids re-running unchanged scripts. An advisory lock serialises
/// concurrent migrators (two pods starting the Job, a test and a silo), so running it twice, or on
/// every deploy, is safe.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Arbitrary constant shared by every migrator of this schema.
    private const long MigrationLockKey = 0x434E55434E4D; // "CNUCNM"

    public static IReadOnlyList<SchemaScript> Scripts { get; } = LoadScripts();

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken,
            new NpgsqlParameter("key", MigrationLockKey));
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS cnucnm_schema_history
            (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = new Dictionary<int, string>();
        await using (var read = new NpgsqlCommand("SELECT version, checksum FROM cnucnm_schema_history", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var ran = new List<string>();
        foreach (var script in Scripts)
        {
            if (applied.TryGetValue(script.Version, out var checksum) && checksum == script.Checksum)
            {
                continue;
            }

            LogApplying(logger, script.Name);
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await ExecuteAsync(connection, transaction, """
                INSERT INTO cnucnm_schema_history (version, name, checksum) VALUES (@version, @name, @checksum)
                ON CONFLICT (version) DO UPDATE SET name = excluded.name, checksum = excluded.checksum, applied_at = now()
                """, cancellationToken,
                new NpgsqlParameter("version", script.Version),
                new NpgsqlParameter("name", script.Name),
                new NpgsqlParameter("checksum", script.Checksum));
            ran.Add(script.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MigrationReport(ran, Scripts.Count - ran.Count);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<SchemaScript> LoadScripts()
    {
        const string prefix = "Cnucnm.Storage.Schema.";
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new SchemaScript(version, name, sql, checksum));
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying schema script {Script}")]
    private static partial void LogApplying(ILogger logger, string script);
}

public sealed record SchemaScript(int Version, string Name, string Sql, string Checksum);

public sealed record MigrationReport(IReadOnlyList<string> Applied, int Unchanged);
