using System.Collections.Concurrent;
using Cnucnm.Contracts.Security;

namespace Cnucnm.Storage.Identity;

// In-memory stores: the embedded profile and unit tests only. State dies with the process. They keep the contract of
// the PostgreSQL stores (tests/Cnucnm.Storage.Tests); where PostgreSQL relies on a foreign key (a deleted account takes
// its memberships and tokens with it) or a column of app_users (email_verified_at), the twins ask InMemoryUserStore.

public sealed class InMemoryUserStore : IUserStore
{
    private readonly ConcurrentDictionary<Guid, UserAccount> _users = new();
    private readonly ConcurrentDictionary<(string Issuer, string Subject), Guid> _external = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _emailVerifiedAt = new();
    private readonly Lock _createLock = new();

    /// <summary>Whether the account exists (PostgreSQL: the row the foreign keys of memberships and tokens point at).</summary>
    internal bool Exists(Guid id) => _users.ContainsKey(id);

    /// <summary>Marks the address verified while the account still has it (PostgreSQL: app_users.email_verified_at).</summary>
    internal void MarkEmailVerified(Guid id, string email, DateTimeOffset at)
    {
        lock (_createLock)
        {
            if (_users.TryGetValue(id, out var user) && string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                _emailVerifiedAt[id] = at;
            }
        }
    }

    internal DateTimeOffset? EmailVerifiedAt(Guid id) => _emailVerifiedAt.TryGetValue(id, out var at) ? at : null;

    public Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(_users.GetValueOrDefault(id));

    public Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult(_users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)));

    public Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        lock (_createLock)
        {
            if (_users.ContainsKey(user.Id) || _users.Values.Any(u => string.Equals(u.Email, user.Email, StringComparison.OrdinalIgnoreCase)))
            {
                return Task.FromResult(false);
            }

            _users[user.Id] = user;
            return Task.FromResult(true);
        }
    }

    public Task SetLockedUntilAsync(Guid id, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        Update(id, u => u with { LockedUntil = until, SecurityStamp = Guid.NewGuid() });
        return Task.CompletedTask;
    }

    public Task RenewSecurityStampAsync(Guid id, CancellationToken cancellationToken)
    {
        Update(id, u => u with { SecurityStamp = Guid.NewGuid() });
        return Task.CompletedTask;
    }

    /// <summary>Memberships, refresh tokens and account tokens of the account stop counting with it, as PostgreSQL's
    /// ON DELETE CASCADE removes them: their twins check <see cref="Exists"/>.</summary>
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_createLock)
        {
            _emailVerifiedAt.TryRemove(id, out _);
            foreach (var login in _external.Where(e => e.Value == id).ToList())
            {
                _external.TryRemove(login.Key, out _);
            }

            return Task.FromResult(_users.TryRemove(id, out _));
        }
    }

    public Task SetPasswordAsync(Guid id, string passwordHash, Guid securityStamp, CancellationToken cancellationToken)
    {
        Update(id, u => u with { PasswordHash = passwordHash, SecurityStamp = securityStamp });
        return Task.CompletedTask;
    }

    public Task SetGlobalRolesAsync(Guid id, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        Update(id, u => u with { GlobalRoles = [.. roles], SecurityStamp = Guid.NewGuid() });
        return Task.CompletedTask;
    }

    public Task SetPreferredLanguageAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        Update(id, u => u with { PreferredLanguage = language });
        return Task.CompletedTask;
    }

    public Task<UserAccount> FindOrCreateExternalAsync(string issuer, string subject, string email, string displayName, CancellationToken cancellationToken)
    {
        lock (_createLock)
        {
            if (_external.TryGetValue((issuer, subject), out var id) && _users.TryGetValue(id, out var known))
            {
                return Task.FromResult(known);
            }

            var adopt = !string.IsNullOrWhiteSpace(email) && !_users.Values.Any(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
            var user = new UserAccount(Guid.CreateVersion7(), adopt ? email : ExternalAccounts.LocalEmail(issuer, subject), displayName, null, [], null,
                Guid.NewGuid(), "en", DateTimeOffset.UtcNow);
            _users[user.Id] = user;
            _external[(issuer, subject)] = user.Id;
            if (adopt)
            {
                // The issuer verified the address it gave (PostgreSQL sets email_verified_at in the same insert).
                _emailVerifiedAt[user.Id] = user.CreatedAt;
            }

            return Task.FromResult(user);
        }
    }

    private void Update(Guid id, Func<UserAccount, UserAccount> change)
    {
        while (_users.TryGetValue(id, out var current) && !_users.TryUpdate(id, change(current), current))
        {
        }
    }
}

public sealed class InMemoryRefreshTokenStore(InMemoryUserStore users) : IRefreshTokenStore
{
    private readonly Dictionary<Guid, RefreshToken> _tokens = [];
    private readonly Lock _lock = new();

    public Task AddAsync(RefreshToken token, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _tokens[token.Id] = token;
        }

        return Task.CompletedTask;
    }

    public Task<RedeemResult> RedeemAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var token = _tokens.Values.FirstOrDefault(t => t.TokenHash.AsSpan().SequenceEqual(tokenHash) && users.Exists(t.UserId));
            if (token is null)
            {
                return Task.FromResult(new RedeemResult(RedeemStatus.Unknown, null));
            }

            if (token.RevokedAt is not null)
            {
                return Task.FromResult(new RedeemResult(RedeemStatus.Revoked, token));
            }

            if (token.UsedAt is not null)
            {
                RevokeFamily(token.FamilyId, now);
                return Task.FromResult(new RedeemResult(RedeemStatus.Reused, token));
            }

            if (token.ExpiresAt <= now)
            {
                return Task.FromResult(new RedeemResult(RedeemStatus.Expired, token));
            }

            var used = token with { UsedAt = now };
            _tokens[token.Id] = used;
            return Task.FromResult(new RedeemResult(RedeemStatus.Redeemed, used));
        }
    }

    public Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            RevokeFamily(familyId, now);
        }

        return Task.CompletedTask;
    }

    public Task RevokeAllForUserAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var token in _tokens.Values.Where(t => t.UserId == userId && t.RevokedAt is null).ToList())
            {
                _tokens[token.Id] = token with { RevokedAt = now };
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> RevokeByHashAsync(byte[] tokenHash, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var token = _tokens.Values.FirstOrDefault(t => t.UserId == userId && users.Exists(userId) && t.TokenHash.AsSpan().SequenceEqual(tokenHash));
            if (token is null)
            {
                return Task.FromResult(false);
            }

            RevokeFamily(token.FamilyId, now);
            return Task.FromResult(true);
        }
    }

    private void RevokeFamily(Guid familyId, DateTimeOffset now)
    {
        foreach (var token in _tokens.Values.Where(t => t.FamilyId == familyId && t.RevokedAt is null).ToList())
        {
            _tokens[token.Id] = token with { RevokedAt = now };
        }
    }
}

public sealed class InMemoryFarmMembershipStore(InMemoryUserStore users) : IFarmMembershipStore
{
    private readonly ConcurrentDictionary<(Guid FarmId, Guid UserId), (FarmRole Role, DateTimeOffset AddedAt, string AddedBy)> _members = new();

    public Task<FarmRole?> GetRoleAsync(Guid farmId, Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult(users.Exists(userId) && _members.TryGetValue((farmId, userId), out var m) ? m.Role : (FarmRole?)null);

    public Task<IReadOnlyList<FarmMembership>> ListForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FarmMembership>>(
            [.. _members.Where(m => m.Key.UserId == userId && users.Exists(userId)).OrderBy(m => m.Value.AddedAt).Select(m => new FarmMembership(m.Key.FarmId, m.Value.Role))]);

    public async Task<IReadOnlyList<FarmMember>> ListForFarmAsync(Guid farmId, CancellationToken cancellationToken)
    {
        var members = new List<FarmMember>();
        foreach (var (key, value) in _members.Where(m => m.Key.FarmId == farmId))
        {
            var user = await users.FindByIdAsync(key.UserId, cancellationToken);
            if (user is not null)
            {
                members.Add(new FarmMember(user.Id, user.Email, user.DisplayName, value.Role, value.AddedAt, value.AddedBy));
            }
        }

        return [.. members.OrderBy(m => m.AddedAt)];
    }

    public Task UpsertAsync(Guid farmId, Guid userId, FarmRole role, string addedBy, CancellationToken cancellationToken)
    {
        _members.AddOrUpdate((farmId, userId), (role, DateTimeOffset.UtcNow, addedBy), (_, existing) => existing with { Role = role });
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(Guid farmId, Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult(_members.TryRemove((farmId, userId), out _) && users.Exists(userId));
}

public sealed class InMemoryDeviceKeyStore : IDeviceKeyStore
{
    private readonly ConcurrentDictionary<Guid, DeviceKey> _keys = new();
    private readonly Lock _addLock = new();

    /// <summary>A taken prefix or id is refused, as PostgreSQL's unique index and primary key refuse it.</summary>
    public Task AddAsync(DeviceKey key, CancellationToken cancellationToken)
    {
        lock (_addLock)
        {
            if (_keys.Values.Any(k => k.Prefix == key.Prefix) || !_keys.TryAdd(key.Id, key))
            {
                throw new InvalidOperationException($"A device key with id {key.Id} or prefix {key.Prefix} exists already.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<DeviceKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.Values.FirstOrDefault(k => k.Prefix == prefix));

    public Task<IReadOnlyList<DeviceKey>> ListAsync(Guid farmId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeviceKey>>([.. _keys.Values.Where(k => k.FarmId == farmId).OrderBy(k => k.CreatedAt)]);

    public Task<bool> RevokeAsync(Guid farmId, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(keyId, out var key) && key.FarmId == farmId && key.RevokedAt is null)
        {
            _keys[keyId] = key with { RevokedAt = now };
            return Task.FromResult(true);
        }

        return Task.FromResult(false);
    }

    public Task TouchAsync(Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(keyId, out var key))
        {
            _keys[keyId] = key with { LastUsedAt = now };
        }

        return Task.CompletedTask;
    }
}

public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListForFarmAsync(Guid farmId, int limit, DateTimeOffset? before, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(
            [.. _entries.Where(e => e.FarmId == farmId && (before is null || e.At < before)).OrderByDescending(e => e.At).Take(limit)]);
}
