using Cnucnm.Storage.Identity;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Identity;

/// <summary>E-mailed account tokens: each used once, for its purpose, until it expires; a newer token of the same
/// purpose supersedes the older; an address counts as verified only while the account has it.</summary>
public abstract class AccountTokenStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static byte[] Hash() => Guid.NewGuid().ToByteArray();

    private async Task<UserAccount> UserAsync(string? email = null)
    {
        var user = UserStoreContract.NewUser(email);
        await Store<IUserStore>().TryCreateAsync(user, Ct);
        return user;
    }

    [Fact]
    public async Task A_token_is_redeemed_once_for_its_purpose_before_it_expires_and_a_newer_one_supersedes_it()
    {
        var tokens = Store<IAccountTokenStore>();
        var user = await UserAsync();
        var (old, current, other, expiring) = (Hash(), Hash(), Hash(), Hash());
        await tokens.IssueAsync(old, user.Id, AccountTokenPurpose.PasswordReset, user.Email, Now, Now.AddHours(1), Ct);
        await tokens.IssueAsync(current, user.Id, AccountTokenPurpose.PasswordReset, user.Email, Now, Now.AddHours(1), Ct);
        await tokens.IssueAsync(other, user.Id, AccountTokenPurpose.EmailVerification, user.Email, Now, Now.AddHours(1), Ct);

        Assert.Null(await tokens.RedeemAsync(old, AccountTokenPurpose.PasswordReset, Now, Ct));
        Assert.Null(await tokens.RedeemAsync(current, AccountTokenPurpose.EmailVerification, Now, Ct));
        Assert.Equal(new RedeemedAccountToken(user.Id, user.Email), await tokens.RedeemAsync(current, AccountTokenPurpose.PasswordReset, Now, Ct));
        Assert.Null(await tokens.RedeemAsync(current, AccountTokenPurpose.PasswordReset, Now, Ct));
        Assert.NotNull(await tokens.RedeemAsync(other, AccountTokenPurpose.EmailVerification, Now, Ct));

        await tokens.IssueAsync(expiring, user.Id, AccountTokenPurpose.PasswordReset, user.Email, Now, Now.AddHours(1), Ct);
        Assert.Null(await tokens.RedeemAsync(expiring, AccountTokenPurpose.PasswordReset, Now.AddHours(1), Ct));
        Assert.Null(await tokens.RedeemAsync(Hash(), AccountTokenPurpose.PasswordReset, Now, Ct));
    }

    [Fact]
    public async Task An_address_is_verified_only_while_the_account_still_has_it()
    {
        var tokens = Store<IAccountTokenStore>();
        var user = await UserAsync("Verify.Me@example.org");
        Assert.Null(await tokens.EmailVerifiedAtAsync(user.Id, Ct));

        await tokens.MarkEmailVerifiedAsync(user.Id, "old.address@example.org", Now, Ct);
        Assert.Null(await tokens.EmailVerifiedAtAsync(user.Id, Ct));
        await tokens.MarkEmailVerifiedAsync(user.Id, "verify.me@EXAMPLE.org", Now, Ct);
        Assert.Equal(Now, await tokens.EmailVerifiedAtAsync(user.Id, Ct));
        await tokens.MarkEmailVerifiedAsync(Guid.NewGuid(), "verify.me@example.org", Now, Ct);
        Assert.Null(await tokens.EmailVerifiedAtAsync(Guid.NewGuid(), Ct));
    }
}

public sealed class InMemoryAccountTokenStoreTests : AccountTokenStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresAccountTokenStoreTests(PostgresServer postgres) : AccountTokenStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}

/// <summary>Registrations waiting for their e-mailed link: confirmed once, before they expire.</summary>
public abstract class PendingRegistrationStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static byte[] Hash() => Guid.NewGuid().ToByteArray();

    [Fact]
    public async Task A_pending_registration_is_confirmed_once_before_it_expires()
    {
        var registrations = Store<IPendingRegistrationStore>();
        var (hash, expiring) = (Hash(), Hash());
        var registration = new PendingRegistration("new@example.org", "Han", "hash", "ko");
        await registrations.AddAsync(hash, registration, Now, Now.AddDays(1), Ct);
        await registrations.AddAsync(expiring, registration, Now, Now.AddMinutes(30), Ct);

        Assert.Equal(registration, await registrations.RedeemAsync(hash, Now.AddMinutes(5), Ct));
        Assert.Null(await registrations.RedeemAsync(hash, Now.AddMinutes(6), Ct));
        Assert.Null(await registrations.RedeemAsync(expiring, Now.AddMinutes(30), Ct));
        Assert.Null(await registrations.RedeemAsync(Hash(), Now, Ct));
    }
}

public sealed class InMemoryPendingRegistrationStoreTests : PendingRegistrationStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresPendingRegistrationStoreTests(PostgresServer postgres) : PendingRegistrationStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}

/// <summary>Farm invitations: pending until accepted, revoked (by their own farm) or expired; found by token or id.</summary>
public abstract class FarmInvitationStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static byte[] Hash() => Guid.NewGuid().ToByteArray();

    [Fact]
    public async Task An_invitation_is_pending_until_accepted_revoked_or_expired()
    {
        var invitations = Store<IFarmInvitationStore>();
        var farm = Guid.NewGuid();
        FarmInvitation Invitation(string email, int minutes, int hours = 24) =>
            new(Guid.NewGuid(), farm, "Hanwoo farm", email, Contracts.Security.FarmRole.Nutritionist, "owner", Now.AddMinutes(minutes), Now.AddHours(hours));
        var (accepted, revoked, expired, open) = (Invitation("a@example.org", 1), Invitation("b@example.org", 2), Invitation("C@Example.org", 3, hours: 1),
            Invitation("c@example.org", 4));
        var hashes = new[] { Hash(), Hash(), Hash(), Hash() };
        foreach (var (invitation, hash) in new[] { open, expired, revoked, accepted }.Zip(hashes))
        {
            await invitations.AddAsync(invitation, hash, Ct);
        }

        Assert.Equal([accepted, revoked, expired, open], await invitations.ListPendingForFarmAsync(farm, Now, Ct));
        Assert.Equal(accepted, await invitations.FindPendingByTokenAsync(hashes[3], Now, Ct));

        Assert.True(await invitations.AcceptAsync(accepted.Id, Now, Ct));
        Assert.False(await invitations.AcceptAsync(accepted.Id, Now, Ct));
        Assert.False(await invitations.RevokeAsync(Guid.NewGuid(), revoked.Id, Now, Ct));
        Assert.True(await invitations.RevokeAsync(farm, revoked.Id, Now, Ct));
        Assert.False(await invitations.AcceptAsync(revoked.Id, Now, Ct));
        Assert.False(await invitations.AcceptAsync(expired.Id, Now.AddHours(1), Ct));

        var later = Now.AddHours(2);
        Assert.Equal([open], await invitations.ListPendingForFarmAsync(farm, later, Ct));
        Assert.Equal([open], await invitations.ListPendingForEmailAsync("C@EXAMPLE.ORG", later, Ct));
        Assert.Equal([expired, open], await invitations.ListPendingForEmailAsync("c@example.org", Now, Ct));
        Assert.Null(await invitations.FindPendingAsync(accepted.Id, Now, Ct));
        Assert.Null(await invitations.FindPendingByTokenAsync(hashes[3], Now, Ct));
        Assert.Equal(open, await invitations.FindPendingAsync(open.Id, later, Ct));
    }
}

public sealed class InMemoryFarmInvitationStoreTests : FarmInvitationStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresFarmInvitationStoreTests(PostgresServer postgres) : FarmInvitationStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
