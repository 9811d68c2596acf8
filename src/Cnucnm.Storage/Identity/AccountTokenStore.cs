using Npgsql;

namespace Cnucnm.Storage.Identity;

public static class AccountTokenPurpose
{
    public const string PasswordReset = "password-reset";
    public const string EmailVerification = "email-verification";
}

/// <summary>A redeemed token: whose it was and the address it was sent to.</summary>
public sealed record RedeemedAccountToken(Guid UserId, string Email);

/// <summary>Single-use, expiring tokens sent by e-mail, stored as hashes.</summary>
public interface IAccountTokenStore
{
    /// <summary>Stores a new token; the person's earlier unused tokens of the same purpose stop working.</summary>
    Task IssueAsync(byte[] tokenHash, Guid userId, string purpose, string email, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Marks the token used and returns it, once; null when unknown, used, expired or superseded.</summary>
    Task<RedeemedAccountToken?> RedeemAsync(byte[] tokenHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkEmailVerifiedAsync(Guid userId, string email, DateTimeOffset now, CancellationToken cancellationToken);

    Task<DateTimeOffset?> EmailVerifiedAtAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed class PostgresAccountTokenStore(NpgsqlDataSource db) : IAccountTokenStore
{
    public async Task IssueAsync(byte[] tokenHash, Guid userId, string purpose, string email, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            WITH superseded AS (
                UPDATE account_tokens SET used_at = $5 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL)
            INSERT INTO account_tokens (token_hash, user_id, purpose, email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.AddWithValue(email);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(expiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RedeemedAccountToken?> RedeemAsync(byte[] tokenHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            UPDATE account_tokens SET used_at = $3
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
            RETURNING user_id, email
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new RedeemedAccountToken(reader.GetGuid(0), reader.GetString(1)) : null;
    }

    public async Task MarkEmailVerifiedAsync(Guid userId, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only while the account still has the address the token was sent to.
        await using var command = db.CreateCommand("UPDATE app_users SET email_verified_at = $3 WHERE id = $1 AND lower(email) = lower($2)");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(email);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> EmailVerifiedAtAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT email_verified_at FROM app_users WHERE id = $1");
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }
}

public sealed class InMemoryAccountTokenStore(InMemoryUserStore users) : IAccountTokenStore
{
    private readonly Lock _lock = new();
    private readonly List<(byte[] Hash, Guid UserId, string Purpose, string Email, DateTimeOffset ExpiresAt, bool Used)> _tokens = [];

    public Task IssueAsync(byte[] tokenHash, Guid userId, string purpose, string email, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (_tokens[i].UserId == userId && _tokens[i].Purpose == purpose)
                {
                    _tokens[i] = _tokens[i] with { Used = true };
                }
            }

            _tokens.Add((tokenHash, userId, purpose, email, expiresAt, false));
        }

        return Task.CompletedTask;
    }

    public Task<RedeemedAccountToken?> RedeemAsync(byte[] tokenHash, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _tokens.FindIndex(t => t.Hash.AsSpan().SequenceEqual(tokenHash) && t.Purpose == purpose && !t.Used && t.ExpiresAt > now && users.Exists(t.UserId));
            if (index < 0)
            {
                return Task.FromResult<RedeemedAccountToken?>(null);
            }

            _tokens[index] = _tokens[index] with { Used = true };
            return Task.FromResult<RedeemedAccountToken?>(new RedeemedAccountToken(_tokens[index].UserId, _tokens[index].Email));
        }
    }

    /// <summary>Only while the account still has the address the token was sent to, as the PostgreSQL store does.</summary>
    public Task MarkEmailVerifiedAsync(Guid userId, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        users.MarkEmailVerified(userId, email, now);
        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> EmailVerifiedAtAsync(Guid userId, CancellationToken cancellationToken) =>
        Task.FromResult(users.EmailVerifiedAt(userId));
}
