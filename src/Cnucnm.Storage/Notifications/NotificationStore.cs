namespace Cnucnm.Storage.Notifications;

/// <summary>A member of a farm who wants alert e-mails of some kinds, with a confirmed address.</summary>
public sealed record AlertRecipient(Guid UserId, string Email, string DisplayName, string Language, NotificationPreferences Preferences);

public static class EmailOutboxKind
{
    public const string Alert = "alert";
    public const string AlertDigest = "alertDigest";
}

/// <summary>An alert e-mail waiting in the outbox; <see cref="Data"/> is the alert as JSON.</summary>
public sealed record OutboxEmail(
    Guid Id,
    Guid UserId,
    string ToAddress,
    string Language,
    string Kind,
    string Data,
    DateTimeOffset DueAt,
    DateTimeOffset CreatedAt,
    int Attempts = 0);

/// <summary>Alert e-mail preferences and the durable outbox of alert e-mails (PostgreSQL; in memory for the embedded profile).</summary>
public interface INotificationStore
{
    Task<NotificationPreferences?> GetPreferencesAsync(Guid userId, CancellationToken cancellationToken);

    Task SetPreferencesAsync(NotificationPreferences preferences, CancellationToken cancellationToken);

    /// <summary>The farm's members who want e-mails for <paramref name="alertKind"/> and have confirmed their address.</summary>
    Task<IReadOnlyList<AlertRecipient>> RecipientsAsync(Guid farmId, string alertKind, CancellationToken cancellationToken);

    Task EnqueueAsync(IReadOnlyList<OutboxEmail> emails, CancellationToken cancellationToken);

    /// <summary>Claims due pending e-mails (rows other workers hold are skipped), counting the attempt and
    /// holding them until <paramref name="leaseUntil"/>. A person's immediate alert rows wait until the oldest
    /// due one was written before <paramref name="burstSettledBefore"/>; then all their due immediate rows go
    /// together, so a burst of events (one ration change raising eight deficits) becomes one e-mail.</summary>
    Task<IReadOnlyList<OutboxEmail>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset burstSettledBefore, DateTimeOffset leaseUntil, int limit,
        CancellationToken cancellationToken);

    Task MarkSentAsync(IReadOnlyList<Guid> ids, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Due again at <paramref name="retryAt"/>, or dead when it is null.</summary>
    Task MarkFailedAsync(IReadOnlyList<Guid> ids, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>People who want the weekly farm report and have confirmed their address.</summary>
    Task<IReadOnlyList<AlertRecipient>> WeeklyReportRecipientsAsync(CancellationToken cancellationToken);

    /// <summary>Takes the report of the week ending <paramref name="weekEnd"/> for the person; false when it was taken already.</summary>
    Task<bool> TryClaimWeeklyReportAsync(Guid userId, DateOnly weekEnd, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a claimed week back (the report could not be sent), so a later round sends it.</summary>
    Task ReleaseWeeklyReportAsync(Guid userId, DateOnly weekEnd, CancellationToken cancellationToken);
}
