using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Identity;
using Cnucnm.Contracts.Security;
using Microsoft.Extensions.Options;

namespace Cnucnm.Api.Security;

public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,

    /// <summary>Too many wrong passwords from this source (for this account name, or for many): retry after the wait.</summary>
    Throttled,

    /// <summary>The right password for an account an administrator has locked.</summary>
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, TokenPair? Tokens, TimeSpan? RetryAfter = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Accounts: registration, password sign-in, refresh rotation, logout, password change. Wrong passwords slow down
/// the source that sent them (per account name and, for spraying, as a whole; see <see cref="ISignInThrottleGrain"/>),
/// never the account itself: its owner signs in from anywhere else as usual.
/// </summary>
public sealed class AccountService(
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    IPasswordHasher<UserAccount> hasher,
    TokenService tokens,
    SessionGuard sessions,
    IGrainFactory grains,
    TimeProvider clock)
{
    // Hash of a random password: verifying against it when the e-mail is unknown costs the same time
    // as a real check, so response times do not reveal which addresses have accounts.
    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(null!, Guid.NewGuid().ToString());

    public async Task<UserAccount?> RegisterAsync(string email, string displayName, string password, string language, CancellationToken cancellationToken)
    {
        var user = new UserAccount(Guid.CreateVersion7(), email.Trim(), displayName.Trim(), null, [], null, Guid.NewGuid(), language, clock.GetUtcNow());
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        return await users.TryCreateAsync(user, cancellationToken) ? user : null;
    }

    /// <summary>The same steps, calls and hash work whether or not the address has an account.</summary>
    public async Task<SignInResult> SignInAsync(string email, string password, string source, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim(), cancellationToken);
        var check = await CheckPasswordAsync(email, user, password, source, cancellationToken);
        return check.Outcome == SignInOutcome.Succeeded
            ? new SignInResult(SignInOutcome.Succeeded, await tokens.IssueAsync(user!, null, cancellationToken))
            : check;
    }

    /// <summary>
    /// The password check behind sign-in and password change. A source that must wait is refused without a check;
    /// a wrong password counts against the source; the right one clears the source's count, and is refused only
    /// when an administrator has locked the account (which only the password's holder learns).
    /// </summary>
    private async Task<SignInResult> CheckPasswordAsync(string email, UserAccount? user, string password, string source, CancellationToken cancellationToken)
    {
        var throttle = grains.SignInThrottle(email);
        var sourceGrain = grains.SignInSource(source);
        var wait = Max(await throttle.WaitBeforeAsync(source, cancellationToken), await sourceGrain.WaitBeforeAsync(cancellationToken));
        if (wait > TimeSpan.Zero)
        {
            return new SignInResult(SignInOutcome.Throttled, null, wait);
        }

        var verification = user?.PasswordHash is { } hash
            ? hasher.VerifyHashedPassword(user, hash, password)
            : Failed(hasher.VerifyHashedPassword(null!, DummyHash, password));
        if (verification == PasswordVerificationResult.Failed)
        {
            // Counted whatever the client does next: a request aborted after a wrong password must not escape the count.
            await throttle.FailedAsync(source, CancellationToken.None);
            await sourceGrain.FailedAsync(SignInKeys.Account(email), CancellationToken.None);
            return new SignInResult(SignInOutcome.InvalidCredentials, null);
        }

        await throttle.SucceededAsync(source, CancellationToken.None);
        if (user!.LockedUntil is { } lockedUntil && lockedUntil > clock.GetUtcNow())
        {
            return new SignInResult(SignInOutcome.LockedOut, null, LockedUntil: lockedUntil);
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordAsync(user.Id, hasher.HashPassword(user, password), user.SecurityStamp, cancellationToken);
        }

        return new SignInResult(SignInOutcome.Succeeded, null);

        static PasswordVerificationResult Failed(PasswordVerificationResult _) => PasswordVerificationResult.Failed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Exchanges a refresh token for a new pair; a reused token revokes its whole family and ends the
    /// account's access tokens (the thief's among them).</summary>
    public async Task<(RedeemStatus Status, TokenPair? Tokens)> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var redeemed = await refreshTokens.RedeemAsync(TokenService.Hash(refreshToken), clock.GetUtcNow(), cancellationToken);
        if (redeemed.Status == RedeemStatus.Reused)
        {
            await sessions.EndAccessTokensAsync(redeemed.Token!.UserId, cancellationToken);
        }

        if (redeemed.Status != RedeemStatus.Redeemed)
        {
            return (redeemed.Status, null);
        }

        var user = await users.FindByIdAsync(redeemed.Token!.UserId, cancellationToken);
        if (user is null || user.LockedUntil > clock.GetUtcNow())
        {
            return (RedeemStatus.Revoked, null);
        }

        return (RedeemStatus.Redeemed, await tokens.IssueAsync(user, redeemed.Token.FamilyId, cancellationToken));
    }

    /// <summary>Revokes the refresh token's session and ends the account's access tokens: other sessions renew
    /// theirs with their refresh tokens, the signed-out one cannot.</summary>
    public async Task<bool> LogoutAsync(Guid userId, string refreshToken, CancellationToken cancellationToken)
    {
        var revoked = await refreshTokens.RevokeByHashAsync(TokenService.Hash(refreshToken), userId, clock.GetUtcNow(), cancellationToken);
        if (revoked)
        {
            // Only for the account's own refresh token: a made-up one must not sign everybody out.
            await sessions.EndAccessTokensAsync(userId, cancellationToken);
        }

        return revoked;
    }

    /// <summary>
    /// Sets a new password when the current one is right; wrong current passwords count against the source like
    /// sign-ins. Success ends every session of the account and returns a new one for the caller.
    /// </summary>
    public async Task<SignInResult> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, string source, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user?.PasswordHash is null)
        {
            return new SignInResult(SignInOutcome.InvalidCredentials, null);
        }

        var check = await CheckPasswordAsync(user.Email, user, currentPassword, source, cancellationToken);
        if (check.Outcome != SignInOutcome.Succeeded)
        {
            return check;
        }

        await users.SetPasswordAsync(userId, hasher.HashPassword(user, newPassword), Guid.NewGuid(), cancellationToken);
        await sessions.EndAllSessionsAsync(userId, cancellationToken);
        var renewed = await users.FindByIdAsync(userId, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, await tokens.IssueAsync(renewed!, null, cancellationToken));
    }
}

/// <summary>Creates the configured administrator at start if the account does not exist.</summary>
internal sealed partial class BootstrapAdminService(IOptions<AuthOptions> options, IUserStore users, AccountService accounts, ILogger<BootstrapAdminService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BootstrapAdmin is not { Email: { Length: > 0 } email, Password: { Length: > 0 } password } bootstrap)
        {
            return;
        }

        if (await users.FindByEmailAsync(email, cancellationToken) is not null)
        {
            return;
        }

        var user = await accounts.RegisterAsync(email, "Administrator", password, "en", cancellationToken);
        if (user is not null)
        {
            await users.SetGlobalRolesAsync(user.Id, bootstrap.Roles, cancellationToken);
            LogCreated(logger, user.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created bootstrap administrator {UserId}")]
    private static partial void LogCreated(ILogger logger, Guid userId);
}
