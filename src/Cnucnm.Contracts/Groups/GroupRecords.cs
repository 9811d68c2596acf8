namespace Cnucnm.Contracts.Groups;

[GenerateSerializer, Alias("cnucnm.Breed")]
public enum Breed
{
    Holstein = 0,
    Jersey = 1,
    Hanwoo = 2,
    HolsteinHanwooCross = 3,
    Angus = 4,
    Other = 5,
}

[GenerateSerializer, Alias("cnucnm.PhysiologicalState")]
public enum PhysiologicalState
{
    LactatingCow = 0,
    DryCow = 1,
    Heifer = 2,
    Calf = 3,
    GrowingSteer = 4,
    FatteningSteer = 5,
    BeefCow = 6,
}

/// <summary>Where and how the animals live (NASEM 2021 maintenance activity and thermal inputs).</summary>
/// <param name="TemperatureFromFarmClimate">True when the group stated no environment: <paramref name="TemperatureCelsius"/> is then
/// the 15 °C default, and a beef group's formulation takes its temperatures from the farm's province (KMA normals of the farm's
/// month) or, without one, the thermoneutral default (docs/science.md). False: the group's temperature was stated and is used.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.GroupEnvironment")]
public sealed record GroupEnvironment(
    [property: Id(0)] double TemperatureCelsius,
    [property: Id(1)] double RelativeHumidityPercent,
    [property: Id(2)] double DistanceToParlorMeters,
    [property: Id(3)] int TripsToParlorPerDay,
    [property: Id(4)] double TopographyMeters,
    [property: Id(5)] bool Grazing,
    [property: Id(6)] bool TemperatureFromFarmClimate = false)
{
    public static GroupEnvironment Housed(double temperatureCelsius = 15) => new(temperatureCelsius, 60, 0, 0, 0, false);

    /// <summary>Housed, with no temperature of the group's own: 15 °C for the dairy model, the farm's climate for the beef model.</summary>
    public static GroupEnvironment FarmClimate() => Housed() with { TemperatureFromFarmClimate = true };
}

/// <summary>The inputs the nutrition engine needs for a mean animal of the group.</summary>
/// <param name="BodyConditionScore">On the breed's scale: 1–5 for dairy breeds, 1–9 for beef breeds.</param>
/// <param name="MatureBodyWeightKg">Null: the breed's default.</param>
/// <param name="Parity">Lactation number: 0 for heifers and calves, 1 for first-lactation cows.</param>
/// <param name="DaysPregnant">0 when open.</param>
/// <param name="TargetDryMatterIntakeKg">Null: predict intake; a value makes the model use it.</param>
/// <param name="DaysInMilk">Null for a state without milk (<see cref="HasMilkComponents"/>), or when not milking.</param>
/// <param name="MilkKgPerDay">Milk yield, kg/d. Null for a state without milk; for a beef cow, null lets the lactation curve predict it.</param>
/// <param name="MilkFatPercent">Milk fat, % of milk. Null for a state without milk.</param>
/// <param name="MilkTrueProteinPercent">Milk true protein, % of milk. Null for a state without milk.</param>
/// <param name="MilkLactosePercent">Milk lactose, % of milk. Null for a state without milk.</param>
/// <remarks>
/// The milk components (days in milk, milk yield, fat, true protein, lactose) follow the state: only lactating cows and
/// beef (suckler) cows have them; steers, heifers, calves and dry cows carry none (null), see <see cref="ForState"/>.
/// </remarks>
[GenerateSerializer, Immutable, Alias("cnucnm.GroupInputs")]
public sealed record GroupInputs(
    [property: Id(0)] Breed Breed,
    [property: Id(1)] PhysiologicalState State,
    [property: Id(2)] int HeadCount,
    [property: Id(3)] double BodyWeightKg,
    [property: Id(4)] double BodyConditionScore,
    [property: Id(5)] double? MatureBodyWeightKg,
    [property: Id(6)] int AgeDays,
    [property: Id(7)] int Parity,
    [property: Id(8)] int? DaysInMilk,
    [property: Id(9)] int DaysPregnant,
    [property: Id(10)] double? MilkKgPerDay,
    [property: Id(11)] double? MilkFatPercent,
    [property: Id(12)] double? MilkTrueProteinPercent,
    [property: Id(13)] double? MilkLactosePercent,
    [property: Id(14)] double TargetGainKgPerDay,
    [property: Id(15)] GroupEnvironment Environment,
    [property: Id(16)] double? TargetDryMatterIntakeKg)
{
    /// <summary>The API names of the milk components, in form order.</summary>
    public static readonly IReadOnlyList<string> MilkComponentNames =
        ["daysInMilk", "milkKgPerDay", "milkFatPercent", "milkTrueProteinPercent", "milkLactosePercent"];

    /// <summary>
    /// Whether a group in <paramref name="state"/> has milk components: lactating cows (NASEM 2021 Ch. 6 milk energy and
    /// protein need yield, fat, true protein and lactose) and beef cows, which may be suckling (NRC 2000 beef-cow
    /// lactation, Jenkins and Ferrell 1984: yield predicted by the breed's curve when not given). Steers, heifers, calves and dry cows have none.
    /// </summary>
    public static bool HasMilkComponents(PhysiologicalState state) => state is PhysiologicalState.LactatingCow or PhysiologicalState.BeefCow;

    /// <summary>These inputs with the milk components cleared (null) when the state has none.</summary>
    public GroupInputs ForState() => HasMilkComponents(State)
        ? this
        : this with { DaysInMilk = null, MilkKgPerDay = null, MilkFatPercent = null, MilkTrueProteinPercent = null, MilkLactosePercent = null };
}

/// <summary>A weighing of the group's mean animal (or a sample of it).</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.WeighingRecord")]
public sealed record WeighingRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double BodyWeightKg,
    [property: Id(2)] double? BodyConditionScore,
    [property: Id(3)] string RecordedBy);

/// <summary>A milk test of the group (mean per cow).</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.MilkTestRecord")]
public sealed record MilkTestRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double MilkKgPerDay,
    [property: Id(2)] double FatPercent,
    [property: Id(3)] double TrueProteinPercent,
    [property: Id(4)] double LactosePercent,
    [property: Id(5)] string RecordedBy);

/// <summary>A nutrient requirement of one animal per day, in the nutrient's unit.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.NutrientLine")]
public sealed record NutrientLine(
    [property: Id(0)] string Nutrient,
    [property: Id(1)] string Unit,
    [property: Id(2)] double Required);

/// <summary>What the engine says the mean animal needs, computed from the current inputs.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.GroupRequirements")]
public sealed record GroupRequirements(
    [property: Id(0)] DateTimeOffset ComputedAt,
    [property: Id(1)] double PredictedDryMatterIntakeKg,
    [property: Id(2)] IReadOnlyList<NutrientLine> PerAnimal,
    [property: Id(3)] string Model);

/// <summary>Intake of the whole group on one day (farm's local date), from sensor readings; or imported from the farm's own
/// records for a day older than the readings go back (one record: <paramref name="Readings"/> = 1, with the
/// <paramref name="HeadCount"/> fed that day; null for sensor days, whose head count is the group's).</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.IntakeDay")]
public sealed record IntakeDay(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] double DeliveredKgAsFed,
    [property: Id(2)] double RefusedKgAsFed,
    [property: Id(3)] double DryMatterKg,
    [property: Id(4)] int Readings,
    [property: Id(5)] int? HeadCount = null);

/// <summary>Today's and recent intake per head, next to the predicted and formulated intake.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.IntakeSummary")]
public sealed record IntakeSummary(
    [property: Id(0)] DateOnly Today,
    [property: Id(1)] double? TodayDryMatterKgPerHead,
    [property: Id(2)] double? RecentMeanDryMatterKgPerHead,
    [property: Id(3)] double? PredictedDryMatterKgPerHead,
    [property: Id(4)] double? FormulatedDryMatterKgPerHead,
    [property: Id(5)] IReadOnlyList<IntakeDay> Days);

[GenerateSerializer, Immutable, Alias("cnucnm.GroupSnapshot")]
public sealed record GroupSnapshot(
    [property: Id(0)] Guid GroupId,
    [property: Id(1)] Guid FarmId,
    [property: Id(2)] string Name,
    [property: Id(3)] GroupInputs Inputs,
    [property: Id(4)] GroupRequirements? Requirements,
    [property: Id(5)] IntakeSummary Intake,
    [property: Id(6)] IReadOnlyList<WeighingRecord> Weighings,
    [property: Id(7)] IReadOnlyList<MilkTestRecord> MilkTests,
    [property: Id(8)] long Version,
    [property: Id(9)] string? RequirementsProblem);

[GenerateSerializer, Alias("cnucnm.GroupOutcome")]
public enum GroupOutcome
{
    Ok = 0,
    Created = 1,
    AlreadyExists = 2,
    NotFound = 3,
    Invalid = 4,
}

[GenerateSerializer, Immutable, Alias("cnucnm.GroupResult")]
public sealed record GroupResult(
    [property: Id(0)] GroupOutcome Outcome,
    [property: Id(1)] GroupSnapshot? Group,
    [property: Id(2)] string? Problem = null);
