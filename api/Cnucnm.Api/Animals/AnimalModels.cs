using Cnucnm.Registry;
using Cnucnm.Registry.Groups;
using Cnucnm.Registry.Records;

namespace Cnucnm.Api.Animals;

/// <summary>Registers an animal. <paramref name="Tag"/> is the traceability number as printed (KOR 002 1234 5678 9) or its 12 digits.</summary>
/// <param name="Breed">hanwoo, holstein, jersey, holstein-x-hanwoo or angus.</param>
/// <param name="GroupId">The group (pen) the animal joins; the group's inputs then follow its members.</param>
public sealed record AnimalRequest(
    string? Tag,
    string? Name,
    string? Breed,
    AnimalSex? Sex,
    DateOnly? BirthDate,
    string? DamTag,
    AnimalOrigin? Origin,
    string? OriginNote,
    Guid? GroupId,
    string? PhotoReference);

/// <summary>Marks an animal as sold, dead or culled (or active again), with the date and the reason.</summary>
public sealed record AnimalStatusRequest(AnimalStatus? Status, DateOnly? Date, string? Reason);

/// <summary>A record of one of the kinds weighing, milkTest, insemination, pregnancyCheck, calving, dryOff; the fields of that kind.</summary>
/// <param name="BodyConditionScore">On the breed's scale: 1–5 for Holstein and Jersey, 1–9 for Hanwoo, Angus and the cross.</param>
/// <param name="SomaticCellsThousandPerMl">Somatic cell count, thousands of cells per mL.</param>
public sealed record RecordRequest(
    string? Kind,
    DateOnly? Date,
    double? BodyWeightKg,
    double? BodyConditionScore,
    double? MilkKgPerDay,
    double? FatPercent,
    double? TrueProteinPercent,
    double? LactosePercent,
    double? SomaticCellsThousandPerMl,
    string? Sire,
    bool? Pregnant,
    string? Method,
    AnimalSex? CalfSex,
    string? CalfTag,
    double? CalfBirthWeightKg,
    bool? CalfAlive);

/// <summary>A diagnosis and treatment; milk and meat are withheld for the withdrawal days after <paramref name="Date"/>.</summary>
public sealed record HealthEventRequest(DateOnly? Date, string? Diagnosis, string? Treatment, int? MilkWithdrawalDays, int? MeatWithdrawalDays);

/// <summary>Moves the animal to another group of the farm.</summary>
public sealed record MoveRequest(DateOnly? Date, Guid? ToGroupId, string? Reason);

/// <summary>An animal as registered, with what its records say today.</summary>
public sealed record AnimalResponse(
    Guid Id,
    string Tag,
    string? Name,
    string Breed,
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
    long Version,
    AnimalSummary? Summary)
{
    public static AnimalResponse From(Animal a, AnimalSummary? summary) => new(a.Id, a.Tag, a.Name, a.BreedId, a.Sex, a.BirthDate, a.DamTag, a.Origin,
        a.OriginNote, a.Status, a.StatusDate, a.StatusReason, a.GroupId, a.PhotoReference, a.Version, summary);
}

/// <summary>One page of animals and the number of matches on all pages.</summary>
public sealed record AnimalListResponse(IReadOnlyList<AnimalResponse> Items, long Total, int Offset, int Limit);

/// <summary>A stored record; <c>record.kind</c> names its kind.</summary>
public sealed record RecordResponse(Guid Id, Guid AnimalId, AnimalRecord Record, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static RecordResponse From(AnimalRecordEntry e) => new(e.Id, e.AnimalId, e.Record, e.RecordedBy, e.RecordedAt);
}

/// <summary>What a record or a move did: the animal now, and the groups whose inputs were re-derived.</summary>
public sealed record RecordResult(RecordResponse Record, AnimalResponse Animal, IReadOnlyList<GroupInputsResponse> Groups);

/// <summary>A group's inputs derived from its members (overrides applied) and what the mean animal cannot carry.</summary>
/// <param name="Unknown">Inputs no member has a record for (e.g. daysInMilk when no member of a lactating group has a
/// recorded calving): kept as the group had them, never invented; record them or set them by hand.</param>
public sealed record GroupInputsResponse(
    Guid GroupId,
    int Members,
    double SharePregnant,
    double? MeanDaysPregnantOfPregnant,
    IReadOnlyDictionary<string, int> ParityMix,
    IReadOnlyList<string> Overridden,
    GroupInputOverrides Overrides,
    bool Updated,
    Contracts.Groups.GroupInputs Inputs,
    IReadOnlyList<string> Unknown);
