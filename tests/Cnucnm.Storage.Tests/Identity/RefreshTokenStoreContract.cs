using Cnucnm.Storage.Identity;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Identity;

/// <summary>Refresh tokens: used once; a reuse revokes the whole family; revocation by family, by user and by hash.</summary>
public abstract class RefreshTokenStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private async Task<Guid> UserAsync()
    {
        var user = UserStoreContract.NewUser();
        await Store<IUserStore>().TryCreateAsync(user, Ct);
        return user.Id;
    }

    private static RefreshToken Token(Guid userId, Guid family, DateTimeOffset? expiresAt = null) =>
        new(Guid.NewGuid(), family, userId, Guid.NewGuid().ToByteArray(), Now, expiresAt ?? Now.AddDays(14), null, null);

    [Fact]
    public async Task A_token_is_redeemed_once_and_its_reuse_revokes_the_family()
    {
        var tokens = Store<IRefreshTokenStore>();
        var (user, family) = (await UserAsync(), Guid.NewGuid());
        var (first, second) = (Token(user, family), Token(user, family));
        await tokens.AddAsync(first, Ct);
        await tokens.AddAsync(second, Ct);

        var redeemed = await tokens.RedeemAsync(first.TokenHash, Now.AddMinutes(1), Ct);
        Assert.Equal(RedeemStatus.Redeemed, redeemed.Status);
        Assert.Equal(first with { UsedAt = Now.AddMinutes(1) }, redeemed.Token! with { TokenHash = first.TokenHash });

        Assert.Equal(RedeemStatus.Reused, (await tokens.RedeemAsync(first.TokenHash, Now.AddMinutes(2), Ct)).Status);
        var sibling = await tokens.RedeemAsync(second.TokenHash, Now.AddMinutes(3), Ct);
        Assert.Equal(RedeemStatus.Revoked, sibling.Status);
        Assert.Equal(Now.AddMinutes(2), sibling.Token!.RevokedAt);
    }

    [Fact]
    public async Task Unknown_and_expired_tokens_are_told_apart()
    {
        var tokens = Store<IRefreshTokenStore>();
        var expiring = Token(await UserAsync(), Guid.NewGuid(), expiresAt: Now.AddHours(1));
        await tokens.AddAsync(expiring, Ct);
        Assert.Equal(RedeemStatus.Unknown, (await tokens.RedeemAsync(Guid.NewGuid().ToByteArray(), Now, Ct)).Status);
        Assert.Equal(RedeemStatus.Expired, (await tokens.RedeemAsync(expiring.TokenHash, Now.AddHours(1), Ct)).Status);
    }

    [Fact]
    public async Task Revoking_by_family_by_user_and_by_hash_touches_only_what_it_names()
    {
        var tokens = Store<IRefreshTokenStore>();
        var (user, other) = (await UserAsync(), await UserAsync());
        var (familyA, familyB) = (Guid.NewGuid(), Guid.NewGuid());
        var a = Token(user, familyA);
        var b = Token(user, familyB);
        var c = Token(other, Guid.NewGuid());
        foreach (var token in new[] { a, b, c })
        {
            await tokens.AddAsync(token, Ct);
        }

        // A hash is revoked only for the account it belongs to.
        Assert.False(await tokens.RevokeByHashAsync(c.TokenHash, user, Now, Ct));
        Assert.False(await tokens.RevokeByHashAsync(Guid.NewGuid().ToByteArray(), user, Now, Ct));
        await tokens.RevokeFamilyAsync(familyA, Now, Ct);
        Assert.Equal(RedeemStatus.Revoked, (await tokens.RedeemAsync(a.TokenHash, Now, Ct)).Status);
        Assert.Equal(RedeemStatus.Redeemed, (await tokens.RedeemAsync(b.TokenHash, Now, Ct)).Status);

        var d = Token(user, familyB);
        await tokens.AddAsync(d, Ct);
        Assert.True(await tokens.RevokeByHashAsync(b.TokenHash, user, Now, Ct));
        Assert.Equal(RedeemStatus.Revoked, (await tokens.RedeemAsync(d.TokenHash, Now, Ct)).Status);

        var e = Token(other, Guid.NewGuid());
        await tokens.AddAsync(e, Ct);
        await tokens.RevokeAllForUserAsync(other, Now, Ct);
        Assert.Equal(RedeemStatus.Revoked, (await tokens.RedeemAsync(c.TokenHash, Now, Ct)).Status);
        Assert.Equal(RedeemStatus.Revoked, (await tokens.RedeemAsync(e.TokenHash, Now, Ct)).Status);
    }
}

public sealed class InMemoryRefreshTokenStoreTests : RefreshTokenStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresRefreshTokenStoreTests(PostgresServer postgres) : RefreshTokenStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
