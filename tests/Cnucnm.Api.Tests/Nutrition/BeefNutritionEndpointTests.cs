using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Api.Tests.Nutrition;

/// <summary><c>POST /api/v1/nutrition/evaluate</c> with <c>model</c> beef: the NRC (2000) beef model with Hanwoo parameters.</summary>
public sealed class BeefNutritionEndpointTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Path = "/api/v1/nutrition/evaluate";
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = (await api.Factory.CreateUserClientAsync("beef-nutritionist")).Client;

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static readonly object[] FatteningDiet =
    [
        new { feed = "Corn grain dry, fine grind", kgDryMatterPerDay = 5.5 },
        new { feed = "Soybean meal, solvent 48CP", kgDryMatterPerDay = 0.8 },
        new { feed = "Wheat straw", kgDryMatterPerDay = 1.5 },
    ];

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object request)
    {
        using var response = await _client.PostAsJsonAsync(Path, request, Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    /// <summary>A 450 kg Hanwoo steer gaining 0.9 kg/d with intake predicted: the Japanese Feeding Standard (2008) steer equation
    /// −3.481 + 2.668 × 0.9 + 0.04548 × 450 − 7.207e-5 × 450² + 3.867e-8 × 450³ = 8.3158 kg DM/d, × 0.9998 (NRC temperature factor at
    /// 15 °C) = 8.3142; shrunk weight 0.96 × 450 = 432 kg (NRC 2000).</summary>
    [Fact]
    public async Task A_hanwoo_steer_gets_the_beef_models_intake_requirements_and_allowable_gain()
    {
        var (status, body) = await PostAsync(new
        {
            model = "beef",
            beef = new
            {
                animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18, targetGainKgPerDay = 0.9 },
                intake = "predicted",
            },
            diet = FatteningDiet,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("beef", body.GetProperty("model").GetString());
        var intake = body.GetProperty("intake");
        Assert.Equal("japaneseStandard", intake.GetProperty("equation").GetString());
        Assert.Equal(8.3142, intake.GetProperty("predictedDryMatterKgPerDay").GetDouble(), 0.0001);
        Assert.Equal(8.3142, intake.GetProperty("dryMatterKgPerDay").GetDouble(), 0.0001);
        Assert.Equal(432, body.GetProperty("body").GetProperty("shrunkBodyWeightKg").GetDouble(), 9);

        // The same animal and diet through the library: the API adds nothing and loses nothing.
        var direct = BeefModel.Evaluate(new BeefInput(BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 450, 18, 0.9),
        [
            new DietEntry(FeedLibrary.Nasem.Get("Corn grain dry, fine grind"), 5.5), new DietEntry(FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP"), 0.8),
            new DietEntry(FeedLibrary.Nasem.Get("Wheat straw"), 1.5),
        ], BeefIntakeSource.Predicted));
        var allowable = body.GetProperty("allowable");
        Assert.Equal(direct.EnergyAllowableGainKgPerDay, allowable.GetProperty("energyAllowableGainKgPerDay").GetDouble(), 12);
        Assert.Equal(direct.ProteinAllowableGainKgPerDay, allowable.GetProperty("proteinAllowableGainKgPerDay").GetDouble(), 12);
        Assert.Equal(direct.Energy.RequiredMetabolizableEnergyMcal, body.GetProperty("energy").GetProperty("requiredMetabolizableEnergyMcal").GetDouble(), 12);
        Assert.Equal(direct.Protein.MetabolizableProteinSupplyGrams, body.GetProperty("protein").GetProperty("metabolizableProteinSupplyGrams").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, allowable.GetProperty("energyAllowableMilkKgPerDay").ValueKind);
        var mp = body.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("nutrient").GetString() == "MP");
        Assert.Equal(direct.Protein.BalanceGrams, mp.GetProperty("balance").GetDouble(), 9);
        Assert.Equal(direct["ADG"], body.GetProperty("variables").GetProperty("ADG").GetDouble(), 12);
    }

    /// <summary>A Hanwoo steer with no requirement model gets the Korean Feeding Standard beside the NRC sections; the live target
    /// 0.96 kg/d is a shrunk target of 0.9216 kg/d. KFS at 450 kg (450^0.75 = 97.7033), 0.96 kg/d live: MEm 0.125 × 97.7033 = 12.2129;
    /// NEg 0.0533 × 97.7033 × 0.96 = 4.99928; q = 0.5304 + 0.0748 × 0.96 = 0.602208, kf = 0.475722; ME = 12.2129 + 10.5088 = 22.7217 Mcal/d.</summary>
    /// <summary>Issue 25 in the beef model: oat silage's blank supplemental NPN is imputed (0 % of CP from a similar silage) and its
    /// blank Se, Co and I are unknown (assumed 0); the answer says so, as the dairy answer does.</summary>
    [Fact]
    public async Task A_beef_evaluation_with_oat_silage_lists_its_imputed_and_unknown_values()
    {
        var (status, body) = await PostAsync(new
        {
            model = "beef",
            beef = new { animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 350, ageMonths = 12, targetGainKgPerDay = 0.8 } },
            diet = new object[]
            {
                new { feed = "Oat silage, mid-maturity", kgDryMatterPerDay = 4.0 }, new { feed = "Corn grain dry, fine grind", kgDryMatterPerDay = 2.5 },
                new { feed = "Soybean meal, solvent 48CP", kgDryMatterPerDay = 0.6 },
            },
        });
        var (_, complete) = await PostAsync(new
        {
            model = "beef",
            beef = new { animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18, targetGainKgPerDay = 0.9 } },
            diet = FatteningDiet,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var note = Assert.Single(body.GetProperty("compositionNotes").EnumerateArray());
        Assert.Equal("nasem:Oat silage, mid-maturity", note.GetProperty("feedId").GetString());
        Assert.Contains(note.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("column").GetString() == "Fd_NPN_CP"
            && g.GetProperty("treatment").GetString() == "Imputed");
        Assert.Contains("0으로 가정", note.GetProperty("textKorean").GetString(), StringComparison.Ordinal);
        Assert.Empty(complete.GetProperty("compositionNotes").EnumerateArray());
    }

    [Fact]
    public async Task A_hanwoo_steer_is_judged_by_the_korean_feeding_standard_by_default_with_its_live_gain()
    {
        var (status, body) = await PostAsync(new
        {
            beef = new { animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18, targetLiveGainKgPerDay = 0.96 } },
            diet = FatteningDiet,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("koreanFeedingStandard", body.GetProperty("requirementModel").GetString());
        var kfs = body.GetProperty("koreanFeedingStandard");
        Assert.Equal(0.96, kfs.GetProperty("targetLiveGainKgPerDay").GetDouble(), 12);
        Assert.Equal(22.7217, kfs.GetProperty("requiredMetabolizableEnergyMcalPerDay").GetDouble(), 0.001);
        Assert.True(kfs.GetProperty("energyAllowableLiveGainKgPerDay").GetDouble() > 0);
        // The NRC sections take the target as shrunk gain 0.96 × 0.96 = 0.9216 kg/d: same retained energy as the library at 0.9216.
        var direct = BeefModel.Evaluate(new BeefInput(BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 450, 18, 0.9216),
        [
            new DietEntry(FeedLibrary.Nasem.Get("Corn grain dry, fine grind"), 5.5), new DietEntry(FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP"), 0.8),
            new DietEntry(FeedLibrary.Nasem.Get("Wheat straw"), 1.5),
        ]));
        Assert.Equal(direct["RE_target"], body.GetProperty("variables").GetProperty("RE_target").GetDouble(), 9);
        Assert.Equal(direct.KoreanFeedingStandard!.EnergyAllowableLiveGainKgPerDay!.Value, kfs.GetProperty("energyAllowableLiveGainKgPerDay").GetDouble(), 9);

        (status, body) = await PostAsync(new
        {
            beef = new
            {
                animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18, targetGainKgPerDay = 0.9 },
                requirementModel = "nrc2000",
            },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("nrc2000", body.GetProperty("requirementModel").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("koreanFeedingStandard").ValueKind);
    }

    [Fact]
    public async Task A_pregnant_hanwoo_cow_is_answered_on_nrc_2000_and_the_answer_says_why()
    {
        var (status, body) = await PostAsync(new
        {
            beef = new { animal = new { breed = "hanwoo", sex = "cow", bodyWeightKg = 480, ageMonths = 60, daysPregnant = 250 } },
            diet = FatteningDiet,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("nrc2000", body.GetProperty("requirementModel").GetString());
        var note = body.GetProperty("requirementModelNote").GetString();
        Assert.Contains("pregnant Hanwoo cows", note, StringComparison.Ordinal);
        Assert.Contains("were not found", note, StringComparison.Ordinal);

        // A Hanwoo steer on the standard gets no note.
        (status, body) = await PostAsync(new
        {
            beef = new { animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18, targetGainKgPerDay = 0.9 } },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("requirementModelNote").ValueKind);
    }

    [Fact]
    public async Task The_korean_feeding_standard_for_a_cow_or_a_holstein_or_two_gains_is_a_clear_400()
    {
        var (status, body) = await PostAsync(new
        {
            beef = new
            {
                animal = new { breed = "hanwoo", sex = "cow", bodyWeightKg = 480, ageMonths = 60, daysPregnant = 250 },
                requirementModel = "koreanFeedingStandard",
            },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("nrc2000", body.GetProperty("errors").GetProperty("beef.animal.sex")[0].GetString(), StringComparison.Ordinal);

        (status, body) = await PostAsync(new
        {
            beef = new { animal = new { breed = "holstein", sex = "steer", bodyWeightKg = 450, ageMonths = 14 }, requirementModel = "koreanFeedingStandard" },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("beef.requirementModel", out _));

        (status, body) = await PostAsync(new
        {
            beef = new { animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18, targetGainKgPerDay = 0.9, targetLiveGainKgPerDay = 0.95 } },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("beef.animal.targetLiveGainKgPerDay", out _));
    }

    [Fact]
    public async Task A_beef_object_without_model_is_a_beef_evaluation_and_a_dairy_request_answers_model_dairy()
    {
        var (status, body) = await PostAsync(new
        {
            beef = new { animal = new { breed = "holstein-x-hanwoo", sex = "heifer", bodyWeightKg = 300, ageMonths = 10 } },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("beef", body.GetProperty("model").GetString());
        Assert.Equal(7.8, body.GetProperty("intake").GetProperty("dryMatterKgPerDay").GetDouble(), 9);

        (status, body) = await PostAsync(new
        {
            animal = new
            {
                physiologicalState = "heifer", breed = "holstein", bodyWeightKg = 300, matureBodyWeightKg = 700, bodyConditionScore = 3, parity = 0,
                ageDays = 300, frameGainKgPerDay = 0.8,
            },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dairy", body.GetProperty("model").GetString());
        Assert.True(body.GetProperty("nasem").GetProperty("An_MEIn").GetDouble() > 0);
    }

    [Fact]
    public async Task Every_invalid_beef_field_is_named_under_beef_and_dairy_fields_are_refused()
    {
        var (status, body) = await PostAsync(new
        {
            model = "beef",
            beef = new
            {
                animal = new { breed = "wagyu", sex = "steer", bodyWeightKg = -5, ageMonths = 18, daysPregnant = 90 },
                environment = new { temperatureCelsius = 80, panting = 7 },
                intakeEquation = "nrcGrowing",
            },
            animal = new { physiologicalState = "heifer" },
            diet = new object[] { new { feed = "No such feed", kgDryMatterPerDay = 3 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var fields = body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("beef.animal.breed", fields);
        Assert.Contains("beef.animal.bodyWeightKg", fields);
        Assert.Contains("beef.animal.daysPregnant", fields);
        Assert.Contains("beef.environment.temperatureCelsius", fields);
        Assert.Contains("beef.environment.panting", fields);
        Assert.Contains("animal", fields);
        Assert.Contains("diet[0].feed", fields);
    }

    [Fact]
    public async Task An_unknown_model_or_a_beef_model_without_its_animal_is_a_field_error()
    {
        var (status, body) = await PostAsync(new { model = "pig", diet = FatteningDiet });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("must be dairy or beef.", body.GetProperty("errors").GetProperty("model")[0].GetString());

        (status, body) = await PostAsync(new { model = "beef", diet = FatteningDiet });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("beef", out _));

        (status, body) = await PostAsync(new
        {
            model = "dairy",
            beef = new { animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 450, ageMonths = 18 } },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var fields = body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("beef", fields);
        Assert.Contains("animal", fields);
    }
    /// <summary>The environment from the farm: a province and month stand in for the temperatures left out (KMA 1991–2020
    /// normals, Chungcheongnam-do's station Seosan: January −1.6 °C, December 0.8 °C), and the answer says which were used.</summary>
    [Fact]
    public async Task A_province_and_month_fill_in_the_temperatures_and_the_answer_states_them()
    {
        var (status, body) = await PostAsync(new
        {
            model = "beef",
            beef = new
            {
                animal = new { breed = "holstein", sex = "steer", bodyWeightKg = 450, ageMonths = 14, targetGainKgPerDay = 1.2 },
                environment = new { province = "KR-44", month = 1 },
                intake = "predicted",
            },
            diet = FatteningDiet,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        var environment = body.GetProperty("environment");
        Assert.Equal(-1.6, environment.GetProperty("temperatureCelsius").GetDouble(), 3);
        Assert.Equal("kmaNormal", environment.GetProperty("temperatureSource").GetString());
        Assert.Equal(0.8, environment.GetProperty("previousMonthTemperatureCelsius").GetDouble(), 3);
        Assert.Equal("KR-44", environment.GetProperty("province").GetString());
        Assert.Contains("Seosan (129)", environment.GetProperty("note").GetString(), StringComparison.Ordinal);

        // Without a month the month of today (in Korea) is used; an unknown province is a 400 naming the field.
        var monthBefore = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Month;
        var (today, todayBody) = await PostAsync(new
        {
            model = "beef",
            beef = new { animal = new { breed = "holstein", sex = "steer", bodyWeightKg = 450, ageMonths = 14, targetGainKgPerDay = 1.2 }, environment = new { province = "KR-44" } },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.OK, today);
        var month = todayBody.GetProperty("environment").GetProperty("month").GetInt32();
        Assert.Contains(month, new[] { monthBefore, DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Month });
        var (bad, badBody) = await PostAsync(new
        {
            model = "beef",
            beef = new { animal = new { breed = "holstein", sex = "steer", bodyWeightKg = 450, ageMonths = 14, targetGainKgPerDay = 1.2 }, environment = new { province = "Mordor", month = 3 } },
            diet = FatteningDiet,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(badBody.GetProperty("errors").TryGetProperty("beef.environment.province", out _));
    }
}
