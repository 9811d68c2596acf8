using Cnucnm.Storage.Identity;
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

    [Theory]
    [InlineData("2026-12-06T21:30:00Z", "2026-11-30")] // Monday 06:30 in Seoul, digest at 07:00: the week before last is stale
    [InlineData("2026-12-06T22:00:00Z", null)]         // Monday 07:00 in Seoul: this week's report is due, nothing stale
    [InlineData("2026-12-09T01:00:00Z", null)]         // Wednesday: last week's report is the current one
    public void Turning_the_weekly_report_on_skips_only_the_week_before_last(string now, string? stale) =>
        Assert.Equal(stale is null ? null : DateOnly.Parse(stale, System.Globalization.CultureInfo.InvariantCulture),
            NotificationSchedule.StaleWeekOnEnabling(Preferences(AlertEmailDelivery.Off, digestHour: 7) with { WeeklyReport = true },
                DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Enabling_the_weekly_report_on_a_Monday_before_the_digest_hour_sends_this_weeks_report_at_the_digest_hour_and_nothing_before()
    {
        var ct = TestContext.Current.CancellationToken;
        var users = new InMemoryUserStore();
        var store = new InMemoryNotificationStore(new InMemoryFarmMembershipStore(users), users, new InMemoryAccountTokenStore(users));
        var preferences = Preferences(AlertEmailDelivery.Off, digestHour: 7) with { WeeklyReport = true };
        var mondayEarly = DateTimeOffset.Parse("2026-12-06T21:30:00Z", System.Globalization.CultureInfo.InvariantCulture); // Mon 06:30 KST

        await NotificationSchedule.SetPreferencesAsync(store, preferences, mondayEarly, ct);

        // The worker's round at 06:30: the due week (ending 2026-11-30, the week before last) is taken already, so nothing goes out.
        var dueEarly = NotificationSchedule.ReportedWeekEnd(preferences, mondayEarly);
        Assert.Equal(new DateOnly(2026, 11, 30), dueEarly);
        Assert.False(await store.TryClaimWeeklyReportAsync(preferences.UserId, dueEarly, mondayEarly, ct));
        // At 07:00 KST the report of the week ending today is due and sent once.
        var digestHour = mondayEarly.AddMinutes(30);
        var due = NotificationSchedule.ReportedWeekEnd(preferences, digestHour);
        Assert.Equal(new DateOnly(2026, 12, 7), due);
        Assert.True(await store.TryClaimWeeklyReportAsync(preferences.UserId, due, digestHour, ct));
        // Saving the preferences again (report already on) takes nothing: a Wednesday enabling still gets last week's report.
        var other = Preferences(AlertEmailDelivery.Off, digestHour: 7) with { WeeklyReport = true };
        var wednesday = DateTimeOffset.Parse("2026-12-09T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await NotificationSchedule.SetPreferencesAsync(store, other, wednesday, ct);
        Assert.True(await store.TryClaimWeeklyReportAsync(other.UserId, NotificationSchedule.ReportedWeekEnd(other, wednesday), wednesday, ct));
    }
}
