using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Cnucnm.Testing;

/// <summary>A farm set up through the HTTP API as a farmer would: priced feeds of the NASEM (2021) demo diet,
/// a lactating pen, the nutritionist's ration and a device key for the bunk scales.</summary>
public static class DemoFarm
{
    /// <summary>Farm feed id, library name, DM % as fed, forage, KRW per tonne as fed.</summary>
    public static readonly (string Id, string Library, double DryMatterPercent, bool Forage, decimal Price)[] Feeds =
    [
        ("corn-silage", "Corn silage, typical", 35, true, 90_000),
        ("alfalfa", "Alfalfa meal", 90, true, 420_000),
        ("canola-meal", "Canola meal", 89, false, 560_000),
        ("hm-corn", "Corn grain HM, coarse grind", 72, false, 330_000),
    ];

    /// <summary>The nutritionist's ration, kg DM per head per day (the NASEM demo diet).</summary>
    public static readonly (string FeedId, double KgDryMatter)[] Ration =
        [("alfalfa", 8.21), ("canola-meal", 6.73), ("corn-silage", 5.47), ("hm-corn", 4.11)];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A 40-cow pen of first-lactation Holsteins at 100 days in milk (the NASEM demo cow).</summary>
    public static object LactatingPen(string name) => new
    {
        name,
        breed = "holstein",
        state = "lactatingCow",
        headCount = 40,
        bodyWeightKg = 625,
        bodyConditionScore = 3,
        matureBodyWeightKg = 700,
        ageDays = 821,
        parity = 1,
        daysInMilk = 100,
        daysPregnant = 46,
        milkKgPerDay = 25,
        milkFatPercent = 4.55,
        milkTrueProteinPercent = 3.66,
        milkLactosePercent = 4.85,
        targetGainKgPerDay = 0,
        environment = new { temperatureCelsius = 22 },
    };

    /// <summary>Creates the farm as <paramref name="owner"/> (a signed-in client) with its feeds, the "High pen"
    /// group, the ration when asked, and a device key.</summary>
    public static async Task<(Guid FarmId, Guid GroupId, string DeviceKey)> SeedAsync(HttpClient owner, string farmName, bool withRation)
    {
        var farm = await Ok(await owner.PostAsJsonAsync("/api/v1/farms", new
        {
            name = farmName,
            location = new { region = "Chungcheongnam-do", countryCode = "KR" },
            currency = "KRW",
            timeZone = "Asia/Seoul",
        }, Ct));
        var farmId = farm.GetProperty("id").GetGuid();
        foreach (var feed in Feeds)
        {
            await Ok(await owner.PutAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{feed.Id}",
                new { name = feed.Library, libraryFeedId = feed.Library, dryMatterPercent = feed.DryMatterPercent, isForage = feed.Forage }, Ct));
            await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{feed.Id}/prices",
                new { effectiveFrom = "2026-01-01", amount = feed.Price, basis = "perTonneAsFed", supplier = "co-op" }, Ct));
        }

        var group = await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/groups", LactatingPen("High pen"), Ct));
        var groupId = group.GetProperty("id").GetGuid();
        if (withRation)
        {
            await Ok(await owner.PutAsJsonAsync($"/api/v1/farms/{farmId}/groups/{groupId}/ration", new
            {
                items = Ration.Select(r => new { feedId = r.FeedId, kgDryMatterPerHead = r.KgDryMatter }).ToArray(),
                reason = "nutritionist's ration",
            }, Ct));
        }

        var key = await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/device-keys", new { name = "bunk scales" }, Ct));
        return (farmId, groupId, key.GetProperty("key").GetString()!);
    }

    /// <summary>The body of a successful answer (default for 204), failing the test with the status and body otherwise.</summary>
    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent,
            $"{response.RequestMessage?.RequestUri}: {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
