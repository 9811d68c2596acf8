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

    /// <summary>Protein, mineral and vitamin sources: farm id, NASEM library name, KRW per tonne as fed, most kg DM per head per day.</summary>
    public static readonly (string Id, string Library, decimal Price, double Max)[] Supplements =
    [
        ("soybean-meal", "Soybean meal, solvent 48CP", 700_000, 6), ("limestone", "Limestone", 120_000, 0.5),
        ("dical", "Calcium phosphate (di)", 900_000, 0.3), ("salt", "Sodium chloride (salt)", 150_000, 0.15),
        ("mgo", "Magnesium oxide", 700_000, 0.1), ("bicarb", "Sodium bicarbonate", 450_000, 0.3),
        ("k-carbonate", "Potassium carbonate", 1_200_000, 0.3), ("cu", "Copper sulfate (5H2O)", 9_000_000, 0.002),
        ("zn", "Zinc sulfate (H2O)", 3_000_000, 0.005), ("mn", "Manganese sulfate (H2O)", 3_000_000, 0.005),
        ("co", "Cobalt carbonate", 60_000_000, 0.0005), ("eddi", "EDDI", 90_000_000, 0.0005),
        ("se", "Selenium yeast, generic", 15_000_000, 0.01), ("fe", "Ferrous sulfate (H2O)", 1_500_000, 0.005),
    ];

    /// <summary>Adds protein, mineral and vitamin sources with prices and stores the group's candidates and
    /// bounds as the workbench does (proteinMaxKgDm caps the protein feeds: 0.2 makes the problem infeasible).</summary>
    public async Task AddFormulationCandidatesAsync(double? proteinMaxKgDm)
    {
        foreach (var feed in Supplements)
        {
            await Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/{feed.Id}",
                new { name = feed.Library, libraryFeedId = feed.Library, dryMatterPercent = 99, isForage = false }, Ct));
            await Ok(await Owner.PostAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/{feed.Id}/prices",
                new { effectiveFrom = "2026-01-01", amount = feed.Price, basis = "perTonneAsFed", supplier = "co-op" }, Ct));
        }

        // The farm's own vitamin premix (no library feed), IU per kg DM.
        await Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/vitamins", new
        {
            name = "Vitamin ADE premix",
            dryMatterPercent = 95,
            isForage = false,
            composition = new Dictionary<string, double> { ["Fd_Ash"] = 80, ["Fd_VitA"] = 1_500_000, ["Fd_VitD"] = 400_000, ["Fd_VitE"] = 15_000 },
        }, Ct));
        await Ok(await Owner.PostAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/vitamins/prices",
            new { effectiveFrom = "2026-01-01", amount = 6_000_000, basis = "perTonneAsFed", supplier = "co-op" }, Ct));

        // The nutritionist's candidates and bounds, as the workbench stores them.
        var candidates = Feeds.Select(f => new { feedId = f.Id, maxKgDryMatter = f.Forage ? 14.0 : 8.0 })
            .Concat(Supplements.Select(s => new { feedId = s.Id, maxKgDryMatter = s.Max }))
            .Append(new { feedId = "vitamins", maxKgDryMatter = 0.1 })
            .Select(c => proteinMaxKgDm is { } max && c.feedId is "soybean-meal" or "canola-meal" or "alfalfa" ? c with { maxKgDryMatter = max } : c)
            .ToList();
        await Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/groups/{GroupId}/ration/settings",
            new { candidates, dryMatterIntakeTolerancePercent = 5 }, Ct));
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
