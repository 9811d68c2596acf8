using System.Security.Cryptography;
using System.Threading.Channels;
using Cnucnm.Silo.Hosting.Email;
using Cnucnm.Storage.Identity;
using Cnucnm.Contracts.Security;
using Microsoft.AspNetCore.Identity;

namespace Cnucnm.Api.Security;

/// <summary>
/// Registration, password reset, e-mail verification and farm invitations by e-mail. A token is 32 random bytes (base64url) that exists only in the
/// e-mail; PostgreSQL keeps its SHA-256, single-use and expiring. Account e-mails are queued in memory and
/// sent in the background, so a reset request answers in the same time whether or not the address has an
/// account; a lost e-mail (process restart, SMTP down) is requested again by the person.
/// </summary>
public sealed class AccountEmailService(
    IUserStore users,
    IAccountTokenStore tokens,
    IPendingRegistrationStore registrations,
    SessionGuard sessions,
    IPasswordHasher<UserAccount> hasher,
    AccountEmailQueue queue,
    IEmailSender sender,
    EmailOptions email,
    TimeProvider clock)
{
    public static readonly TimeSpan PasswordResetValidity = TimeSpan.FromHours(1);
    public static readonly TimeSpan VerificationValidity = TimeSpan.FromHours(48);
    public static readonly TimeSpan RegistrationValidity = TimeSpan.FromHours(48);
    public static readonly TimeSpan InvitationValidity = TimeSpan.FromDays(7);

    /// <summary>
    /// Registration that reveals nothing (issue #20): the same steps, one password hash, one read, one write and one
    /// queued e-mail, whether or not the address has an account. A new address gets a link that makes the account;
    /// an address with an account gets an e-mail saying someone tried to register with it, with a reset link.
    /// Without an e-mail server nobody could confirm, so the account is made at once (see docs/security.md).
    /// </summary>
    public bool ConfirmsRegistrationByEmail => sender.Configured;

    public async Task RegisterAsync(string address, string displayName, string password, string language, CancellationToken cancellationToken)
    {
        address = address.Trim();
        displayName = displayName.Trim();
        var passwordHash = hasher.HashPassword(null!, password);
        if (sender.Configured)
        {
            // The look-up, the write and the e-mail are the dispatcher's work, as for a password reset: the answer takes the
            // same time for an address with an account and one without (a registered address wrote a reset token, a new one a
            // pending registration, and the two writes differed measurably).
            queue.Enqueue(token => RegistrationEmailAsync(address, displayName, passwordHash, language, token));
            return;
        }

        if (await users.FindByEmailAsync(address, cancellationToken) is null)
        {
            var user = NewAccount(new PendingRegistration(address, displayName, passwordHash, language));
            if (await users.TryCreateAsync(user, cancellationToken))
            {
                await SendVerificationAsync(user, cancellationToken);
            }
        }
    }

    /// <summary>The e-mail a registration calls for: to the owner of an existing account, that someone tried to register
    /// with the address (with a reset link); to a new address, the link that confirms it (the registration kept pending).</summary>
    private async Task<QueuedEmail?> RegistrationEmailAsync(string address, string displayName, string passwordHash, string language,
        CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(address, cancellationToken) is { } existing)
        {
            var reset = await IssueAsync(existing, AccountTokenPurpose.PasswordReset, PasswordResetValidity, cancellationToken);
            return new QueuedEmail(existing.Email, existing.DisplayName,
                EmailTemplates.RegistrationAttempt(existing.PreferredLanguage, existing.DisplayName, Link("reset-password", reset), PasswordResetValidity));
        }

        var token = NewToken();
        var now = clock.GetUtcNow();
        await registrations.AddAsync(TokenService.Hash(token), new PendingRegistration(address, displayName, passwordHash, language), now,
            now + RegistrationValidity, cancellationToken);
        return new QueuedEmail(address, displayName,
            EmailTemplates.RegistrationConfirmation(language, displayName, Link("confirm-registration", token), RegistrationValidity));
    }

    /// <summary>Makes the account of a registration link, with its address confirmed; null when the link is unknown,
    /// used or expired, or the address has an account by now.</summary>
    public async Task<UserAccount?> ConfirmRegistrationAsync(string token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await registrations.RedeemAsync(TokenService.Hash(token), now, cancellationToken) is not { } registration)
        {
            return null;
        }

        var user = NewAccount(registration);
        if (!await users.TryCreateAsync(user, cancellationToken))
        {
            return null;
        }

        await tokens.MarkEmailVerifiedAsync(user.Id, user.Email, now, cancellationToken);
        return user;
    }

    private UserAccount NewAccount(PendingRegistration registration) =>
        new(Guid.CreateVersion7(), registration.Email, registration.DisplayName, registration.PasswordHash, [], null, Guid.NewGuid(),
            registration.PreferredLanguage, clock.GetUtcNow());

    /// <summary>Queues the invitation e-mail; its token is the one whose hash the invitation was stored with.</summary>
    public void SendInvitation(FarmInvitation invitation, string token, string invitedByName, string language) =>
        queue.Enqueue(invitation.Email, invitation.Email,
            EmailTemplates.FarmInvitation(language, invitation.FarmName, invitation.Role.ToWire(), invitedByName, Link("invitation", token), InvitationValidity));

    /// <summary>32 random bytes, base64url: the secret of an e-mailed link.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only queues the request: the look-up, the token's write and the e-mail happen in the background, so the
    /// answer takes the same time whether or not the address has an account (a write only for accounts was measurable).</summary>
    public void RequestPasswordReset(string address) => queue.Enqueue(cancellationToken => PasswordResetEmailAsync(address.Trim(), cancellationToken));

    private async Task<QueuedEmail?> PasswordResetEmailAsync(string address, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(address, cancellationToken);
        if (user?.PasswordHash is null)
        {
            return null; // unknown, or signs in through an external issuer: nothing to reset, and the caller is not told
        }

        var token = await IssueAsync(user, AccountTokenPurpose.PasswordReset, PasswordResetValidity, cancellationToken);
        return new QueuedEmail(user.Email, user.DisplayName,
            EmailTemplates.PasswordReset(user.PreferredLanguage, user.DisplayName, Link("reset-password", token), PasswordResetValidity));
    }

    /// <summary>False when the token is unknown, used, expired or superseded. Success signs out every session.</summary>
    public async Task<bool> ResetPasswordAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var redeemed = await tokens.RedeemAsync(TokenService.Hash(token), AccountTokenPurpose.PasswordReset, now, cancellationToken);
        if (redeemed is null || await users.FindByIdAsync(redeemed.UserId, cancellationToken) is not { } user)
        {
            return false;
        }

        await users.SetPasswordAsync(user.Id, hasher.HashPassword(user, newPassword), Guid.NewGuid(), cancellationToken);
        await sessions.EndAllSessionsAsync(user.Id, cancellationToken);
        // The reset link reached this address, which proves it as well as a verification link would.
        await tokens.MarkEmailVerifiedAsync(user.Id, redeemed.Email, now, cancellationToken);
        return true;
    }

    public async Task SendVerificationAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var token = await IssueAsync(user, AccountTokenPurpose.EmailVerification, VerificationValidity, cancellationToken);
        queue.Enqueue(user.Email, user.DisplayName,
            EmailTemplates.EmailVerification(user.PreferredLanguage, user.DisplayName, Link("verify-email", token), VerificationValidity));
    }

    public async Task<bool> VerifyEmailAsync(string token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var redeemed = await tokens.RedeemAsync(TokenService.Hash(token), AccountTokenPurpose.EmailVerification, now, cancellationToken);
        if (redeemed is null)
        {
            return false;
        }

        await tokens.MarkEmailVerifiedAsync(redeemed.UserId, redeemed.Email, now, cancellationToken);
        return true;
    }

    private async Task<string> IssueAsync(UserAccount user, string purpose, TimeSpan validity, CancellationToken cancellationToken)
    {
        var token = NewToken();
        var now = clock.GetUtcNow();
        await tokens.IssueAsync(TokenService.Hash(token), user.Id, purpose, user.Email, now, now + validity, cancellationToken);
        return token;
    }

    // The token travels in the URL fragment of the web front's page: browsers do not send fragments to servers or in referrers.
    private Uri Link(string page, string token) => new($"{email.PublicBaseUrl.TrimEnd('/')}/#/{page}?token={token}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record QueuedEmail(string To, string Name, EmailContent Content);

/// <summary>Account e-mails waiting to be sent by <see cref="AccountEmailDispatcher"/>: ready ones, or work that
/// produces one (or none) in the background.</summary>
public sealed class AccountEmailQueue
{
    private readonly Channel<Func<CancellationToken, Task<QueuedEmail?>>> _channel =
        Channel.CreateBounded<Func<CancellationToken, Task<QueuedEmail?>>>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(string toAddress, string toName, EmailContent content)
    {
        var email = new QueuedEmail(toAddress, toName, content);
        Enqueue(_ => Task.FromResult<QueuedEmail?>(email));
    }

    private int _pending;

    public void Enqueue(Func<CancellationToken, Task<QueuedEmail?>> work)
    {
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite(work))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    public ChannelReader<Func<CancellationToken, Task<QueuedEmail?>>> Reader => _channel.Reader;

    /// <summary>Work queued or under way (look-ups, writes and sends not finished yet).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>The dispatcher finished one piece of work (sent, dropped or failed).</summary>
    public void Done() => Interlocked.Decrement(ref _pending);
}

/// <summary>Sends queued account e-mails, three attempts each.</summary>
public sealed partial class AccountEmailDispatcher(AccountEmailQueue queue, IEmailSender sender, TimeProvider clock, ILogger<AccountEmailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DispatchAsync(work, stoppingToken);
            }
            finally
            {
                queue.Done();
            }
        }
    }

    private async Task DispatchAsync(Func<CancellationToken, Task<QueuedEmail?>> work, CancellationToken stoppingToken)
    {
        QueuedEmail? email;
        try
        {
            email = await work(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            LogWorkFailed(logger, exception);
            return;
        }

        if (email is not var (to, name, content))
        {
            return;
        }

        if (!sender.Configured)
        {
            LogNotConfigured(logger, content.Subject);
            return;
        }

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await sender.SendAsync(to, name, content, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                LogSendFailed(logger, exception, content.Subject, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preparing an account e-mail failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP server is configured; e-mail \"{Subject}\" was not sent")]
    private static partial void LogNotConfigured(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail \"{Subject}\" failed (attempt {Attempt} of 3)")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string subject, int attempt);
}
