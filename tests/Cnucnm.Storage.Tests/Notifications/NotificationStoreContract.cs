using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Cnucnm.Storage.Notifications;
using Cnucnm.Storage.Tests.Identity;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Notifications;

/// <summary>Alert e-mail preferences and the e-mail outbox: recipients are members who want the kind and confirmed
/// their address; e-mails are written once, claimed with a lease, and go with their account; a weekly report is taken
/// once per person and week.</summary>
public abstract class NotificationStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private async Task<UserAccount> MemberAsync(Guid farm, string[] kinds, string delivery = AlertEmailDelivery.Immediate, bool verified = true,
        bool weekly = false)
    {
        var user = UserStoreContract.NewUser();
        await Store<IUserStore>().TryCreateAsync(user, Ct);
        await Store<IFarmMembershipStore>().UpsertAsync(farm, user.Id, FarmRole.Manager, "owner", Ct);
        await Store<INotificationStore>().SetPreferencesAsync(Preferences(user.Id, kinds, delivery, weekly), Ct);
        if (verified)
        {
            await Store<IAccountTokenStore>().MarkEmailVerifiedAsync(user.Id, user.Email, Now, Ct);
        }

        return user;
    }

    private static NotificationPreferences Preferences(Guid user, string[] kinds, string delivery, bool weekly) =>
        new(user, kinds, delivery, new TimeOnly(21, 0), new TimeOnly(6, 0), 7, "Asia/Seoul", weekly);

    private static OutboxEmail Email(Guid user, int minutes = 0) =>
        new(Guid.NewGuid(), user, "to@example.org", "ko", EmailOutboxKind.Alert, """{"title":"x"}""", Now.AddMinutes(minutes), Now);

    [Fact]
    public async Task Recipients_are_the_farms_members_who_want_the_kind_by_e_mail_with_a_confirmed_address()
    {
        var notifications = Store<INotificationStore>();
        var farm = Guid.NewGuid();
        var wanted = await MemberAsync(farm, ["IntakeDrop", "SensorSilent"]);
        await MemberAsync(farm, ["SensorSilent"]);
        await MemberAsync(farm, ["IntakeDrop"], AlertEmailDelivery.Off);
        await MemberAsync(farm, ["IntakeDrop"], verified: false);
        await MemberAsync(Guid.NewGuid(), ["IntakeDrop"]);

        var recipient = Assert.Single(await notifications.RecipientsAsync(farm, "IntakeDrop", Ct));
        Assert.Equal((wanted.Id, wanted.Email, wanted.DisplayName, wanted.PreferredLanguage), (recipient.UserId, recipient.Email, recipient.DisplayName, recipient.Language));
        Assert.Equivalent(Preferences(wanted.Id, ["IntakeDrop", "SensorSilent"], AlertEmailDelivery.Immediate, false), recipient.Preferences, strict: true);
        Assert.Empty(await notifications.RecipientsAsync(Guid.NewGuid(), "IntakeDrop", Ct));
    }

    [Fact]
    public async Task Preferences_are_replaced_whole_and_go_with_the_account()
    {
        var notifications = Store<INotificationStore>();
        var user = await MemberAsync(Guid.NewGuid(), ["IntakeDrop"], weekly: true);
        var changed = Preferences(user.Id, ["PriceJump"], AlertEmailDelivery.DailyDigest, false) with { QuietHoursStart = null, QuietHoursEnd = null };
        await notifications.SetPreferencesAsync(changed, Ct);
        Assert.Equivalent(changed, await notifications.GetPreferencesAsync(user.Id, Ct), strict: true);
        Assert.Null(await notifications.GetPreferencesAsync(Guid.NewGuid(), Ct));

        await Store<IUserStore>().DeleteAsync(user.Id, Ct);
        Assert.Null(await notifications.GetPreferencesAsync(user.Id, Ct));
    }

    [Fact]
    public async Task An_e_mail_is_written_once_claimed_with_a_lease_and_retried_or_given_up()
    {
        var notifications = Store<INotificationStore>();
        var user = await MemberAsync(Guid.NewGuid(), ["IntakeDrop"]);
        var (first, second, later) = (Email(user.Id), Email(user.Id, 1), Email(user.Id, 60));
        await notifications.EnqueueAsync([first, second, later], Ct);
        await notifications.EnqueueAsync([first with { Data = "changed" }], Ct);
        await notifications.EnqueueAsync([], Ct);

        var lease = Now.AddMinutes(5);
        var claimed = await notifications.ClaimDueAsync(Now.AddMinutes(2), Now.AddMinutes(2), lease, 10, Ct);
        Assert.Equal([first with { Attempts = 1, DueAt = lease }, second with { Attempts = 1, DueAt = lease }], claimed);
        Assert.Empty(await notifications.ClaimDueAsync(Now.AddMinutes(4), Now.AddMinutes(4), Now.AddMinutes(9), 10, Ct));

        await notifications.MarkSentAsync([first.Id], Now.AddMinutes(3), Ct);
        await notifications.MarkFailedAsync([second.Id], "421 try later", Now.AddMinutes(30), Ct);
        Assert.Empty(await notifications.ClaimDueAsync(Now.AddMinutes(29), Now.AddMinutes(29), Now.AddMinutes(40), 10, Ct));
        var retried = Assert.Single(await notifications.ClaimDueAsync(Now.AddMinutes(30), Now.AddMinutes(30), Now.AddMinutes(40), 10, Ct));
        Assert.Equal((second.Id, 2), (retried.Id, retried.Attempts));
        await notifications.MarkFailedAsync([second.Id], "550 no such user", null, Ct);
        // Unknown e-mails (an outcome recorded after the account went) change nothing.
        await notifications.MarkSentAsync([Guid.NewGuid()], Now, Ct);
        await notifications.MarkFailedAsync([Guid.NewGuid()], "lost", Now, Ct);

        Assert.Equal([later.Id], (await notifications.ClaimDueAsync(Now.AddDays(1), Now.AddDays(1), Now.AddDays(2), 10, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task The_e_mails_of_a_deleted_account_are_not_sent()
    {
        var notifications = Store<INotificationStore>();
        var (kept, deleted) = (await MemberAsync(Guid.NewGuid(), ["IntakeDrop"]), await MemberAsync(Guid.NewGuid(), ["IntakeDrop"]));
        var email = Email(kept.Id);
        await notifications.EnqueueAsync([email, Email(deleted.Id)], Ct);
        await Store<IUserStore>().DeleteAsync(deleted.Id, Ct);
        Assert.Equal([email.Id], (await notifications.ClaimDueAsync(Now, Now, Now.AddMinutes(5), 10, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task A_weekly_report_is_taken_once_per_person_and_week_and_can_be_given_back()
    {
        var notifications = Store<INotificationStore>();
        var wanting = await MemberAsync(Guid.NewGuid(), ["IntakeDrop"], weekly: true);
        await MemberAsync(Guid.NewGuid(), ["IntakeDrop"], weekly: true, verified: false);
        await MemberAsync(Guid.NewGuid(), ["IntakeDrop"], weekly: false);
        Assert.Equal([wanting.Id], (await notifications.WeeklyReportRecipientsAsync(Ct)).Select(r => r.UserId));

        var week = new DateOnly(2026, 11, 29);
        Assert.True(await notifications.TryClaimWeeklyReportAsync(wanting.Id, week, Now, Ct));
        Assert.False(await notifications.TryClaimWeeklyReportAsync(wanting.Id, week, Now, Ct));
        Assert.True(await notifications.TryClaimWeeklyReportAsync(wanting.Id, week.AddDays(7), Now, Ct));
        await notifications.ReleaseWeeklyReportAsync(wanting.Id, week, Ct);
        Assert.True(await notifications.TryClaimWeeklyReportAsync(wanting.Id, week, Now, Ct));
    }
}

public sealed class InMemoryNotificationStoreTests : NotificationStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresNotificationStoreTests(PostgresServer postgres) : NotificationStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
