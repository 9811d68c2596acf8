namespace Cnucnm.Grains.Farms;

/// <summary>A farm's calendar: intake days (and the month of a beef formulation's climate normals) are counted in the farm's time zone.</summary>
public static class FarmClock
{
    public static DateOnly LocalDay(DateTimeOffset instant, string? timeZone) => LocalDay(instant, Zone(timeZone));

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The month (1–12) of <paramref name="instant"/> on the farm's calendar.</summary>
    public static int LocalMonth(DateTimeOffset instant, string? timeZone) => TimeZoneInfo.ConvertTime(instant, Zone(timeZone)).Month;

    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
