using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Registry.Records;

namespace Cnucnm.Storage.Animals;

/// <summary>A page of a farm's animals: filters (all optional) and a search over tag and name.</summary>
/// <param name="Search">Digits of the traceability number (any part: farms read the last digits off the tag) or part of the name.</param>
public sealed record AnimalQuery(Guid FarmId, AnimalStatus? Status, Guid? GroupId, string? BreedId, string? Search, int Offset, int Limit);

/// <summary>One page of animals, ordered by tag, and the number of matches on all pages.</summary>
public sealed record AnimalPage(IReadOnlyList<Animal> Animals, long Total);

/// <summary>An animal with all its records, oldest first.</summary>
public sealed record AnimalHistory(Animal Animal, IReadOnlyList<AnimalRecordEntry> Records)
{
    /// <summary>The records without their entries' metadata.</summary>
    public IReadOnlyList<AnimalRecord> RecordList => [.. Records.Select(r => r.Record)];
}

public enum AnimalWriteOutcome
{
    Ok = 0,
    DuplicateTag = 1,
    NotFound = 2,
    VersionConflict = 3,
}

/// <summary>The animal registry: animals and their dated records (PostgreSQL tables, schema 0005).</summary>
public interface IAnimalStore
{
    /// <summary>Adds animals (one or a whole import) with their records, all or nothing: a tag already on the farm
    /// (or twice in the list) adds none of them.</summary>
    Task<AnimalWriteOutcome> AddAsync(IReadOnlyList<Animal> animals, IReadOnlyList<AnimalRecordEntry> records, CancellationToken cancellationToken);

    Task<Animal?> GetAsync(Guid farmId, Guid animalId, CancellationToken cancellationToken);

    Task<AnimalPage> ListAsync(AnimalQuery query, CancellationToken cancellationToken);

    /// <summary>Replaces the animal when its stored version is <paramref name="expectedVersion"/> (the new one carries
    /// the next), appending <paramref name="record"/> in the same transaction.</summary>
    Task<AnimalWriteOutcome> UpdateAsync(Animal animal, long expectedVersion, AnimalRecordEntry? record, CancellationToken cancellationToken);

    /// <summary>Takes every animal of the group (active or not) out of it: the group was removed. Returns how many.</summary>
    Task<int> UnassignGroupAsync(Guid farmId, Guid groupId, CancellationToken cancellationToken);

    /// <summary>Appends a record that does not change the animal itself.</summary>
    Task AddRecordAsync(AnimalRecordEntry record, CancellationToken cancellationToken);

    Task<IReadOnlyList<AnimalRecordEntry>> RecordsAsync(Guid farmId, Guid animalId, CancellationToken cancellationToken);

    /// <summary>Active animals of the farm (of one group when <paramref name="groupId"/> is given) with their records.</summary>
    Task<IReadOnlyList<AnimalHistory>> ActiveWithRecordsAsync(Guid farmId, Guid? groupId, CancellationToken cancellationToken);

    /// <summary>Which of these tags the farm already has.</summary>
    Task<IReadOnlySet<string>> ExistingTagsAsync(Guid farmId, IReadOnlyCollection<string> tags, CancellationToken cancellationToken);

    Task<GroupInputOverrides?> GetOverridesAsync(Guid farmId, Guid groupId, CancellationToken cancellationToken);

    Task SetOverridesAsync(Guid farmId, Guid groupId, GroupInputOverrides overrides, CancellationToken cancellationToken);
}
