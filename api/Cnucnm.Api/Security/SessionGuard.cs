using System.Collections.Concurrent;
using Cnucnm.Storage.Identity;
using Microsoft.Extensions.Options;

namespace Cnucnm.Api.Security;

/// <summary>
/// Ends access tokens before they expire. Every access token carries the account's security stamp
/// (<see cref="CnucnmClaims.SecurityStamp"/>); a role change, password change or reset, sign-out, refresh-token
/// reuse, lock-out or deletion renews (or removes) the stamp, and a token whose stamp is no longer the account's
/// is refused on its next request. Each API process caches an account's stamp for
/// <see cref="AuthOptions.SessionCheckSeconds"/>; the process that made the change forgets it at once, every other
/// process within that time, which is therefore the longest an ended session still works anywhere.
/// </summary>
public sealed class SessionGuard(IUserStore users, IRefreshTokenStore refreshTokens, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, CachedStamp> _stamps = new();

    private sealed record CachedStamp(Guid? Stamp, DateTimeOffset FetchedAt);

    /// <summary>The longest time after a change during which an old access token still works on some process.</summary>
    public TimeSpan MaximumDelay => TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);

    /// <summary>True when the account exists, is not locked and still has the stamp the token was issued with.</summary>
    public async ValueTask<bool> IsCurrentAsync(Guid userId, string? stamp, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(stamp, "N", out var tokenStamp))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (!_stamps.TryGetValue(userId, out var cached) || now - cached.FetchedAt >= MaximumDelay)
        {
            var user = await users.FindByIdAsync(userId, cancellationToken);
            var current = user is null || user.LockedUntil > now ? (Guid?)null : user.SecurityStamp;
            // A locked account is refused until the lock's end, but never cached past it.
            cached = new CachedStamp(current, now);
            _stamps[userId] = cached;
        }

        return cached.Stamp == tokenStamp;
    }

    /// <summary>Ends every access token of the account issued so far (its refresh tokens stay as they are).</summary>
    public async Task EndAccessTokensAsync(Guid userId, CancellationToken cancellationToken)
    {
        await users.RenewSecurityStampAsync(userId, cancellationToken);
        Forget(userId);
    }

    /// <summary>Ends every session of the account: its access tokens and its refresh tokens.</summary>
    public async Task EndAllSessionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeAllForUserAsync(userId, clock.GetUtcNow(), cancellationToken);
        await EndAccessTokensAsync(userId, cancellationToken);
    }

    /// <summary>After a change of the account made by this process: the next request reads the stamp again.</summary>
    public void Forget(Guid userId) => _stamps.TryRemove(userId, out _);
}
