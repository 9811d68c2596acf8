namespace Cnucnm.Grains.Farms;

/// <summary>A farm's calendar: intake days are counted in the farm's time zone.</summary>
public static class FarmClock
{
    public static DateOnly LocalDay(DateTimeOffset instant, string? timeZone) => LocalDay(instant, Zone(timeZone));

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
