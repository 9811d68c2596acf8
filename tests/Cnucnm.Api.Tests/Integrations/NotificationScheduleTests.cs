using Cnucnm.Storage.Notifications;

namespace Cnucnm.Api.Tests.Integrations;

public sealed class NotificationScheduleTests
{
    private static NotificationPreferences Preferences(string delivery, string? quietStart = null, string? quietEnd = null, int digestHour = 7, string zone = "Asia/Seoul") =>
        new(Guid.NewGuid(), ["intakeDrop"], delivery, quietStart is null ? null : TimeOnly.Parse(quietStart, System.Globalization.CultureInfo.InvariantCulture),
            quietEnd is null ? null : TimeOnly.Parse(quietEnd, System.Globalization.CultureInfo.InvariantCulture), digestHour, zone);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(11, 25, 14, 30, 11, 25, 21, 0)] // 23:30 in Seoul (UTC+9), quiet 22:00–06:00: waits for 06:00 local
    [InlineData(11, 24, 20, 0, 11, 24, 21, 0)]  // 05:00 in Seoul: waits for 06:00 the same morning
    [InlineData(11, 25, 3, 0, 11, 25, 3, 0)]    // noon in Seoul: now
    [InlineData(11, 25, 12, 59, 11, 25, 12, 59)] // 21:59 in Seoul: still now
    public void Immediate_alerts_wait_out_quiet_hours_that_span_midnight(int month, int day, int hour, int minute, int dueMonth, int dueDay, int dueHour, int dueMinute) =>
        Assert.Equal(Utc(dueMonth, dueDay, dueHour, dueMinute), NotificationSchedule.DueAt(Preferences(AlertEmailDelivery.Immediate, "22:00", "06:00"), Utc(month, day, hour, minute)));

    [Fact]
    public void Quiet_hours_within_a_day_and_no_quiet_hours()
    {
        var lunch = Preferences(AlertEmailDelivery.Immediate, "12:00", "13:30", zone: "UTC");
        Assert.Equal(Utc(11, 25, 13, 30), NotificationSchedule.DueAt(lunch, Utc(11, 25, 12, 10)));
        Assert.Equal(Utc(11, 25, 13, 30), NotificationSchedule.DueAt(lunch, Utc(11, 25, 13, 30)));
        Assert.Equal(Utc(11, 25, 11, 0), NotificationSchedule.DueAt(Preferences(AlertEmailDelivery.Immediate), Utc(11, 25, 11, 0)));
    }

    [Fact]
    public void A_digest_is_due_at_the_next_digest_hour_in_the_persons_time_zone()
    {
        var digest = Preferences(AlertEmailDelivery.DailyDigest, digestHour: 7);
        Assert.Equal(Utc(11, 24, 22, 0), NotificationSchedule.DueAt(digest, Utc(11, 24, 21, 59))); // 06:59 Seoul → 07:00 Seoul
        Assert.Equal(Utc(11, 25, 22, 0), NotificationSchedule.DueAt(digest, Utc(11, 24, 22, 0)));  // 07:00 Seoul → tomorrow
    }

    [Fact]
    public void A_digest_hour_skipped_by_daylight_saving_moves_to_after_the_jump()
    {
        // Berlin, 2026-03-29: 02:00 CET jumps to 03:00 CEST (UTC+2); 01:00 UTC is 03:00 CEST.
        var digest = Preferences(AlertEmailDelivery.DailyDigest, digestHour: 2, zone: "Europe/Berlin");
        Assert.Equal(Utc(3, 29, 1, 0), NotificationSchedule.DueAt(digest, Utc(3, 28, 23, 30)));
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00Z", 7, "UTC", "2026-11-23")]        // a Wednesday: the week that ended on Monday
    [InlineData("2026-11-23T06:59:00Z", 7, "UTC", "2026-11-16")]        // Monday before the digest hour: still the week before
    [InlineData("2026-11-23T07:00:00Z", 7, "UTC", "2026-11-23")]        // Monday at the digest hour
    [InlineData("2026-11-22T15:30:00Z", 0, "Asia/Seoul", "2026-11-23")] // already Monday 00:30 in Seoul
    public void The_weekly_report_covers_the_week_that_ended_on_the_last_Monday_past_its_digest_hour(string now, int digestHour, string zone, string weekEnd) =>
        Assert.Equal(DateOnly.Parse(weekEnd, System.Globalization.CultureInfo.InvariantCulture),
            NotificationSchedule.ReportedWeekEnd(Preferences(AlertEmailDelivery.Off, digestHour: digestHour, zone: zone),
                DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
