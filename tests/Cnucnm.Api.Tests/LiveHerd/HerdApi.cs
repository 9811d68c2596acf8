using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>Sets up a farm through the HTTP API as a farmer would: feeds with prices, a lactating pen, a ration, a device key.</summary>
public sealed record HerdApi(HttpClient Owner, Guid FarmId, Guid GroupId, string DeviceKey, string OwnerEmail)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The NASEM (2021) demo diet's feeds: farm id, library name, DM % as fed, forage, KRW per tonne as fed.</summary>
    public static readonly (string Id, string Library, double DryMatterPercent, bool Forage, decimal Price)[] Feeds =
    [
        ("corn-silage", "Corn silage, typical", 35, true, 90_000),
        ("alfalfa", "Alfalfa meal", 90, true, 420_000),
        ("canola-meal", "Canola meal", 89, false, 560_000),
        ("hm-corn", "Corn grain HM, coarse grind", 72, false, 330_000),
    ];

    public static async Task<HerdApi> CreateAsync(CnucnmApiFactory factory, bool withRation = true)
    {
        var (owner, email) = await factory.CreateUserClientAsync("herd");
        var farm = await Ok(await owner.PostAsJsonAsync("/api/v1/farms", new
        {
            name = "천안 목장",
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
                items = new[]
                {
                    new { feedId = "alfalfa", kgDryMatterPerHead = 8.21 },
                    new { feedId = "canola-meal", kgDryMatterPerHead = 6.73 },
                    new { feedId = "corn-silage", kgDryMatterPerHead = 5.47 },
                    new { feedId = "hm-corn", kgDryMatterPerHead = 4.11 },
                },
                reason = "nutritionist's ration",
            }, Ct));
        }

        var key = await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/device-keys", new { name = "bunk scales" }, Ct));
        return new HerdApi(owner, farmId, groupId, key.GetProperty("key").GetString()!, email);
    }

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

    public HttpClient DeviceClient(CnucnmApiFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", DeviceKey);
        return client;
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
