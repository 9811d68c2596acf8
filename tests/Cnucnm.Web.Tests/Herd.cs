using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Web.Tests;

/// <summary>A farm set up through the HTTP API as a farmer would: an owner, priced feeds of the NASEM (2021)
/// demo diet, a lactating pen with a ration, a device key.</summary>
public sealed record Herd(HttpClient Owner, string OwnerEmail, Guid FarmId, string FarmName, Guid GroupId, string DeviceKey)
{
    public const string Password = "correct-horse-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    public static async Task<Herd> CreateAsync(WebServerFactory server, string farmName = "천안 목장", bool withRation = true)
    {
        var (owner, email) = await UserAsync(server, "owner");
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

        var group = await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/groups", new
        {
            name = "High pen",
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
        }, Ct));
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
        return new Herd(owner, email, farmId, farmName, groupId, key.GetProperty("key").GetString()!);
    }

    /// <summary>Registers a person and returns a client signed in as them.</summary>
    public static async Task<(HttpClient Client, string Email)> UserAsync(WebServerFactory server, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@farm.test";
        var client = server.CreateClient();
        await Ok(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = name, password = Password }, Ct));
        var token = await Ok(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return (client, email);
    }

    /// <summary>A new person with the given role on this farm (viewer, nutritionist …); returns their e-mail.</summary>
    public async Task<string> AddMemberAsync(WebServerFactory server, string role)
    {
        var (client, email) = await UserAsync(server, role);
        client.Dispose();
        await Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/members", new { email, role }, Ct));
        return email;
    }

    /// <summary>Posts intake readings with the farm's device key, as a bunk scale does.</summary>
    public async Task PostReadingsAsync(WebServerFactory server, params (long Sequence, string FeedId, double DeliveredKgAsFed)[] readings)
    {
        using var device = server.CreateClient();
        device.DefaultRequestHeaders.Add("X-Api-Key", DeviceKey);
        var result = await Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new
        {
            readings = readings.Select(r => new
            {
                deviceId = "scale-1",
                sequence = r.Sequence,
                measuredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                groupId = GroupId,
                feedId = r.FeedId,
                deliveredKgAsFed = r.DeliveredKgAsFed,
                refusedKgAsFed = 0.0,
            }).ToArray(),
        }, Ct));
        Assert.Equal(readings.Length, result.GetProperty("stored").GetInt32());
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, $"{response.RequestMessage?.RequestUri}: {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
