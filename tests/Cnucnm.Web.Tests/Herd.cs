using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>A farm set up through the HTTP API as a farmer would: an owner, priced feeds of the NASEM (2021)
/// demo diet, a lactating pen with a ration, a device key.</summary>
public sealed record Herd(HttpClient Owner, string OwnerEmail, Guid FarmId, string FarmName, Guid GroupId, string DeviceKey)
{
    public const string Password = "correct-horse-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Herd> CreateAsync(WebServerFactory server, string farmName = "천안 목장", bool withRation = true)
    {
        var (owner, email) = await UserAsync(server, "owner");
        var (farmId, groupId, deviceKey) = await DemoFarm.SeedAsync(owner, farmName, withRation);
        return new Herd(owner, email, farmId, farmName, groupId, deviceKey);
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
            await DemoFarm.Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/{feed.Id}",
                new { name = feed.Library, libraryFeedId = feed.Library, dryMatterPercent = 99, isForage = false }, Ct));
            await DemoFarm.Ok(await Owner.PostAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/{feed.Id}/prices",
                new { effectiveFrom = "2026-01-01", amount = feed.Price, basis = "perTonneAsFed", supplier = "co-op" }, Ct));
        }

        // The farm's own vitamin premix (no library feed), IU per kg DM.
        await DemoFarm.Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/vitamins", new
        {
            name = "Vitamin ADE premix",
            dryMatterPercent = 95,
            isForage = false,
            composition = new Dictionary<string, double> { ["Fd_Ash"] = 80, ["Fd_VitA"] = 1_500_000, ["Fd_VitD"] = 400_000, ["Fd_VitE"] = 15_000 },
        }, Ct));
        await DemoFarm.Ok(await Owner.PostAsJsonAsync($"/api/v1/farms/{FarmId}/feeds/vitamins/prices",
            new { effectiveFrom = "2026-01-01", amount = 6_000_000, basis = "perTonneAsFed", supplier = "co-op" }, Ct));

        // The nutritionist's candidates and bounds, as the workbench stores them.
        var candidates = DemoFarm.Feeds.Select(f => new { feedId = f.Id, maxKgDryMatter = f.Forage ? 14.0 : 8.0 })
            .Concat(Supplements.Select(s => new { feedId = s.Id, maxKgDryMatter = s.Max }))
            .Append(new { feedId = "vitamins", maxKgDryMatter = 0.1 })
            .Select(c => proteinMaxKgDm is { } max && c.feedId is "soybean-meal" or "canola-meal" or "alfalfa" ? c with { maxKgDryMatter = max } : c)
            .ToList();
        await DemoFarm.Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/groups/{GroupId}/ration/settings",
            new { candidates, dryMatterIntakeTolerancePercent = 5 }, Ct));
    }

    /// <summary>Registers a person and returns a client signed in as them.</summary>
    public static async Task<(HttpClient Client, string Email)> UserAsync(WebServerFactory server, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@farm.test";
        var client = server.CreateClient();
        await DemoFarm.Ok(await client.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = name, password = Password }, Ct));
        var token = await DemoFarm.Ok(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, Ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return (client, email);
    }

    /// <summary>A new person with the given role on this farm (viewer, nutritionist …); returns their e-mail.</summary>
    public async Task<string> AddMemberAsync(WebServerFactory server, string role)
    {
        var (client, email) = await UserAsync(server, role);
        client.Dispose();
        await DemoFarm.Ok(await Owner.PutAsJsonAsync($"/api/v1/farms/{FarmId}/members", new { email, role }, Ct));
        return email;
    }

    /// <summary>Posts intake readings with the farm's device key, as a bunk scale does.</summary>
    public async Task PostReadingsAsync(WebServerFactory server, params (long Sequence, string FeedId, double DeliveredKgAsFed)[] readings)
    {
        using var device = server.CreateClient();
        device.DefaultRequestHeaders.Add("X-Api-Key", DeviceKey);
        var result = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new
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
}
