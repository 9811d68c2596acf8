using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Analytics;

public sealed class FarmKpiApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Head = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kpis_of_a_day_follow_from_the_deliveries_the_ration_and_the_milk_test()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var group = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        var today = group.GetProperty("intake").GetProperty("today").GetString()!;
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/milk-tests",
            new { date = today, milkKgPerDay = 30, fatPercent = 4.0, trueProteinPercent = 3.2, lactosePercent = 4.8 }, Ct));
        var ration = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", Ct))).GetProperty("current");
        var asFedKgPerHead = ration.GetProperty("asFedKgPerHead").GetDouble();
        var costPerHeadPerDay = ration.GetProperty("costPerHeadPerDay").GetDouble();
        using var device = herd.DeviceClient(api.Factory);
        var at = DateTimeOffset.UtcNow.AddMinutes(-2);
        await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new
        {
            readings = new object[]
            {
                new { deviceId = "scale-1", sequence = 1L, measuredAt = at, groupId = herd.GroupId, feedId = "corn-silage", deliveredKgAsFed = 400.0, refusedKgAsFed = 20.0 },
                new { deviceId = "scale-1", sequence = 2L, measuredAt = at, groupId = herd.GroupId, feedId = "hm-corn", deliveredKgAsFed = 150.0, refusedKgAsFed = 0.0 },
            },
        }, Ct));

        var body = await KpisAsync(herd, $"?from={today}&to={today}&milkPricePerKg=1100");

        // One day of 40 cows: 550 kg delivered, 20 kg refused, (400 − 20)·0.35 + 150·0.72 = 241 kg DM eaten; the delivered feed
        // is priced at the ration's cost per kg as fed; 30 kg milk per cow from the milk test.
        var feedCost = 550 * costPerHeadPerDay / asFedKgPerHead;
        var kpis = Assert.Single(body.GetProperty("groups").EnumerateArray().ToList()).GetProperty("kpis");
        Assert.Equal(Head, kpis.GetProperty("headDays").GetDouble());
        Assert.Equal(241.0 / Head, kpis.GetProperty("dryMatterIntakeKgPerHeadPerDay").GetDouble(), 6);
        Assert.Equal(feedCost / Head, kpis.GetProperty("feedCostPerHeadPerDay").GetDouble(), 6);
        Assert.Equal(feedCost / (30 * Head), kpis.GetProperty("feedCostPerKgMilk").GetDouble(), 6);
        Assert.Equal((30 * Head * 1100 - feedCost) / Head, kpis.GetProperty("incomeOverFeedCostPerHeadPerDay").GetDouble(), 6);
        Assert.Equal(30.0 * Head / 241, kpis.GetProperty("milkKgPerKgDryMatter").GetDouble(), 6);
        Assert.Equal(100 * 20.0 / 550, kpis.GetProperty("refusalsPercentOfDelivered").GetDouble(), 6);
        Assert.Equal(100 * 550 / (asFedKgPerHead * Head), kpis.GetProperty("rationCompliancePercent").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, kpis.GetProperty("feedCostPerKgGain").ValueKind);
        Assert.Equal(JsonValueKind.Null, kpis.GetProperty("gainKgPerKgDryMatter").ValueKind);

        Assert.Equal(kpis.GetProperty("feedCostPerHeadPerDay").GetDouble(), body.GetProperty("farm").GetProperty("feedCostPerHeadPerDay").GetDouble(), 9);
        var day = Assert.Single(body.GetProperty("daily").EnumerateArray().ToList());
        Assert.Equal(today, day.GetProperty("scope").GetString());
        Assert.Equal("KRW", body.GetProperty("currency").GetString());

        // The week of that day (farm and group): its Monday as scope, its figures those of its one day.
        var date = DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var week = Assert.Single(body.GetProperty("weekly").EnumerateArray().ToList());
        Assert.Equal(monday, week.GetProperty("scope").GetString());
        Assert.Equal(feedCost / (30 * Head), week.GetProperty("feedCostPerKgMilk").GetDouble(), 6);
        var groupWeek = Assert.Single(body.GetProperty("groups")[0].GetProperty("weekly").EnumerateArray().ToList());
        Assert.Equal((30 * Head * 1100 - feedCost) / Head, groupWeek.GetProperty("incomeOverFeedCostPerHeadPerDay").GetDouble(), 6);
    }

    [Fact]
    public async Task A_period_without_intake_has_no_kpis_and_bad_periods_and_prices_are_400_by_field()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        var empty = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/kpis?from=2026-01-01&to=2026-01-31", Ct));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("farm").ValueKind);
        Assert.Empty(empty.GetProperty("groups").EnumerateArray());

        await AssertFieldErrorsAsync(herd, "", "from", "to");
        await AssertFieldErrorsAsync(herd, "?from=2026-02-01&to=2026-01-01", "to");
        // A period of 367 days is one too many (at most 366: a leap year).
        await AssertFieldErrorsAsync(herd, "?from=2026-01-01&to=2027-01-02&dressingPercent=101&milkPricePerKg=-1", "to", "dressingPercent", "milkPricePerKg");
    }

    [Fact]
    public async Task A_ration_entered_as_fed_since_an_earlier_day_is_in_force_from_then_and_a_future_or_too_old_day_is_400()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var group = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        var today = DateOnly.Parse(group.GetProperty("intake").GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var rationPath = $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration";
        object Ration(DateOnly? since) => new
        {
            items = new[] { new { feedId = "corn-silage", kgDryMatterPerHead = 12.0 }, new { feedId = "hm-corn", kgDryMatterPerHead = 8.0 } },
            inForceSince = since,
        };

        // Not in the future, not more than a year and a day back; the message in the caller's language.
        foreach (var bad in new[] { today.AddDays(1), today.AddDays(-367) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, rationPath) { Content = JsonContent.Create(Ration(bad)) };
            request.Headers.AcceptLanguage.ParseAdd("ko");
            var refused = await herd.Owner.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var message = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("inForceSince").EnumerateArray()).GetString();
            Assert.Contains("366일", message, StringComparison.Ordinal);
        }

        // Fed since three days ago: the version says so, and a day two days ago has the ration in force (priced, not counted
        // as a day without a ration).
        var version = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(rationPath, Ration(today.AddDays(-3)), Ct));
        Assert.Equal(today.AddDays(-3), DateOnly.FromDateTime(version.GetProperty("inForceSince").GetDateTimeOffset().DateTime));
        using var device = herd.DeviceClient(api.Factory);
        var twoDaysAgo = today.AddDays(-2);
        await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new
        {
            readings = new object[]
            {
                new { deviceId = "scale-1", sequence = 1L, measuredAt = new DateTimeOffset(twoDaysAgo.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(9)),
                    groupId = herd.GroupId, feedId = "corn-silage", deliveredKgAsFed = 400.0, refusedKgAsFed = 20.0 },
            },
        }, Ct));
        var day = $"{twoDaysAgo:yyyy-MM-dd}";
        JsonElement farm = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            farm = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/kpis?from={day}&to={day}", Ct))).GetProperty("farm");
            if (farm.ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Equal(0, farm.GetProperty("daysWithoutRation").GetDouble());
        Assert.True(farm.GetProperty("feedCostPerHeadPerDay").GetDouble() > 0);
    }

    private async Task<JsonElement> KpisAsync(HerdApi herd, string query)
    {
        // Readings reach the group through the ingestion fan-out: wait until the day's 241 kg DM is there.
        for (var attempt = 0; ; attempt++)
        {
            var body = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/kpis{query}", Ct));
            var groups = body.GetProperty("groups");
            if ((groups.GetArrayLength() == 1 && Math.Abs(groups[0].GetProperty("totals").GetProperty("consumedDryMatterKg").GetDouble() - 241) < 1e-6)
                || attempt == 50)
            {
                return body;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task AssertFieldErrorsAsync(HerdApi herd, string query, params string[] fields)
    {
        var response = await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/kpis{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }
}
