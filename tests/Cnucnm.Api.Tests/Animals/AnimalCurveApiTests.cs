using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Animals;

/// <summary>Curves fitted to an animal's own records: test days taken from a known Wood curve and weighings from a
/// known Gompertz curve give back their parameters.</summary>
public sealed class AnimalCurveApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);

    private static int _serial;

    private static string Tag() => $"002{Interlocked.Increment(ref _serial) + 30_000_000:D8}3";

    private static string Date(int daysBack) => Day.AddDays(-daysBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> RegisterAsync(HerdApi herd, string breed, string sex, int bornDaysBack) =>
        (await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals",
            new { tag = Tag(), breed, sex, birthDate = Date(bornDaysBack) }, Ct))).GetProperty("id").GetGuid();

    private static async Task RecordAsync(HerdApi herd, Guid animalId, object record) =>
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{animalId}/records", record, Ct));

    private static async Task<JsonElement> CurvesAsync(HerdApi herd, Guid animalId, string query = "") =>
        await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{animalId}/curves{query}", Ct));

    [Fact]
    public async Task A_cows_milk_tests_since_calving_give_back_the_wood_curve_they_were_taken_from()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var cow = await RegisterAsync(herd, "holstein", "female", 1500);
        await RecordAsync(herd, cow, new { kind = "calving", date = Date(200) });
        // Wood (1967) with a = 15, b = 0.25, c = 0.004: peak at b/c = 62.5 days in milk, 32.85 kg/d.
        foreach (var dim in new[] { 10, 40, 70, 100, 130, 160 })
        {
            var kg = Math.Round(15 * Math.Pow(dim, 0.25) * Math.Exp(-0.004 * dim), 6);
            await RecordAsync(herd, cow, new { kind = "milkTest", date = Date(200 - dim), milkKgPerDay = kg, fatPercent = 3.8, trueProteinPercent = 3.1, lactosePercent = 4.8 });
        }

        var lactation = (await CurvesAsync(herd, cow, "?projectDays=30")).GetProperty("lactation");

        Assert.Equal(JsonValueKind.Null, lactation.GetProperty("notFittedReason").ValueKind);
        Assert.Equal(Date(200), lactation.GetProperty("calvingDate").GetString());
        Assert.Equal(6, lactation.GetProperty("observed").GetArrayLength());
        Assert.Equal(15, lactation.GetProperty("a").GetDouble(), 3);
        Assert.Equal(0.25, lactation.GetProperty("b").GetDouble(), 4);
        Assert.Equal(0.004, lactation.GetProperty("c").GetDouble(), 6);
        Assert.Equal(62.5, lactation.GetProperty("peakDaysInMilk").GetDouble(), 1);
        Assert.Equal(15 * Math.Pow(62.5, 0.25) * Math.Exp(-0.25), lactation.GetProperty("peakMilkKgPerDay").GetDouble(), 2);
        var projection = lactation.GetProperty("projection");
        Assert.Equal(30, projection.GetArrayLength());
        var first = projection[0];
        Assert.Equal(15 * Math.Pow(first.GetProperty("day").GetDouble(), 0.25) * Math.Exp(-0.004 * first.GetProperty("day").GetDouble()),
            first.GetProperty("value").GetDouble(), 2);
    }

    /// <summary>Issue 23: a Hanwoo steer weighed only while young, its gain still rising (0.9 to 1.1 kg/d), gets the published mature weight of Hanwoo
    /// steers and a warning in both languages, not a "converged" curve of tons.</summary>
    [Fact]
    public async Task A_young_steers_weighings_with_rising_gain_get_the_published_mature_weight_and_a_warning()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var steer = await RegisterAsync(herd, "hanwoo", "steer", 560);
        foreach (var age in new[] { 240, 300, 360, 420, 480, 540 })
        {
            await RecordAsync(herd, steer, new { kind = "weighing", date = Date(560 - age), bodyWeightKg = 250 + 0.9 * (age - 240) + 0.0004 * (age - 240) * (age - 240) });
        }

        var growth = (await CurvesAsync(herd, steer, "")).GetProperty("growth");

        var verdict = growth.GetProperty("verdict");
        Assert.True(verdict.GetProperty("matureWeightFromReference").GetBoolean(), verdict.ToString());
        Assert.Equal((823.1 + 919.0) / 2, growth.GetProperty("matureWeightKg").GetDouble(), 6);
        Assert.Contains("Hanwoo steers", verdict.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.Contains("한우 거세우", verdict.GetProperty("warningKorean").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_steers_weighings_give_back_the_gompertz_curve_and_the_days_to_a_target_weight()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var steer = await RegisterAsync(herd, "hanwoo", "steer", 400);
        static double Gompertz(double age) => 800 * Math.Exp(-3.283 * Math.Exp(-0.004 * age));
        foreach (var age in new[] { 100, 160, 220, 280, 340, 390 })
        {
            await RecordAsync(herd, steer, new { kind = "weighing", date = Date(400 - age), bodyWeightKg = Math.Round(Gompertz(age), 6) });
        }

        var growth = (await CurvesAsync(herd, steer, "?targetWeightKg=700")).GetProperty("growth");

        Assert.Equal(JsonValueKind.Null, growth.GetProperty("notFittedReason").ValueKind);
        Assert.Equal(800, growth.GetProperty("matureWeightKg").GetDouble(), 1);
        Assert.Equal(0.004, growth.GetProperty("ratePerDay").GetDouble(), 6);
        // Exact weighings determine a mature weight inside the published range of Hanwoo steers: no warning.
        var verdict = growth.GetProperty("verdict");
        Assert.True(verdict.GetProperty("identifiable").GetBoolean());
        Assert.True(verdict.GetProperty("plausible").GetBoolean());
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("warning").ValueKind);
        var ageToday = growth.GetProperty("projection")[0].GetProperty("day").GetDouble();
        // Gompertz solved for age: t = −ln(−ln(W/A)/b)/k.
        var ageAt700 = -Math.Log(-Math.Log(700.0 / 800) / 3.283) / 0.004;
        Assert.Equal(ageAt700 - ageToday, growth.GetProperty("daysToTargetWeight").GetDouble(), 0);
        Assert.Equal(61, growth.GetProperty("projection").GetArrayLength()); // today and 60 days on
    }

    [Fact]
    public async Task Too_few_records_say_why_no_curve_and_bad_query_values_are_named()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var cow = await RegisterAsync(herd, "holstein", "female", 1500);
        await RecordAsync(herd, cow, new { kind = "calving", date = Date(60) });
        await RecordAsync(herd, cow, new { kind = "milkTest", date = Date(30), milkKgPerDay = 35, fatPercent = 3.8, trueProteinPercent = 3.1, lactosePercent = 4.8 });

        var curves = await CurvesAsync(herd, cow);

        Assert.Contains("at least 4 milk tests", curves.GetProperty("lactation").GetProperty("notFittedReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, curves.GetProperty("lactation").GetProperty("observed").GetArrayLength());
        Assert.Contains("at least 4 weighings", curves.GetProperty("growth").GetProperty("notFittedReason").GetString(), StringComparison.Ordinal);
        using var bad = await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{cow}/curves?projectDays=400&targetWeightKg=-1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.Equal(["projectDays", "targetWeightKg"], errors.EnumerateObject().Select(p => p.Name));
        using var missing = await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/animals/{Guid.NewGuid()}/curves", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
