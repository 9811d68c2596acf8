using System.Collections.Concurrent;
using Cnucnm.Contracts.Alerts;

namespace Cnucnm.Storage.LiveHerd;

// Embedded profile and unit tests only.

public sealed class InMemoryIntakeStore : IIntakeStore
{
    private readonly ConcurrentDictionary<(Guid Farm, string Device, long Sequence), StoredReading> _readings = new();

    // Group day totals kept as the readings arrive, as the PostgreSQL store's intake_group_days table is.
    private readonly Dictionary<(Guid Group, DateOnly Day), GroupDayTotals> _days = [];
    private readonly Lock _daysLock = new();

    // Imported days (the PostgreSQL store's intake_history_days), under the same lock.
    private readonly Dictionary<(Guid Group, DateOnly Day), GroupDayTotals> _history = [];

    public Task<StoredBatch> StoreAsync(Guid farmId, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        List<StoredReading> stored = [.. readings.Where(r => _readings.TryAdd((farmId, r.DeviceId, r.Sequence), r))];
        lock (_daysLock)
        {
            foreach (var r in stored)
            {
                var key = (r.GroupId, r.LocalDay);
                var day = _days.GetValueOrDefault(key) ?? new GroupDayTotals(r.GroupId, r.LocalDay, 0, 0, 0, 0);
                _days[key] = day with
                {
                    DeliveredKgAsFed = day.DeliveredKgAsFed + r.DeliveredKgAsFed,
                    RefusedKgAsFed = day.RefusedKgAsFed + r.RefusedKgAsFed,
                    DryMatterKg = day.DryMatterKg + r.DryMatterKg,
                    Readings = day.Readings + 1,
                };
            }

            List<GroupDayTotals> totals = [.. stored.Select(r => (r.GroupId, r.LocalDay)).Distinct().Select(key => _days[key])];
            return Task.FromResult(new StoredBatch(stored, totals));
        }
    }

    public Task<IReadOnlyList<GroupDayTotals>> DailyTotalsAsync(Guid groupId, DateOnly fromDay, CancellationToken cancellationToken)
    {
        lock (_daysLock)
        {
            var readings = _days.Values.Where(d => d.GroupId == groupId && d.Day >= fromDay).ToList();
            var imported = _history.Values.Where(d => d.GroupId == groupId && d.Day >= fromDay && !_days.ContainsKey((groupId, d.Day)));
            return Task.FromResult<IReadOnlyList<GroupDayTotals>>([.. readings.Concat(imported).OrderBy(d => d.Day)]);
        }
    }

    public Task<int> StoreHistoryAsync(Guid groupId, IReadOnlyList<GroupDayTotals> days, CancellationToken cancellationToken)
    {
        lock (_daysLock)
        {
            var changed = 0;
            foreach (var day in days)
            {
                if (day.HeadCount is null)
                {
                    throw new ArgumentException("an imported day needs its head count", nameof(days));
                }

                var stored = day with { GroupId = groupId, Readings = 1 };
                if (_history.GetValueOrDefault((groupId, day.Day)) != stored)
                {
                    _history[(groupId, day.Day)] = stored;
                    changed++;
                }
            }

            return Task.FromResult(changed);
        }
    }

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

    public Task<Alert?> AcknowledgeOpenAsync(Guid farmId, string dedupeKey, string acknowledgedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _alerts.FindIndex(a => a.FarmId == farmId && a.DedupeKey == dedupeKey && a.AcknowledgedAt is null);
            if (index < 0)
            {
                return Task.FromResult<Alert?>(null);
            }

            _alerts[index] = _alerts[index] with { AcknowledgedAt = at, AcknowledgedBy = acknowledgedBy };
            return Task.FromResult<Alert?>(_alerts[index]);
        }
    }
}
