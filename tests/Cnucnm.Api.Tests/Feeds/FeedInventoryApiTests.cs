using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Feeds;

/// <summary>A farm's feed stock through HTTP: counted stock set by hand, drawn down by the bunk scales' deliveries,
/// a warning when it runs low, and bad values refused.</summary>
public sealed class FeedInventoryApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string InventoryUrl(HerdApi herd, string feedId) => $"/api/v1/farms/{herd.FarmId}/feeds/{feedId}/inventory";

    private static async Task<JsonElement> FeedAsync(HerdApi herd, string feedId) =>
        (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct))).EnumerateArray()
        .Single(f => f.GetProperty("definition").GetProperty("feedId").GetString() == feedId);

    private static double? Number(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDouble();

    [Fact]
    public async Task Stock_set_by_hand_is_shown_drawn_down_by_deliveries_and_warned_of_when_it_runs_low()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);

        var set = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(InventoryUrl(herd, "corn-silage"), new { kgAsFedOnHand = 12_000.0 }, Ct));

        Assert.Equal("corn-silage", set.GetProperty("definition").GetProperty("feedId").GetString());
        Assert.Equal(12_000, Number(set, "inventoryKgAsFed"));
        Assert.Null(Number(set, "useKgAsFedPerDay"));
        Assert.Equal(12_000, Number(await FeedAsync(herd, "corn-silage"), "inventoryKgAsFed"));
        // The other feeds were never counted.
        Assert.Null(Number(await FeedAsync(herd, "alfalfa"), "inventoryKgAsFed"));

        using var device = herd.DeviceClient(api.Factory);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new
        {
            readings = new[]
            {
                new { deviceId = "scale-1", sequence = 1L, measuredAt = at, groupId = herd.GroupId, feedId = "corn-silage", deliveredKgAsFed = 400.0 },
                new { deviceId = "scale-1", sequence = 2L, measuredAt = at, groupId = herd.GroupId, feedId = "corn-silage", deliveredKgAsFed = 250.0 },
            },
        }, Ct));
        var used = await FeedAsync(herd, "corn-silage");
        Assert.Equal(11_350, Number(used, "inventoryKgAsFed"));
        Assert.Equal(650, Number(used, "useKgAsFedPerDay"));
        Assert.DoesNotContain((await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct))).EnumerateArray(),
            a => a.GetProperty("kind").GetString() == "inventoryLow");

        // A recount: 1,000 kg at 650 kg a day lasts 1.5 days, under the farm's 5-day warning.
        var recount = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(InventoryUrl(herd, "corn-silage"), new { kgAsFedOnHand = 1_000.0 }, Ct));

        Assert.Equal((1_000.0, 650.0), (Number(recount, "inventoryKgAsFed"), Number(recount, "useKgAsFedPerDay")));
        Assert.Equal(1_000, Number(await FeedAsync(herd, "corn-silage"), "inventoryKgAsFed"));
        var alert = Assert.Single((await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct))).EnumerateArray(),
            a => a.GetProperty("kind").GetString() == "inventoryLow");
        Assert.Equal("Corn silage, typical runs out in 1.5 days", alert.GetProperty("title").GetString());
        Assert.Equal("warning", alert.GetProperty("severity").GetString());

        // Zero is a count too (the pit is empty).
        var empty = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(InventoryUrl(herd, "corn-silage"), new { kgAsFedOnHand = 0.0 }, Ct));
        Assert.Equal(0, Number(empty, "inventoryKgAsFed"));
    }

    [Fact]
    public async Task Bad_stock_values_are_refused_by_field_and_change_nothing()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(InventoryUrl(herd, "hm-corn"), new { kgAsFedOnHand = 5_000.0 }, Ct));

        foreach (var (body, message) in new (object Body, string Message)[]
                 {
                     (new { }, "is required."),
                     (new { kgAsFedOnHand = (double?)null }, "is required."),
                     (new { kgAsFedOnHand = -1.0 }, "must be between 0 and 1000000000."),
                     (new { kgAsFedOnHand = 1.5e9 }, "must be between 0 and 1000000000."),
                 })
        {
            using var response = await herd.Owner.PutAsJsonAsync(InventoryUrl(herd, "hm-corn"), body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(body)}: {response.StatusCode}: {text}");
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.Equal(["kgAsFedOnHand"], errors.EnumerateObject().Select(p => p.Name));
            Assert.Equal(message, errors.GetProperty("kgAsFedOnHand")[0].GetString());
        }

        using var wrongType = await herd.Owner.PutAsync(InventoryUrl(herd, "hm-corn"),
            new StringContent("""{"kgAsFedOnHand":"lots"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True(JsonDocument.Parse(await wrongType.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("kgAsFedOnHand", out _));
        using var unknownFeed = await herd.Owner.PutAsJsonAsync(InventoryUrl(herd, "no-such-feed"), new { kgAsFedOnHand = 10.0 }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownFeed.StatusCode);
        Assert.Equal(5_000, Number(await FeedAsync(herd, "hm-corn"), "inventoryKgAsFed"));
    }
}
