using Cnucnm.Contracts.Alerts;

namespace Cnucnm.Storage.LiveHerd;

/// <summary>A reading ready to store: validated, with its dry matter worked out.</summary>
public sealed record StoredReading(
    string DeviceId,
    long Sequence,
    Guid GroupId,
    string FeedId,
    DateTimeOffset MeasuredAt,
    DateOnly LocalDay,
    double DeliveredKgAsFed,
    double RefusedKgAsFed,
    double DryMatterFraction)
{
    public double DryMatterKg => (DeliveredKgAsFed - RefusedKgAsFed) * DryMatterFraction;
}

/// <summary>Totals of one group's readings on one day; or, with <paramref name="HeadCount"/>, a day imported from the farm's records
/// (<see cref="IIntakeStore.StoreHistoryAsync"/>: one record, <paramref name="Readings"/> = 1, with the head fed that day).</summary>
public sealed record GroupDayTotals(Guid GroupId, DateOnly Day, double DeliveredKgAsFed, double RefusedKgAsFed, double DryMatterKg, int Readings,
    int? HeadCount = null);

/// <summary>What a batch stored: the new readings and the totals (all readings so far) of the group days they fell on.</summary>
public sealed record StoredBatch(IReadOnlyList<StoredReading> Stored, IReadOnlyList<GroupDayTotals> Totals)
{
    public static StoredBatch Empty { get; } = new([], []);
}

public interface IIntakeStore
{
    /// <summary>Stores the readings that are new and returns them with the day totals of every group and day they
    /// touched, as of this batch; (farm, device, sequence) already stored are skipped. Durable when the task completes.</summary>
    Task<StoredBatch> StoreAsync(Guid farmId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken);

    /// <summary>The group's days from <paramref name="fromDay"/> on, oldest first: the readings' totals, and the imported days on
    /// which there are no readings.</summary>
    Task<IReadOnlyList<GroupDayTotals>> DailyTotalsAsync(Guid groupId, DateOnly fromDay, CancellationToken cancellationToken);

    /// <summary>Stores imported days of a group (each with its <see cref="GroupDayTotals.HeadCount"/>) in one transaction, replacing
    /// the group's earlier import of the same day; returns how many days are new or changed (0 when the same days come again).</summary>
    Task<int> StoreHistoryAsync(Guid groupId, IReadOnlyList<GroupDayTotals> days, CancellationToken cancellationToken);

    Task<long> CountAsync(Guid farmId, CancellationToken cancellationToken);

    /// <summary>When the device's latest stored reading was measured (null: none stored).</summary>
    Task<DateTimeOffset?> LastReadingAtAsync(Guid farmId, string deviceId, CancellationToken cancellationToken);
}

public interface IAlertStore
{
    /// <summary>Stores the alert unless an open alert with the same dedupe key exists; returns the
    /// stored alert or null for a duplicate.</summary>
    Task<Alert?> RaiseAsync(Alert alert, CancellationToken cancellationToken);

    Task<IReadOnlyList<Alert>> ListAsync(Guid farmId, bool openOnly, int limit, CancellationToken cancellationToken);

    Task<Alert?> AcknowledgeAsync(Guid farmId, Guid alertId, string acknowledgedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Acknowledges the open alert with this dedupe key, when the condition it reported is over; null when none is open.</summary>
    Task<Alert?> AcknowledgeOpenAsync(Guid farmId, string dedupeKey, string acknowledgedBy, DateTimeOffset at, CancellationToken cancellationToken);
}
