namespace Cnucnm.Registry.Records;

/// <summary>A stored record: who wrote it and when, around the dated fact.</summary>
public sealed record AnimalRecordEntry(Guid Id, Guid FarmId, Guid AnimalId, AnimalRecord Record, string RecordedBy, DateTimeOffset RecordedAt);
