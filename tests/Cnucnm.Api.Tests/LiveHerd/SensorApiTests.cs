using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>The farm's sensors through HTTP: listed once a device posts readings, with the last reading and count,
/// and the expected interval of each (its own or the farm's default) that the silence check uses.</summary>
public sealed class SensorApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Whole seconds: the times come back exactly as sent.</summary>
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static string SensorsUrl(HerdApi herd) => $"/api/v1/farms/{herd.FarmId}/sensors";

    private static object Reading(HerdApi herd, string deviceId, long sequence, DateTimeOffset measuredAt) => new
    {
        deviceId,
        sequence,
        measuredAt,
        groupId = herd.GroupId,
        feedId = "corn-silage",
        deliveredKgAsFed = 50.0,
    };

    private static async Task<JsonElement> PostAsync(HttpClient device, params object[] readings) =>
        await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new { readings }, Ct));

    private static async Task<Dictionary<string, JsonElement>> SensorsAsync(HerdApi herd) =>
        (await DemoFarm.Ok(await herd.Owner.GetAsync(SensorsUrl(herd), Ct))).EnumerateArray().ToDictionary(s => s.GetProperty("deviceId").GetString()!);

    [Fact]
    public async Task A_device_that_posts_readings_is_listed_with_its_last_reading_and_count()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        using var device = herd.DeviceClient(api.Factory);
        Assert.Empty(await SensorsAsync(herd));

        var first = await PostAsync(device,
            Reading(herd, "scale-1", 1, Now.AddMinutes(-30)), Reading(herd, "scale-1", 2, Now.AddMinutes(-5)), Reading(herd, "bunk 2", 1, Now.AddMinutes(-10)));
        Assert.Equal(3, first.GetProperty("stored").GetInt32());
        var sensors = await SensorsAsync(herd);

        Assert.Equal(["bunk 2", "scale-1"], (await DemoFarm.Ok(await herd.Owner.GetAsync(SensorsUrl(herd), Ct))).EnumerateArray()
            .Select(s => s.GetProperty("deviceId").GetString()));
        Assert.Equal((Now.AddMinutes(-5), 2L), (sensors["scale-1"].GetProperty("lastReadingAt").GetDateTimeOffset(), sensors["scale-1"].GetProperty("readingCount").GetInt64()));
        Assert.Equal((Now.AddMinutes(-10), 1L), (sensors["bunk 2"].GetProperty("lastReadingAt").GetDateTimeOffset(), sensors["bunk 2"].GetProperty("readingCount").GetInt64()));
        // No interval of its own: the farm's default silence (120 minutes).
        Assert.All(sensors.Values, s => Assert.Equal(("02:00:00", false), (s.GetProperty("expectedInterval").GetString(), s.GetProperty("silent").GetBoolean())));

        // A retried reading is not counted twice; a late one (older) counts but does not move the last reading back.
        var late = await PostAsync(device, Reading(herd, "scale-1", 2, Now.AddMinutes(-5)), Reading(herd, "scale-1", 3, Now.AddMinutes(-60)));
        Assert.Equal((1, 1), (late.GetProperty("stored").GetInt32(), late.GetProperty("duplicates").GetInt32()));
        var after = (await SensorsAsync(herd))["scale-1"];
        Assert.Equal((Now.AddMinutes(-5), 3L), (after.GetProperty("lastReadingAt").GetDateTimeOffset(), after.GetProperty("readingCount").GetInt64()));
        // A newer one moves it on.
        await PostAsync(device, Reading(herd, "scale-1", 4, Now.AddMinutes(-1)));
        Assert.Equal(Now.AddMinutes(-1), (await SensorsAsync(herd))["scale-1"].GetProperty("lastReadingAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_sensors_expected_interval_is_set_shown_reset_to_the_farm_default_and_checked()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        using var device = herd.DeviceClient(api.Factory);
        await PostAsync(device, Reading(herd, "scale-1", 1, Now.AddMinutes(-5)), Reading(herd, "bunk 2", 1, Now.AddMinutes(-5)));
        var url = $"{SensorsUrl(herd)}/{Uri.EscapeDataString("bunk 2")}/expected-interval";

        var set = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(url, new { expectedIntervalMinutes = 30 }, Ct));

        Assert.Equal(("bunk 2", "00:30:00"), (set.GetProperty("deviceId").GetString(), set.GetProperty("expectedInterval").GetString()));
        var sensors = await SensorsAsync(herd);
        Assert.Equal("00:30:00", sensors["bunk 2"].GetProperty("expectedInterval").GetString());
        Assert.Equal("02:00:00", sensors["scale-1"].GetProperty("expectedInterval").GetString());
        Assert.Equal(1, sensors["bunk 2"].GetProperty("readingCount").GetInt64());
        // The silence check runs at a quarter of the interval (7.5 minutes); the reminder service may still be starting.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await SensorsAsync(herd))["bunk 2"].GetProperty("silenceCheckPeriod").GetString() != "00:07:30" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        Assert.Equal("00:07:30", (await SensorsAsync(herd))["bunk 2"].GetProperty("silenceCheckPeriod").GetString());

        // The farm's default follows its policy for the sensors without an interval of their own.
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/policy", new
        {
            reformulation = "suggest", priceChangeThresholdPercent = 5, intakeDeviationThresholdPercent = 10, intakeWindowDays = 3,
            intakeDropThresholdPercent = 15, nutrientTolerancePercent = 5, sensorSilenceMinutes = 90, inventoryWarningDays = 5,
        }, Ct));
        sensors = await SensorsAsync(herd);
        Assert.Equal(("00:30:00", "01:30:00"), (sensors["bunk 2"].GetProperty("expectedInterval").GetString(), sensors["scale-1"].GetProperty("expectedInterval").GetString()));

        // null: back to the farm's default.
        var reset = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(url, new { expectedIntervalMinutes = (int?)null }, Ct));
        Assert.Equal("01:30:00", reset.GetProperty("expectedInterval").GetString());
        Assert.Equal("01:30:00", (await SensorsAsync(herd))["bunk 2"].GetProperty("expectedInterval").GetString());
    }

    [Fact]
    public async Task A_bad_interval_or_an_unknown_sensor_is_refused()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        using var device = herd.DeviceClient(api.Factory);
        await PostAsync(device, Reading(herd, "scale-1", 1, Now.AddMinutes(-5)));
        var url = $"{SensorsUrl(herd)}/scale-1/expected-interval";

        foreach (var minutes in new[] { 4, 10_081, -30 })
        {
            using var response = await herd.Owner.PutAsJsonAsync(url, new { expectedIntervalMinutes = minutes }, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{minutes}: {response.StatusCode}: {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            Assert.Equal(["expectedIntervalMinutes"], errors.EnumerateObject().Select(p => p.Name));
            Assert.Equal("must be between 5 and 10080, or null.", errors.GetProperty("expectedIntervalMinutes")[0].GetString());
        }

        using var fraction = await herd.Owner.PutAsync(url, new StringContent("""{"expectedIntervalMinutes":7.5}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, fraction.StatusCode);
        Assert.True(JsonDocument.Parse(await fraction.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("expectedIntervalMinutes", out _));
        // A device that never posted is not a sensor of the farm, nor is another farm's.
        var other = await HerdApi.CreateAsync(api.Factory, withRation: false);
        using var unknown = await herd.Owner.PutAsJsonAsync($"{SensorsUrl(herd)}/scale-9/expected-interval", new { expectedIntervalMinutes = 30 }, Ct);
        using var otherFarm = await other.Owner.PutAsJsonAsync($"{SensorsUrl(other)}/scale-1/expected-interval", new { expectedIntervalMinutes = 30 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherFarm.StatusCode);
        Assert.Equal(["scale-1"], (await SensorsAsync(herd)).Keys);
        Assert.Empty(await SensorsAsync(other));
        Assert.Equal("02:00:00", (await SensorsAsync(herd))["scale-1"].GetProperty("expectedInterval").GetString());
    }
}
