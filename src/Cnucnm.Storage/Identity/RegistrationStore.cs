using Npgsql;

namespace Cnucnm.Storage.Identity;

/// <summary>A registration waiting for its e-mailed link: the account is made only when the link is used.</summary>
public sealed record PendingRegistration(string Email, string DisplayName, string PasswordHash, string PreferredLanguage);

/// <summary>Registrations waiting for confirmation, by the SHA-256 of the e-mailed token; single-use and expiring.</summary>
public interface IPendingRegistrationStore
{
    Task AddAsync(byte[] tokenHash, PendingRegistration registration, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Marks the registration used and returns it, once; null when unknown, used or expired.</summary>
    Task<PendingRegistration?> RedeemAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed class PostgresPendingRegistrationStore(NpgsqlDataSource db) : IPendingRegistrationStore
{
    public async Task AddAsync(byte[] tokenHash, PendingRegistration registration, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // Expired rows are removed by the next registration: the table holds only what can still be confirmed.
        await using var command = db.CreateCommand("""
            WITH expired AS (DELETE FROM pending_registrations WHERE expires_at < $6)
            INSERT INTO pending_registrations (token_hash, email, display_name, password_hash, preferred_language, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(registration.Email);
        command.Parameters.AddWithValue(registration.DisplayName);
        command.Parameters.AddWithValue(registration.PasswordHash);
        command.Parameters.AddWithValue(registration.PreferredLanguage);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(expiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PendingRegistration?> RedeemAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            UPDATE pending_registrations SET used_at = $2
             WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
            RETURNING email, display_name, password_hash, preferred_language
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PendingRegistration(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }
}

public sealed class InMemoryPendingRegistrationStore : IPendingRegistrationStore
{
    private readonly Lock _lock = new();
    private readonly List<(byte[] Hash, PendingRegistration Registration, DateTimeOffset ExpiresAt, bool Used)> _pending = [];

    public Task AddAsync(byte[] tokenHash, PendingRegistration registration, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _pending.RemoveAll(p => p.ExpiresAt < now);
            _pending.Add((tokenHash, registration, expiresAt, false));
        }

        return Task.CompletedTask;
    }

    public Task<PendingRegistration?> RedeemAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _pending.FindIndex(p => p.Hash.AsSpan().SequenceEqual(tokenHash) && !p.Used && p.ExpiresAt > now);
            if (index < 0)
            {
                return Task.FromResult<PendingRegistration?>(null);
            }

            _pending[index] = _pending[index] with { Used = true };
            return Task.FromResult<PendingRegistration?>(_pending[index].Registration);
        }
    }
}
