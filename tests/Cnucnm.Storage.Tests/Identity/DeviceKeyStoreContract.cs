using Cnucnm.Storage.Identity;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Identity;

/// <summary>Device keys: found by their unique prefix, revoked once and only by their own farm, listed oldest first.</summary>
public abstract class DeviceKeyStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static DeviceKey Key(Guid farm, string? prefix = null, int minutes = 0) =>
        new(Guid.NewGuid(), farm, "bunk scale 1", prefix ?? $"ck_{Guid.NewGuid():N}"[..11], [1, 2, 3], "owner", Now.AddMinutes(minutes), null, null);

    [Fact]
    public async Task A_key_is_found_by_its_prefix_and_a_taken_prefix_is_refused()
    {
        var keys = Store<IDeviceKeyStore>();
        var key = Key(Guid.NewGuid());
        await keys.AddAsync(key, Ct);
        Assert.Equivalent(key, await keys.FindByPrefixAsync(key.Prefix, Ct), strict: true);
        Assert.Null(await keys.FindByPrefixAsync("ck_unknown", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => keys.AddAsync(Key(Guid.NewGuid(), key.Prefix), Ct));
        Assert.Equivalent(key, await keys.FindByPrefixAsync(key.Prefix, Ct), strict: true);
    }

    [Fact]
    public async Task A_key_is_revoked_once_and_only_by_its_own_farm()
    {
        var keys = Store<IDeviceKeyStore>();
        var farm = Guid.NewGuid();
        var key = Key(farm);
        await keys.AddAsync(key, Ct);
        Assert.False(await keys.RevokeAsync(Guid.NewGuid(), key.Id, Now, Ct));
        Assert.Null((await keys.FindByPrefixAsync(key.Prefix, Ct))!.RevokedAt);
        Assert.True(await keys.RevokeAsync(farm, key.Id, Now.AddMinutes(1), Ct));
        Assert.False(await keys.RevokeAsync(farm, key.Id, Now.AddMinutes(2), Ct));
        Assert.False(await keys.RevokeAsync(farm, Guid.NewGuid(), Now, Ct));
        Assert.Equal(Now.AddMinutes(1), (await keys.FindByPrefixAsync(key.Prefix, Ct))!.RevokedAt);
    }

    [Fact]
    public async Task Keys_list_oldest_first_per_farm_with_their_last_use()
    {
        var keys = Store<IDeviceKeyStore>();
        var farm = Guid.NewGuid();
        var (late, early) = (Key(farm, minutes: 5), Key(farm, minutes: 1));
        await keys.AddAsync(late, Ct);
        await keys.AddAsync(early, Ct);
        await keys.AddAsync(Key(Guid.NewGuid()), Ct);
        await keys.TouchAsync(late.Id, Now.AddHours(1), Ct);
        await keys.TouchAsync(Guid.NewGuid(), Now, Ct);

        // Records holding a byte[] compare member by member.
        Assert.Equivalent(new[] { early, late with { LastUsedAt = Now.AddHours(1) } }, await keys.ListAsync(farm, Ct), strict: true);
        Assert.Equal([early.Id, late.Id], (await keys.ListAsync(farm, Ct)).Select(k => k.Id));
        Assert.Empty(await keys.ListAsync(Guid.NewGuid(), Ct));
    }
}

public sealed class InMemoryDeviceKeyStoreTests : DeviceKeyStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresDeviceKeyStoreTests(PostgresServer postgres) : DeviceKeyStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
