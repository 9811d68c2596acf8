namespace Cnucnm.Storage.Notifications;

public static class AlertEmailDelivery
{
    public const string Off = "off";
    public const string Immediate = "immediate";
    public const string DailyDigest = "dailyDigest";

    public static readonly IReadOnlyList<string> All = [Off, Immediate, DailyDigest];
}

/// <summary>What alert e-mails a person wants. Quiet hours are local times of <see cref="TimeZone"/>
/// (an IANA id); an interval that ends before it starts spans midnight (22:00–06:00).</summary>
public sealed record NotificationPreferences(
    Guid UserId,
    IReadOnlyList<string> AlertKinds,
    string Delivery,
    TimeOnly? QuietHoursStart,
    TimeOnly? QuietHoursEnd,
    int DigestHour,
    string TimeZone,
    bool WeeklyReport = false);

/// <summary>When an alert e-mail for a person is due: now, at the end of their quiet hours, or at their next digest hour.</summary>
public static class NotificationSchedule
{
    public static DateTimeOffset DueAt(NotificationPreferences preferences, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(preferences.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (preferences.Delivery == AlertEmailDelivery.DailyDigest)
        {
            var today = new DateTime(local.Year, local.Month, local.Day, preferences.DigestHour, 0, 0, DateTimeKind.Unspecified);
            var next = today > local.DateTime ? today : today.AddDays(1);
            return ToInstant(next, zone);
        }

        if (preferences.QuietHoursStart is not { } start || preferences.QuietHoursEnd is not { } end || start == end)
        {
            return now;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return now;
        }

        var endToday = local.Date + end.ToTimeSpan();
        return ToInstant(endToday > local.DateTime ? endToday : endToday.AddDays(1), zone);
    }

    /// <summary>The Monday (local date) that ends the last week whose report is due: reports go out on
    /// Mondays at the digest hour and cover the seven days before that Monday.</summary>
    public static DateOnly ReportedWeekEnd(NotificationPreferences preferences, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(preferences.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var monday = DateOnly.FromDateTime(local).AddDays(-(((int)local.DayOfWeek + 6) % 7));
        return local < monday.ToDateTime(new TimeOnly(preferences.DigestHour, 0)) ? monday.AddDays(-7) : monday;
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a daylight-saving jump moves to after the jump.</summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
