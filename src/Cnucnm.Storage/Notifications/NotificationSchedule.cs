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
    /// <summary>The zone of a person who has not chosen one: a farm's default zone (farms are in Korea unless their profile says otherwise).</summary>
    public const string DefaultTimeZone = "Asia/Seoul";

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

    /// <summary>The week a person who turns the weekly report on at <paramref name="now"/> must not be sent: on a Monday before the
    /// digest hour the last due report is the week before last (its Monday came a week ago), and this week's report follows within
    /// hours; null on other days, when the last due report is last week's.</summary>
    public static DateOnly? StaleWeekOnEnabling(NotificationPreferences preferences, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(preferences.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var reported = ReportedWeekEnd(preferences, now);
        return reported < thisMonday ? reported : null;
    }

    /// <summary>Stores a person's preferences; when that turns the weekly report on, the stale week (<see cref="StaleWeekOnEnabling"/>)
    /// is taken as done, so the first report is the current one.</summary>
    public static async Task SetPreferencesAsync(INotificationStore store, NotificationPreferences preferences, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var before = await store.GetPreferencesAsync(preferences.UserId, cancellationToken);
        await store.SetPreferencesAsync(preferences, cancellationToken);
        if (preferences.WeeklyReport && before?.WeeklyReport != true && StaleWeekOnEnabling(preferences, now) is { } stale)
        {
            await store.TryClaimWeeklyReportAsync(preferences.UserId, stale, now, cancellationToken);
        }
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
