using Cnucnm.Contracts.Security;
using Npgsql;

namespace Cnucnm.Storage.Identity;

/// <summary>An invitation to join a farm in a role, sent to an e-mail address; pending until accepted, revoked or expired.</summary>
public sealed record FarmInvitation(Guid Id, Guid FarmId, string FarmName, string Email, FarmRole Role, string InvitedBy, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

/// <summary>Farm invitations. The e-mailed token is stored as a SHA-256 only; an invitation is used once.</summary>
public interface IFarmInvitationStore
{
    Task AddAsync(FarmInvitation invitation, byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>The farm's pending invitations, oldest first.</summary>
    Task<IReadOnlyList<FarmInvitation>> ListPendingForFarmAsync(Guid farmId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Pending invitations to this address (case-insensitive), oldest first.</summary>
    Task<IReadOnlyList<FarmInvitation>> ListPendingForEmailAsync(string email, DateTimeOffset now, CancellationToken cancellationToken);

    Task<FarmInvitation?> FindPendingByTokenAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task<FarmInvitation?> FindPendingAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks a pending invitation accepted, once; false when it was no longer pending.</summary>
    Task<bool> AcceptAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes a pending invitation of the farm; false when there is none with this id.</summary>
    Task<bool> RevokeAsync(Guid farmId, Guid id, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed class PostgresFarmInvitationStore(NpgsqlDataSource db) : IFarmInvitationStore
{
    private const string Columns = "id, farm_id, farm_name, email, role, invited_by, invited_at, expires_at";
    private const string Pending = "accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2";

    public async Task AddAsync(FarmInvitation invitation, byte[] tokenHash, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"INSERT INTO farm_invitations ({Columns}, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        command.Parameters.AddWithValue(invitation.Id);
        command.Parameters.AddWithValue(invitation.FarmId);
        command.Parameters.AddWithValue(invitation.FarmName);
        command.Parameters.AddWithValue(invitation.Email);
        command.Parameters.AddWithValue(invitation.Role.ToWire());
        command.Parameters.AddWithValue(invitation.InvitedBy);
        command.Parameters.AddWithValue(invitation.InvitedAt);
        command.Parameters.AddWithValue(invitation.ExpiresAt);
        command.Parameters.AddWithValue(tokenHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<FarmInvitation>> ListPendingForFarmAsync(Guid farmId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM farm_invitations WHERE farm_id = $1 AND {Pending} ORDER BY invited_at", farmId, now, cancellationToken);

    public Task<IReadOnlyList<FarmInvitation>> ListPendingForEmailAsync(string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM farm_invitations WHERE lower(email) = lower($1) AND {Pending} ORDER BY invited_at", email, now, cancellationToken);

    public async Task<FarmInvitation?> FindPendingByTokenAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ListAsync($"SELECT {Columns} FROM farm_invitations WHERE token_hash = $1 AND {Pending}", tokenHash, now, cancellationToken)).SingleOrDefault();

    public async Task<FarmInvitation?> FindPendingAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ListAsync($"SELECT {Columns} FROM farm_invitations WHERE id = $1 AND {Pending}", id, now, cancellationToken)).SingleOrDefault();

    public async Task<bool> AcceptAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"UPDATE farm_invitations SET accepted_at = $2 WHERE id = $1 AND {Pending}");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RevokeAsync(Guid farmId, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"UPDATE farm_invitations SET revoked_at = $2 WHERE id = $1 AND farm_id = $3 AND {Pending}");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(farmId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<FarmInvitation>> ListAsync(string sql, object key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var invitations = new List<FarmInvitation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // The column's CHECK allows only the five roles.
            if (!FarmPermissions.TryParse(reader.GetString(4), out var role))
            {
                throw new InvalidDataException($"Unknown farm role {reader.GetString(4)}");
            }

            invitations.Add(new FarmInvitation(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), role, reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return invitations;
    }
}

public sealed class InMemoryFarmInvitationStore : IFarmInvitationStore
{
    private readonly Lock _lock = new();
    private readonly List<(FarmInvitation Invitation, byte[] Hash, bool Closed)> _invitations = [];

    public Task AddAsync(FarmInvitation invitation, byte[] tokenHash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _invitations.Add((invitation, tokenHash, false));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FarmInvitation>> ListPendingForFarmAsync(Guid farmId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Pending(now, i => i.Invitation.FarmId == farmId));

    public Task<IReadOnlyList<FarmInvitation>> ListPendingForEmailAsync(string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Pending(now, i => string.Equals(i.Invitation.Email, email, StringComparison.OrdinalIgnoreCase)));

    public Task<FarmInvitation?> FindPendingByTokenAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Pending(now, i => i.Hash.AsSpan().SequenceEqual(tokenHash)).SingleOrDefault());

    public Task<FarmInvitation?> FindPendingAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Pending(now, i => i.Invitation.Id == id).SingleOrDefault());

    public Task<bool> AcceptAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(Close(id, null, now));

    public Task<bool> RevokeAsync(Guid farmId, Guid id, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(Close(id, farmId, now));

    private bool Close(Guid id, Guid? farmId, DateTimeOffset now)
    {
        lock (_lock)
        {
            var index = _invitations.FindIndex(i => i.Invitation.Id == id && (farmId is null || i.Invitation.FarmId == farmId) && !i.Closed && i.Invitation.ExpiresAt > now);
            if (index < 0)
            {
                return false;
            }

            _invitations[index] = _invitations[index] with { Closed = true };
            return true;
        }
    }

    private IReadOnlyList<FarmInvitation> Pending(DateTimeOffset now, Func<(FarmInvitation Invitation, byte[] Hash, bool Closed), bool> match)
    {
        lock (_lock)
        {
            return [.. _invitations.Where(i => !i.Closed && i.Invitation.ExpiresAt > now && match(i)).Select(i => i.Invitation).OrderBy(i => i.InvitedAt)];
        }
    }
}
