using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>A group's life after its creation through HTTP: weighings of its mean animal, and its removal with what the
/// farm's other endpoints (groups, rations, intake readings, the animal registry) then show.</summary>
public sealed class GroupLifecycleApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _serial;

    private static string Tag() => $"002{Interlocked.Increment(ref _serial) + 30_000_000:D8}3";

    /// <summary>A day on the farm's calendar (Asia/Seoul unless given) relative to its today.</summary>
    private static string FarmDay(int daysFromToday, string timeZone = "Asia/Seoul") =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime)
            .AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string GroupUrl(HerdApi herd, Guid groupId) => $"/api/v1/farms/{herd.FarmId}/groups/{groupId}";

    private static object Reading(Guid groupId, long sequence) => new
    {
        deviceId = "scale-1",
        sequence,
        measuredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        groupId,
        feedId = "corn-silage",
        deliveredKgAsFed = 100.0,
    };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").Clone();
    }

    private static async Task<Guid> RegisterAsync(HerdApi herd, Guid groupId) =>
        (await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals",
            new { tag = Tag(), breed = "holstein", sex = "female", birthDate = FarmDay(-1500), groupId }, Ct))).GetProperty("id").GetGuid();

    [Fact]
    public async Task The_farm_lists_every_groups_ration_in_force_in_one_call_as_each_group_shows_it()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var bare = (await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", DemoFarm.LactatingPen("New pen"), Ct)))
            .GetProperty("id").GetGuid();

        var listed = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/rations/current", Ct))).EnumerateArray()
            .ToDictionary(r => r.GetProperty("groupId").GetGuid(), r => r.GetProperty("current"));
        Assert.Equal(new[] { herd.GroupId, bare }.Order(), listed.Keys.Order());
        Assert.Equal(JsonValueKind.Null, listed[bare].ValueKind);
        var own = (await DemoFarm.Ok(await herd.Owner.GetAsync($"{GroupUrl(herd, herd.GroupId)}/ration", Ct))).GetProperty("current");
        Assert.Equal(own.GetProperty("version").GetInt32(), listed[herd.GroupId].GetProperty("version").GetInt32());
        Assert.Equal(own.GetProperty("costPerHeadPerDay").GetDouble(), listed[herd.GroupId].GetProperty("costPerHeadPerDay").GetDouble());
        Assert.Equal(own.GetProperty("cause").GetProperty("reason").GetString(), listed[herd.GroupId].GetProperty("cause").GetProperty("reason").GetString());

        // Another farm's owner does not see this farm.
        var stranger = await HerdApi.CreateAsync(api.Factory, withRation: false);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/rations/current", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_deleted_group_is_gone_from_the_farm_its_ration_and_readings_and_its_animals_become_unassigned()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var low = (await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", DemoFarm.LactatingPen("Low pen"), Ct)))
            .GetProperty("id").GetGuid();
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"{GroupUrl(herd, low)}/ration", new
        {
            items = DemoFarm.Ration.Select(r => new { feedId = r.FeedId, kgDryMatterPerHead = r.KgDryMatter }).ToArray(),
        }, Ct));
        var leaving = new[] { await RegisterAsync(herd, low), await RegisterAsync(herd, low) };
        var staying = await RegisterAsync(herd, herd.GroupId);
        using var device = herd.DeviceClient(api.Factory);
        // The scales were feeding the pen until it was removed.
        var before = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new { readings = new[] { Reading(low, 1) } }, Ct));
        Assert.Equal(1, before.GetProperty("stored").GetInt32());
        const string Report = "Sample ID,DM (%),CP (%DM)\nPIT-1,33,9.5\n";
        var analysisUrl = $"/api/v1/farms/{herd.FarmId}/feeds/corn-silage/lab-analyses/preview";
        var rationsBefore = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(analysisUrl, new { csv = Report }, Ct));
        Assert.Equal(2, rationsBefore.GetProperty("rations").GetArrayLength());

        using var deleted = await herd.Owner.DeleteAsync(GroupUrl(herd, low), Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var groups = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups", Ct));
        Assert.Equal([herd.GroupId], groups.EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await herd.Owner.GetAsync(GroupUrl(herd, low), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await herd.Owner.GetAsync($"{GroupUrl(herd, low)}/ration", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await herd.Owner.GetAsync($"{GroupUrl(herd, low)}/ration/mixer-sheet", Ct)).StatusCode);
        // A feed's analysis now reaches only the remaining group's ration.
        var rationsAfter = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(analysisUrl, new { csv = Report }, Ct));
        Assert.Equal([herd.GroupId], rationsAfter.GetProperty("rations").EnumerateArray().Select(r => r.GetProperty("groupId").GetGuid()));

        // At once, not after a cache expires: a reading for the removed pen is refused by name, the other pen's is stored.
        var after = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings",
            new { readings = new[] { Reading(low, 2), Reading(herd.GroupId, 3) } }, Ct));
        Assert.Equal(1, after.GetProperty("stored").GetInt32());
        var refused = Assert.Single(after.GetProperty("rejected").EnumerateArray());
        Assert.Equal((0, "groupId", "is not a group of this farm."),
            (refused.GetProperty("index").GetInt32(), refused.GetProperty("field").GetString(), refused.GetProperty("reason").GetString()));

        // Its animals are unassigned, not members of a group that no longer exists; the other pen keeps its own.
        foreach (var animalId in leaving)
        {
            var animal = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{animalId}", Ct));
            Assert.Equal(JsonValueKind.Null, animal.GetProperty("groupId").ValueKind);
            Assert.Equal("active", animal.GetProperty("status").GetString());
        }

        var stayer = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{staying}", Ct));
        Assert.Equal(herd.GroupId, stayer.GetProperty("groupId").GetGuid());
        var members = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals?groupId={low}", Ct));
        Assert.Equal(0, members.GetProperty("total").GetInt64());
        Assert.Equal(3, (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals?status=active", Ct))).GetProperty("total").GetInt64());
        // An unassigned animal can join a group again; the removed one is not a group to join.
        var move = await ProblemAsync(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{leaving[0]}/moves",
            new { date = FarmDay(0), toGroupId = low }, Ct));
        Assert.Equal(["toGroupId"], move.EnumerateObject().Select(p => p.Name));
        var moved = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{leaving[0]}/moves",
            new { date = FarmDay(0), toGroupId = herd.GroupId }, Ct));
        Assert.Equal(herd.GroupId, moved.GetProperty("animal").GetProperty("groupId").GetGuid());

        using var again = await herd.Owner.DeleteAsync(GroupUrl(herd, low), Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_weighing_is_listed_by_date_and_the_latest_one_becomes_the_groups_body_weight()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var url = $"{GroupUrl(herd, herd.GroupId)}/weighings";
        var created = await DemoFarm.Ok(await herd.Owner.GetAsync(GroupUrl(herd, herd.GroupId), Ct));

        var first = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { date = FarmDay(-10), bodyWeightKg = 650.0, bodyConditionScore = 3.25 }, Ct));
        var second = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { date = FarmDay(-3), bodyWeightKg = 668.5 }, Ct));
        // Entered late: an older weighing is history, not the group's current weight.
        var late = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { date = FarmDay(-20), bodyWeightKg = 610.0, bodyConditionScore = 2.75 }, Ct));

        Assert.Equal((650.0, 3.25), (first.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble(),
            first.GetProperty("inputs").GetProperty("bodyConditionScore").GetDouble()));
        // A weighing without a condition score keeps the group's score.
        Assert.Equal((668.5, 3.25), (second.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble(),
            second.GetProperty("inputs").GetProperty("bodyConditionScore").GetDouble()));
        var group = await DemoFarm.Ok(await herd.Owner.GetAsync(GroupUrl(herd, herd.GroupId), Ct));
        Assert.Equal(late.GetProperty("version").GetInt64(), group.GetProperty("version").GetInt64());
        Assert.Equal(created.GetProperty("version").GetInt64() + 3, group.GetProperty("version").GetInt64());
        Assert.Equal([(FarmDay(-20), 610.0, (double?)2.75), (FarmDay(-10), 650.0, 3.25), (FarmDay(-3), 668.5, null)],
            group.GetProperty("weighings").EnumerateArray().Select(w => (w.GetProperty("date").GetString(), w.GetProperty("bodyWeightKg").GetDouble(),
                w.GetProperty("bodyConditionScore").ValueKind == JsonValueKind.Null ? (double?)null : w.GetProperty("bodyConditionScore").GetDouble())));
        Assert.All(group.GetProperty("weighings").EnumerateArray(), w => Assert.False(string.IsNullOrEmpty(w.GetProperty("recordedBy").GetString())));
        Assert.Equal((668.5, 3.25), (group.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble(),
            group.GetProperty("inputs").GetProperty("bodyConditionScore").GetDouble()));
        // The requirements follow the weight. Between the first two weighings only the weight changed (condition 3.25 in
        // both): NASEM (2021) Eq. 2-1 adds 0.022 kg DMI per kg BW (× 0.999, the early-lactation term at 100 DIM).
        static double PredictedIntake(JsonElement g) => g.GetProperty("requirements").GetProperty("predictedDryMatterIntakeKg").GetDouble();
        Assert.Equal(0.022 * (668.5 - 650) * (1 - 0.212 * Math.Exp(-0.053 * 100)), PredictedIntake(second) - PredictedIntake(first), 3);
        Assert.Equal(PredictedIntake(second), PredictedIntake(group), 6);
    }

    [Fact]
    public async Task A_bad_weighing_names_each_field_and_changes_nothing()
    {
        // A farm west of UTC: its tomorrow is never later than tomorrow in UTC, so only the farm's own calendar refuses it.
        const string Zone = "Pacific/Honolulu";
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}", new
        {
            name = "Kona dairy", location = new { region = "Hawaii", countryCode = "US" }, currency = "USD", timeZone = Zone,
        }, Ct));
        var url = $"{GroupUrl(herd, herd.GroupId)}/weighings";

        var missing = await ProblemAsync(await herd.Owner.PostAsJsonAsync(url, new { bodyConditionScore = 0.5 }, Ct));
        var wrong = await ProblemAsync(await herd.Owner.PostAsJsonAsync(url, new { date = FarmDay(1, Zone), bodyWeightKg = 1600.0, bodyConditionScore = 6.0 }, Ct));
        var tooLight = await ProblemAsync(await herd.Owner.PostAsJsonAsync(url, new { date = FarmDay(0, Zone), bodyWeightKg = 19.9 }, Ct));
        using var unknown = await herd.Owner.PostAsJsonAsync($"{GroupUrl(herd, Guid.NewGuid())}/weighings", new { date = FarmDay(0, Zone), bodyWeightKg = 600.0 }, Ct);

        Assert.Equal(["date", "bodyWeightKg", "bodyConditionScore"], missing.EnumerateObject().Select(p => p.Name));
        Assert.Equal("is required.", missing.GetProperty("bodyWeightKg")[0].GetString());
        // Tomorrow on the farm's calendar is the future, whatever the hour in UTC; a Holstein is scored 1–5.
        Assert.Equal(["date", "bodyWeightKg", "bodyConditionScore"], wrong.EnumerateObject().Select(p => p.Name));
        Assert.Equal("must be between 1 and 5.", wrong.GetProperty("bodyConditionScore")[0].GetString());
        Assert.Equal("must be between 20 and 1500.", wrong.GetProperty("bodyWeightKg")[0].GetString());
        Assert.Equal(["bodyWeightKg"], tooLight.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var group = await DemoFarm.Ok(await herd.Owner.GetAsync(GroupUrl(herd, herd.GroupId), Ct));
        Assert.Equal(0, group.GetProperty("weighings").GetArrayLength());
        Assert.Equal(625, group.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble());

        // Today on the farm's calendar is fine.
        var today = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { date = FarmDay(0, Zone), bodyWeightKg = 640.0 }, Ct));
        Assert.Equal(FarmDay(0, Zone), Assert.Single(today.GetProperty("weighings").EnumerateArray()).GetProperty("date").GetString());
        Assert.Equal(640, today.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble());
    }
}
