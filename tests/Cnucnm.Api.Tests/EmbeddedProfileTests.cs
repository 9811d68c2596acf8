using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cnucnm.Api.Tests;

/// <summary>
/// The README's quick start: the Embedded profile (in-memory state, streams and reminders, no database) with
/// the settings a fresh clone has. A farmer's first hour runs through it: account, farm, feeds and prices, a pen,
/// its ration, a device key, intake readings, the live figure, a reformulation request.
/// </summary>
public sealed class EmbeddedProfileTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly EmbeddedApi _api = new();

    public ValueTask InitializeAsync()
    {
        _ = _api.Server; // start now: start-up failures surface here
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_farmers_first_hour_works_with_nothing_installed()
    {
        using var client = _api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
        var email = $"first-{Guid.NewGuid():N}@farm.test";
        await DemoFarm.Ok(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = "김농부", password = "correct-horse-1", language = "ko" }, Ct));
        var tokens = await DemoFarm.Ok(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "correct-horse-1" }, Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        // No SMTP server: the reset request is still answered the same way.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email }, Ct)).StatusCode);

        var (farmId, groupId, deviceKey) = await DemoFarm.SeedAsync(client, "천안 목장", withRation: true);
        var ration = await DemoFarm.Ok(await client.GetAsync($"/api/v1/farms/{farmId}/groups/{groupId}/ration", Ct));
        Assert.Equal(24.52, ration.GetProperty("current").GetProperty("dryMatterKgPerHead").GetDouble(), 2);

        using var device = _api.CreateClient();
        device.DefaultRequestHeaders.Add("X-Api-Key", deviceKey);
        var stored = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new
        {
            readings = new[]
            {
                new { deviceId = "scale-1", sequence = 1L, measuredAt = DateTimeOffset.UtcNow.AddMinutes(-1), groupId, feedId = "corn-silage", deliveredKgAsFed = 400.0, refusedKgAsFed = 0.0 },
            },
        }, Ct));
        Assert.Equal(1, stored.GetProperty("stored").GetInt32());
        // 400 kg corn silage as fed at 35 % DM for 40 head: 3.50 kg DM per head.
        var group = await DemoFarm.Ok(await client.GetAsync($"/api/v1/farms/{farmId}/groups/{groupId}", Ct));
        Assert.Equal(3.5, group.GetProperty("intake").GetProperty("todayDryMatterKgPerHead").GetDouble(), 2);

        var alerts = await DemoFarm.Ok(await client.GetAsync($"/api/v1/farms/{farmId}/alerts?open=true", Ct));
        Assert.True(alerts.GetArrayLength() > 0, "the demo ration is short of minerals and vitamins: its alerts are raised");
        var me = await DemoFarm.Ok(await client.GetAsync("/api/v1/me", Ct));
        Assert.Equal("ko", me.GetProperty("language").GetString());
    }

    /// <summary>The API as a fresh clone runs it (appsettings.json: Embedded), on free ports and with a fixed signing key.</summary>
    internal sealed class EmbeddedApi : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Cnucnm:Profile", "Embedded");
            builder.UseSetting("Cnucnm:ClusterId", $"embedded-{Guid.NewGuid():N}"[..24]);
            builder.UseSetting("Cnucnm:Silo:SiloPort", PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cnucnm:Silo:GatewayPort", PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Cnucnm:Silo:AdvertisedAddress", "127.0.0.1");
            builder.UseSetting("Cnucnm:Telemetry:MetricsPort", "0");
        }
    }
}
