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

    /// <summary>Protein, mineral and vitamin sources for formulation: farm id, NASEM library name, KRW per tonne as fed,
    /// most kg DM per head per day.</summary>
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

    /// <summary>The farm's own vitamin premix (no library feed): PUT body of the farm feed, IU per kg DM, and its price
    /// in KRW per tonne as fed.</summary>
    public const string VitaminPremixId = "vitamins";

    public const decimal VitaminPremixPrice = 6_000_000;

    public static object VitaminPremix { get; } = new
    {
        name = "Vitamin ADE premix",
        dryMatterPercent = 95,
        isForage = false,
        composition = new Dictionary<string, double> { ["Fd_Ash"] = 80, ["Fd_VitA"] = 1_500_000, ["Fd_VitD"] = 400_000, ["Fd_VitE"] = 15_000 },
    };

    /// <summary>Adds the <see cref="Supplements"/> and the <see cref="VitaminPremix"/> to the farm as <paramref name="owner"/>, priced.</summary>
    public static async Task AddSupplementsAsync(HttpClient owner, Guid farmId)
    {
        foreach (var feed in Supplements)
        {
            await Ok(await owner.PutAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{feed.Id}",
                new { name = feed.Library, libraryFeedId = feed.Library, dryMatterPercent = 99, isForage = false }, Ct));
            await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{feed.Id}/prices",
                new { effectiveFrom = "2026-01-01", amount = feed.Price, basis = "perTonneAsFed", supplier = "co-op" }, Ct));
        }

        await Ok(await owner.PutAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{VitaminPremixId}", VitaminPremix, Ct));
        await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{VitaminPremixId}/prices",
            new { effectiveFrom = "2026-01-01", amount = VitaminPremixPrice, basis = "perTonneAsFed", supplier = "co-op" }, Ct));
    }

    /// <summary>Candidates for a lactating pen's formulation: the demo feeds (forages up to 14, concentrates up to 8 kg DM),
    /// the supplements and the premix (0.1 kg DM), as the body's list of the ration settings.</summary>
    public static IEnumerable<(string FeedId, double MaxKgDryMatter)> Candidates() =>
        Feeds.Select(f => (f.Id, f.Forage ? 14.0 : 8.0)).Concat(Supplements.Select(s => (s.Id, s.Max))).Append((VitaminPremixId, 0.1));

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

    /// <summary>Adds a person to a farm as people join (issue #20): the owner invites their address, and they accept the
    /// pending invitation signed in with it.</summary>
    public static async Task AddMemberAsync(HttpClient owner, Guid farmId, HttpClient member, string email, string role)
    {
        var invited = await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/invitations", new { email, role }, Ct);
        Assert.True(invited.StatusCode == HttpStatusCode.Accepted, $"invitation: {invited.StatusCode}: {await invited.Content.ReadAsStringAsync(Ct)}");
        var invitation = (await Ok(await member.GetAsync("/api/v1/me/invitations", Ct))).EnumerateArray()
            .Last(i => i.GetProperty("farmId").GetGuid() == farmId);
        await Ok(await member.PostAsync($"/api/v1/me/invitations/{invitation.GetProperty("id").GetGuid()}/accept", null, Ct));
    }

    /// <summary>The body of a successful answer (default for 204), failing the test with the status and body otherwise.</summary>
    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted or HttpStatusCode.NoContent,
            $"{response.RequestMessage?.RequestUri}: {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
