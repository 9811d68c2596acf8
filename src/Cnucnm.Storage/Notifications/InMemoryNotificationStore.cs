using Cnucnm.Storage.Identity;

namespace Cnucnm.Storage.Notifications;

/// <summary>The embedded profile's preferences and e-mail outbox, over the in-memory identity stores. Preferences and
/// e-mails of a deleted account stop counting, as PostgreSQL's ON DELETE CASCADE removes them.</summary>
public sealed class InMemoryNotificationStore(IFarmMembershipStore memberships, InMemoryUserStore users, IAccountTokenStore tokens) : INotificationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, NotificationPreferences> _preferences = [];
    private readonly Dictionary<Guid, (OutboxEmail Email, string Status)> _outbox = [];
    private readonly HashSet<(Guid, DateOnly)> _weeklyRuns = [];

    public Task<NotificationPreferences?> GetPreferencesAsync(Guid userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(users.Exists(userId) ? _preferences.GetValueOrDefault(userId) : null);
        }
    }

    public Task SetPreferencesAsync(NotificationPreferences preferences, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _preferences[preferences.UserId] = preferences;
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<AlertRecipient>> RecipientsAsync(Guid farmId, string alertKind, CancellationToken cancellationToken)
    {
        var recipients = new List<AlertRecipient>();
        foreach (var member in await memberships.ListForFarmAsync(farmId, cancellationToken))
        {
            var preferences = await GetPreferencesAsync(member.UserId, cancellationToken);
            if (preferences is null || preferences.Delivery == AlertEmailDelivery.Off || !preferences.AlertKinds.Contains(alertKind)
                || await tokens.EmailVerifiedAtAsync(member.UserId, cancellationToken) is null
                || await users.FindByIdAsync(member.UserId, cancellationToken) is not { } user)
            {
                continue;
            }

            recipients.Add(new AlertRecipient(user.Id, user.Email, user.DisplayName, user.PreferredLanguage, preferences));
        }

        return recipients;
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxEmail> emails, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var email in emails)
            {
                _outbox.TryAdd(email.Id, (email, "pending"));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEmail>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset burstSettledBefore, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var due = _outbox.Values.Where(e => e.Status == "pending" && e.Email.DueAt <= now && users.Exists(e.Email.UserId)).ToList();
            var settled = due.Where(e => e.Email.Kind == EmailOutboxKind.Alert && e.Email.CreatedAt <= burstSettledBefore).Select(e => e.Email.UserId).ToHashSet();
            var claimed = due.Where(e => e.Email.Kind != EmailOutboxKind.Alert || settled.Contains(e.Email.UserId)).OrderBy(e => e.Email.DueAt).Take(limit)
                .Select(e => e.Email with { Attempts = e.Email.Attempts + 1, DueAt = leaseUntil }).ToList();
            foreach (var email in claimed)
            {
                _outbox[email.Id] = (email, "pending");
            }

            return Task.FromResult<IReadOnlyList<OutboxEmail>>(claimed);
        }
    }

    public Task MarkSentAsync(IReadOnlyList<Guid> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in ids.Where(_outbox.ContainsKey))
            {
                _outbox[id] = (_outbox[id].Email, "sent");
            }
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(IReadOnlyList<Guid> ids, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in ids.Where(_outbox.ContainsKey))
            {
                var email = _outbox[id].Email;
                _outbox[id] = retryAt is { } due ? (email with { DueAt = due }, "pending") : (email, "dead");
            }
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<AlertRecipient>> WeeklyReportRecipientsAsync(CancellationToken cancellationToken)
    {
        List<NotificationPreferences> wanting;
        lock (_lock)
        {
            wanting = [.. _preferences.Values.Where(p => p.WeeklyReport && users.Exists(p.UserId))];
        }

        var recipients = new List<AlertRecipient>();
        foreach (var preferences in wanting)
        {
            if (await tokens.EmailVerifiedAtAsync(preferences.UserId, cancellationToken) is not null
                && await users.FindByIdAsync(preferences.UserId, cancellationToken) is { } user)
            {
                recipients.Add(new AlertRecipient(user.Id, user.Email, user.DisplayName, user.PreferredLanguage, preferences));
            }
        }

        return recipients;
    }

    public Task<bool> TryClaimWeeklyReportAsync(Guid userId, DateOnly weekEnd, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_weeklyRuns.Add((userId, weekEnd)));
        }
    }

    public Task ReleaseWeeklyReportAsync(Guid userId, DateOnly weekEnd, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _weeklyRuns.Remove((userId, weekEnd));
        }

        return Task.CompletedTask;
    }
}
