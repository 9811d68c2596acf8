using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Reliability;

/// <summary>A farm sensor of the load: its farm, device id, device key and the groups it weighs for.</summary>
public sealed record Sensor(Guid FarmId, string DeviceId, string Key, IReadOnlyList<Guid> GroupIds);

/// <summary>The public API calls the harness makes as the farm's owner (set-up and state checks).</summary>
public sealed class HerdApi(Uri baseAddress) : IDisposable
{
    public const string FeedId = "corn-silage";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task SignInAsync(string email, string password)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        await EnsureAsync(response, "sign-in");
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
    }

    /// <summary>A dairy farm with one feed, <paramref name="groups"/> pens of lactating Holsteins and
    /// <paramref name="sensors"/> feed-bunk scales, each with its own device key.</summary>
    public async Task<IReadOnlyList<Sensor>> CreateFarmAsync(string name, int groups, int sensors)
    {
        using var farm = await _http.PostAsJsonAsync("/api/v1/farms", new
        {
            name,
            location = new { region = "Chungcheongnam-do", countryCode = "KR" },
            currency = "KRW",
            timeZone = "Asia/Seoul",
        });
        await EnsureAsync(farm, "create farm");
        var farmId = (await farm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var feed = await _http.PutAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{FeedId}", new
        {
            name = "Corn silage",
            libraryFeedId = "Corn silage, typical",
            dryMatterPercent = 35.0,
            isForage = true,
        });
        await EnsureAsync(feed, "put feed");

        var groupIds = new List<Guid>();
        for (var g = 0; g < groups; g++)
        {
            using var group = await _http.PostAsJsonAsync($"/api/v1/farms/{farmId}/groups", new
            {
                name = $"Pen {g + 1}",
                breed = "holstein",
                state = "lactatingCow",
                headCount = 40,
                bodyWeightKg = 625.0,
                bodyConditionScore = 3.0,
                matureBodyWeightKg = 700.0,
                ageDays = 821,
                parity = 1,
                daysInMilk = 100,
                daysPregnant = 46,
                milkKgPerDay = 25.0,
            });
            await EnsureAsync(group, "create group");
            groupIds.Add((await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var result = new List<Sensor>();
        for (var s = 0; s < sensors; s++)
        {
            using var key = await _http.PostAsJsonAsync($"/api/v1/farms/{farmId}/device-keys", new { name = $"bunk scale {s + 1}" });
            await EnsureAsync(key, "create device key");
            result.Add(new Sensor(farmId, $"bunk-{s + 1}", (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!, groupIds));
        }

        return result;
    }

    /// <summary>The group's definition as the API returns it, without the live intake figures and the version.</summary>
    public async Task<string> GroupDefinitionAsync(Guid farmId, Guid groupId)
    {
        using var response = await _http.GetAsync($"/api/v1/farms/{farmId}/groups/{groupId}");
        await EnsureAsync(response, "get group");
        var group = await response.Content.ReadFromJsonAsync<JsonElement>();
        var kept = group.EnumerateObject().Where(p => p.Name is not ("intake" or "version" or "requirements" or "requirementsProblem"))
            .ToDictionary(p => p.Name, p => p.Value);
        return JsonSerializer.Serialize(kept);
    }

    /// <summary>Day totals (readings, kg as fed) the group grain holds, by local day.</summary>
    public async Task<Dictionary<DateOnly, (int Readings, double DeliveredKgAsFed)>> GroupIntakeAsync(Guid farmId, Guid groupId)
    {
        using var response = await _http.GetAsync($"/api/v1/farms/{farmId}/groups/{groupId}/intake?days=3");
        await EnsureAsync(response, "get group intake");
        var days = await response.Content.ReadFromJsonAsync<JsonElement>();
        return days.EnumerateArray().ToDictionary(
            d => DateOnly.Parse(d.GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            d => (d.GetProperty("readings").GetInt32(), d.GetProperty("deliveredKgAsFed").GetDouble()));
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _http.Dispose();
}
