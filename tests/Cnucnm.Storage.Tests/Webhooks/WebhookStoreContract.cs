using Cnucnm.Storage.Webhooks;
using Cnucnm.Testing;

namespace Cnucnm.Storage.Tests.Webhooks;

/// <summary>The webhook outbox: one delivery per live subscription and event, written once; claims lease rows and
/// count attempts; a stale worker's outcome is logged but moves nothing; deleting a subscription cancels its pending
/// deliveries; the delivery log pages newest first without gaps or repeats.</summary>
public abstract class WebhookStoreContract : StoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private async Task<WebhookSubscription> SubscribeAsync(Guid farm, IReadOnlyList<string> eventTypes, int minutes = 0)
    {
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), farm, new Uri("https://mill.example.org/hooks"), eventTypes, "feed mill",
            [1, 2, 3], "owner", Now.AddMinutes(minutes));
        await Store<IWebhookStore>().AddSubscriptionAsync(subscription, Ct);
        return subscription;
    }

    private static WebhookEvent Event(Guid farm, string type = "ration.changed", int seconds = 0) =>
        new(farm, Guid.CreateVersion7(), type, """{"ration":1}""", Now.AddSeconds(seconds));

    private static AttemptOutcome Outcome(ClaimedDelivery claimed, string status, DateTimeOffset? next = null, int? code = 200) =>
        new(claimed.Id, claimed.Attempt, Now.AddSeconds(1), code, code == 200 ? null : "refused", TimeSpan.FromMilliseconds(40), status, next);

    [Fact]
    public async Task An_event_is_written_once_per_live_subscription_that_wants_its_type()
    {
        var webhooks = Store<IWebhookStore>();
        var farm = Guid.NewGuid();
        var rations = await SubscribeAsync(farm, ["ration.changed", "alert.raised"]);
        await SubscribeAsync(farm, ["alert.raised"]);
        var both = await SubscribeAsync(farm, ["ration.changed"], minutes: 1);
        await SubscribeAsync(Guid.NewGuid(), ["ration.changed"]);
        var gone = await SubscribeAsync(farm, ["ration.changed", "price.changed"]);
        Assert.True(await webhooks.DeleteSubscriptionAsync(farm, gone.Id, Now, Ct));

        var change = Event(farm);
        Assert.Equal(2, await webhooks.EnqueueAsync(change, Ct));
        Assert.Equal(0, await webhooks.EnqueueAsync(change, Ct));
        Assert.Equal(0, await webhooks.EnqueueAsync(Event(farm, "price.changed"), Ct));

        Assert.Equal(new HashSet<string> { "ration.changed", "alert.raised" }, await webhooks.SubscribedEventTypesAsync(farm, Ct));
        Assert.Equal([rations.Id, both.Id], (await webhooks.ListSubscriptionsAsync(farm, Ct)).Select(s => s.Id).Where(id => id == rations.Id || id == both.Id));
        Assert.Equal(3, (await webhooks.ListSubscriptionsAsync(farm, Ct)).Count);
        var delivery = Assert.Single(await webhooks.ListDeliveriesAsync(farm, rations.Id, null, 10, Ct));
        Assert.Equal((change.EventId, "ration.changed", WebhookDeliveryStatus.Pending, 0, change.OccurredAt, change.Payload),
            (delivery.EventId, delivery.EventType, delivery.Status, delivery.Attempts, delivery.NextAttemptAt, delivery.Payload));
    }

    [Fact]
    public async Task Deleting_a_subscription_cancels_its_pending_deliveries_and_hides_it()
    {
        var webhooks = Store<IWebhookStore>();
        var farm = Guid.NewGuid();
        var subscription = await SubscribeAsync(farm, ["ration.changed"]);
        await webhooks.EnqueueAsync(Event(farm), Ct);

        Assert.False(await webhooks.DeleteSubscriptionAsync(Guid.NewGuid(), subscription.Id, Now, Ct));
        Assert.Equivalent(subscription, await webhooks.FindSubscriptionAsync(farm, subscription.Id, Ct), strict: true);
        Assert.True(await webhooks.DeleteSubscriptionAsync(farm, subscription.Id, Now, Ct));
        Assert.False(await webhooks.DeleteSubscriptionAsync(farm, subscription.Id, Now, Ct));

        Assert.Null(await webhooks.FindSubscriptionAsync(farm, subscription.Id, Ct));
        Assert.Empty(await webhooks.ListSubscriptionsAsync(farm, Ct));
        Assert.Empty(await webhooks.SubscribedEventTypesAsync(farm, Ct));
        var delivery = Assert.Single(await webhooks.ListDeliveriesAsync(farm, subscription.Id, null, 10, Ct));
        Assert.Equal(WebhookDeliveryStatus.Cancelled, delivery.Status);
        Assert.Empty(await webhooks.ClaimDueAsync(Now.AddHours(1), Now.AddHours(2), 10, Ct));
        Assert.False(await webhooks.ResendAsync(farm, subscription.Id, delivery.Id, Now, Ct));
    }

    [Fact]
    public async Task A_claim_leases_due_deliveries_counts_the_attempt_and_leaves_busy_and_excess_ones_for_later()
    {
        var webhooks = Store<IWebhookStore>();
        var farm = Guid.NewGuid();
        var (busy, free) = (await SubscribeAsync(farm, ["alert.raised"]), await SubscribeAsync(farm, ["ration.changed"]));
        for (var i = 0; i < 3; i++)
        {
            await webhooks.EnqueueAsync(Event(farm, "ration.changed", seconds: i), Ct);
            await webhooks.EnqueueAsync(Event(farm, "alert.raised", seconds: i), Ct);
        }

        await webhooks.EnqueueAsync(Event(farm, "ration.changed", seconds: 60), Ct);

        Assert.Empty(await webhooks.ClaimDueAsync(Now.AddSeconds(-1), Now.AddMinutes(1), 10, Ct));
        var lease = Now.AddSeconds(30);
        var claimed = await webhooks.ClaimDueAsync(Now.AddSeconds(10), lease, 10, Ct, busySubscriptions: [busy.Id], perSubscription: 2);

        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, c => Assert.Equal((free.Id, 1, 1, lease, free.Url), (c.SubscriptionId, c.Attempt, c.AttemptsSinceResend, c.LeaseUntil, c.Url)));
        Assert.Equal([Now, Now.AddSeconds(1)], (await webhooks.ListDeliveriesAsync(farm, free.Id, null, 10, Ct))
            .Where(d => claimed.Any(c => c.Id == d.Id)).Select(d => d.CreatedAt).Order());
        // Held until the lease runs out; the rest are claimed by the next round.
        var next = await webhooks.ClaimDueAsync(Now.AddSeconds(20), lease, 10, Ct);
        Assert.Equal(4, next.Count);
        Assert.DoesNotContain(next, c => claimed.Any(first => first.Id == c.Id));
        var afterLease = await webhooks.ClaimDueAsync(lease, lease.AddSeconds(30), 10, Ct);
        Assert.Equal(6, afterLease.Count);
        Assert.All(afterLease.Where(c => claimed.Any(first => first.Id == c.Id)), c => Assert.Equal(2, c.Attempt));
    }

    [Fact]
    public async Task An_outcome_moves_only_the_attempt_that_holds_the_row_but_every_attempt_is_logged()
    {
        var webhooks = Store<IWebhookStore>();
        var farm = Guid.NewGuid();
        var subscription = await SubscribeAsync(farm, ["ration.changed"]);
        await webhooks.EnqueueAsync(Event(farm), Ct);
        var stale = Assert.Single(await webhooks.ClaimDueAsync(Now, Now.AddSeconds(30), 10, Ct));
        var current = Assert.Single(await webhooks.ClaimDueAsync(Now.AddSeconds(30), Now.AddSeconds(60), 10, Ct));

        await webhooks.RecordAsync([Outcome(stale, WebhookDeliveryStatus.Delivered)], Ct);
        var pending = Assert.Single(await webhooks.ListDeliveriesAsync(farm, subscription.Id, null, 10, Ct));
        Assert.Equal((WebhookDeliveryStatus.Pending, 2, null), (pending.Status, pending.Attempts, pending.DeliveredAt));
        Assert.Equal([1], pending.AttemptLog.Select(a => a.Attempt));

        await webhooks.RecordAsync([Outcome(current, WebhookDeliveryStatus.Pending, next: Now.AddMinutes(5), code: 503)], Ct);
        var retrying = Assert.Single(await webhooks.ListDeliveriesAsync(farm, subscription.Id, WebhookDeliveryStatus.Pending, 10, Ct));
        Assert.Equal((Now.AddMinutes(5), 503, "refused"), (retrying.NextAttemptAt, retrying.LastStatusCode, retrying.LastError));
        Assert.Equal([new WebhookAttempt(1, Now.AddSeconds(1), 200, null, 40), new WebhookAttempt(2, Now.AddSeconds(1), 503, "refused", 40)],
            retrying.AttemptLog);

        var third = Assert.Single(await webhooks.ClaimDueAsync(Now.AddMinutes(5), Now.AddMinutes(6), 10, Ct));
        await webhooks.RecordAsync([Outcome(third, WebhookDeliveryStatus.Delivered)], Ct);
        await webhooks.RecordAsync([Outcome(third, WebhookDeliveryStatus.Dead, code: 500)], Ct);
        var delivered = Assert.Single(await webhooks.ListDeliveriesAsync(farm, subscription.Id, WebhookDeliveryStatus.Delivered, 10, Ct));
        Assert.Equal((3, Now.AddSeconds(1), 200), (delivered.Attempts, delivered.DeliveredAt, delivered.LastStatusCode));
        Assert.Empty(await webhooks.ListDeliveriesAsync(farm, subscription.Id, WebhookDeliveryStatus.Dead, 10, Ct));
    }

    [Fact]
    public async Task A_resent_delivery_is_due_at_once_with_a_fresh_count_of_attempts()
    {
        var webhooks = Store<IWebhookStore>();
        var farm = Guid.NewGuid();
        var subscription = await SubscribeAsync(farm, ["ration.changed"]);
        await webhooks.EnqueueAsync(Event(farm), Ct);
        var claimed = Assert.Single(await webhooks.ClaimDueAsync(Now, Now.AddSeconds(30), 10, Ct));
        await webhooks.RecordAsync([Outcome(claimed, WebhookDeliveryStatus.Dead, code: 410)], Ct);

        Assert.False(await webhooks.ResendAsync(Guid.NewGuid(), subscription.Id, claimed.Id, Now, Ct));
        Assert.False(await webhooks.ResendAsync(farm, subscription.Id, Guid.NewGuid(), Now, Ct));
        Assert.True(await webhooks.ResendAsync(farm, subscription.Id, claimed.Id, Now.AddHours(1), Ct));
        var again = Assert.Single(await webhooks.ClaimDueAsync(Now.AddHours(1), Now.AddHours(2), 10, Ct));
        Assert.Equal((claimed.Id, 2, 1), (again.Id, again.Attempt, again.AttemptsSinceResend));
    }

    [Fact]
    public async Task The_delivery_log_pages_newest_first_without_gaps_or_repeats()
    {
        var webhooks = Store<IWebhookStore>();
        var farm = Guid.NewGuid();
        var subscription = await SubscribeAsync(farm, ["ration.changed"]);
        for (var i = 0; i < 7; i++)
        {
            // Two events share each instant: the order must still be total.
            await webhooks.EnqueueAsync(Event(farm, seconds: i / 2), Ct);
        }

        var all = await webhooks.ListDeliveriesAsync(farm, subscription.Id, null, 100, Ct);
        var paged = new List<WebhookDelivery>();
        Guid? after = null;
        for (var page = 0; page < 5; page++)
        {
            var next = await webhooks.ListDeliveriesAsync(farm, subscription.Id, null, 3, Ct, after);
            paged.AddRange(next);
            if (next.Count < 3)
            {
                break;
            }

            after = next[^1].Id;
        }

        Assert.Equal(7, all.Count);
        Assert.Equal(all.Select(d => d.Id), paged.Select(d => d.Id));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt));
        Assert.Empty(await webhooks.ListDeliveriesAsync(Guid.NewGuid(), subscription.Id, null, 10, Ct));
    }
}

public sealed class InMemoryWebhookStoreTests : WebhookStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => InMemoryStores.ConnectionStringAsync();
}

public sealed class PostgresWebhookStoreTests(PostgresServer postgres) : WebhookStoreContract
{
    protected override Task<string?> ConnectionStringAsync() => PostgresStores.ConnectionStringAsync(postgres);
}
