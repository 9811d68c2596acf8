using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>Webhooks through the API: a farm event reaches a real receiver, signed, via the embedded
/// silo's outbox worker; the secret is shown once and stored encrypted; only owners and managers manage them.</summary>
public sealed class WebhookApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ration_change_reaches_the_subscriber_signed_with_the_hand_off_links_and_is_logged_and_resendable()
    {
        var herd = await HerdApi.CreateAsync(fixture.Factory);
        await using var receiver = new WebhookReceiver("not yet known", TimeSpan.Zero);
        var created = await Json(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/webhooks",
            new { url = receiver.Url.AbsoluteUri, eventTypes = new[] { "ration.changed" }, description = "feeding system" }, Ct), HttpStatusCode.Created);
        var webhookId = created.GetProperty("id").GetGuid();
        var secret = created.GetProperty("secret").GetString()!;
        await using var verifying = new WebhookReceiver(secret, TimeSpan.Zero);
        await SetUrlAsync(webhookId, verifying.Url);
        await verifying.StartAsync();

        var ration = await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", new
        {
            items = new[]
            {
                new { feedId = "alfalfa", kgDryMatterPerHead = 8.0 },
                new { feedId = "canola-meal", kgDryMatterPerHead = 6.5 },
                new { feedId = "corn-silage", kgDryMatterPerHead = 6.0 },
                new { feedId = "hm-corn", kgDryMatterPerHead = 4.0 },
            },
            reason = "more silage",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, ration.StatusCode);

        var delivery = await WaitForAsync(() => verifying.Received.FirstOrDefault(), TimeSpan.FromSeconds(20));
        Assert.Equal(ReceiverAnswer.Ok, delivery.Answer); // the signature verified with the secret from the create response
        Assert.Equal("ration.changed", delivery.EventType);
        var payload = JsonSerializer.Deserialize<JsonElement>(delivery.Body);
        Assert.Equal(delivery.EventId, payload.GetProperty("id").GetGuid());
        Assert.Equal(herd.FarmId, payload.GetProperty("farmId").GetGuid());
        Assert.Equal(herd.GroupId, payload.GetProperty("groupId").GetGuid());
        var mixerSheet = payload.GetProperty("links").GetProperty("mixerSheet").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await herd.Owner.GetAsync(mixerSheet, Ct)).StatusCode);

        var log = await Json(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/webhooks/{webhookId}/deliveries", Ct), HttpStatusCode.OK);
        var entry = Assert.Single(log.EnumerateArray());
        var deliveryId = entry.GetProperty("id").GetGuid();
        await WaitForAsync(async () => (await Json(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/webhooks/{webhookId}/deliveries?status=delivered", Ct),
            HttpStatusCode.OK)).GetArrayLength() == 1 ? true : (bool?)null, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Accepted, (await herd.Owner.PostAsync($"/api/v1/farms/{herd.FarmId}/webhooks/{webhookId}/deliveries/{deliveryId}/resend", null, Ct)).StatusCode);
        await WaitForAsync(() => verifying.Received.Count >= 2 ? true : (bool?)null, TimeSpan.FromSeconds(20));
        Assert.All(verifying.Received, r => Assert.Equal(delivery.EventId, r.EventId));
        Assert.Equal(HttpStatusCode.NotFound,
            (await herd.Owner.PostAsync($"/api/v1/farms/{herd.FarmId}/webhooks/{webhookId}/deliveries/{Guid.NewGuid()}/resend", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_stored_only_encrypted()
    {
        var herd = await HerdApi.CreateAsync(fixture.Factory, withRation: false);
        var created = await Json(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/webhooks",
            new { url = "https://feeding.example/hooks", eventTypes = new[] { "alert.raised", "ration.changed" } }, Ct), HttpStatusCode.Created);
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var list = await herd.Owner.GetStringAsync($"/api/v1/farms/{herd.FarmId}/webhooks", Ct);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Contains("https://feeding.example/hooks", list, StringComparison.Ordinal);

        await using var db = NpgsqlDataSource.Create(fixture.Factory.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Cnucnm"]!);
        await using var command = db.CreateCommand("SELECT secret_ciphertext FROM webhook_subscriptions WHERE id = $1");
        command.Parameters.AddWithValue(created.GetProperty("id").GetGuid());
        var stored = (byte[])(await command.ExecuteScalarAsync(Ct))!;
        Assert.False(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0, "the secret must not be stored in clear");
        Assert.False(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret[6..])) >= 0, "the secret must not be stored in clear");

        Assert.Equal(HttpStatusCode.NoContent, (await herd.Owner.DeleteAsync($"/api/v1/farms/{herd.FarmId}/webhooks/{created.GetProperty("id").GetGuid()}", Ct)).StatusCode);
        Assert.Equal("[]", await herd.Owner.GetStringAsync($"/api/v1/farms/{herd.FarmId}/webhooks", Ct));
        var audit = await herd.Owner.GetStringAsync($"/api/v1/farms/{herd.FarmId}/audit", Ct);
        Assert.Contains("POST /api/v1/farms/{farmId:guid}/webhooks", audit, StringComparison.Ordinal);
        Assert.Contains("DELETE /api/v1/farms/{farmId:guid}/webhooks/{webhookId:guid}", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_subscription_is_refused_naming_each_field()
    {
        var herd = await HerdApi.CreateAsync(fixture.Factory, withRation: false);
        var problem = await Json(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/webhooks",
            new { url = "ftp://user:pw@example.com/x", eventTypes = new[] { "ration.changed", "cow.mooed" } }, Ct), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("http", errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("cow.mooed", errors.GetProperty("eventTypes")[0].GetString(), StringComparison.Ordinal);

        problem = await Json(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/webhooks", new { url = "https://x.example/" }, Ct), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("eventTypes", out _));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/webhooks/{Guid.NewGuid()}/deliveries?status=lost", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/webhooks/{Guid.NewGuid()}/deliveries", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("manager", HttpStatusCode.Created)]
    [InlineData("nutritionist", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task Only_owners_and_managers_manage_webhooks(string role, HttpStatusCode expected)
    {
        var herd = await HerdApi.CreateAsync(fixture.Factory, withRation: false);
        var (member, email) = await fixture.Factory.CreateUserClientAsync(role);
        await DemoFarm.AddMemberAsync(herd.Owner, herd.FarmId, member, email, role);
        var response = await member.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/webhooks",
            new { url = "https://x.example/hook", eventTypes = new[] { "alert.raised" } }, Ct);
        Assert.Equal(expected, response.StatusCode);

        var (outsider, _) = await fixture.Factory.CreateUserClientAsync("outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/farms/{herd.FarmId}/webhooks", Ct)).StatusCode);
    }

    private async Task SetUrlAsync(Guid webhookId, Uri url)
    {
        // The receiver's secret comes from the create response, so the subscription is made first and
        // pointed at the verifying receiver after (nothing has been sent yet).
        await using var db = NpgsqlDataSource.Create(fixture.Factory.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Cnucnm"]!);
        await using var command = db.CreateCommand("UPDATE webhook_subscriptions SET url = $2 WHERE id = $1");
        command.Parameters.AddWithValue(webhookId);
        command.Parameters.AddWithValue(url.AbsoluteUri);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout) where T : class =>
        WaitForAsync(() => Task.FromResult(probe()), timeout);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100, Ct);
        }

        return await probe() ?? throw new TimeoutException($"nothing within {timeout}");
    }

    private static async Task WaitForAsync(Func<bool?> probe, TimeSpan timeout) => await WaitForAsync(() => Task.FromResult(probe()), timeout);

    private static async Task WaitForAsync(Func<Task<bool?>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() == true)
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"condition not met within {timeout}");
    }
}
