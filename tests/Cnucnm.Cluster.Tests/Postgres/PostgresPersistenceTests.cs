using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Grains.Farms;
using Cnucnm.Storage;
using Cnucnm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Cnucnm.Cluster.Tests.Postgres;

/// <summary>Orleans providers on a real PostgreSQL with our own schema.</summary>
public sealed class PostgresPersistenceTests(PostgresServer postgres)
{
    private static readonly FarmProfile Profile = new(
        "Dairy Hill", new FarmLocation("Gyeonggi-do", "KR", null, null), "KRW", new ClimateDefaults(22, 70), "Asia/Seoul");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> MigratedDatabaseAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return connectionString;
    }

    [Fact]
    public async Task Migrate_runs_twice_and_registers_every_provider_query()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);

        var first = await migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var second = await migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SchemaMigrator.Scripts.Count, first.Applied.Count);
        Assert.Empty(second.Applied);
        await using var command = dataSource.CreateCommand("SELECT querykey FROM orleansquery");
        var keys = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                keys.Add(reader.GetString(0));
            }
        }

        string[] required =
        [
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "CleanupDefunctSiloEntriesKey", "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        Assert.All(required, key => Assert.Contains(key, keys));
    }

    [Fact]
    public async Task Migrate_applies_an_edited_script_again()
    {
        var connectionString = await MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var tamper = dataSource.CreateCommand("UPDATE cnucnm_schema_history SET checksum = 'old' WHERE version = 1"))
        {
            await tamper.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var report = await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Contains(report.Applied, name => name.StartsWith("0001_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_unused_failed_sign_ins_column_is_gone_from_new_and_earlier_databases()
    {
        var connectionString = await MigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.False(await HasColumnAsync(dataSource, "app_users", "failed_sign_ins"));
        Assert.True(await HasColumnAsync(dataSource, "app_users", "locked_until")); // the query can find a column

        // As on a database migrated before 0010: the column is there and 0010 has not run.
        await using (var earlier = dataSource.CreateCommand(
            "ALTER TABLE app_users ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0; DELETE FROM cnucnm_schema_history WHERE version = 10"))
        {
            await earlier.ExecuteNonQueryAsync(Ct);
        }

        var report = await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);

        Assert.Equal(["0010_drop_failed_sign_ins.sql"], report.Applied);
        Assert.False(await HasColumnAsync(dataSource, "app_users", "failed_sign_ins"));
    }

    private static async Task<bool> HasColumnAsync(NpgsqlDataSource dataSource, string table, string column)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM information_schema.columns WHERE table_name = $1 AND column_name = $2");
        command.Parameters.AddWithValue(table);
        command.Parameters.AddWithValue(column);
        return (long)(await command.ExecuteScalarAsync(Ct))! == 1;
    }

    [Fact]
    public async Task Farm_survives_a_restart_of_the_whole_cluster()
    {
        var connectionString = await MigratedDatabaseAsync();
        var farmId = Guid.NewGuid();

        var first = TestClusters.Build(silos: 1, connectionString, clusterId: "restart-a");
        await first.DeployAsync(Ct);
        await first.GrainFactory.Farm(farmId).CreateAsync(Profile, "owner", TestContext.Current.CancellationToken);
        await first.StopAllSilosAsync(Ct);
        await first.DisposeAsync();

        var second = TestClusters.Build(silos: 1, connectionString, clusterId: "restart-b");
        await second.DeployAsync(Ct);
        try
        {
            var farm = await second.GrainFactory.Farm(farmId).GetAsync(TestContext.Current.CancellationToken);
            Assert.NotNull(farm);
            Assert.Equal(Profile, farm.Profile);
            Assert.Equal("owner", farm.CreatedBy);
        }
        finally
        {
            await second.StopAllSilosAsync(Ct);
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Writing_with_an_out_of_date_etag_is_a_conflict()
    {
        var connectionString = await MigratedDatabaseAsync();
        var cluster = TestClusters.Build(silos: 1, connectionString);
        await cluster.DeployAsync(Ct);
        try
        {
            var services = cluster.GetSiloServiceProvider(cluster.Silos[0].SiloAddress);
            var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderNames.GrainState);
            var grainId = GrainId.Create("farm", Guid.NewGuid().ToString("N"));
            var state = new GrainState<FarmState>(new FarmState { Profile = Profile, Version = 1 });

            await storage.WriteStateAsync("farm", grainId, state, Ct);
            var staleEtag = state.ETag;
            await storage.WriteStateAsync("farm", grainId, state, Ct);
            var stale = new GrainState<FarmState>(state.State! with { Version = 99 }) { ETag = staleEtag, RecordExists = true };

            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("farm", grainId, stale, Ct));

            var read = new GrainState<FarmState>();
            await storage.ReadStateAsync("farm", grainId, read, Ct);
            Assert.Equal(1, read.State!.Version);
        }
        finally
        {
            await cluster.StopAllSilosAsync(Ct);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_silos_join_through_the_membership_table_and_a_killed_silo_is_declared_dead()
    {
        var connectionString = await MigratedDatabaseAsync();
        var cluster = TestClusters.Build(silos: 2, connectionString, clusterId: "membership");
        await cluster.DeployAsync(Ct);
        try
        {
            var statuses = await MembershipAsync(connectionString, "membership");
            Assert.Equal(2, statuses.Count(s => s.Status == (int)SiloStatus.Active));

            var survivor = cluster.Silos[0];
            var victim = cluster.Silos[1];
            await cluster.KillSiloAsync(victim, Ct);

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                statuses = await MembershipAsync(connectionString, "membership");
                var row = statuses.Single(s => s.Port == victim.SiloAddress!.Endpoint!.Port);
                if (row.Status == (int)SiloStatus.Dead)
                {
                    // Declared dead by the survivor's probes (a vote is recorded), not by its own shutdown.
                    Assert.False(string.IsNullOrEmpty(row.SuspectTimes));
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"silo still {(SiloStatus)row.Status} after 60 s");
                await Task.Delay(500, Ct);
            }

            Assert.Equal((int)SiloStatus.Active, statuses.Single(s => s.Port == survivor.SiloAddress.Endpoint!.Port).Status);
        }
        finally
        {
            await cluster.StopAllSilosAsync(Ct);
            await cluster.DisposeAsync();
        }
    }

    private static async Task<List<(int Port, int Status, string? SuspectTimes)>> MembershipAsync(string connectionString, string clusterId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT port, status, suspecttimes FROM orleansmembershiptable WHERE deploymentid = $1");
        command.Parameters.AddWithValue(clusterId);
        var rows = new List<(int, int, string?)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }
}
