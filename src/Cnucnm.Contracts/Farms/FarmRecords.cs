namespace Cnucnm.Contracts.Farms;

/// <summary>What a farm says about itself. Climate defaults feed the nutrition engine when a group
/// gives no environment of its own.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmProfile")]
public sealed record FarmProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] FarmLocation Location,
    [property: Id(2)] string Currency,
    [property: Id(3)] ClimateDefaults Climate,
    [property: Id(4)] string TimeZone);

/// <param name="Region">Where the farm is, in the farm's own words.</param>
/// <param name="Province">Korean farms: the province (시·도) as an ISO 3166-2:KR code such as KR-44; its KMA 1991–2020 climate
/// normals give beef formulations their current and previous-month temperatures when a group gives none (docs/science.md).
/// Null when not given.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmLocation")]
public sealed record FarmLocation(
    [property: Id(0)] string Region,
    [property: Id(1)] string CountryCode,
    [property: Id(2)] double? Latitude,
    [property: Id(3)] double? Longitude,
    [property: Id(4)] string? Province = null);

/// <summary>Typical ambient conditions used when a group gives none.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.ClimateDefaults")]
public sealed record ClimateDefaults(
    [property: Id(0)] double AmbientTemperatureCelsius,
    [property: Id(1)] double RelativeHumidityPercent)
{
    public static ClimateDefaults Temperate { get; } = new(15, 60);
}

/// <summary>How the farm wants rations to follow reality, and when to warn.</summary>
/// <param name="Reformulation">Automatic: a re-formulated ration takes effect at once. Suggest: it waits for approval.</param>
/// <param name="PriceChangeThresholdPercent">A price change beyond this (either way) re-formulates and raises an alert.</param>
/// <param name="IntakeDeviationThresholdPercent">Actual DM intake departing from the formulated intake by more than this…</param>
/// <param name="IntakeWindowDays">…averaged over this many complete days re-formulates with the observed intake.</param>
/// <param name="IntakeDropThresholdPercent">Today's intake below the previous days' mean by more than this raises an alert.</param>
/// <param name="NutrientTolerancePercent">A supplied nutrient short of (or beyond a maximum by) more than this raises an alert.</param>
/// <param name="SensorSilenceMinutes">A sensor with no reading for this long raises an alert.</param>
/// <param name="InventoryWarningDays">Stock lasting fewer days than this at current use raises an alert.</param>
/// <param name="FormulateWithAdaptedIntake">Formulate for the adapted intake (predicted DMI × the ratio observed / predicted
/// learned from the group's last 60 days, once 7 complete days are in; docs/analytics.md) instead of the predicted DMI.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.FarmPolicy")]
public sealed record FarmPolicy(
    [property: Id(0)] ReformulationPolicy Reformulation,
    [property: Id(1)] double PriceChangeThresholdPercent,
    [property: Id(2)] double IntakeDeviationThresholdPercent,
    [property: Id(3)] int IntakeWindowDays,
    [property: Id(4)] double IntakeDropThresholdPercent,
    [property: Id(5)] double NutrientTolerancePercent,
    [property: Id(6)] int SensorSilenceMinutes,
    [property: Id(7)] int InventoryWarningDays,
    [property: Id(8)] bool FormulateWithAdaptedIntake = false)
{
    public static FarmPolicy Default { get; } = new(ReformulationPolicy.Suggest, 5, 10, 3, 15, 5, 120, 5);
}

[GenerateSerializer, Alias("cnucnm.ReformulationPolicy")]
public enum ReformulationPolicy
{
    /// <summary>Re-formulated rations wait as a suggestion with the cost difference until approved.</summary>
    Suggest = 0,

    /// <summary>Re-formulated rations take effect at once.</summary>
    Automatic = 1,
}

[GenerateSerializer, Immutable, Alias("cnucnm.FarmGroupRef")]
public sealed record FarmGroupRef([property: Id(0)] Guid GroupId, [property: Id(1)] string Name);

[GenerateSerializer, Immutable, Alias("cnucnm.FarmSnapshot")]
public sealed record FarmSnapshot(
    [property: Id(0)] Guid FarmId,
    [property: Id(1)] FarmProfile Profile,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] long Version,
    [property: Id(5)] FarmPolicy Policy,
    [property: Id(6)] IReadOnlyList<FarmGroupRef> Groups,
    [property: Id(7)] IReadOnlyList<string> Sensors);

[GenerateSerializer, Immutable, Alias("cnucnm.FarmResult")]
public sealed record FarmResult(
    [property: Id(0)] FarmOutcome Outcome,
    [property: Id(1)] FarmSnapshot? Farm);

[GenerateSerializer, Alias("cnucnm.FarmOutcome")]
public enum FarmOutcome
{
    Ok = 0,
    Created = 1,
    AlreadyExists = 2,
    NotFound = 3,
}
