using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Api.Tests.Nutrition;

/// <summary><c>POST /api/v1/nutrition/evaluate</c>: the NASEM dairy model for any signed-in user.</summary>
public sealed class NutritionEndpointTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Path = "/api/v1/nutrition/evaluate";
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _client = (await api.Factory.CreateUserClientAsync("nutritionist")).Client;

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The public NASEM demo cow (lactating_cow_test of the open NASEM implementation) in the API's names.</summary>
    private static Dictionary<string, object?> DemoCow() => new()
    {
        ["animal"] = new Dictionary<string, object?>
        {
            ["physiologicalState"] = "lactatingCow", ["breed"] = "holstein", ["bodyWeightKg"] = 624.795, ["matureBodyWeightKg"] = 700,
            ["bodyConditionScore"] = 3, ["parity"] = 1, ["ageDays"] = 820.8, ["daysInMilk"] = 100, ["daysPregnant"] = 46,
            ["gestationLengthDays"] = 280, ["calfBirthWeightKg"] = 44.1, ["milkKgPerDay"] = 25.062, ["milkFatPercent"] = 4.55,
            ["milkTrueProteinPercent"] = 3.66, ["milkLactosePercent"] = 4.85, ["frameGainKgPerDay"] = 0.19, ["reserveGainKgPerDay"] = 0,
            ["targetDryMatterIntakeKgPerDay"] = 24.521, ["herdMilkTrueProtein305Kg"] = 280, ["ageStarterOfferedDays"] = 14,
        },
        ["environment"] = new { temperatureCelsius = 22, distanceToParlorMeters = 0, tripsToParlorPerDay = 0, topographyMeters = 0 },
        ["equations"] = new { dmiEquation = 0, microbialNitrogenEquation = 1, milkFatEquation = 1 },
        ["diet"] = new object[]
        {
            new { feed = "Alfalfa meal", kgDryMatterPerDay = 8.2101564407 },
            new { feed = "nasem:Canola meal", kgDryMatterPerDay = 6.7323288918 },
            new { feed = "Corn silage, typical", kgDryMatterPerDay = 5.4734377861 },
            new { feed = "Corn grain HM, coarse grind", kgDryMatterPerDay = 4.1050782204 },
        },
    };

    [Fact]
    public async Task A_ration_with_oat_silage_lists_its_imputed_and_unknown_values_in_English_and_Korean()
    {
        var request = DemoCow();
        request["diet"] = new object[]
        {
            new { feed = "Oat silage, mid-maturity", kgDryMatterPerDay = 10 },
            new { feed = "Corn silage, typical", kgDryMatterPerDay = 6 },
            new { feed = "nasem:Canola meal", kgDryMatterPerDay = 4 },
        };

        var response = await _client.PostAsJsonAsync(Path, request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        // Only oat silage has blanks the model uses: NPN (imputed, 0 % of CP as every NASEM grain-crop silage) and six
        // trace minerals and vitamins (unknown, assumed 0); its RUP is kept (issue 25).
        var note = Assert.Single(body.RootElement.GetProperty("compositionNotes").EnumerateArray());
        Assert.Equal("nasem:Oat silage, mid-maturity", note.GetProperty("feedId").GetString());
        var npn = Assert.Single(note.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("column").GetString() == "Fd_NPN_CP");
        Assert.Equal("Imputed", npn.GetProperty("treatment").GetString());
        Assert.Equal(0, npn.GetProperty("valueUsed").GetDouble());
        Assert.Equal("% of CP", npn.GetProperty("unit").GetString());
        Assert.Equal(6, note.GetProperty("gaps").EnumerateArray().Count(g => g.GetProperty("treatment").GetString() == "Unknown"));
        Assert.Equal(["RUP", "MP", "digestible AA", "DE", "Co", "I", "Se", "vitamin A", "vitamin D", "vitamin E"],
            note.GetProperty("touches").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("Oat silage, mid-maturity: NPN = 0 % of CP imputed", note.GetProperty("textEnglish").GetString(), StringComparison.Ordinal);
        Assert.Contains("0으로 가정", note.GetProperty("textKorean").GetString(), StringComparison.Ordinal);
        Assert.True(body.RootElement.GetProperty("nasem").GetProperty("An_RUPIn").GetDouble() > 1, "oat silage RUP kept");
    }

    [Fact]
    public async Task The_demo_diet_has_no_composition_notes()
    {
        var response = await _client.PostAsJsonAsync(Path, DemoCow(), Ct);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(body.RootElement.GetProperty("compositionNotes").EnumerateArray());
    }

    [Fact]
    public async Task Demo_cow_returns_the_published_nasem_values_and_structured_sections()
    {
        var response = await _client.PostAsJsonAsync(Path, DemoCow(), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = body.RootElement;
        var nasem = root.GetProperty("nasem");
        Assert.Equal(2565.214, nasem.GetProperty("An_MPIn_g").GetDouble(), 0.01);
        Assert.Equal(1989.985, nasem.GetProperty("An_MPuse_g_Trg").GetDouble(), 0.01);
        Assert.Equal(188.558, nasem.GetProperty("Abs_AA_g.Lys").GetDouble(), 0.01);
        Assert.Equal(52.195, root.GetProperty("requirements").GetProperty("metabolizableEnergyMcalPerDay").GetDouble(), 0.001);
        Assert.Equal(59.976, root.GetProperty("supply").GetProperty("metabolizableEnergyMcalPerDay").GetDouble(), 0.001);
        Assert.Equal(35.906, root.GetProperty("allowableProduction").GetProperty("proteinAllowableMilkKgPerDay").GetDouble(), 0.001);
        Assert.Equal(96.453, root.GetProperty("dcadMilliequivalentsPerKgDm").GetDouble(), 0.001);

        var mp = root.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("nutrient").GetString() == "MP");
        Assert.Equal(2565.214 - 1989.985, mp.GetProperty("balance").GetDouble(), 0.01);
        var calcium = root.GetProperty("minerals").EnumerateArray().Single(m => m.GetProperty("nutrient").GetString() == "Ca");
        Assert.Equal(nasem.GetProperty("An_Ca_req").GetDouble(), calcium.GetProperty("required").GetDouble());
        Assert.Equal(nasem.GetProperty("Abs_CaIn").GetDouble(), calcium.GetProperty("supplied").GetDouble());
        Assert.Equal(3, root.GetProperty("vitamins").GetArrayLength());
        Assert.Equal(10, root.GetProperty("aminoAcids").GetArrayLength());
        var arg = root.GetProperty("aminoAcids").EnumerateArray().Single(a => a.GetProperty("aminoAcid").GetString() == "Arg");
        Assert.Equal(JsonValueKind.Null, arg.GetProperty("targetAbsorbedGramsPerDay").ValueKind);
    }

    [Fact]
    public async Task Korean_library_feeds_are_found_by_id_and_korean_name()
    {
        var request = DemoCow();
        request["diet"] = new object[]
        {
            new { feed = "Corn silage, typical", kgDryMatterPerDay = 10.0 },
            new { feed = "kr:701", kgDryMatterPerDay = 3.0 },
            new { feed = "보리짚", kgDryMatterPerDay = 2.0 },
            new { feed = "Corn grain HM, coarse grind", kgDryMatterPerDay = 7.0 },
        };
        request["animal"] = new Dictionary<string, object?>((Dictionary<string, object?>)request["animal"]!) { ["targetDryMatterIntakeKgPerDay"] = null };

        var response = await _client.PostAsJsonAsync(Path, request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(22, body.RootElement.GetProperty("intake").GetProperty("dryMatterKgPerDay").GetDouble(), 9);
    }

    [Fact]
    public async Task Every_bad_field_is_listed_in_one_validation_problem()
    {
        var request = DemoCow();
        var animal = (Dictionary<string, object?>)request["animal"]!;
        animal["bodyWeightKg"] = -5;
        animal["milkFatPercent"] = 120;
        animal["daysPregnant"] = -3;
        animal.Remove("parity");
        request["equations"] = new { microbialNitrogenEquation = 7 };
        request["diet"] = new object[] { new { feed = "Corn silag typical", kgDryMatterPerDay = 5.0 }, new { feed = "Canola meal", kgDryMatterPerDay = -1.0 } };

        var response = await _client.PostAsJsonAsync(Path, request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[]
                 {
                     "animal.bodyWeightKg", "animal.milkFatPercent", "animal.daysPregnant", "animal.parity", "equations.microbialNitrogenEquation",
                     "diet[0].feed", "diet[1].kgDryMatterPerDay",
                 })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not listed in {errors}");
        }

        Assert.Contains("Corn silage, typical", errors.GetProperty("diet[0].feed")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_and_bad_enums_are_400_naming_the_field()
    {
        var request = DemoCow();
        ((Dictionary<string, object?>)request["animal"]!)["physiologicalState"] = "bull";

        var response = await _client.PostAsJsonAsync(Path, request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("physiologicalState", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var extra = DemoCow();
        extra["herdSize"] = 120;
        var second = await _client.PostAsJsonAsync(Path, extra, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task Calf_without_water_equation_gets_null_not_nan()
    {
        var request = new Dictionary<string, object?>
        {
            ["animal"] = new { physiologicalState = "calf", breed = "holstein", bodyWeightKg = 45, matureBodyWeightKg = 700, bodyConditionScore = 0, parity = 0, ageDays = 30, frameGainKgPerDay = 0.6 },
            ["diet"] = new object[] { new { feed = "Whole milk", kgDryMatterPerDay = 0.9 } },
        };

        var response = await _client.PostAsJsonAsync(Path, request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("drinkingWaterKgPerDay").ValueKind);
        Assert.False(body.RootElement.GetProperty("nasem").TryGetProperty("An_WaIn", out _));
        Assert.True(body.RootElement.GetProperty("requirements").GetProperty("metabolizableEnergyMcalPerDay").GetDouble() > 0);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        using var anonymous = api.Factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync(Path, DemoCow(), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
