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

[GenerateSerializer, Immutable, Alias("cnucnm.FarmLocation")]
public sealed record FarmLocation(
    [property: Id(0)] string Region,
    [property: Id(1)] string CountryCode,
    [property: Id(2)] double? Latitude,
    [property: Id(3)] double? Longitude);

/// <summary>Typical ambient conditions used when a group gives none.</summary>
[GenerateSerializer, Immutable, Alias("cnucnm.ClimateDefaults")]
public sealed record ClimateDefaults(
    [property: Id(0)] double AmbientTemperatureCelsius,
    [property: Id(1)] double RelativeHumidityPercent)
{
    public static ClimateDefaults Temperate { get; } = new(15, 60);
}

[GenerateSerializer, Immutable, Alias("cnucnm.FarmSnapshot")]
public sealed record FarmSnapshot(
    [property: Id(0)] Guid FarmId,
    [property: Id(1)] FarmProfile Profile,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] long Version);

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
