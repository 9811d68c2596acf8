using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Registry.Records;

namespace Cnucnm.Storage.Animals;

/// <summary>The registry in memory: embedded profile and unit tests only.</summary>
public sealed class InMemoryAnimalStore : IAnimalStore
{
    private readonly Dictionary<Guid, Animal> _animals = [];
    private readonly Dictionary<(Guid Farm, string Tag), Guid> _tags = [];
    private readonly Dictionary<Guid, List<AnimalRecordEntry>> _records = [];
    private readonly Dictionary<(Guid Farm, Guid Group), GroupInputOverrides> _overrides = [];
    private readonly Lock _lock = new();

    public Task<AnimalWriteOutcome> AddAsync(IReadOnlyList<Animal> animals, IReadOnlyList<AnimalRecordEntry> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(animals);
        ArgumentNullException.ThrowIfNull(records);
        lock (_lock)
        {
            var keys = animals.Select(a => (a.FarmId, a.Tag)).ToList();
            if (keys.Distinct().Count() != keys.Count || keys.Any(_tags.ContainsKey))
            {
                return Task.FromResult(AnimalWriteOutcome.DuplicateTag);
            }

            foreach (var animal in animals)
            {
                _animals[animal.Id] = animal;
                _tags[(animal.FarmId, animal.Tag)] = animal.Id;
            }

            foreach (var record in records)
            {
                Append(record);
            }

            return Task.FromResult(AnimalWriteOutcome.Ok);
        }
    }

    public Task<Animal?> GetAsync(Guid farmId, Guid animalId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_animals.GetValueOrDefault(animalId) is { } a && a.FarmId == farmId ? a : null);
        }
    }

    public Task<AnimalPage> ListAsync(AnimalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            var search = query.Search?.Trim();
            var tagSearch = search is null ? null : TraceabilityNumber.Normalize(search);
            var matches = _animals.Values.Where(a => a.FarmId == query.FarmId
                    && (query.Status is null || a.Status == query.Status)
                    && (query.GroupId is null || a.GroupId == query.GroupId)
                    && (query.BreedId is null || string.Equals(a.BreedId, query.BreedId, StringComparison.OrdinalIgnoreCase))
                    && (string.IsNullOrEmpty(search)
                        || (tagSearch!.Length > 0 && a.Tag.Contains(tagSearch, StringComparison.Ordinal))
                        || (a.Name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)))
                .OrderBy(a => a.Tag, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(new AnimalPage([.. matches.Skip(query.Offset).Take(query.Limit)], matches.Count));
        }
    }

    public Task<AnimalWriteOutcome> UpdateAsync(Animal animal, long expectedVersion, AnimalRecordEntry? record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(animal);
        lock (_lock)
        {
            if (_animals.GetValueOrDefault(animal.Id) is not { } stored || stored.FarmId != animal.FarmId)
            {
                return Task.FromResult(AnimalWriteOutcome.NotFound);
            }

            if (stored.Version != expectedVersion)
            {
                return Task.FromResult(AnimalWriteOutcome.VersionConflict);
            }

            _animals[animal.Id] = animal;
            if (record is not null)
            {
                Append(record);
            }

            return Task.FromResult(AnimalWriteOutcome.Ok);
        }
    }

    public Task<int> UnassignGroupAsync(Guid farmId, Guid groupId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var members = _animals.Values.Where(a => a.FarmId == farmId && a.GroupId == groupId).ToList();
            foreach (var animal in members)
            {
                _animals[animal.Id] = animal with { GroupId = null, Version = animal.Version + 1 };
            }

            return Task.FromResult(members.Count);
        }
    }

    public Task AddRecordAsync(AnimalRecordEntry record, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Append(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AnimalRecordEntry>> RecordsAsync(Guid farmId, Guid animalId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AnimalRecordEntry>>([.. Ordered(animalId).Where(r => r.FarmId == farmId)]);
        }
    }

    public Task<IReadOnlyList<AnimalHistory>> ActiveWithRecordsAsync(Guid farmId, Guid? groupId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AnimalHistory>>([.. _animals.Values
                .Where(a => a.FarmId == farmId && a.Status == AnimalStatus.Active && (groupId is null || a.GroupId == groupId))
                .OrderBy(a => a.Tag, StringComparer.Ordinal)
                .Select(a => new AnimalHistory(a, [.. Ordered(a.Id)]))]);
        }
    }

    public Task<IReadOnlySet<string>> ExistingTagsAsync(Guid farmId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlySet<string>>(tags.Where(t => _tags.ContainsKey((farmId, t))).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task<GroupInputOverrides?> GetOverridesAsync(Guid farmId, Guid groupId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_overrides.GetValueOrDefault((farmId, groupId)));
        }
    }

    public Task SetOverridesAsync(Guid farmId, Guid groupId, GroupInputOverrides overrides, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _overrides[(farmId, groupId)] = overrides;
        }

        return Task.CompletedTask;
    }

    private void Append(AnimalRecordEntry record)
    {
        if (!_records.TryGetValue(record.AnimalId, out var list))
        {
            _records[record.AnimalId] = list = [];
        }

        list.Add(record);
    }

    private IEnumerable<AnimalRecordEntry> Ordered(Guid animalId) =>
        _records.GetValueOrDefault(animalId)?.OrderBy(r => r.Record.Date).ThenBy(r => r.RecordedAt) ?? Enumerable.Empty<AnimalRecordEntry>();
}
