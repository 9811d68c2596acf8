using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

public sealed class LiveHerdApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Reading(Guid groupId, long sequence, string feedId, double delivered, double refused = 0, DateTimeOffset? at = null) => new
    {
        deviceId = "scale-1",
        sequence,
        measuredAt = at ?? DateTimeOffset.UtcNow.AddMinutes(-5),
        groupId,
        feedId,
        deliveredKgAsFed = delivered,
        refusedKgAsFed = refused,
    };

    [Fact]
    public async Task Device_readings_are_stored_once_and_bad_items_named_while_the_good_ones_count()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        using var device = herd.DeviceClient(api.Factory);
        var batch = new
        {
            readings = new[]
            {
                Reading(herd.GroupId, 1, "corn-silage", 400, 20),
                Reading(herd.GroupId, 2, "no-such-feed", 10),
                Reading(herd.GroupId, 3, "hm-corn", 150),
                Reading(herd.GroupId, 4, "hm-corn", 150, at: DateTimeOffset.UtcNow.AddDays(2)),
            },
        };

        var first = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", batch, Ct));
        var retry = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", batch, Ct));

        Assert.Equal(2, first.GetProperty("stored").GetInt32());
        Assert.Equal([(1, "feedId"), (3, "measuredAt")], first.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("field").GetString()!)).ToArray());
        Assert.Equal(0, retry.GetProperty("stored").GetInt32());
        Assert.Equal(2, retry.GetProperty("duplicates").GetInt32());
        var group = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        // (400 − 20)·0.35 + 150·0.72 = 241 kg DM for 40 head.
        Assert.Equal(241.0 / 40, group.GetProperty("intake").GetProperty("todayDryMatterKgPerHead").GetDouble(), 6);
    }

    [Fact]
    public async Task Readings_need_a_valid_device_key_and_stay_within_its_farm()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var other = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var body = new { readings = new[] { Reading(other.GroupId, 1, "corn-silage", 100) } };

        using var anonymous = api.Factory.CreateClient();
        using var forged = api.Factory.CreateClient();
        forged.DefaultRequestHeaders.Add("X-Api-Key", herd.DeviceKey[..^4] + "AAAA");
        using var device = herd.DeviceClient(api.Factory);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/intake-readings", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsJsonAsync("/api/v1/intake-readings", body, Ct)).StatusCode);
        // The key belongs to the first farm: the other farm's group is not a group of this farm.
        var crossFarm = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", body, Ct));
        Assert.Equal(0, crossFarm.GetProperty("stored").GetInt32());
        Assert.Equal("groupId", crossFarm.GetProperty("rejected")[0].GetProperty("field").GetString());
        // A device key reads nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await device.GetAsync($"/api/v1/farms/{herd.FarmId}/groups", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Empty_or_oversized_batches_are_refused_whole(int count)
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        using var device = herd.DeviceClient(api.Factory);
        var readings = Enumerable.Range(1, count).Select(i => Reading(herd.GroupId, i, "corn-silage", 10)).ToArray();

        var response = await device.PostAsJsonAsync("/api/v1/intake-readings", new { readings }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("readings", out _));
    }

    [Fact]
    public async Task Group_and_feed_errors_name_each_field()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        var group = await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups",
            new { name = "", breed = "holstein", state = "lactatingCow", headCount = -3, bodyWeightKg = 5000, bodyConditionScore = 3, ageDays = 800 }, Ct);
        var feed = await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/rye",
            new { name = "Rye", libraryFeedId = "Ryegrass from the moon", dryMatterPercent = 30, composition = new Dictionary<string, double> { ["Fd_Unobtainium"] = 3 } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, group.StatusCode);
        using var groupProblem = JsonDocument.Parse(await group.Content.ReadAsStringAsync(Ct));
        var groupErrors = groupProblem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "name", "headCount", "bodyWeightKg" })
        {
            Assert.True(groupErrors.TryGetProperty(field, out _), $"no error for {field}: {groupErrors}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, feed.StatusCode);
        using var feedProblem = JsonDocument.Parse(await feed.Content.ReadAsStringAsync(Ct));
        var feedErrors = feedProblem.RootElement.GetProperty("errors");
        Assert.Contains("closest", feedErrors.GetProperty("libraryFeedId")[0].GetString(), StringComparison.Ordinal);
        Assert.True(feedErrors.EnumerateObject().Any(p => p.Name.StartsWith("composition", StringComparison.Ordinal)), feedErrors.ToString());
    }

    [Fact]
    public async Task A_deficient_ration_raises_an_alert_that_can_be_acknowledged()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        // Corn silage alone, far too little: energy and protein short.
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration",
            new { items = new[] { new { feedId = "corn-silage", kgDryMatterPerHead = 12.0 } } }, Ct));
        var alerts = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct));
        var deficits = alerts.EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "nutrientDeficit").ToList();
        var mp = deficits.Single(a => a.GetProperty("title").GetString()!.Contains("MP short", StringComparison.Ordinal));
        var acknowledged = await DemoFarm.Ok(await herd.Owner.PostAsync(
            $"/api/v1/farms/{herd.FarmId}/alerts/{mp.GetProperty("id").GetGuid()}/acknowledge", null, Ct));
        var open = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct));

        Assert.Contains(deficits, a => a.GetProperty("title").GetString()!.Contains("ME short", StringComparison.Ordinal));
        Assert.NotNull(acknowledged.GetProperty("acknowledgedAt").GetString());
        Assert.DoesNotContain(open.EnumerateArray(), a => a.GetProperty("id").GetGuid() == mp.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_dashboard_receives_the_event_of_a_posted_reading_over_server_sent_events()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        using var device = herd.DeviceClient(api.Factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/farms/{herd.FarmId}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await herd.Owner.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        var ready = await events.NextAsync("ready", TimeSpan.FromSeconds(10));

        await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings",
            new { readings = new[] { Reading(herd.GroupId, 1, "tmr", 1000) } }, Ct));
        var intake = await events.NextAsync("intakeRecorded", TimeSpan.FromSeconds(10));

        using var data = JsonDocument.Parse(intake.Data);
        Assert.Equal(herd.GroupId, data.RootElement.GetProperty("groupId").GetGuid());
        Assert.True(data.RootElement.GetProperty("values").GetProperty("todayDryMatterKgPerHead").GetDouble() > 0);
        Assert.True(long.Parse(intake.Id!, System.Globalization.CultureInfo.InvariantCulture)
                    > JsonDocument.Parse(ready.Data).RootElement.GetProperty("lastSequence").GetInt64());

        // Resuming from that event id replays nothing older.
        using var resume = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/farms/{herd.FarmId}/events");
        resume.Headers.Add("Last-Event-ID", intake.Id);
        using var resumed = await herd.Owner.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var replay = new SseReader(await resumed.Content.ReadAsStreamAsync(Ct));
        var first = await replay.NextAsync(null, TimeSpan.FromSeconds(10));
        Assert.Equal("ready", first.Event);
    }

    [Fact]
    public async Task A_name_with_a_nul_character_is_a_bad_request_not_a_database_failure()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        using var response = await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/device-keys", new { name = "bunk\u0000scale" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var messages = problem.RootElement.GetProperty("errors").GetProperty("body");
        Assert.Contains("U+0000", messages[0].GetString(), StringComparison.Ordinal);
    }
}
