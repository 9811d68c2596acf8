using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Identity;

/// <summary>Accounts: one per address (case-insensitive), security stamps renewed by the changes that must end old
/// tokens, deletion taking memberships and refresh tokens with it, external sign-ins never taking over an address.</summary>
public abstract class UserStoreContract : StoreContract
{
    internal static UserAccount NewUser(string? email = null) =>
        new(Guid.CreateVersion7(), email ?? $"u{Guid.NewGuid():N}@example.org", "Kim Minji", "hash", [], null, Guid.NewGuid(), "ko",
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_address_is_taken_once_whatever_its_case()
    {
        var users = Store<IUserStore>();
        var user = NewUser("Minji.Kim@Example.org");
        Assert.True(await users.TryCreateAsync(user, Ct));
        Assert.False(await users.TryCreateAsync(NewUser("minji.kim@example.ORG"), Ct));
        Assert.Equal(user, await users.FindByEmailAsync("MINJI.KIM@example.org", Ct));
        Assert.Equal(user, await users.FindByIdAsync(user.Id, Ct));
    }

    [Fact]
    public async Task A_second_account_with_a_taken_id_is_refused_and_changes_nothing()
    {
        var users = Store<IUserStore>();
        var user = NewUser();
        Assert.True(await users.TryCreateAsync(user, Ct));
        Assert.False(await users.TryCreateAsync(NewUser() with { Id = user.Id }, Ct));
        Assert.Equal(user, await users.FindByIdAsync(user.Id, Ct));
    }

    [Fact]
    public async Task Unknown_accounts_are_not_found()
    {
        var users = Store<IUserStore>();
        Assert.Null(await users.FindByIdAsync(Guid.NewGuid(), Ct));
        Assert.Null(await users.FindByEmailAsync("nobody@example.org", Ct));
        Assert.False(await users.DeleteAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Locking_roles_and_stamp_renewal_give_a_new_security_stamp_and_a_password_takes_the_given_one()
    {
        var users = Store<IUserStore>();
        var user = NewUser();
        await users.TryCreateAsync(user, Ct);
        var lockedUntil = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        await users.SetLockedUntilAsync(user.Id, lockedUntil, Ct);
        var locked = (await users.FindByIdAsync(user.Id, Ct))!;
        Assert.Equal(lockedUntil, locked.LockedUntil);
        Assert.NotEqual(user.SecurityStamp, locked.SecurityStamp);

        await users.SetGlobalRolesAsync(user.Id, ["admin"], Ct);
        var admin = (await users.FindByIdAsync(user.Id, Ct))!;
        Assert.Equal(["admin"], admin.GlobalRoles);
        Assert.NotEqual(locked.SecurityStamp, admin.SecurityStamp);

        await users.RenewSecurityStampAsync(user.Id, Ct);
        var renewed = (await users.FindByIdAsync(user.Id, Ct))!;
        Assert.NotEqual(admin.SecurityStamp, renewed.SecurityStamp);

        var stamp = Guid.NewGuid();
        await users.SetPasswordAsync(user.Id, "new-hash", stamp, Ct);
        await users.SetPreferredLanguageAsync(user.Id, "en", Ct);
        var changed = (await users.FindByIdAsync(user.Id, Ct))!;
        Assert.Equal(("new-hash", stamp, "en"), (changed.PasswordHash, changed.SecurityStamp, changed.PreferredLanguage));

        await users.SetLockedUntilAsync(user.Id, null, Ct);
        Assert.Null((await users.FindByIdAsync(user.Id, Ct))!.LockedUntil);
    }

    [Fact]
    public async Task Deleting_an_account_takes_its_memberships_and_refresh_tokens_with_it()
    {
        var (users, members, tokens) = (Store<IUserStore>(), Store<IFarmMembershipStore>(), Store<IRefreshTokenStore>());
        var user = NewUser();
        var farm = Guid.NewGuid();
        await users.TryCreateAsync(user, Ct);
        await members.UpsertAsync(farm, user.Id, FarmRole.Owner, "admin", Ct);
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var hash = Guid.NewGuid().ToByteArray();
        await tokens.AddAsync(new RefreshToken(Guid.NewGuid(), Guid.NewGuid(), user.Id, hash, now, now.AddDays(14), null, null), Ct);

        Assert.True(await users.DeleteAsync(user.Id, Ct));

        Assert.Null(await users.FindByIdAsync(user.Id, Ct));
        Assert.Null(await members.GetRoleAsync(farm, user.Id, Ct));
        Assert.Empty(await members.ListForUserAsync(user.Id, Ct));
        Assert.Empty(await members.ListForFarmAsync(farm, Ct));
        Assert.Equal(RedeemStatus.Unknown, (await tokens.RedeemAsync(hash, now.AddMinutes(1), Ct)).Status);
    }

    [Fact]
    public async Task An_external_sign_in_finds_its_account_again_and_never_takes_over_a_local_address()
    {
        var users = Store<IUserStore>();
        var local = NewUser("taken@example.org");
        await users.TryCreateAsync(local, Ct);

        var first = await users.FindOrCreateExternalAsync("https://login.example.org/", "sub-1", "fresh@example.org", "Lee", Ct);
        var again = await users.FindOrCreateExternalAsync("https://login.example.org/", "sub-1", "other@example.org", "Lee", Ct);
        var intruder = await users.FindOrCreateExternalAsync("https://login.example.org/", "sub-2", "TAKEN@example.org", "Park", Ct);

        Assert.Equal("fresh@example.org", first.Email);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(local.Id, intruder.Id);
        Assert.Equal(ExternalAccounts.LocalEmail("https://login.example.org/", "sub-2"), intruder.Email);
        Assert.Equal(local, await users.FindByEmailAsync("taken@example.org", Ct));
    }

    [Fact]
    public async Task An_address_given_by_an_external_issuer_counts_as_verified()
    {
        var (users, tokens) = (Store<IUserStore>(), Store<IAccountTokenStore>());
        var user = await users.FindOrCreateExternalAsync("https://login.example.org/", "sub-3", "verified@example.org", "Choi", Ct);
        Assert.NotNull(await tokens.EmailVerifiedAtAsync(user.Id, Ct));
    }
}

public sealed class InMemoryUserStoreTests : UserStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresUserStoreTests(PostgresServer postgres) : UserStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
