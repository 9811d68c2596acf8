using System.Text.Json.Serialization;

namespace Cnucnm.Registry.Records;

/// <summary>A dated record of one animal. The closed set of kinds is below; JSON carries the kind first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Weighing), RecordKinds.Weighing)]
[JsonDerivedType(typeof(MilkTest), RecordKinds.MilkTest)]
[JsonDerivedType(typeof(Insemination), RecordKinds.Insemination)]
[JsonDerivedType(typeof(PregnancyCheck), RecordKinds.PregnancyCheck)]
[JsonDerivedType(typeof(Calving), RecordKinds.Calving)]
[JsonDerivedType(typeof(DryOff), RecordKinds.DryOff)]
[JsonDerivedType(typeof(HealthEvent), RecordKinds.HealthEvent)]
[JsonDerivedType(typeof(GroupMove), RecordKinds.Move)]
public abstract record AnimalRecord(DateOnly Date)
{
    [JsonIgnore]
    public string Kind => this switch
    {
        Weighing => RecordKinds.Weighing,
        MilkTest => RecordKinds.MilkTest,
        Insemination => RecordKinds.Insemination,
        PregnancyCheck => RecordKinds.PregnancyCheck,
        Calving => RecordKinds.Calving,
        DryOff => RecordKinds.DryOff,
        HealthEvent => RecordKinds.HealthEvent,
        GroupMove => RecordKinds.Move,
        _ => throw new InvalidOperationException($"Unknown record kind {GetType().Name}."),
    };
}

/// <summary>Body weight, kg, and body condition on the breed's scale (<see cref="AnimalBreed.Scale"/>).</summary>
public sealed record Weighing(DateOnly Date, double BodyWeightKg, double? BodyConditionScore = null) : AnimalRecord(Date);

/// <summary>A test-day milk record: kg milk per day, fat, true protein and lactose in %, somatic cells in thousands per mL.</summary>
public sealed record MilkTest(
    DateOnly Date, double MilkKgPerDay, double FatPercent, double TrueProteinPercent, double LactosePercent,
    double? SomaticCellsThousandPerMl = null) : AnimalRecord(Date);

/// <summary>An insemination (artificial or natural service).</summary>
public sealed record Insemination(DateOnly Date, string? Sire = null) : AnimalRecord(Date);

/// <summary>A pregnancy diagnosis; a positive one dates conception at the last insemination before it.</summary>
public sealed record PregnancyCheck(DateOnly Date, bool Pregnant, string? Method = null) : AnimalRecord(Date);

/// <summary>A calving, which starts a lactation; the calf's number is registered separately as an animal.</summary>
public sealed record Calving(DateOnly Date, AnimalSex? CalfSex = null, string? CalfTag = null, double? CalfBirthWeightKg = null, bool CalfAlive = true)
    : AnimalRecord(Date);

/// <summary>The end of a lactation.</summary>
public sealed record DryOff(DateOnly Date) : AnimalRecord(Date);

/// <summary>A diagnosis and its treatment; milk and meat may not be sold for the withdrawal periods (days) after it.</summary>
public sealed record HealthEvent(DateOnly Date, string Diagnosis, string? Treatment = null, int MilkWithdrawalDays = 0, int MeatWithdrawalDays = 0)
    : AnimalRecord(Date)
{
    public DateOnly MilkWithdrawalEnd => Date.AddDays(MilkWithdrawalDays);

    public DateOnly MeatWithdrawalEnd => Date.AddDays(MeatWithdrawalDays);
}

/// <summary>A move from one group (pen) to another; null <see cref="FromGroupId"/>: the animal had no group.</summary>
public sealed record GroupMove(DateOnly Date, Guid? FromGroupId, Guid ToGroupId, string? Reason = null) : AnimalRecord(Date);
