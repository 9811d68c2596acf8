using Cnucnm.Cluster.Tests.LiveHerd;
using Cnucnm.Contracts.Intake;
using Cnucnm.Storage;
using Cnucnm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cnucnm.Cluster.Tests.Postgres;

/// <summary>Live-herd state on a real PostgreSQL: grain state and intake readings survive a restart of the whole cluster.</summary>
public sealed class LiveHerdPersistenceTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Farm_group_ration_and_intake_survive_a_restart_and_duplicates_are_stored_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
        }

        var first = TestClusters.Build(silos: 2, connectionString, clusterId: "herd-a");
        await first.DeployAsync(Ct);
        var scenario = await LiveHerdScenario.CreateAsync(first.GrainFactory);
        var now = DateTimeOffset.UtcNow;
        IntakeReading[] batch = [.. Enumerable.Range(1, 50).Select(i =>
            new IntakeReading("mixer-1", i, now.AddMinutes(-i), scenario.GroupId, IntakeReading.TotalMixedRation, 20, 1))];
        var firstTry = await first.GrainFactory.GetGrain<IIntakeIngestGrain>(0).IngestAsync(scenario.FarmId, batch, Ct);
        var before = (await scenario.Group(first.GrainFactory).GetAsync(Ct))!;
        var rationBefore = (await scenario.Ration(first.GrainFactory).GetAsync(Ct)).Current!;
        await first.StopAllSilosAsync(Ct);
        await first.DisposeAsync();

        var second = TestClusters.Build(silos: 1, connectionString, clusterId: "herd-b");
        await second.DeployAsync(Ct);
        try
        {
            // The sensor retries the whole batch after the outage, plus one new reading.
            var retry = await second.GrainFactory.GetGrain<IIntakeIngestGrain>(0).IngestAsync(scenario.FarmId,
                [.. batch, new IntakeReading("mixer-1", 51, now, scenario.GroupId, IntakeReading.TotalMixedRation, 20, 1)], Ct);
            var after = (await scenario.Group(second.GrainFactory).GetAsync(Ct))!;
            var rationAfter = (await scenario.Ration(second.GrainFactory).GetAsync(Ct)).Current!;

            Assert.Equal(50, firstTry.Stored);
            Assert.Equal((1, 50), (retry.Stored, retry.Duplicates));
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var count = dataSource.CreateCommand("SELECT count(*), count(DISTINCT (device_id, sequence)) FROM intake_readings WHERE farm_id = $1");
            count.Parameters.AddWithValue(scenario.FarmId);
            await using var reader = await count.ExecuteReaderAsync(Ct);
            await reader.ReadAsync(Ct);
            Assert.Equal((51L, 51L), (reader.GetInt64(0), reader.GetInt64(1)));

            Assert.Equal(before.Inputs, after.Inputs);
            Assert.Equal(before.Name, after.Name);
            Assert.Equal(rationBefore.Version, rationAfter.Version);
            Assert.Equal(rationBefore.Items, rationAfter.Items);
            // Day totals are reloaded from PostgreSQL on activation, then the new reading adds to them.
            var dmPerKgAsFed = rationAfter.DryMatterKgPerHead / rationAfter.AsFedKgPerHead;
            var todayReadings = batch.Count(r => LocalDay(r.MeasuredAt) == LocalDay(now)) + 1;
            Assert.Equal(todayReadings * 19 * dmPerKgAsFed / 40, after.Intake.TodayDryMatterKgPerHead!.Value, 6);
        }
        finally
        {
            await second.StopAllSilosAsync(Ct);
            await second.DisposeAsync();
        }
    }

    private static DateOnly LocalDay(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).DateTime);
}
