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

/// <summary>Totals of one group's readings on one day.</summary>
public sealed record GroupDayTotals(Guid GroupId, DateOnly Day, double DeliveredKgAsFed, double RefusedKgAsFed, double DryMatterKg, int Readings);

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

    Task<IReadOnlyList<GroupDayTotals>> DailyTotalsAsync(Guid groupId, DateOnly fromDay, CancellationToken cancellationToken);

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
