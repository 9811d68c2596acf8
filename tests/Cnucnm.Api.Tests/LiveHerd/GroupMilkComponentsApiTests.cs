using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>
/// Milk components (days in milk, yield, fat, true protein, lactose) follow the group's state (issue 23): a Hanwoo steer
/// group has none, a lactating dairy group must give them.
/// </summary>
public sealed class GroupMilkComponentsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] MilkFields = ["daysInMilk", "milkKgPerDay", "milkFatPercent", "milkTrueProteinPercent", "milkLactosePercent"];

    private static Dictionary<string, object?> SteerPen(string name) => new()
    {
        ["name"] = name, ["breed"] = "hanwoo", ["state"] = "fatteningSteer", ["headCount"] = 20, ["bodyWeightKg"] = 450,
        ["bodyConditionScore"] = 5, ["ageDays"] = 550, ["parity"] = 0, ["daysPregnant"] = 0, ["targetGainKgPerDay"] = 0.8,
        ["environment"] = new { temperatureCelsius = 15 },
    };

    private static void AssertNoMilk(JsonElement group)
    {
        var inputs = group.GetProperty("inputs");
        foreach (var field in MilkFields)
        {
            Assert.Equal(JsonValueKind.Null, inputs.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task A_Hanwoo_steer_group_is_created_and_updated_without_milk_components()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var groups = $"/api/v1/farms/{herd.FarmId}/groups";

        var created = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(groups, SteerPen("비육 1번"), Ct));
        AssertNoMilk(created);
        Assert.True(created.GetProperty("requirements").GetProperty("perAnimal").GetArrayLength() > 0);

        var update = SteerPen("비육 1번");
        update["bodyWeightKg"] = 520;
        var updated = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"{groups}/{created.GetProperty("id").GetGuid()}", update, Ct));
        Assert.Equal(520, updated.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble());
        AssertNoMilk(updated);

        // Older clients sent 0 for "no milk": still accepted, and read back as none.
        var legacy = SteerPen("비육 2번");
        (legacy["daysInMilk"], legacy["milkKgPerDay"]) = (0, 0);
        AssertNoMilk(await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(groups, legacy, Ct)));
    }

    [Theory]
    [InlineData("en", "does not apply to a fatteningSteer group: leave it out.")]
    [InlineData("ko", "비육 거세우 그룹에는 유성분이 없습니다. 비워 두십시오.")]
    public async Task Milk_components_given_for_a_steer_group_are_refused_field_by_field(string language, string message)
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var groups = $"/api/v1/farms/{herd.FarmId}/groups";
        var pen = SteerPen("비육 1번");
        (pen["daysInMilk"], pen["milkKgPerDay"], pen["milkFatPercent"], pen["milkTrueProteinPercent"], pen["milkLactosePercent"]) = (100, 30, 3.8, 3.1, 4.85);

        var errors = await RefusedAsync(herd.Owner, HttpMethod.Post, groups, pen, language);
        Assert.Equal(MilkFields.Order(), errors.Keys.Order());
        Assert.All(errors.Values, m => Assert.Equal(message, m));

        // The same on update: the group keeps its inputs.
        var created = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(groups, SteerPen("비육 1번"), Ct));
        var url = $"{groups}/{created.GetProperty("id").GetGuid()}";
        var onUpdate = await RefusedAsync(herd.Owner, HttpMethod.Put, url, pen, language);
        Assert.Equal(MilkFields.Order(), onUpdate.Keys.Order());
        AssertNoMilk(await DemoFarm.Ok(await herd.Owner.GetAsync(url, Ct)));
    }

    [Fact]
    public async Task A_lactating_dairy_group_without_days_in_milk_or_yield_is_refused_naming_them_and_the_components_take_their_defaults()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var cows = new Dictionary<string, object?>
        {
            ["name"] = "Fresh cows", ["breed"] = "holstein", ["state"] = "lactatingCow", ["headCount"] = 40, ["bodyWeightKg"] = 650,
            ["bodyConditionScore"] = 3, ["ageDays"] = 1400, ["parity"] = 2, ["daysPregnant"] = 0, ["targetGainKgPerDay"] = 0,
        };

        var errors = await RefusedAsync(herd.Owner, HttpMethod.Post, $"/api/v1/farms/{herd.FarmId}/groups", cows, "en");
        Assert.Equal(["daysInMilk", "milkKgPerDay"], errors.Keys.Order());
        Assert.Equal("is required for lactating dairy cows.", errors["daysInMilk"]);

        // Fat, true protein and lactose have their documented defaults when left out.
        (cows["daysInMilk"], cows["milkKgPerDay"]) = (100, 35);
        var created = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", cows, Ct));
        var inputs = created.GetProperty("inputs");
        Assert.Equal(35, inputs.GetProperty("milkKgPerDay").GetDouble());
        Assert.Equal((3.8, 3.1, 4.85), (inputs.GetProperty("milkFatPercent").GetDouble(), inputs.GetProperty("milkTrueProteinPercent").GetDouble(),
            inputs.GetProperty("milkLactosePercent").GetDouble()));
    }

    private static async Task<Dictionary<string, string>> RefusedAsync(HttpClient client, HttpMethod method, string url, object body, string language)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
    }
}
