using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>Hanwoo and beef groups are formulated by the beef model (NRC 2000), never answered 422 about the dairy model.</summary>
public sealed class HanwooFormulationApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object FatteningPen(string name) => new
    {
        name,
        breed = "hanwoo",
        state = "fatteningSteer",
        headCount = 20,
        bodyWeightKg = 450,
        bodyConditionScore = 5,
        matureBodyWeightKg = (double?)null,
        ageDays = 550,
        parity = 0,
        daysInMilk = 0,
        daysPregnant = 0,
        milkKgPerDay = 0,
        targetGainKgPerDay = 0.8,
        environment = new { temperatureCelsius = 15 },
    };

    [Fact]
    public async Task A_Hanwoo_group_is_formulated_and_formulated_again_after_a_price_change()
    {
        var (owner, farmId, groupId) = await CreateHanwooPenAsync();
        var ration = $"/api/v1/farms/{farmId}/groups/{groupId}/ration";

        var group = await DemoFarm.Ok(await owner.GetAsync($"/api/v1/farms/{farmId}/groups/{groupId}", Ct));
        var requirements = group.GetProperty("requirements");
        Assert.Equal(JsonValueKind.Object, requirements.ValueKind);
        // A Hanwoo steer: the Korean Feeding Standard is the default requirement model.
        Assert.StartsWith("Korean Feeding Standard for Hanwoo", requirements.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.Contains(requirements.GetProperty("perAnimal").EnumerateArray(), l => l.GetProperty("nutrient").GetString() == "CP");

        var first = await FormulateAndApproveAsync(owner, ration);
        var firstItems = Items(first);
        // The dearest-to-be feed: the largest concentrate of the approved ration (not the straw).
        var (feedId, kgBefore) = firstItems.Where(i => i.FeedId != "kr-693").MaxBy(i => i.Kg);
        var feed = KoreanBeefFeeds.All.Single(f => FarmFeedId(f.LibraryId) == feedId);
        await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{feedId}/prices",
            // Three times the price: a large change, stored only when confirmed (PricePlausibility, issue 23).
            new { effectiveFrom = "2026-02-01", amount = feed.PricePerKgAsFed * 1000 * 3, basis = "perTonneAsFed", supplier = "co-op", confirmLargeChange = true }, Ct));

        var second = await FormulateAndApproveAsync(owner, ration);

        Assert.True(Items(second).Where(i => i.FeedId == feedId).Sum(i => i.Kg) < kgBefore - 0.1, $"{feedId} stays at {kgBefore} kg DM");
        foreach (var balance in second.GetProperty("balances").EnumerateArray().Where(b => b.GetProperty("nutrient").GetString() is "ME" or "CP" or "Ca" or "P"))
        {
            Assert.True(balance.GetProperty("percentOfRequirement").GetDouble() >= 99, balance.ToString());
        }
    }

    [Fact]
    public async Task A_beef_group_without_a_temperature_on_a_farm_with_a_province_is_formulated_at_its_KMA_normals()
    {
        var (owner, farmId, _) = await CreateHanwooPenAsync();
        await DemoFarm.Ok(await owner.PutAsJsonAsync($"/api/v1/farms/{farmId}", new
        {
            name = "횡성 한우",
            location = new { region = "횡성군", countryCode = "KR", province = "KR-51" },
            currency = "KRW",
            timeZone = "Asia/Seoul",
        }, Ct));
        // Hanwoo cows in late gestation (NRC 2000) with no environment of their own: the farm's climate decides.
        var created = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/groups", new
        {
            name = "번식우 임신말기",
            breed = "hanwoo",
            state = "beefCow",
            headCount = 15,
            bodyWeightKg = 500,
            bodyConditionScore = 5,
            ageDays = 1800,
            parity = 2,
            daysInMilk = 0,
            daysPregnant = 250,
            milkKgPerDay = 0,
            targetGainKgPerDay = 0,
        }, Ct));
        Assert.True(created.GetProperty("inputs").GetProperty("environment").GetProperty("temperatureFromFarmClimate").GetBoolean());
        var ration = $"/api/v1/farms/{farmId}/groups/{created.GetProperty("id").GetGuid()}/ration";
        await SetKoreanCandidatesAsync(owner, ration);

        var before = SeoulMonth();
        var result = await DemoFarm.Ok(await owner.PostAsync($"{ration}/reformulate", null, Ct));
        var after = SeoulMonth();

        // The month on the farm's calendar (Asia/Seoul) at formulation; the call may straddle a month's end.
        var environment = result.GetProperty("formulation").GetProperty("animal").GetProperty("environment");
        var month = environment.GetProperty("month").GetInt32();
        Assert.Contains(month, new[] { before, after });
        Assert.Equal("KR-51", environment.GetProperty("province").GetString());
        Assert.Equal("kmaNormal", environment.GetProperty("temperatureSource").GetString());
        Assert.Equal("kmaNormal", environment.GetProperty("previousMonthTemperatureSource").GetString());
        Assert.True(Cnucnm.Nutrition.Beef.KoreanClimateNormals.TryGet("KR-51", out var chuncheon));
        Assert.Equal(chuncheon.MeanCelsius(month), environment.GetProperty("temperatureCelsius").GetDouble());
        Assert.Equal(chuncheon.PreviousMonthMeanCelsius(month), environment.GetProperty("previousMonthTemperatureCelsius").GetDouble());
        Assert.Contains("Chuncheon", environment.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    private static int SeoulMonth() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).Month;

    [Fact]
    public async Task A_beef_animal_missing_its_weight_is_a_400_naming_the_field()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("formulator");
        var body = new
        {
            feeds = new[] { new { id = "straw", feed = "kr:693", pricePerTonneAsFed = 280_000 } },
            beef = new { animal = new { breed = "hanwoo", sex = "steer", ageMonths = 18 }, phase = "earlyFattening" },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/formulations", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("beef.animal.bodyWeightKg", out _), problem.ToString());
    }

    [Fact]
    public async Task A_lactating_steer_is_a_clear_400_not_a_422()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("formulator");
        var body = new
        {
            feeds = new[] { new { id = "straw", feed = "kr:693", pricePerTonneAsFed = 280_000 } },
            beef = new { animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18, daysInMilk = 30, targetGainKgPerDay = 0.8 } },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/formulations", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Contains("steer", errors.GetProperty("beef.animal.daysInMilk")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dairy", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_beef_group_state_of_the_group_form_gets_a_ration()
    {
        var (owner, farmId, _) = await CreateHanwooPenAsync();
        var pens = new (string Breed, string State, double Weight, int AgeDays, int DaysPregnant, int DaysInMilk)[]
        {
            ("hanwoo", "calf", 150, 150, 0, 0), ("hanwoo", "growingSteer", 250, 270, 0, 0), ("hanwoo", "fatteningSteer", 650, 820, 0, 0),
            ("hanwoo", "heifer", 280, 330, 0, 0), ("hanwoo", "beefCow", 500, 1800, 250, 0), ("hanwoo", "beefCow", 480, 1800, 0, 40),
            ("hanwoo", "lactatingCow", 480, 1800, 0, 40), ("hanwoo", "dryCow", 500, 1800, 200, 0), ("holstein", "fatteningSteer", 450, 420, 0, 0),
        };
        foreach (var pen in pens)
        {
            var created = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/groups", new
            {
                name = $"{pen.State} {pen.Weight}",
                breed = pen.Breed,
                state = pen.State,
                headCount = 10,
                bodyWeightKg = pen.Weight,
                bodyConditionScore = 5,
                ageDays = pen.AgeDays,
                parity = pen.State is "beefCow" or "lactatingCow" or "dryCow" ? 2 : 0,
                daysInMilk = pen.DaysInMilk,
                daysPregnant = pen.DaysPregnant,
                milkKgPerDay = pen.DaysInMilk > 0 ? 6 : 0, // a Hanwoo cow's milk, kg/d
                targetGainKgPerDay = 0,
                environment = new { temperatureCelsius = 15 },
            }, Ct));
            var ration = $"/api/v1/farms/{farmId}/groups/{created.GetProperty("id").GetGuid()}/ration";
            await SetKoreanCandidatesAsync(owner, ration);

            using var response = await owner.PostAsync($"{ration}/reformulate", null, Ct);

            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pen}: {response.StatusCode} {text}");
        }
    }

    private async Task<(HttpClient Owner, Guid FarmId, Guid GroupId)> CreateHanwooPenAsync()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var owner = herd.Owner;
        foreach (var feed in KoreanBeefFeeds.All)
        {
            var id = FarmFeedId(feed.LibraryId);
            Assert.True(FeedLibrary.TryFind(feed.LibraryId, out var library));
            await DemoFarm.Ok(await owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/{id}",
                new { name = library.Name, libraryFeedId = feed.LibraryId, dryMatterPercent = library.DryMatterPercent, isForage = feed.Role == "roughage" }, Ct));
            await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/{id}/prices",
                new { effectiveFrom = "2026-01-01", amount = feed.PricePerKgAsFed * 1000, basis = "perTonneAsFed", supplier = "co-op" }, Ct));
        }

        var group = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", FatteningPen("비육전기 1번"), Ct));
        var groupId = group.GetProperty("id").GetGuid();
        await SetKoreanCandidatesAsync(owner, $"/api/v1/farms/{herd.FarmId}/groups/{groupId}/ration");
        return (owner, herd.FarmId, groupId);
    }

    private static async Task SetKoreanCandidatesAsync(HttpClient owner, string ration)
    {
        var candidates = KoreanBeefFeeds.All.Select(f => new { feedId = FarmFeedId(f.LibraryId), maxKgDryMatter = f.MaxKgDm }).ToList();
        await DemoFarm.Ok(await owner.PutAsJsonAsync($"{ration}/settings", new { candidates, dryMatterIntakeTolerancePercent = 5 }, Ct));
    }

    /// <summary>Reformulates; approves the suggestion (or takes the applied ration) and returns the ration now current.</summary>
    private static async Task<JsonElement> FormulateAndApproveAsync(HttpClient owner, string ration)
    {
        var result = await DemoFarm.Ok(await owner.PostAsync($"{ration}/reformulate", null, Ct));
        var outcome = result.GetProperty("outcome").GetString();
        Assert.True(outcome is "suggested" or "applied", result.ToString());
        if (outcome == "suggested")
        {
            var suggestion = (await DemoFarm.Ok(await owner.GetAsync(ration, Ct))).GetProperty("suggestion");
            return await DemoFarm.Ok(await owner.PostAsync($"{ration}/suggestions/{suggestion.GetProperty("suggestionId").GetGuid()}/approve", null, Ct));
        }

        return (await DemoFarm.Ok(await owner.GetAsync(ration, Ct))).GetProperty("current");
    }

    private static List<(string FeedId, double Kg)> Items(JsonElement version) =>
        [.. version.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("feedId").GetString()!, i.GetProperty("kgDryMatterPerHead").GetDouble()))];

    private static string FarmFeedId(string libraryId) => libraryId.Replace(':', '-');
}
