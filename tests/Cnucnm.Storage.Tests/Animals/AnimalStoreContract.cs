using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Registry.Records;
using Cnucnm.Storage.Animals;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Animals;

/// <summary>The animal registry: tags unique per farm (a batch with a duplicate adds nothing), filtered and searched
/// pages ordered by tag, records kept in date order, updates guarded by the animal's version, group overrides replaced
/// whole. (Moved from Cnucnm.Cluster.Tests' parity test, which ran each test against both stores.)</summary>
public abstract class AnimalStoreContract : StoreContract
{
    private static Animal Animal(Guid farm, string tag, string? name = null, string breed = "hanwoo", Guid? group = null) =>
        new(Guid.NewGuid(), farm, tag, name, breed, AnimalSex.Female, new DateOnly(2024, 3, 1), null, AnimalOrigin.BornOnFarm, null,
            AnimalStatus.Active, null, null, group, null, 1);

    private static AnimalRecordEntry Entry(Animal animal, AnimalRecord record) =>
        new(Guid.NewGuid(), animal.FarmId, animal.Id, record, "tester", DateTimeOffset.UnixEpoch.AddDays(record.Date.DayNumber - 719162));

    [Fact]
    public async Task Tags_are_unique_per_farm_and_a_batch_with_a_duplicate_adds_nothing()
    {
        var store = Store<IAnimalStore>();
        var (farm, other) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(AnimalWriteOutcome.Ok, await store.AddAsync([Animal(farm, "002000000011")], [], Ct));
        Assert.Equal(AnimalWriteOutcome.Ok, await store.AddAsync([Animal(other, "002000000011")], [], Ct));
        Assert.Equal(AnimalWriteOutcome.DuplicateTag, await store.AddAsync([Animal(farm, "002000000022"), Animal(farm, "002000000011")], [], Ct));
        Assert.Equal(AnimalWriteOutcome.DuplicateTag, await store.AddAsync([Animal(farm, "002000000033"), Animal(farm, "002000000033")], [], Ct));
        Assert.Equal(1, (await store.ListAsync(new AnimalQuery(farm, null, null, null, null, 0, 10), Ct)).Total);
        Assert.Equal(["002000000011"], await store.ExistingTagsAsync(farm, ["002000000011", "002000000022"], Ct));
    }

    [Fact]
    public async Task Lists_filter_search_and_page()
    {
        var store = Store<IAnimalStore>();
        var (farm, pen) = (Guid.NewGuid(), Guid.NewGuid());
        var animals = Enumerable.Range(1, 25).Select(i => Animal(farm, $"0020000{i:D4}1", i == 7 ? "Bomi_100%" : $"cow {i}", i % 5 == 0 ? "holstein" : "hanwoo", i <= 10 ? pen : null)).ToList();
        animals[2] = animals[2] with { Status = AnimalStatus.Sold, StatusDate = new DateOnly(2026, 1, 1), StatusReason = "sold" };
        Assert.Equal(AnimalWriteOutcome.Ok, await store.AddAsync(animals, [], Ct));

        var page = await store.ListAsync(new AnimalQuery(farm, null, null, null, null, 20, 10), Ct);
        Assert.Equal(25, page.Total);
        Assert.Equal(["002000000211", "002000000221", "002000000231", "002000000241", "002000000251"], page.Animals.Select(a => a.Tag));
        Assert.Equal(25, (await store.ListAsync(new AnimalQuery(farm, null, null, null, null, 30, 10), Ct)).Total);
        Assert.Equal(5, (await store.ListAsync(new AnimalQuery(farm, null, null, "HOLSTEIN", null, 0, 10), Ct)).Total);
        Assert.Equal(9, (await store.ListAsync(new AnimalQuery(farm, AnimalStatus.Active, pen, null, null, 0, 10), Ct)).Total);
        Assert.Equal(1, (await store.ListAsync(new AnimalQuery(farm, AnimalStatus.Sold, null, null, null, 0, 10), Ct)).Total);
        // The last digits of the tag as read off the ear, the tag as printed, and part of a name (wildcards are text).
        Assert.Equal(["002000000121"], (await store.ListAsync(new AnimalQuery(farm, null, null, null, "00121", 0, 10), Ct)).Animals.Select(a => a.Tag));
        Assert.Single((await store.ListAsync(new AnimalQuery(farm, null, null, null, "KOR 002 0000 0012 1", 0, 10), Ct)).Animals);
        Assert.Equal(["Bomi_100%"], (await store.ListAsync(new AnimalQuery(farm, null, null, null, "mi_100%", 0, 10), Ct)).Animals.Select(a => a.Name));
        Assert.Empty((await store.ListAsync(new AnimalQuery(Guid.NewGuid(), null, null, null, null, 0, 10), Ct)).Animals);
    }

    [Fact]
    public async Task Records_round_trip_and_updates_check_the_version()
    {
        var store = Store<IAnimalStore>();
        var (farm, pen, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var cow = Animal(farm, "002000000044", group: pen);
        AnimalRecord[] records =
        [
            new Weighing(new DateOnly(2026, 1, 2), 410.5, 6),
            new Calving(new DateOnly(2025, 12, 1), AnimalSex.Male, "002000000055", 27.5),
            new HealthEvent(new DateOnly(2026, 2, 1), "mastitis", "cefquinome", 4, 7),
            new MilkTest(new DateOnly(2026, 2, 10), 9, 4.7, 3.8, 4.9, 120),
            new Insemination(new DateOnly(2026, 2, 20), "KPN1400"),
            new PregnancyCheck(new DateOnly(2026, 3, 30), true, "ultrasound"),
            new DryOff(new DateOnly(2026, 4, 1)),
        ];
        Assert.Equal(AnimalWriteOutcome.Ok, await store.AddAsync([cow], [.. records.Select(r => Entry(cow, r))], Ct));
        var move = new GroupMove(new DateOnly(2026, 4, 2), pen, other, "dry-off");
        var moved = cow with { GroupId = other, Version = 2 };
        Assert.Equal(AnimalWriteOutcome.Ok, await store.UpdateAsync(moved, 1, Entry(cow, move), Ct));
        Assert.Equal(AnimalWriteOutcome.VersionConflict, await store.UpdateAsync(moved with { Version = 3 }, 1, null, Ct));
        Assert.Equal(AnimalWriteOutcome.NotFound, await store.UpdateAsync(moved with { FarmId = Guid.NewGuid() }, 2, null, Ct));

        Assert.Equal(moved, await store.GetAsync(farm, cow.Id, Ct));
        Assert.Null(await store.GetAsync(Guid.NewGuid(), cow.Id, Ct));
        var stored = await store.RecordsAsync(farm, cow.Id, Ct);
        Assert.Equal([.. records.OrderBy(r => r.Date), move], stored.Select(r => r.Record));
        Assert.Empty(await store.ActiveWithRecordsAsync(farm, pen, Ct));
        var member = Assert.Single(await store.ActiveWithRecordsAsync(farm, other, Ct));
        Assert.Equal(8, member.Records.Count);

        Assert.Null(await store.GetOverridesAsync(farm, other, Ct));
        await store.SetOverridesAsync(farm, other, new GroupInputOverrides(BodyWeightKg: 450), Ct);
        await store.SetOverridesAsync(farm, other, new GroupInputOverrides(BodyWeightKg: 460, DaysPregnant: 30), Ct);
        Assert.Equal(new GroupInputOverrides(BodyWeightKg: 460, DaysPregnant: 30), await store.GetOverridesAsync(farm, other, Ct));
    }

    [Fact]
    public async Task Removing_a_group_unassigns_its_animals_of_every_status_and_records_append_without_touching_the_animal()
    {
        var store = Store<IAnimalStore>();
        var (farm, pen, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var sold = Animal(farm, "002000000066", group: pen) with { Status = AnimalStatus.Sold, StatusDate = new DateOnly(2026, 1, 1), StatusReason = "sold" };
        var (cow, elsewhere) = (Animal(farm, "002000000077", group: pen), Animal(farm, "002000000088", group: other));
        Assert.Equal(AnimalWriteOutcome.Ok, await store.AddAsync([sold, cow, elsewhere], [], Ct));

        Assert.Equal(2, await store.UnassignGroupAsync(farm, pen, Ct));
        Assert.Equal(0, await store.UnassignGroupAsync(Guid.NewGuid(), other, Ct));
        Assert.Null((await store.GetAsync(farm, cow.Id, Ct))!.GroupId);
        Assert.Null((await store.GetAsync(farm, sold.Id, Ct))!.GroupId);
        Assert.Equal(other, (await store.GetAsync(farm, elsewhere.Id, Ct))!.GroupId);

        var weighing = Entry(elsewhere, new Weighing(new DateOnly(2026, 5, 1), 455, null));
        await store.AddRecordAsync(weighing, Ct);
        Assert.Equal([weighing.Record], (await store.RecordsAsync(farm, elsewhere.Id, Ct)).Select(r => r.Record));
        Assert.Equal(elsewhere, await store.GetAsync(farm, elsewhere.Id, Ct));
        Assert.Empty(await store.RecordsAsync(Guid.NewGuid(), elsewhere.Id, Ct));
        Assert.Equal([elsewhere.Id], (await store.ActiveWithRecordsAsync(farm, null, Ct)).Select(h => h.Animal.Id).Where(id => id != cow.Id));
    }
}

public sealed class InMemoryAnimalStoreTests : AnimalStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresAnimalStoreTests(PostgresServer postgres) : AnimalStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
