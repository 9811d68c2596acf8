using System.Diagnostics;
using System.Text.Json;
using Cnucnm.Contracts.Events;
using Cnucnm.Grains.Events;
using Cnucnm.Silo.Hosting;
using Cnucnm.Silo.Hosting.Webhooks;
using Cnucnm.Storage;
using Cnucnm.Storage.Webhooks;
using Cnucnm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>
/// The webhook outbox on a real PostgreSQL with two delivery workers (two silos' worth) and a real
/// receiver on a socket. Duplicates are allowed only where docs/integrations.md says they happen: the
/// receiver stored an event but the sender did not see a 2xx (an error answer or a timeout), so the
/// event is sent again with the same event id.
/// </summary>
public sealed class WebhookDeliveryTests(PostgresServer postgres)
{
    private const int EventCount = 1000;

    [Fact]
    public async Task Every_event_arrives_signed_despite_a_flaky_receiver_that_is_down_for_20_seconds()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (dataSource, store) = await CreateOutboxAsync();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var (farmId, subscriptionId, secret) = await SubscribeAsync(store, key, receiverUrl: null);
        await using var receiver = new WebhookReceiver(secret, slowAnswer: TimeSpan.FromSeconds(2));
        await SetUrlAsync(dataSource, subscriptionId, receiver.Url);

        // 30 % of calls fail: 20 % refused outright, 5 % stored then answered 500, 5 % stored then too slow.
        var random = new Random(20261125);
        var gate = new Lock();
        receiver.Decide = () =>
        {
            double draw;
            lock (gate)
            {
                draw = random.NextDouble();
            }

            return draw switch
            {
                < 0.20 => ReceiverAnswer.RefusedUnavailable,
                < 0.25 => ReceiverAnswer.StoredThenError,
                < 0.30 => ReceiverAnswer.StoredThenTooSlow,
                _ => ReceiverAnswer.Ok,
            };
        };
        await receiver.StartAsync();

        using var workerA = await StartWorkerAsync(dataSource, key);
        using var workerB = await StartWorkerAsync(dataSource, key);
        var clock = Stopwatch.StartNew();

        // Events keep occurring (as the farm's event feed writes them) while the receiver goes down for 20 s.
        var eventIds = new List<Guid>();
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < EventCount; i++)
            {
                var farmEvent = new FarmEvent(i + 1, DateTimeOffset.UtcNow, FarmEventKind.IntakeRecorded, Guid.NewGuid(), $"event {i}",
                    new Dictionary<string, double> { ["index"] = i });
                var payload = WebhookPayload.Of(Guid.CreateVersion7(), farmId, farmEvent);
                eventIds.Add(payload.Id);
                Assert.Equal(1, await store.EnqueueAsync(new WebhookEvent(farmId, payload.Id, payload.Type, payload.ToJson(), farmEvent.At), cancellationToken));
                if (i % 25 == 24)
                {
                    await Task.Delay(200, cancellationToken); // 1,000 events over about 8 s
                }
            }
        }, cancellationToken);

        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await receiver.StopAsync();
        var downAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
        await receiver.StartAsync();
        var upAt = clock.Elapsed;
        await producer;

        var delivered = await WaitUntilAsync(async () => await CountAsync(dataSource, "status = 'delivered'") == EventCount, TimeSpan.FromSeconds(30));
        var finishedAt = clock.Elapsed;
        Assert.True(delivered, $"{await CountAsync(dataSource, "status = 'delivered'")} of {EventCount} delivered; "
                               + $"{await CountAsync(dataSource, "status = 'dead'")} dead");

        var received = receiver.Received.ToList();
        var stored = received.Where(r => r.Stored).ToList();
        var attempts = await AttemptsAsync(dataSource);

        // Nothing lost: every event reached the receiver's store, each exactly as it was written.
        Assert.Equal(eventIds.Order(), stored.Select(r => r.EventId).Distinct().Order());
        Assert.All(stored, r => Assert.Equal(r.EventId, JsonSerializer.Deserialize<JsonElement>(r.Body).GetProperty("id").GetGuid()));
        Assert.DoesNotContain(received, r => r.Answer == ReceiverAnswer.BadSignature);
        Assert.Equal(0, await CountAsync(dataSource, "status <> 'delivered'"));

        // Each delivery succeeded exactly once according to the outbox, and no attempt was sent twice
        // (two workers never held the same claim).
        Assert.All(attempts.GroupBy(a => a.DeliveryId), g => Assert.Single(g, a => a.Succeeded));
        Assert.Equal(received.Count, received.Select(r => (r.DeliveryId, r.Attempt)).Distinct().Count());

        // Duplicates: exactly the attempts the receiver stored but the sender saw fail.
        var failedAttempts = attempts.Where(a => !a.Succeeded).Select(a => (a.DeliveryId, a.Attempt)).ToHashSet();
        var explained = stored.Count(r => failedAttempts.Contains((r.DeliveryId, r.Attempt)));
        var duplicates = stored.Count - EventCount;
        Assert.Equal(explained, duplicates);
        Assert.True(duplicates > 0, "the scenario should have produced documented duplicates");
        Assert.True(attempts.Any(a => a.Error is not null && a.StatusCode is null), "attempts while the receiver was down fail without an HTTP status");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{EventCount} events, receiver down {downAt.TotalSeconds:0.0}-{upAt.TotalSeconds:0.0} s, all delivered at {finishedAt.TotalSeconds:0.0} s; "
            + $"{attempts.Count} attempts ({attempts.Count(a => !a.Succeeded)} failed), {received.Count} requests received, "
            + $"{duplicates} duplicates (stored-then-500: {stored.Count(r => r.Answer == ReceiverAnswer.StoredThenError && failedAttempts.Contains((r.DeliveryId, r.Attempt)))}, "
            + $"stored-then-timeout: {stored.Count(r => r.Answer == ReceiverAnswer.StoredThenTooSlow && failedAttempts.Contains((r.DeliveryId, r.Attempt)))}, "
            + $"other: {stored.Count(r => r.Answer == ReceiverAnswer.Ok && failedAttempts.Contains((r.DeliveryId, r.Attempt)))})");
    }

    [Fact]
    public async Task A_delivery_is_dead_lettered_after_the_configured_attempts_and_a_resend_delivers_it_with_the_same_event_id()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (dataSource, store) = await CreateOutboxAsync();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var (farmId, subscriptionId, secret) = await SubscribeAsync(store, key, receiverUrl: null);
        await using var receiver = new WebhookReceiver(secret, TimeSpan.Zero) { Decide = () => ReceiverAnswer.RefusedUnavailable };
        await SetUrlAsync(dataSource, subscriptionId, receiver.Url);
        await receiver.StartAsync();
        using var worker = await StartWorkerAsync(dataSource, key, maxAttempts: 3);

        var eventId = Guid.CreateVersion7();
        await store.EnqueueAsync(new WebhookEvent(farmId, eventId, "alert.raised", """{"id":"x"}""", DateTimeOffset.UtcNow), cancellationToken);
        Assert.True(await WaitUntilAsync(async () => await CountAsync(dataSource, "status = 'dead'") == 1, TimeSpan.FromSeconds(20)));
        var dead = Assert.Single(await store.ListDeliveriesAsync(farmId, subscriptionId, WebhookDeliveryStatus.Dead, 10, cancellationToken));
        Assert.Equal(3, dead.Attempts);
        Assert.Equal([1, 2, 3], dead.AttemptLog.Select(a => a.Attempt));
        Assert.All(dead.AttemptLog, a => Assert.Equal(503, a.StatusCode));
        Assert.Equal(3, receiver.Received.Count);

        receiver.Decide = () => ReceiverAnswer.Ok;
        Assert.True(await store.ResendAsync(farmId, subscriptionId, dead.Id, DateTimeOffset.UtcNow, cancellationToken));
        Assert.True(await WaitUntilAsync(async () => await CountAsync(dataSource, "status = 'delivered'") == 1, TimeSpan.FromSeconds(20)));
        var resent = Assert.Single(await store.ListDeliveriesAsync(farmId, subscriptionId, null, 10, cancellationToken));
        Assert.Equal(4, resent.Attempts);
        Assert.Equal(200, resent.AttemptLog[^1].StatusCode);
        Assert.All(receiver.Received, r => Assert.Equal(eventId, r.EventId));
    }

    [Fact]
    public async Task A_secret_that_does_not_decrypt_fails_its_attempts_and_dead_letters_without_sending_anything()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (dataSource, store) = await CreateOutboxAsync();
        var (farmId, subscriptionId, secret) = await SubscribeAsync(store, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), receiverUrl: null);
        await using var receiver = new WebhookReceiver(secret, TimeSpan.Zero);
        await SetUrlAsync(dataSource, subscriptionId, receiver.Url);
        await receiver.StartAsync();
        using var worker = await StartWorkerAsync(dataSource, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), maxAttempts: 2); // another key

        await store.EnqueueAsync(new WebhookEvent(farmId, Guid.CreateVersion7(), "alert.raised", "{}", DateTimeOffset.UtcNow), cancellationToken);
        Assert.True(await WaitUntilAsync(async () => await CountAsync(dataSource, "status = 'dead'") == 1, TimeSpan.FromSeconds(20)));
        var dead = Assert.Single(await store.ListDeliveriesAsync(farmId, subscriptionId, WebhookDeliveryStatus.Dead, 10, cancellationToken));
        Assert.Equal(2, dead.AttemptLog.Count);
        Assert.All(dead.AttemptLog, a => Assert.Null(a.StatusCode));
        Assert.NotNull(dead.LastError);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_worker_that_dies_holding_claims_loses_nothing_another_worker_sends_them_after_the_lease()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (dataSource, store) = await CreateOutboxAsync();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var (farmId, subscriptionId, secret) = await SubscribeAsync(store, key, receiverUrl: null);
        await using var receiver = new WebhookReceiver(secret, TimeSpan.Zero);
        await SetUrlAsync(dataSource, subscriptionId, receiver.Url);
        await receiver.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await store.EnqueueAsync(new WebhookEvent(farmId, Guid.CreateVersion7(), "ration.changed", $$"""{"n":{{i}}}""", DateTimeOffset.UtcNow), cancellationToken);
        }

        // A worker claims the rows and dies before sending or recording anything (the claim is all that happened).
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(20, (await store.ClaimDueAsync(now, now + TimeSpan.FromSeconds(2), 100, cancellationToken)).Count);
        using var survivor = await StartWorkerAsync(dataSource, key);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        Assert.Empty(receiver.Received); // still leased to the dead worker
        Assert.True(await WaitUntilAsync(async () => await CountAsync(dataSource, "status = 'delivered'") == 20, TimeSpan.FromSeconds(15)));
        Assert.Equal(20, receiver.Received.Select(r => r.EventId).Distinct().Count());
        Assert.All(receiver.Received, r => Assert.Equal(2, r.Attempt)); // the dead worker's claim counted as attempt 1
    }

    [Fact]
    public async Task A_receiver_that_hangs_delays_only_its_own_deliveries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (dataSource, store) = await CreateOutboxAsync();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var (hangingFarm, hangingSubscription, hangingSecret) = await SubscribeAsync(store, key, receiverUrl: null);
        var (healthyFarm, healthySubscription, healthySecret) = await SubscribeAsync(store, key, receiverUrl: null);
        // One receiver holds every request for 60 s (longer than this test); the worker waits up to 30 s for an answer.
        await using var hanging = new WebhookReceiver(hangingSecret, slowAnswer: TimeSpan.FromSeconds(60)) { Decide = () => ReceiverAnswer.StoredThenTooSlow };
        await using var healthy = new WebhookReceiver(healthySecret, TimeSpan.Zero);
        await SetUrlAsync(dataSource, hangingSubscription, hanging.Url);
        await SetUrlAsync(dataSource, healthySubscription, healthy.Url);
        await hanging.StartAsync();
        await healthy.StartAsync();
        using var worker = await StartWorkerAsync(dataSource, key, requestTimeout: "00:00:30");

        async Task EnqueueAsync(Guid farmId, int count)
        {
            for (var i = 0; i < count; i++)
            {
                await store.EnqueueAsync(new WebhookEvent(farmId, Guid.CreateVersion7(), "ration.changed", $$"""{"n":{{i}}}""", DateTimeOffset.UtcNow), cancellationToken);
            }
        }

        await EnqueueAsync(hangingFarm, 20);
        await EnqueueAsync(healthyFarm, 10);
        Assert.True(await WaitUntilAsync(() => Task.FromResult(healthy.Received.Count >= 10), TimeSpan.FromSeconds(5)),
            $"{healthy.Received.Count} of 10 delivered beside the hanging receiver");
        // Later events of the healthy receiver are not queued behind the hanging one either.
        await EnqueueAsync(healthyFarm, 10);
        Assert.True(await WaitUntilAsync(() => Task.FromResult(healthy.Received.Count >= 20), TimeSpan.FromSeconds(5)),
            $"{healthy.Received.Count} of 20 delivered beside the hanging receiver");
        // The hanging receiver holds at most its share of the worker's slots.
        Assert.InRange(hanging.Received.Count, 1, 2);
        Assert.Equal(20, await CountAsync(dataSource, $"status = 'delivered' AND subscription_id = '{healthySubscription}'"));
    }

    private async Task<(NpgsqlDataSource DataSource, PostgresWebhookStore Store)> CreateOutboxAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("cnucnm_webhooks");
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return (dataSource, new PostgresWebhookStore(dataSource));
    }

    private static async Task<(Guid FarmId, Guid SubscriptionId, string Secret)> SubscribeAsync(PostgresWebhookStore store, byte[] key, Uri? receiverUrl)
    {
        var farmId = Guid.NewGuid();
        var id = Guid.CreateVersion7();
        var secret = WebhookSecretProtector.NewSecret();
        await store.AddSubscriptionAsync(new WebhookSubscription(id, farmId, receiverUrl ?? new Uri("http://127.0.0.1:9/"), [.. WebhookEventTypes.All], "test",
            new WebhookSecretProtector(key).Protect(secret, id), "test", DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        return (farmId, id, secret);
    }

    private static async Task SetUrlAsync(NpgsqlDataSource dataSource, Guid subscriptionId, Uri url)
    {
        await using var command = dataSource.CreateCommand("UPDATE webhook_subscriptions SET url = $2 WHERE id = $1");
        command.Parameters.AddWithValue(subscriptionId);
        command.Parameters.AddWithValue(url.AbsoluteUri);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A silo's delivery worker, set up by the product's own registration, in a host of its own.</summary>
    private static async Task<IHost> StartWorkerAsync(NpgsqlDataSource dataSource, byte[] key, int maxAttempts = 100, string requestTimeout = "00:00:00.500")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [IntegrationsSetup.SecretKeySetting] = Convert.ToBase64String(key),
            [$"{WebhookOptions.SectionName}:PollInterval"] = "00:00:00.050",
            [$"{WebhookOptions.SectionName}:AllowPrivateNetworks"] = "true", // the receiver listens on loopback
            [$"{WebhookOptions.SectionName}:MaxConcurrency"] = "16",
            [$"{WebhookOptions.SectionName}:RequestTimeout"] = requestTimeout,
            [$"{WebhookOptions.SectionName}:BaseDelay"] = "00:00:00.100",
            [$"{WebhookOptions.SectionName}:MaxDelay"] = "00:00:02",
            [$"{WebhookOptions.SectionName}:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{WebhookOptions.SectionName}:LeaseMargin"] = "00:00:01",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton<IWebhookStore, PostgresWebhookStore>();
        builder.AddCnucnmIntegrations(new CnucnmOptions { Profile = HostingProfile.Postgres });
        builder.Services.AddHostedService<WebhookDeliveryWorker>();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string condition)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM webhook_deliveries WHERE {condition}");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private sealed record AttemptRow(Guid DeliveryId, int Attempt, int? StatusCode, string? Error)
    {
        public bool Succeeded => Error is null;
    }

    private static async Task<List<AttemptRow>> AttemptsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT delivery_id, attempt, status_code, error FROM webhook_delivery_attempts");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var attempts = new List<AttemptRow>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            attempts.Add(new AttemptRow(reader.GetGuid(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return attempts;
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return await condition();
    }
}
