namespace Cnucnm.Registry.Groups;

/// <summary>Inputs the farm sets by hand for a group; each one given replaces the value derived from the members.</summary>
public sealed record GroupInputOverrides(
    int? HeadCount = null,
    double? BodyWeightKg = null,
    double? BodyConditionScore = null,
    int? AgeDays = null,
    int? Parity = null,
    int? DaysInMilk = null,
    int? DaysPregnant = null,
    double? MilkKgPerDay = null,
    double? MilkFatPercent = null,
    double? MilkTrueProteinPercent = null,
    double? MilkLactosePercent = null)
{
    public static GroupInputOverrides None { get; } = new();
}
