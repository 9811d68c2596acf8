namespace Cnucnm.Registry;

/// <summary>One animal of a farm, as registered. Its dated records are kept apart (<see cref="Records.AnimalRecordEntry"/>).</summary>
/// <param name="Tag">Traceability number (<see cref="TraceabilityNumber"/>), unique per farm.</param>
/// <param name="BreedId">An id of <see cref="AnimalBreeds"/>.</param>
/// <param name="DamTag">The dam's traceability number, when known.</param>
/// <param name="StatusDate">When the animal left the farm (sold, dead, culled); null while active.</param>
/// <param name="GroupId">The animal group (pen) it is in now.</param>
/// <param name="PhotoReference">Where a photo of the animal is kept (a URL or a file key).</param>
public sealed record Animal(
    Guid Id,
    Guid FarmId,
    string Tag,
    string? Name,
    string BreedId,
    AnimalSex Sex,
    DateOnly BirthDate,
    string? DamTag,
    AnimalOrigin Origin,
    string? OriginNote,
    AnimalStatus Status,
    DateOnly? StatusDate,
    string? StatusReason,
    Guid? GroupId,
    string? PhotoReference,
    long Version);
