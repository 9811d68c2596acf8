using System.Net;
using System.Net.Http.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Security;

public sealed class RateLimitTests(PostgresServer postgres)
{
    [Fact]
    public async Task Too_many_requests_answer_429_with_retry_after()
    {
        postgres.RequireAvailable();
        await using var factory = await CnucnmApiFactory.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["Cnucnm:RateLimits:UserPerSecond"] = "1",
            ["Cnucnm:RateLimits:UserBurst"] = "3",
        });
        var (client, _) = await factory.CreateUserClientAsync("hasty");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_device_over_its_own_limit_answers_429_with_retry_after_and_other_devices_go_on()
    {
        postgres.RequireAvailable();
        var ct = TestContext.Current.CancellationToken;
        await using var factory = await CnucnmApiFactory.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["Cnucnm:RateLimits:DevicePerSecond"] = "1",
            ["Cnucnm:RateLimits:DeviceBurst"] = "3",
        });
        using var owner = await factory.AdminClientAsync();
        var (farmId, groupId, key) = await DemoFarm.SeedAsync(owner, "Rate-limited farm", withRation: true);
        var other = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/device-keys", new { name = "second station" }, ct));
        using var station = factory.CreateClient();
        station.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var second = factory.CreateClient();
        second.DefaultRequestHeaders.Add("X-Api-Key", other.GetProperty("key").GetString());
        object Batch(string device, int sequence) => new
        {
            readings = new[] { new { deviceId = device, sequence, measuredAt = DateTimeOffset.UtcNow, groupId, feedId = "tmr", deliveredKgAsFed = 500.0 } },
        };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await station.PostAsJsonAsync("/api/v1/intake-readings", Batch("station-1", i), ct);
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        // The limit is per device key: another station of the same farm is not held back.
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync("/api/v1/intake-readings", Batch("station-2", 0), ct)).StatusCode);
    }
}
