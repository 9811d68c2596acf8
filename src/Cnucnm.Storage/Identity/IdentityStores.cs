using Cnucnm.Contracts.Security;

namespace Cnucnm.Storage.Identity;

public sealed record UserAccount(
    Guid Id,
    string Email,
    string DisplayName,
    string? PasswordHash,
    IReadOnlyList<string> GlobalRoles,
    DateTimeOffset? LockedUntil,
    Guid SecurityStamp,
    string PreferredLanguage,
    DateTimeOffset CreatedAt);

public interface IUserStore
{
    Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>False when the e-mail address is taken (case-insensitive).</summary>
    Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken);

    /// <summary>Locks the account until <paramref name="until"/> (null: unlocks it) and renews its security stamp.</summary>
    Task SetLockedUntilAsync(Guid id, DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>Sets a new password hash and security stamp (a new stamp ends every access token issued before).</summary>
    Task SetPasswordAsync(Guid id, string passwordHash, Guid securityStamp, CancellationToken cancellationToken);

    /// <summary>Sets the global roles and renews the security stamp: tokens that carry the old roles stop working.</summary>
    Task SetGlobalRolesAsync(Guid id, IReadOnlyList<string> roles, CancellationToken cancellationToken);

    /// <summary>A new security stamp: every access token issued before stops working (sign-out, refresh-token reuse).</summary>
    Task RenewSecurityStampAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes the account with its refresh tokens and memberships; false when unknown.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    Task SetPreferredLanguageAsync(Guid id, string language, CancellationToken cancellationToken);

    /// <summary>The local account of a person signed in by an external OpenID Connect issuer.</summary>
    Task<UserAccount> FindOrCreateExternalAsync(string issuer, string subject, string email, string displayName, CancellationToken cancellationToken);
}

public sealed record RefreshToken(
    Guid Id,
    Guid FamilyId,
    Guid UserId,
    byte[] TokenHash,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt,
    DateTimeOffset? RevokedAt);

public enum RedeemStatus
{
    Redeemed,
    Unknown,
    Expired,
    Revoked,

    /// <summary>The token had been used before: the family is revoked.</summary>
    Reused,
}

public sealed record RedeemResult(RedeemStatus Status, RefreshToken? Token);

public interface IRefreshTokenStore
{
    Task AddAsync(RefreshToken token, CancellationToken cancellationToken);

    /// <summary>Marks the token used, once. A second redemption revokes the token's family.</summary>
    Task<RedeemResult> RedeemAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken);

    Task RevokeAllForUserAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes the family of the token with this hash (logout); false when unknown.</summary>
    Task<bool> RevokeByHashAsync(byte[] tokenHash, Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record FarmMembership(Guid FarmId, FarmRole Role);

public sealed record FarmMember(Guid UserId, string Email, string DisplayName, FarmRole Role, DateTimeOffset AddedAt, string AddedBy);

public interface IFarmMembershipStore
{
    Task<FarmRole?> GetRoleAsync(Guid farmId, Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<FarmMembership>> ListForUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<FarmMember>> ListForFarmAsync(Guid farmId, CancellationToken cancellationToken);

    Task UpsertAsync(Guid farmId, Guid userId, FarmRole role, string addedBy, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(Guid farmId, Guid userId, CancellationToken cancellationToken);
}

public sealed record DeviceKey(
    Guid Id,
    Guid FarmId,
    string Name,
    string Prefix,
    byte[] SecretHash,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt);

public interface IDeviceKeyStore
{
    Task AddAsync(DeviceKey key, CancellationToken cancellationToken);

    Task<DeviceKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceKey>> ListAsync(Guid farmId, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(Guid farmId, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);

    Task TouchAsync(Guid keyId, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record AuditEntry(
    DateTimeOffset At,
    string ActorType,
    string ActorId,
    Guid? FarmId,
    string Action,
    string Target,
    int Status,
    string? RemoteIp,
    string? UserAgent,
    string? TraceId);

public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListForFarmAsync(Guid farmId, int limit, DateTimeOffset? before, CancellationToken cancellationToken);
}

/// <summary>Local accounts of people signed in by an external OpenID Connect issuer.</summary>
public static class ExternalAccounts
{
    /// <summary>The account's address when the issuer gave no verified one, or a local account has it already.</summary>
    public static string LocalEmail(string issuer, string subject) => $"{subject}@{new Uri(issuer).Host}";
}
