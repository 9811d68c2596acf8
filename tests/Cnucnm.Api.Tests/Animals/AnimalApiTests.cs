using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Contracts.Registry;
using Cnucnm.Registry.Records;
using Cnucnm.Storage.Animals;
using Microsoft.Extensions.DependencyInjection;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Animals;

/// <summary>The animal registry through HTTP: registration, paging and search, records with field errors, and groups
/// whose inputs (in the group grain) follow their members as they are weighed, calve, move and leave.</summary>
public sealed class AnimalApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two days back: a past date on the farm's calendar whatever its time zone.</summary>
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);

    private static int _serial;

    private static string Tag() => $"002{Interlocked.Increment(ref _serial) + 20_000_000:D8}7";

    private static string Date(int daysBack) => Day.AddDays(-daysBack).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> Ok(HttpResponseMessage response) => await DemoFarm.Ok(response);

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").Clone();
    }

    private static async Task<Guid> RegisterAsync(HerdApi herd, Guid? groupId, string breed = "holstein", string? name = null, string? tag = null) =>
        (await Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals",
            new { tag = tag ?? Tag(), name, breed, sex = "female", birthDate = Date(1500), groupId }, Ct))).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> RecordAsync(HerdApi herd, Guid animalId, object record) =>
        herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{animalId}/records", record, Ct);

    private static async Task<JsonElement> GroupInputsAsync(HerdApi herd, Guid groupId) =>
        (await Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{groupId}", Ct))).GetProperty("inputs");

    [Fact]
    public async Task Animals_register_once_per_farm_and_list_with_filters_search_and_paging()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var tags = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            tags.Add(Tag());
            await RegisterAsync(herd, i < 3 ? herd.GroupId : null, i == 6 ? "hanwoo" : "holstein", i == 4 ? "복실이" : null, tags[^1]);
        }

        var duplicate = await Problem(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals",
            new { tag = $"KOR {tags[0][..3]} {tags[0][3..7]} {tags[0][7..11]} {tags[0][11..]}", breed = "holstein", sex = "female", birthDate = Date(100) }, Ct));
        Assert.Contains("already registered", duplicate.GetProperty("tag")[0].GetString(), StringComparison.Ordinal);
        var bad = await Problem(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals",
            new { tag = "12345", breed = "zebu", birthDate = Date(-10), groupId = Guid.NewGuid() }, Ct));
        Assert.Equal(["sex", "tag", "breed", "birthDate", "groupId"], bad.EnumerateObject().Select(p => p.Name));

        var url = $"/api/v1/farms/{herd.FarmId}/animals";
        var page = await Ok(await herd.Owner.GetAsync($"{url}?offset=5&limit=5", Ct));
        Assert.Equal(7, page.GetProperty("total").GetInt64());
        Assert.Equal(tags.Order(StringComparer.Ordinal).Skip(5), page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("tag").GetString()));
        Assert.Equal(3, (await Ok(await herd.Owner.GetAsync($"{url}?groupId={herd.GroupId}&status=active", Ct))).GetProperty("total").GetInt64());
        Assert.Equal(1, (await Ok(await herd.Owner.GetAsync($"{url}?breed=hanwoo", Ct))).GetProperty("total").GetInt64());
        Assert.Equal(tags[2], (await Ok(await herd.Owner.GetAsync($"{url}?search={tags[2][^5..]}", Ct))).GetProperty("items")[0].GetProperty("tag").GetString());
        Assert.Equal("복실이", (await Ok(await herd.Owner.GetAsync($"{url}?search=복실", Ct))).GetProperty("items")[0].GetProperty("name").GetString());
        var badQuery = await Problem(await herd.Owner.GetAsync($"{url}?limit=0&status=lost&breed=zebu", Ct));
        Assert.Equal(["limit", "status", "breed"], badQuery.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Records_are_checked_field_by_field_and_derive_the_animals_values()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var cow = await RegisterAsync(herd, null);
        var errors = await Problem(await RecordAsync(herd, cow, new { kind = "milkTest", date = Date(1), milkKgPerDay = 35, fatPercent = 12, trueProteinPercent = 3.1, lactosePercent = 4.8 }));
        Assert.Equal(["date", "fatPercent"], errors.EnumerateObject().Select(p => p.Name)); // no calving yet; fat out of range
        Assert.Equal(["bodyWeightKg"], (await Problem(await RecordAsync(herd, cow, new { kind = "weighing", date = Date(1) }))).EnumerateObject().Select(p => p.Name));
        Assert.Equal(["kind"], (await Problem(await RecordAsync(herd, cow, new { kind = "healthEvent", date = Date(1) }))).EnumerateObject().Select(p => p.Name));

        await Ok(await RecordAsync(herd, cow, new { kind = "calving", date = Date(100), calfSex = "male", calfBirthWeightKg = 42 }));
        await Ok(await RecordAsync(herd, cow, new { kind = "insemination", date = Date(40), sire = "KPN1400" }));
        await Ok(await RecordAsync(herd, cow, new { kind = "pregnancyCheck", date = Date(5), pregnant = true }));
        await Ok(await RecordAsync(herd, cow, new { kind = "weighing", date = Date(31), bodyWeightKg = 610, bodyConditionScore = 3 }));
        var result = await Ok(await RecordAsync(herd, cow, new { kind = "weighing", date = Date(1), bodyWeightKg = 625 }));
        var health = await Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{cow}/health-events",
            new { date = Date(2), diagnosis = "mastitis", treatment = "cefquinome", milkWithdrawalDays = 4 }, Ct));
        Assert.Equal(Date(-2), health.GetProperty("record").GetProperty("record").GetProperty("milkWithdrawalEnd").GetString());

        var animal = await Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{cow}", Ct));
        var summary = animal.GetProperty("summary");
        // Today is Day + 2 on the farm's calendar (or Day + 1 or + 3 across the date line): count from there.
        var today = Day.AddDays(-100).DayNumber + summary.GetProperty("daysInMilk").GetInt32();
        Assert.InRange(today - Day.DayNumber, 1, 3);
        Assert.Equal(1, summary.GetProperty("lactationNumber").GetInt32());
        Assert.Equal(today - Day.AddDays(-40).DayNumber, summary.GetProperty("daysPregnant").GetInt32());
        Assert.Equal(Day.AddDays(-40 + 279).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary.GetProperty("expectedCalving").GetString());
        Assert.Equal(0.5, summary.GetProperty("averageDailyGainKgPerDay").GetDouble(), 9); // 15 kg over 30 days
        Assert.Equal(6, (await Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{cow}/records", Ct))).GetArrayLength());
        Assert.Equal("weighing", result.GetProperty("record").GetProperty("record").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_group_grains_inputs_follow_members_weighed_calving_moving_and_sold()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var (a, b) = (await RegisterAsync(herd, herd.GroupId), await RegisterAsync(herd, herd.GroupId));
        // Typed inputs until members have records: head count follows membership at once.
        Assert.Equal(2, (await GroupInputsAsync(herd, herd.GroupId)).GetProperty("headCount").GetInt32());

        await Ok(await RecordAsync(herd, a, new { kind = "calving", date = Date(300) }));
        await Ok(await RecordAsync(herd, a, new { kind = "weighing", date = Date(1), bodyWeightKg = 600, bodyConditionScore = 3.0 }));
        await Ok(await RecordAsync(herd, a, new { kind = "milkTest", date = Date(1), milkKgPerDay = 30, fatPercent = 4.0, trueProteinPercent = 3.2, lactosePercent = 4.8 }));
        await Ok(await RecordAsync(herd, b, new { kind = "calving", date = Date(650) }));
        await Ok(await RecordAsync(herd, b, new { kind = "calving", date = Date(260) }));
        await Ok(await RecordAsync(herd, b, new { kind = "milkTest", date = Date(1), milkKgPerDay = 50, fatPercent = 3.6, trueProteinPercent = 3.0, lactosePercent = 4.8 }));
        var result = await Ok(await RecordAsync(herd, b, new { kind = "weighing", date = Date(1), bodyWeightKg = 700, bodyConditionScore = 3.5 }));
        Assert.True(result.GetProperty("groups")[0].GetProperty("updated").GetBoolean());

        var inputs = await GroupInputsAsync(herd, herd.GroupId);
        Assert.Equal(650, inputs.GetProperty("bodyWeightKg").GetDouble(), 9);         // (600 + 700) / 2
        Assert.Equal(3.25, inputs.GetProperty("bodyConditionScore").GetDouble(), 9);
        Assert.Equal(2, inputs.GetProperty("parity").GetInt32());                        // (1 + 2) / 2 = 1.5, halves up
        Assert.Equal(40, inputs.GetProperty("milkKgPerDay").GetDouble(), 9);            // (30 + 50) / 2
        Assert.Equal((30 * 4.0 + 50 * 3.6) / 80, inputs.GetProperty("milkFatPercent").GetDouble(), 9); // yield-weighted: 3.75
        var daysInMilk = inputs.GetProperty("daysInMilk").GetInt32();

        // Weighed: the mean body weight moves, and the grain recomputes the requirements from it (NASEM intake depends on BW).
        var before = await Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        await Ok(await RecordAsync(herd, a, new { kind = "weighing", date = Date(0), bodyWeightKg = 640 }));
        var after = await Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        Assert.Equal(670, after.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble(), 9);
        Assert.Equal(before.GetProperty("version").GetInt64() + 1, after.GetProperty("version").GetInt64());
        Assert.NotEqual(before.GetProperty("requirements").GetProperty("predictedDryMatterIntakeKg").GetDouble(),
            after.GetProperty("requirements").GetProperty("predictedDryMatterIntakeKg").GetDouble());

        // b calves again: her days in milk restart (a: 300 + k, b: k, where today is Day + k), and her test of the last
        // lactation no longer counts for the group's milk.
        Assert.Equal(280, daysInMilk - Math.Clamp(daysInMilk - 280, 1, 3)); // (300 + 260) / 2 + k
        await Ok(await RecordAsync(herd, b, new { kind = "calving", date = Date(0) }));
        var calved = await GroupInputsAsync(herd, herd.GroupId);
        Assert.Equal(daysInMilk - 130, calved.GetProperty("daysInMilk").GetInt32());   // (300 + k + k) / 2 = 150 + k
        Assert.Equal(30, calved.GetProperty("milkKgPerDay").GetDouble(), 9);
        Assert.Equal(4.0, calved.GetProperty("milkFatPercent").GetDouble(), 9);
        Assert.Equal(2, calved.GetProperty("parity").GetInt32());                        // (1 + 3) / 2

        // Overrides sit on top of the derived values.
        var overridden = await Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/group-inputs/{herd.GroupId}/overrides", new { headCount = 40 }, Ct));
        Assert.Equal(["headCount"], overridden.GetProperty("overridden").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(40, (await GroupInputsAsync(herd, herd.GroupId)).GetProperty("headCount").GetInt32());
        await Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/group-inputs/{herd.GroupId}/overrides", new { }, Ct));

        // b moves to a second pen; a is sold: the first pen keeps a alone, then nobody.
        var dryPen = (await Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", DemoFarm.LactatingPen("Fresh pen"), Ct))).GetProperty("id").GetGuid();
        var move = await Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{b}/moves", new { date = Date(0), toGroupId = dryPen, reason = "fresh" }, Ct));
        Assert.Equal(2, move.GetProperty("groups").GetArrayLength());
        Assert.Equal(640, (await GroupInputsAsync(herd, herd.GroupId)).GetProperty("bodyWeightKg").GetDouble(), 9);
        Assert.Equal(1, (await GroupInputsAsync(herd, herd.GroupId)).GetProperty("headCount").GetInt32());
        Assert.Equal(1, (await GroupInputsAsync(herd, dryPen)).GetProperty("headCount").GetInt32());
        Assert.Equal(700, (await GroupInputsAsync(herd, dryPen)).GetProperty("bodyWeightKg").GetDouble(), 9);
        Assert.Equal(["toGroupId"], (await Problem(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{b}/moves",
            new { date = Date(0), toGroupId = dryPen }, Ct))).EnumerateObject().Select(p => p.Name));

        var sold = await Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{a}/status", new { status = "sold", date = Date(0), reason = "sold to a neighbour" }, Ct));
        Assert.Equal("sold", sold.GetProperty("status").GetString());
        Assert.Equal(["statusDate", "statusReason"], (await Problem(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{b}/status",
            new { status = "dead" }, Ct))).EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_due_list_names_overdue_weighings_calvings_and_dry_offs()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var cow = await RegisterAsync(herd, null);
        await Ok(await RecordAsync(herd, cow, new { kind = "calving", date = Date(400) }));
        await Ok(await RecordAsync(herd, cow, new { kind = "insemination", date = Date(270) }));
        await Ok(await RecordAsync(herd, cow, new { kind = "pregnancyCheck", date = Date(230), pregnant = true }));
        // Holstein 279 days: calving expected on Day + 9, a week or so from today; never weighed; dry-off was due on Day − 51.
        var due = await Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/due", Ct));
        (string, string)[] expected = [("dryOffDue", Date(51)), ("weighingOverdue", Date(1500 - 30)), ("calvingDue", Date(-9))];
        Assert.Equal(expected.Order(),
            due.EnumerateArray().Select(d => (d.GetProperty("kind").GetString()!, d.GetProperty("dueDate").GetString()!)).Order());
        Assert.Equal(["calvingNoticeDays"], (await Problem(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/due?calvingNoticeDays=-1", Ct)))
            .EnumerateObject().Select(p => p.Name));

        // The herd calendar raises the same three as stored alerts shortly after the records changed.
        var kinds = new HashSet<string>();
        for (var attempt = 0; attempt < 100 && kinds.Count < 3; attempt++)
        {
            await Task.Delay(100, Ct);
            var alerts = await Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts", Ct));
            kinds = [.. alerts.EnumerateArray().Select(a => a.GetProperty("kind").GetString()!)];
        }

        Assert.Equal(new HashSet<string> { "weighingOverdue", "calvingDue", "dryOffDue" }, kinds);
    }

    [Fact]
    public async Task The_herd_calendar_re_derives_group_inputs_from_records_for_the_day()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var cow = await RegisterAsync(herd, herd.GroupId);
        await Ok(await RecordAsync(herd, cow, new { kind = "weighing", date = Date(10), bodyWeightKg = 600 }));
        Assert.Equal(600, (await GroupInputsAsync(herd, herd.GroupId)).GetProperty("bodyWeightKg").GetDouble(), 9);

        // A record that reached the table without the API's sync (as days passing change what records mean):
        // the calendar's check derives the group again.
        var store = api.Factory.Services.GetRequiredService<IAnimalStore>();
        // (Not asserting 600 in between: the check the API's record asked for a second later may already have run.)
        await store.AddRecordAsync(new AnimalRecordEntry(Guid.NewGuid(), herd.FarmId, cow, new Weighing(Day, 640), "test", DateTimeOffset.UtcNow), Ct);
        await api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IHerdCalendarGrain>(herd.FarmId).CheckAsync(Ct);
        Assert.Equal(640, (await GroupInputsAsync(herd, herd.GroupId)).GetProperty("bodyWeightKg").GetDouble(), 9);
    }

    [Fact]
    public async Task Veterinarians_record_health_events_viewers_only_read()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var cow = await RegisterAsync(herd, null);
        var (vet, vetEmail) = await api.Factory.CreateUserClientAsync("vet");
        var (viewer, viewerEmail) = await api.Factory.CreateUserClientAsync("viewer");
        var (nutritionist, nutritionistEmail) = await api.Factory.CreateUserClientAsync("nutritionist");
        foreach (var (member, email, role) in new[] { (vet, vetEmail, "veterinarian"), (viewer, viewerEmail, "viewer"), (nutritionist, nutritionistEmail, "nutritionist") })
        {
            await DemoFarm.AddMemberAsync(herd.Owner, herd.FarmId, member, email, role);
        }

        var health = new { date = Date(1), diagnosis = "lameness", meatWithdrawalDays = 7 };
        var url = $"/api/v1/farms/{herd.FarmId}/animals/{cow}/health-events";
        Assert.Equal(HttpStatusCode.Created, (await vet.PostAsJsonAsync(url, health, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nutritionist.PostAsJsonAsync(url, health, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(url, health, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{cow}/records", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals",
            new { tag = Tag(), breed = "holstein", sex = "female", birthDate = Date(100) }, Ct)).StatusCode);
    }
}
