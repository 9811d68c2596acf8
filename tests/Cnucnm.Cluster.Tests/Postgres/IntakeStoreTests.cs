using Cnucnm.Storage;
using Cnucnm.Storage.LiveHerd;
using Cnucnm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cnucnm.Cluster.Tests.Postgres;

/// <summary>The PostgreSQL intake store: readings stored once, group day totals kept in the same transaction.</summary>
public sealed class IntakeStoreTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StoredReading Reading(string device, long sequence, Guid group, DateOnly day, double delivered) =>
        new(device, sequence, group, "corn-silage", new DateTimeOffset(day, new TimeOnly(8, 0), TimeSpan.Zero), day, delivered, 1, 0.35);

    [Fact]
    public async Task Concurrent_and_retried_batches_give_exact_day_totals()
    {
        await using var db = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
        var store = new PostgresIntakeStore(db);
        var (farm, groupA, groupB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var day = new DateOnly(2026, 11, 20);

        // 16 batches at once, each 50 readings over both groups and two days: the same group-day rows in every batch.
        var batches = Enumerable.Range(0, 16).Select(b => Enumerable.Range(0, 50)
            .Select(i => Reading($"scale-{b}", i, i % 2 == 0 ? groupA : groupB, day.AddDays(i % 3 == 0 ? -1 : 0), 10)).ToList()).ToList();
        var results = await Task.WhenAll(batches.Select(b => store.StoreAsync(farm, b, Ct)));
        var retried = await store.StoreAsync(farm, batches[3], Ct);

        Assert.All(results, r => Assert.Equal(50, r.Stored.Count));
        Assert.Empty(retried.Stored);
        Assert.Empty(retried.Totals);
        var totals = (await store.DailyTotalsAsync(groupA, day.AddDays(-1), Ct)).Concat(await store.DailyTotalsAsync(groupB, day.AddDays(-1), Ct)).ToList();
        Assert.Equal(16 * 50, totals.Sum(t => t.Readings));
        // Each reading: (10 − 1) kg as fed × 0.35 DM = 3.15 kg DM.
        Assert.Equal(16 * 50 * 3.15, totals.Sum(t => t.DryMatterKg), 6);
        var readingsA = batches.SelectMany(b => b).Count(r => r.GroupId == groupA && r.LocalDay == day);
        Assert.Equal(readingsA, totals.Single(t => t.GroupId == groupA && t.Day == day).Readings);
        Assert.Equal(readingsA * 10, totals.Single(t => t.GroupId == groupA && t.Day == day).DeliveredKgAsFed, 6);
        // Each batch saw the totals as of its own commit: the largest is the final one.
        var reported = results.SelectMany(r => r.Totals).Where(t => t.GroupId == groupA && t.Day == day).Max(t => t.Readings);
        Assert.Equal(readingsA, reported);
    }

    [Fact]
    public async Task Migration_builds_day_totals_for_readings_stored_before_it_and_runs_twice()
    {
        await using var db = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(Ct);
        var group = Guid.NewGuid();
        var day = new DateOnly(2026, 11, 21);
        await new PostgresIntakeStore(db).StoreAsync(Guid.NewGuid(), [Reading("scale", 1, group, day, 21), Reading("scale", 2, group, day, 11)], Ct);
        // As on a database of the earlier schema: readings without their day totals.
        await using (var drop = db.CreateCommand("DELETE FROM intake_group_days; UPDATE cnucnm_schema_history SET checksum = 'old' WHERE name LIKE '0008%'"))
        {
            await drop.ExecuteNonQueryAsync(Ct);
        }

        await migrator.MigrateAsync(Ct);
        await migrator.MigrateAsync(Ct);

        var total = Assert.Single(await new PostgresIntakeStore(db).DailyTotalsAsync(group, day, Ct));
        Assert.Equal(2, total.Readings);
        Assert.Equal(32, total.DeliveredKgAsFed, 9);
        Assert.Equal(30 * 0.35, total.DryMatterKg, 9);
    }
}
