using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cnucnm.Api.Security;

public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, TokenPair? Tokens, DateTimeOffset? LockedUntil = null);

/// <summary>Accounts: registration, password sign-in with lock-out, refresh rotation, logout, password change.</summary>
public sealed class AccountService(
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    IPasswordHasher<UserAccount> hasher,
    TokenService tokens,
    IOptions<AuthOptions> options,
    TimeProvider clock)
{
    public const int MinimumPasswordLength = 10;

    // Hash of a random password: verifying against it when the e-mail is unknown costs the same time
    // as a real check, so response times do not reveal which addresses have accounts.
    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(null!, Guid.NewGuid().ToString());

    public async Task<UserAccount?> RegisterAsync(string email, string displayName, string password, string language, CancellationToken cancellationToken)
    {
        var user = new UserAccount(Guid.CreateVersion7(), email.Trim(), displayName.Trim(), null, [], 0, null, Guid.NewGuid(), language, clock.GetUtcNow());
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        return await users.TryCreateAsync(user, cancellationToken) ? user : null;
    }

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim(), cancellationToken);
        if (user?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash, password);
            return new SignInResult(SignInOutcome.InvalidCredentials, null);
        }

        var check = await CheckPasswordAsync(user, password, cancellationToken);
        return check.Outcome == SignInOutcome.Succeeded
            ? new SignInResult(SignInOutcome.Succeeded, await tokens.IssueAsync(user, null, cancellationToken))
            : check;
    }

    /// <summary>
    /// The password check behind sign-in and password change, with one lock-out: a locked account is refused
    /// without a check, a wrong password counts towards the lock, a right one clears the count.
    /// </summary>
    private async Task<SignInResult> CheckPasswordAsync(UserAccount user, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, lockedUntil);
        }

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash!, password);
        if (verification == PasswordVerificationResult.Failed)
        {
            var lockUntil = now.AddMinutes(options.Value.LockoutMinutes);
            await users.RecordFailedSignInAsync(user.Id, options.Value.MaxFailedSignIns, lockUntil, cancellationToken);
            return user.FailedSignIns + 1 >= options.Value.MaxFailedSignIns
                ? new SignInResult(SignInOutcome.LockedOut, null, lockUntil)
                : new SignInResult(SignInOutcome.InvalidCredentials, null);
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordAsync(user.Id, hasher.HashPassword(user, password), user.SecurityStamp, cancellationToken);
        }

        if (user.FailedSignIns > 0 || user.LockedUntil is not null)
        {
            await users.ResetFailedSignInsAsync(user.Id, cancellationToken);
        }

        return new SignInResult(SignInOutcome.Succeeded, null);
    }

    /// <summary>Exchanges a refresh token for a new pair; a reused token revokes its whole family.</summary>
    public async Task<(RedeemStatus Status, TokenPair? Tokens)> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var redeemed = await refreshTokens.RedeemAsync(TokenService.Hash(refreshToken), clock.GetUtcNow(), cancellationToken);
        if (redeemed.Status != RedeemStatus.Redeemed)
        {
            return (redeemed.Status, null);
        }

        var user = await users.FindByIdAsync(redeemed.Token!.UserId, cancellationToken);
        if (user is null)
        {
            return (RedeemStatus.Revoked, null);
        }

        return (RedeemStatus.Redeemed, await tokens.IssueAsync(user, redeemed.Token.FamilyId, cancellationToken));
    }

    public Task<bool> LogoutAsync(Guid userId, string refreshToken, CancellationToken cancellationToken) =>
        refreshTokens.RevokeByHashAsync(TokenService.Hash(refreshToken), userId, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Sets a new password when the current one is right (Succeeded, no tokens); wrong current passwords count
    /// towards the same lock-out as sign-ins. Success revokes every refresh token of the user.
    /// </summary>
    public async Task<SignInResult> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user?.PasswordHash is null)
        {
            return new SignInResult(SignInOutcome.InvalidCredentials, null);
        }

        var check = await CheckPasswordAsync(user, currentPassword, cancellationToken);
        if (check.Outcome != SignInOutcome.Succeeded)
        {
            return check;
        }

        await users.SetPasswordAsync(userId, hasher.HashPassword(user, newPassword), Guid.NewGuid(), cancellationToken);
        await refreshTokens.RevokeAllForUserAsync(userId, clock.GetUtcNow(), cancellationToken);
        return check;
    }

    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < MinimumPasswordLength ? $"must be at least {MinimumPasswordLength} characters."
        : password.Length > 256 ? "must be at most 256 characters."
        : null;
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
