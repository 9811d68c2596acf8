using Cnucnm.Contracts.Security;
using Npgsql;
using NpgsqlTypes;

namespace Cnucnm.Storage.Identity;

public sealed class PostgresUserStore(NpgsqlDataSource db) : IUserStore
{
    private const string Columns =
        "id, email, display_name, password_hash, global_roles, locked_until, security_stamp, preferred_language, created_at";

    public Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {Columns} FROM app_users WHERE id = $1", cancellationToken, id);

    public Task<UserAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        QuerySingleAsync($"SELECT {Columns} FROM app_users WHERE lower(email) = lower($1)", cancellationToken, email);

    public async Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO app_users (id, email, display_name, password_hash, global_roles, locked_until, security_stamp, preferred_language, created_at)
            VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue(user.Id);
        command.Parameters.AddWithValue(user.Email);
        command.Parameters.AddWithValue(user.DisplayName);
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)user.PasswordHash ?? DBNull.Value);
        command.Parameters.AddWithValue(user.GlobalRoles.ToArray());
        command.Parameters.AddWithValue(user.SecurityStamp);
        command.Parameters.AddWithValue(user.PreferredLanguage);
        command.Parameters.AddWithValue(user.CreatedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task SetLockedUntilAsync(Guid id, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE app_users SET locked_until = $2, security_stamp = $3 WHERE id = $1");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, until is { } value ? value : DBNull.Value);
        command.Parameters.AddWithValue(Guid.NewGuid());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task RenewSecurityStampAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE app_users SET security_stamp = $2 WHERE id = $1", cancellationToken, id, Guid.NewGuid());

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        // Refresh tokens, memberships and account tokens go with the row (ON DELETE CASCADE).
        await using var command = db.CreateCommand("DELETE FROM app_users WHERE id = $1");
        command.Parameters.AddWithValue(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task SetPasswordAsync(Guid id, string passwordHash, Guid securityStamp, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE app_users SET password_hash = $2, security_stamp = $3 WHERE id = $1", cancellationToken, id, passwordHash, securityStamp);

    public Task SetGlobalRolesAsync(Guid id, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE app_users SET global_roles = $2, security_stamp = $3 WHERE id = $1", cancellationToken, id, roles.ToArray(), Guid.NewGuid());

    public Task SetPreferredLanguageAsync(Guid id, string language, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE app_users SET preferred_language = $2 WHERE id = $1", cancellationToken, id, language);

    public async Task<UserAccount> FindOrCreateExternalAsync(string issuer, string subject, string email, string displayName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FindExternalAsync(connection, transaction, issuer, subject, cancellationToken) is { } known)
        {
            return known;
        }

        // A person's first requests may arrive together: one creates the account, the others wait and find it.
        await using (var serialise = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('cnucnm.external-login'))", connection, transaction))
        {
            await serialise.ExecuteNonQueryAsync(cancellationToken);
        }

        if (await FindExternalAsync(connection, transaction, issuer, subject, cancellationToken) is { } created)
        {
            return created;
        }

        // An external identity gets its own local account; an e-mail address (verified by the issuer) is
        // adopted only when no local account has it: another issuer's word does not take over an account.
        var user = new UserAccount(Guid.CreateVersion7(), ExternalAccounts.LocalEmail(issuer, subject), displayName, null, [], null, Guid.NewGuid(), "en", DateTimeOffset.UtcNow);
        if (!string.IsNullOrWhiteSpace(email))
        {
            await using var taken = new NpgsqlCommand("SELECT 1 FROM app_users WHERE lower(email) = lower($1)", connection, transaction);
            taken.Parameters.AddWithValue(email);
            if (await taken.ExecuteScalarAsync(cancellationToken) is null)
            {
                user = user with { Email = email };
            }
        }

        // Two commands: PostgreSQL does not take several statements with positional parameters in one.
        await using (var insertUser = new NpgsqlCommand("""
            INSERT INTO app_users (id, email, display_name, password_hash, global_roles, security_stamp, created_at, email_verified_at)
            VALUES ($1, $2, $3, NULL, '{}', $4, $5, $6)
            """, connection, transaction))
        {
            insertUser.Parameters.AddWithValue(user.Id);
            insertUser.Parameters.AddWithValue(user.Email);
            insertUser.Parameters.AddWithValue(user.DisplayName);
            insertUser.Parameters.AddWithValue(user.SecurityStamp);
            insertUser.Parameters.AddWithValue(user.CreatedAt);
            insertUser.Parameters.AddWithValue(user.Email == email ? user.CreatedAt : DBNull.Value);
            await insertUser.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insertLogin = new NpgsqlCommand("INSERT INTO external_logins (issuer, subject, user_id) VALUES ($1, $2, $3)", connection, transaction))
        {
            insertLogin.Parameters.AddWithValue(issuer);
            insertLogin.Parameters.AddWithValue(subject);
            insertLogin.Parameters.AddWithValue(user.Id);
            await insertLogin.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    private static async Task<UserAccount?> FindExternalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string issuer, string subject,
        CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand($"SELECT {Prefixed("u")} FROM external_logins e JOIN app_users u ON u.id = e.user_id WHERE e.issuer = $1 AND e.subject = $2", connection, transaction);
        find.Parameters.AddWithValue(issuer);
        find.Parameters.AddWithValue(subject);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static string Prefixed(string alias) => string.Join(", ", Columns.Split(", ").Select(c => $"{alias}.{c}"));

    private async Task<UserAccount?> QuerySingleAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static UserAccount Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetFieldValue<string[]>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetGuid(6),
        reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8));

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class PostgresRefreshTokenStore(NpgsqlDataSource db) : IRefreshTokenStore
{
    public async Task AddAsync(RefreshToken token, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
            """);
        command.Parameters.AddWithValue(token.Id);
        command.Parameters.AddWithValue(token.FamilyId);
        command.Parameters.AddWithValue(token.UserId);
        command.Parameters.AddWithValue(token.TokenHash);
        command.Parameters.AddWithValue(token.IssuedAt);
        command.Parameters.AddWithValue(token.ExpiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<RedeemResult> RedeemAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        RefreshToken? token;
        await using (var select = new NpgsqlCommand(
            "SELECT id, family_id, user_id, token_hash, issued_at, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE",
            connection, transaction))
        {
            select.Parameters.AddWithValue(tokenHash);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            token = await reader.ReadAsync(cancellationToken)
                ? new RefreshToken(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<byte[]>(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                    reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7))
                : null;
        }

        RedeemResult result;
        if (token is null)
        {
            result = new RedeemResult(RedeemStatus.Unknown, null);
        }
        else if (token.RevokedAt is not null)
        {
            result = new RedeemResult(RedeemStatus.Revoked, token);
        }
        else if (token.UsedAt is not null)
        {
            await RevokeFamilyAsync(connection, transaction, token.FamilyId, now, cancellationToken);
            result = new RedeemResult(RedeemStatus.Reused, token);
        }
        else if (token.ExpiresAt <= now)
        {
            result = new RedeemResult(RedeemStatus.Expired, token);
        }
        else
        {
            await using var use = new NpgsqlCommand("UPDATE refresh_tokens SET used_at = $2 WHERE id = $1", connection, transaction);
            use.Parameters.AddWithValue(token.Id);
            use.Parameters.AddWithValue(now);
            await use.ExecuteNonQueryAsync(cancellationToken);
            result = new RedeemResult(RedeemStatus.Redeemed, token with { UsedAt = now });
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await RevokeFamilyAsync(connection, null, familyId, now, cancellationToken);
    }

    public async Task RevokeAllForUserAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RevokeByHashAsync(byte[] tokenHash, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            UPDATE refresh_tokens SET revoked_at = $3
             WHERE revoked_at IS NULL
               AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2)
            """);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task RevokeFamilyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL", connection, transaction);
        command.Parameters.AddWithValue(familyId);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class PostgresFarmMembershipStore(NpgsqlDataSource db) : IFarmMembershipStore
{
    public async Task<FarmRole?> GetRoleAsync(Guid farmId, Guid userId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT role FROM farm_members WHERE farm_id = $1 AND user_id = $2");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteScalarAsync(cancellationToken) is string role && FarmPermissions.TryParse(role, out var parsed) ? parsed : null;
    }

    public async Task<IReadOnlyList<FarmMembership>> ListForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT farm_id, role FROM farm_members WHERE user_id = $1 ORDER BY added_at");
        command.Parameters.AddWithValue(userId);
        var list = new List<FarmMembership>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (FarmPermissions.TryParse(reader.GetString(1), out var role))
            {
                list.Add(new FarmMembership(reader.GetGuid(0), role));
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<FarmMember>> ListForFarmAsync(Guid farmId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT u.id, u.email, u.display_name, m.role, m.added_at, m.added_by
              FROM farm_members m JOIN app_users u ON u.id = m.user_id
             WHERE m.farm_id = $1 ORDER BY m.added_at
            """);
        command.Parameters.AddWithValue(farmId);
        var list = new List<FarmMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (FarmPermissions.TryParse(reader.GetString(3), out var role))
            {
                list.Add(new FarmMember(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), role,
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5)));
            }
        }

        return list;
    }

    public async Task UpsertAsync(Guid farmId, Guid userId, FarmRole role, string addedBy, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO farm_members (farm_id, user_id, role, added_by) VALUES ($1, $2, $3, $4)
            ON CONFLICT (farm_id, user_id) DO UPDATE SET role = excluded.role
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(role.ToWire());
        command.Parameters.AddWithValue(addedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid farmId, Guid userId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("DELETE FROM farm_members WHERE farm_id = $1 AND user_id = $2");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}

public sealed class PostgresDeviceKeyStore(NpgsqlDataSource db) : IDeviceKeyStore
{
    private const string Columns = "id, farm_id, name, key_prefix, secret_hash, created_by, created_at, revoked_at, last_used_at";

    public async Task AddAsync(DeviceKey key, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO device_keys (id, farm_id, name, key_prefix, secret_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.AddWithValue(key.Id);
        command.Parameters.AddWithValue(key.FarmId);
        command.Parameters.AddWithValue(key.Name);
        command.Parameters.AddWithValue(key.Prefix);
        command.Parameters.AddWithValue(key.SecretHash);
        command.Parameters.AddWithValue(key.CreatedBy);
        command.Parameters.AddWithValue(key.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DeviceKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM device_keys WHERE key_prefix = $1");
        command.Parameters.AddWithValue(prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<DeviceKey>> ListAsync(Guid farmId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM device_keys WHERE farm_id = $1 ORDER BY created_at");
        command.Parameters.AddWithValue(farmId);
        var list = new List<DeviceKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<bool> RevokeAsync(Guid farmId, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE device_keys SET revoked_at = $3 WHERE id = $2 AND farm_id = $1 AND revoked_at IS NULL");
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(keyId);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task TouchAsync(Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("UPDATE device_keys SET last_used_at = $2 WHERE id = $1");
        command.Parameters.AddWithValue(keyId);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DeviceKey Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<byte[]>(4),
        reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
}

public sealed class PostgresAuditLog(NpgsqlDataSource db) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO audit_log (at, actor_type, actor_id, farm_id, action, target, status, remote_ip, user_agent, trace_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """);
        command.Parameters.AddWithValue(entry.At);
        command.Parameters.AddWithValue(entry.ActorType);
        command.Parameters.AddWithValue(entry.ActorId);
        command.Parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)entry.FarmId ?? DBNull.Value);
        command.Parameters.AddWithValue(entry.Action);
        command.Parameters.AddWithValue(entry.Target);
        command.Parameters.AddWithValue(entry.Status);
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)entry.RemoteIp ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)entry.UserAgent ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)entry.TraceId ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListForFarmAsync(Guid farmId, int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT at, actor_type, actor_id, farm_id, action, target, status, remote_ip, user_agent, trace_id
              FROM audit_log WHERE farm_id = $1 AND ($2::timestamptz IS NULL OR at < $2)
             ORDER BY at DESC LIMIT $3
            """);
        command.Parameters.AddWithValue(farmId);
        command.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)before ?? DBNull.Value);
        command.Parameters.AddWithValue(limit);
        var list = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return list;
    }
}
