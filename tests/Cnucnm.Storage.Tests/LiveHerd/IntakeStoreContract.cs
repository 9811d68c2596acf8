using Cnucnm.Storage.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.LiveHerd;

/// <summary>Intake readings: stored once per (farm, device, sequence), with day totals per group kept as they arrive.
/// (The PostgreSQL-only checks of concurrent batches and of the migration stay in Cnucnm.Cluster.Tests.)</summary>
public abstract class IntakeStoreContract : StoreContract
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    private static StoredReading Reading(string device, long sequence, Guid group, DateOnly day, double delivered, int hour = 8) =>
        new(device, sequence, group, "corn-silage", new DateTimeOffset(day, new TimeOnly(hour, 0), TimeSpan.Zero), day, delivered, 1, 0.35);

    [Fact]
    public async Task A_duplicate_reading_is_acknowledged_and_ignored_and_the_day_totals_count_it_once()
    {
        var intake = Store<IIntakeStore>();
        var (farm, group) = (Guid.NewGuid(), Guid.NewGuid());
        var first = await intake.StoreAsync(farm, [Reading("scale-1", 1, group, Day, 21), Reading("scale-1", 2, group, Day, 11)], Ct);
        var retried = await intake.StoreAsync(farm, [Reading("scale-1", 2, group, Day, 11), Reading("scale-1", 3, group, Day.AddDays(1), 5)], Ct);

        Assert.Equal(2, first.Stored.Count);
        // (21 − 1) + (11 − 1) kg as fed × 0.35 DM = 10.5 kg DM.
        var total = Assert.Single(first.Totals);
        Assert.Equal((group, Day, 32.0, 2.0, 2), (total.GroupId, total.Day, total.DeliveredKgAsFed, total.RefusedKgAsFed, total.Readings));
        Assert.Equal(10.5, total.DryMatterKg, 9);
        Assert.Equal([3L], retried.Stored.Select(r => r.Sequence));
        Assert.Equal([Day.AddDays(1)], retried.Totals.Select(t => t.Day));
        Assert.Equal(3, await intake.CountAsync(farm, Ct));

        var nothingNew = await intake.StoreAsync(farm, [Reading("scale-1", 1, group, Day, 21)], Ct);
        Assert.Empty(nothingNew.Stored);
        Assert.Empty(nothingNew.Totals);
    }

    [Fact]
    public async Task The_same_sequence_from_another_device_or_farm_is_a_new_reading()
    {
        var intake = Store<IIntakeStore>();
        var (farm, other, group) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await intake.StoreAsync(farm, [Reading("scale-1", 1, group, Day, 10)], Ct);
        Assert.Single((await intake.StoreAsync(farm, [Reading("scale-2", 1, group, Day, 10)], Ct)).Stored);
        Assert.Single((await intake.StoreAsync(other, [Reading("scale-1", 1, Guid.NewGuid(), Day, 10)], Ct)).Stored);
        Assert.Equal(2, await intake.CountAsync(farm, Ct));
        Assert.Equal(1, await intake.CountAsync(other, Ct));
        Assert.Equal(0, await intake.CountAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Day_totals_list_from_a_day_on_in_date_order()
    {
        var intake = Store<IIntakeStore>();
        var (farm, group) = (Guid.NewGuid(), Guid.NewGuid());
        await intake.StoreAsync(farm, [Reading("s", 1, group, Day.AddDays(2), 10), Reading("s", 2, group, Day, 10), Reading("s", 3, group, Day.AddDays(-1), 10),
            Reading("s", 4, Guid.NewGuid(), Day, 10)], Ct);

        Assert.Equal([Day, Day.AddDays(2)], (await intake.DailyTotalsAsync(group, Day, Ct)).Select(t => t.Day));
        Assert.Empty(await intake.DailyTotalsAsync(Guid.NewGuid(), Day, Ct));
    }

    [Fact]
    public async Task Imported_days_list_with_the_readings_days_once_each_and_a_day_with_readings_keeps_its_readings()
    {
        var intake = Store<IIntakeStore>();
        var (farm, group) = (Guid.NewGuid(), Guid.NewGuid());
        await intake.StoreAsync(farm, [Reading("s", 1, group, Day, 21)], Ct);
        GroupDayTotals Imported(DateOnly day, double delivered, int head) => new(group, day, delivered, 40, (delivered - 40) * 0.4, 1, head);
        List<GroupDayTotals> file = [Imported(Day.AddDays(-2), 1000, 38), Imported(Day.AddDays(-1), 1000, 40), Imported(Day, 500, 40)];

        Assert.Equal(3, await intake.StoreHistoryAsync(group, file, Ct));
        Assert.Equal(0, await intake.StoreHistoryAsync(group, file, Ct)); // the same file again changes nothing
        Assert.Equal(1, await intake.StoreHistoryAsync(group, [Imported(Day.AddDays(-1), 1100, 40)], Ct)); // a corrected day replaces it

        var days = await intake.DailyTotalsAsync(group, Day.AddDays(-2), Ct);
        Assert.Equal([Day.AddDays(-2), Day.AddDays(-1), Day], days.Select(d => d.Day));
        Assert.Equal((1000.0, 38, 1), (days[0].DeliveredKgAsFed, days[0].HeadCount!.Value, days[0].Readings));
        Assert.Equal((1100.0, 40), (days[1].DeliveredKgAsFed, days[1].HeadCount!.Value));
        Assert.Equal((21.0, (int?)null), (days[2].DeliveredKgAsFed, days[2].HeadCount)); // the readings' day, not the import
        Assert.Equal([Day], (await intake.DailyTotalsAsync(group, Day, Ct)).Select(d => d.Day));
        Assert.Empty(await intake.DailyTotalsAsync(Guid.NewGuid(), Day.AddDays(-2), Ct));
    }

    [Fact]
    public async Task The_last_reading_of_a_device_is_its_latest_measurement_not_its_latest_arrival()
    {
        var intake = Store<IIntakeStore>();
        var (farm, group) = (Guid.NewGuid(), Guid.NewGuid());
        await intake.StoreAsync(farm, [Reading("scale-1", 2, group, Day, 10, hour: 14)], Ct);
        await intake.StoreAsync(farm, [Reading("scale-1", 1, group, Day, 10, hour: 6)], Ct);
        Assert.Equal(new DateTimeOffset(Day, new TimeOnly(14, 0), TimeSpan.Zero), await intake.LastReadingAtAsync(farm, "scale-1", Ct));
        Assert.Null(await intake.LastReadingAtAsync(farm, "scale-2", Ct));
        Assert.Null(await intake.LastReadingAtAsync(Guid.NewGuid(), "scale-1", Ct));
    }
}

public sealed class InMemoryIntakeStoreTests : IntakeStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresIntakeStoreTests(PostgresServer postgres) : IntakeStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
