using Cnucnm.FieldValidation;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Contracts.Groups;

namespace Cnucnm.Api.Groups;

/// <summary>A group and the inputs of its mean animal. Units are in the names.</summary>
/// <param name="BodyConditionScore">On the breed's scale: 1–5 for Holstein and Jersey, 1–9 for beef breeds (Hanwoo, Angus, crosses).</param>
/// <param name="Parity">Lactation number: 0 for heifers and calves, 1 for first-lactation cows.</param>
/// <param name="TargetDryMatterIntakeKg">Set to use this intake instead of the predicted one.</param>
/// <param name="TargetGainKgPerDay">Target daily gain, kg/d. Groups on the beef model (beef breeds, Holstein steers): shrunk-weight
/// gain (NRC 2000: shrunk = 0.96 × live, so a scale's live gain × 0.96); 0 takes the growth phase's default. Dairy (NASEM 2021)
/// heifers and calves: live-weight gain.</param>
/// <param name="Environment">The group's own environment; left out, the farm's climate decides (beef groups: the KMA normals of
/// the farm's province for the farm's month; otherwise 15 °C) and <c>environment.temperatureFromFarmClimate</c> says so.</param>
public sealed record GroupRequest(
    string? Name,
    Breed? Breed,
    PhysiologicalState? State,
    int? HeadCount,
    double? BodyWeightKg,
    double? BodyConditionScore,
    double? MatureBodyWeightKg,
    int? AgeDays,
    int? Parity,
    int? DaysInMilk,
    int? DaysPregnant,
    double? MilkKgPerDay,
    double? MilkFatPercent,
    double? MilkTrueProteinPercent,
    double? MilkLactosePercent,
    double? TargetGainKgPerDay,
    EnvironmentBody? Environment,
    double? TargetDryMatterIntakeKg)
{
    public static bool IsDairy(Breed breed) => breed is Contracts.Groups.Breed.Holstein or Contracts.Groups.Breed.Jersey;

    /// <summary>
    /// Field errors of the request. Milk components follow the state (<see cref="GroupInputs.HasMilkComponents"/>): a
    /// lactating dairy (Holstein, Jersey) group needs days in milk, milk yield, fat and true protein (lactose defaults to
    /// 4.85 %); a beef cow or lactating beef-breed group may give them; any other state (steers, heifers, calves, dry
    /// cows) has none: a component given for it is refused, except 0 for days in milk or milk yield, which says "no milk"
    /// as older clients sent it. Messages of these rules in Korean when <paramref name="korean"/>.
    /// </summary>
    public Validation Validate(bool korean = false)
    {
        var v = new Validation()
            .RequireText(Name, "name", 100)
            .Require(Breed is not null && Enum.IsDefined(Breed.Value), "breed", "is required: holstein, jersey, hanwoo, holsteinHanwooCross, angus or other.")
            .Require(State is not null && Enum.IsDefined(State.Value), "state", "is required: lactatingCow, dryCow, heifer, calf, growingSteer, fatteningSteer or beefCow.")
            .Require(HeadCount is >= 1 and <= 10_000, "headCount", "must be between 1 and 10000.")
            .RequireRange(BodyWeightKg, "bodyWeightKg", 20, 1500)
            .RequireRange(MatureBodyWeightKg, "matureBodyWeightKg", 200, 1500, required: false)
            .Require(AgeDays is >= 0 and <= 9000, "ageDays", "must be between 0 and 9000.")
            .Require(Parity is null or (>= 0 and <= 15), "parity", "must be between 0 and 15.")
            .Require(DaysInMilk is null or (>= 0 and <= 800), "daysInMilk", "must be between 0 and 800.")
            .Require(DaysPregnant is null or (>= 0 and <= 300), "daysPregnant", "must be between 0 and 300.")
            .RequireRange(MilkKgPerDay, "milkKgPerDay", 0, 80, required: false)
            .RequireRange(MilkFatPercent, "milkFatPercent", 1.5, 9, required: false)
            .RequireRange(MilkTrueProteinPercent, "milkTrueProteinPercent", 1.5, 6, required: false)
            .RequireRange(MilkLactosePercent, "milkLactosePercent", 3, 6, required: false)
            .RequireRange(TargetGainKgPerDay, "targetGainKgPerDay", -1, 2.5, required: false)
            .RequireRange(TargetDryMatterIntakeKg, "targetDryMatterIntakeKg", 0.2, 40, required: false);
        if (Breed is { } breed && Enum.IsDefined(breed))
        {
            v.RequireRange(BodyConditionScore, "bodyConditionScore", 1, IsDairy(breed) ? 5 : 9);
        }

        if (State == PhysiologicalState.LactatingCow)
        {
            v.Require(MilkKgPerDay is > 0, "milkKgPerDay", korean ? "착유우는 필수입니다." : "is required for lactating cows.")
             .Require(Parity is >= 1, "parity", "must be at least 1 for lactating cows.");
            if (Breed is { } dairy && IsDairy(dairy))
            {
                // NASEM (2021) Ch. 6: milk net energy and protein come from yield, fat, true protein (and lactose) of the milk;
                // fat, true protein and lactose default to 3.8, 3.1 and 4.85 % when left out (as before milk components
                // followed the state), days in milk has no default.
                var required = korean ? "착유 중인 젖소 그룹은 필수입니다." : "is required for lactating dairy cows.";
                v.Require(DaysInMilk is not null, "daysInMilk", required);
            }
        }
        else if (State is { } state && Enum.IsDefined(state) && !GroupInputs.HasMilkComponents(state))
        {
            var refused = korean ? $"{StateKorean(state)} 그룹에는 유성분이 없습니다. 비워 두십시오." : $"does not apply to a {System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(state.ToString())} group: leave it out.";
            v.Require(DaysInMilk is null or 0, "daysInMilk", refused)
             .Require(MilkKgPerDay is null or 0, "milkKgPerDay", refused)
             .Require(MilkFatPercent is null, "milkFatPercent", refused)
             .Require(MilkTrueProteinPercent is null, "milkTrueProteinPercent", refused)
             .Require(MilkLactosePercent is null, "milkLactosePercent", refused);
        }

        if (Environment is not null)
        {
            v.RequireRange(Environment.TemperatureCelsius, "environment.temperatureCelsius", -40, 50)
             .RequireRange(Environment.RelativeHumidityPercent, "environment.relativeHumidityPercent", 0, 100, required: false)
             .RequireRange(Environment.DistanceToParlorMeters, "environment.distanceToParlorMeters", 0, 5000, required: false)
             .Require(Environment.TripsToParlorPerDay is null or (>= 0 and <= 6), "environment.tripsToParlorPerDay", "must be between 0 and 6.")
             .RequireRange(Environment.TopographyMeters, "environment.topographyMeters", 0, 500, required: false);
        }

        return v;
    }

    public GroupInputs ToInputs() => new GroupInputs(
        Breed!.Value, State!.Value, HeadCount!.Value, BodyWeightKg!.Value, BodyConditionScore!.Value, MatureBodyWeightKg,
        AgeDays!.Value, Parity ?? 0, DaysInMilk, DaysPregnant ?? 0, MilkKgPerDay, MilkFatPercent ?? DairyDefault(3.8),
        MilkTrueProteinPercent ?? DairyDefault(3.1), MilkLactosePercent ?? (State == PhysiologicalState.LactatingCow ? 4.85 : null), TargetGainKgPerDay ?? 0,
        Environment is null
            ? GroupEnvironment.FarmClimate()
            : new GroupEnvironment(Environment.TemperatureCelsius!.Value, Environment.RelativeHumidityPercent ?? 60,
                Environment.DistanceToParlorMeters ?? 0, Environment.TripsToParlorPerDay ?? 0, Environment.TopographyMeters ?? 0, Environment.Grazing ?? false),
        TargetDryMatterIntakeKg).ForState();

    /// <summary>A milk component's default for a lactating dairy group that leaves it out; null for any other group.</summary>
    private double? DairyDefault(double percent) =>
        State == PhysiologicalState.LactatingCow && Breed is { } breed && IsDairy(breed) ? percent : null;

    private static string StateKorean(PhysiologicalState state) => state switch
    {
        PhysiologicalState.DryCow => "건유우",
        PhysiologicalState.Heifer => "육성우(미경산)",
        PhysiologicalState.Calf => "송아지",
        PhysiologicalState.GrowingSteer => "육성 거세우",
        PhysiologicalState.FatteningSteer => "비육 거세우",
        _ => state.ToString(),
    };
}

/// <param name="TemperatureCelsius">Mean ambient temperature, °C.</param>
/// <param name="DistanceToParlorMeters">One-way walking distance to the milking parlor, m.</param>
/// <param name="TopographyMeters">Height climbed per day, m.</param>
public sealed record EnvironmentBody(double? TemperatureCelsius, double? RelativeHumidityPercent, double? DistanceToParlorMeters,
    int? TripsToParlorPerDay, double? TopographyMeters, bool? Grazing);

public sealed record WeighingRequest(DateOnly? Date, double? BodyWeightKg, double? BodyConditionScore);

public sealed record MilkTestRequest(DateOnly? Date, double? MilkKgPerDay, double? FatPercent, double? TrueProteinPercent, double? LactosePercent);

public sealed record GroupResponse(
    Guid Id,
    Guid FarmId,
    string Name,
    GroupInputs Inputs,
    GroupRequirements? Requirements,
    string? RequirementsProblem,
    IntakeSummary Intake,
    IReadOnlyList<WeighingRecord> Weighings,
    IReadOnlyList<MilkTestRecord> MilkTests,
    long Version)
{
    public static GroupResponse From(GroupSnapshot group) => new(group.GroupId, group.FarmId, group.Name, group.Inputs, group.Requirements,
        group.RequirementsProblem, group.Intake, group.Weighings, group.MilkTests, group.Version);
}
