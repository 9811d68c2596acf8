namespace Cnucnm.Registry.Records;

/// <summary>The wire and storage names of the record kinds.</summary>
public static class RecordKinds
{
    public const string Weighing = "weighing";
    public const string MilkTest = "milkTest";
    public const string Insemination = "insemination";
    public const string PregnancyCheck = "pregnancyCheck";
    public const string Calving = "calving";
    public const string DryOff = "dryOff";
    public const string HealthEvent = "healthEvent";
    public const string Move = "move";

    public static IReadOnlyList<string> All { get; } = [Weighing, MilkTest, Insemination, PregnancyCheck, Calving, DryOff, HealthEvent, Move];
}
