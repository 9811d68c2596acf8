using System.Collections.Concurrent;
using Cnucnm.Contracts.Alerts;

namespace Cnucnm.Storage.LiveHerd;

// Embedded profile and unit tests only.

public sealed class InMemoryIntakeStore : IIntakeStore
{
    private readonly ConcurrentDictionary<(Guid Farm, string Device, long Sequence), StoredReading> _readings = new();

    public async Task<StoredBatch> StoreAsync(Guid farmId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        List<StoredReading> stored = [.. readings.Where(r => _readings.TryAdd((farmId, r.DeviceId, r.Sequence), r))];
        var totals = new List<GroupDayTotals>();
        foreach (var (groupId, day) in stored.Select(r => (r.GroupId, r.LocalDay)).Distinct())
        {
            totals.AddRange((await DailyTotalsAsync(groupId, day, cancellationToken)).Where(t => t.Day == day));
        }

        return new StoredBatch(stored, totals);
    }

    public Task<IReadOnlyList<GroupDayTotals>> DailyTotalsAsync(Guid groupId, DateOnly fromDay, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupDayTotals>>(
        [
            .. _readings.Values.Where(r => r.GroupId == groupId && r.LocalDay >= fromDay)
                .GroupBy(r => r.LocalDay)
                .OrderBy(g => g.Key)
                .Select(g => new GroupDayTotals(groupId, g.Key, g.Sum(r => r.DeliveredKgAsFed), g.Sum(r => r.RefusedKgAsFed), g.Sum(r => r.DryMatterKg), g.Count())),
        ]);

    public Task<long> CountAsync(Guid farmId, CancellationToken cancellationToken) =>
        Task.FromResult((long)_readings.Keys.Count(k => k.Farm == farmId));

    public Task<DateTimeOffset?> LastReadingAtAsync(Guid farmId, string deviceId, CancellationToken cancellationToken) =>
        Task.FromResult(_readings.Where(r => r.Key.Farm == farmId && r.Key.Device == deviceId)
            .Select(r => (DateTimeOffset?)r.Value.MeasuredAt).DefaultIfEmpty().Max());
}

public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly List<Alert> _alerts = [];
    private readonly Lock _lock = new();

    public Task<Alert?> RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_alerts.Any(a => a.FarmId == alert.FarmId && a.DedupeKey == alert.DedupeKey && a.AcknowledgedAt is null))
            {
                return Task.FromResult<Alert?>(null);
            }

            _alerts.Add(alert);
            return Task.FromResult<Alert?>(alert);
        }
    }

    public Task<IReadOnlyList<Alert>> ListAsync(Guid farmId, bool openOnly, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Alert>>(
                [.. _alerts.Where(a => a.FarmId == farmId && (!openOnly || a.AcknowledgedAt is null)).OrderByDescending(a => a.RaisedAt).Take(limit)]);
        }
    }

    public Task<Alert?> AcknowledgeAsync(Guid farmId, Guid alertId, string acknowledgedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _alerts.FindIndex(a => a.Id == alertId && a.FarmId == farmId);
            if (index < 0)
            {
                return Task.FromResult<Alert?>(null);
            }

            if (_alerts[index].AcknowledgedAt is null)
            {
                _alerts[index] = _alerts[index] with { AcknowledgedAt = at, AcknowledgedBy = acknowledgedBy };
            }

            return Task.FromResult<Alert?>(_alerts[index]);
        }
    }
}
