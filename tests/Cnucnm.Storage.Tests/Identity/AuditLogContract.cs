using Cnucnm.Storage.Identity;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Identity;

/// <summary>The audit log: a farm's entries newest first, paged by time.</summary>
public abstract class AuditLogContract : StoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Entries_list_newest_first_per_farm_and_page_by_time()
    {
        var log = Store<IAuditLog>();
        var farm = Guid.NewGuid();
        var entries = Enumerable.Range(0, 5).Select(i => new AuditEntry(Start.AddMinutes(i), "user", "u1", farm, "ration.apply", $"ration/{i}", 200,
            i == 0 ? null : "10.0.0.1", i == 0 ? null : "curl", i == 0 ? null : "trace")).ToList();
        foreach (var entry in entries.OrderBy(_ => Guid.NewGuid()))
        {
            await log.WriteAsync(entry, Ct);
        }

        await log.WriteAsync(entries[0] with { FarmId = Guid.NewGuid() }, Ct);
        await log.WriteAsync(entries[0] with { FarmId = null }, Ct);

        Assert.Equal([entries[4], entries[3], entries[2]], await log.ListForFarmAsync(farm, 3, null, Ct));
        Assert.Equal([entries[1], entries[0]], await log.ListForFarmAsync(farm, 3, entries[2].At, Ct));
        Assert.Empty(await log.ListForFarmAsync(Guid.NewGuid(), 3, null, Ct));
    }
}

public sealed class InMemoryAuditLogTests : AuditLogContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresAuditLogTests(PostgresServer postgres) : AuditLogContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
