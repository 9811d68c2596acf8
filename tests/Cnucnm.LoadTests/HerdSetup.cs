using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.LoadTests;

/// <summary>A farm made through the public API for a load run: a user, feeds, groups and a device key.</summary>
public sealed record HerdSetup(Guid FarmId, IReadOnlyList<Guid> GroupIds, string DeviceKey, string AccessToken)
{
    public const string FeedId = "corn-silage";
    public const double FeedDryMatterFraction = 0.35;

    public static async Task<HerdSetup> CreateAsync(HttpClient http, int groups, CancellationToken cancellationToken)
    {
        var email = $"load-{Guid.NewGuid():N}@cnucnm.test";
        const string password = "load-test-password-1";
        await Ok(await http.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = "Load test", password }, cancellationToken), cancellationToken);
        var token = (await Ok(await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, cancellationToken), cancellationToken))
            .GetProperty("accessToken").GetString()!;
        using var owner = new HttpClient { BaseAddress = http.BaseAddress };
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var farm = await Ok(await owner.PostAsJsonAsync("/api/v1/farms", new
        {
            name = "Load test farm", location = new { region = "Chungcheongnam-do", countryCode = "KR" }, currency = "KRW", timeZone = "Asia/Seoul",
        }, cancellationToken), cancellationToken);
        var farmId = farm.GetProperty("id").GetGuid();
        await Ok(await owner.PutAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{FeedId}", new
        {
            name = "Corn silage", libraryFeedId = "Corn silage, typical", dryMatterPercent = FeedDryMatterFraction * 100, isForage = true,
        }, cancellationToken), cancellationToken);
        var groupIds = new List<Guid>();
        for (var i = 0; i < groups; i++)
        {
            var group = await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/groups", new
            {
                name = $"Pen {i + 1}", breed = "holstein", state = "lactatingCow", headCount = 50, bodyWeightKg = 650, bodyConditionScore = 3,
                matureBodyWeightKg = 700, ageDays = 1500, parity = 2, daysInMilk = 120, daysPregnant = 0, milkKgPerDay = 35,
                milkFatPercent = 3.8, milkTrueProteinPercent = 3.1, milkLactosePercent = 4.8, targetGainKgPerDay = 0,
            }, cancellationToken), cancellationToken);
            groupIds.Add(group.GetProperty("id").GetGuid());
        }

        var key = await Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmId}/device-keys", new { name = "load generator" }, cancellationToken), cancellationToken);
        return new HerdSetup(farmId, groupIds, key.GetProperty("key").GetString()!, token);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
