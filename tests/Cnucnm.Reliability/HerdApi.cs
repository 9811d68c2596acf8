using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Reliability;

/// <summary>A farm sensor of the load: its farm, device id, device key and the groups it weighs for.</summary>
public sealed record Sensor(Guid FarmId, string DeviceId, string Key, IReadOnlyList<Guid> GroupIds);

/// <summary>A farm whose groups have a formulated ration: the demo feeds and supplements, 5 pens of lactating cows.</summary>
public sealed record PricedFarm(Guid FarmId, IReadOnlyList<Guid> GroupIds)
{
    /// <summary>The feed whose price changes: the corn silage every ration uses.</summary>
    public const string ChangedFeedId = "corn-silage";

    /// <summary>30 % above the demo price (90,000 KRW per tonne as fed): above any alert threshold, so every ration re-formulates.</summary>
    public const decimal NewPricePerTonne = 117_000;
}

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
        var farmId = await CreateFarmOnlyAsync(name);

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

    /// <summary>A farm with the demo feeds, supplements and premix, priced; <paramref name="groups"/> lactating pens with
    /// every feed as a candidate and each pen's ration formulated once (the first takes effect; by the default suggest
    /// policy, later ones wait as suggestions).</summary>
    public async Task<PricedFarm> CreatePricedFarmAsync(string name, int groups)
    {
        var farmId = await CreateFarmOnlyAsync(name);
        var feeds = DemoFarm.Feeds.Select(f => (f.Id, Body: (object)new { name = f.Library, libraryFeedId = f.Library, dryMatterPercent = f.DryMatterPercent, isForage = f.Forage }, f.Price))
            .Concat(DemoFarm.Supplements.Select(f => (f.Id, Body: (object)new { name = f.Library, libraryFeedId = f.Library, dryMatterPercent = 99.0, isForage = false }, f.Price)))
            .Append((DemoFarm.VitaminPremixId, DemoFarm.VitaminPremix, DemoFarm.VitaminPremixPrice));
        foreach (var (id, body, price) in feeds)
        {
            using var put = await _http.PutAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{id}", body);
            await EnsureAsync(put, "put feed");
            using var priced = await _http.PostAsJsonAsync($"/api/v1/farms/{farmId}/feeds/{id}/prices",
                new { effectiveFrom = "2026-01-01", amount = price, basis = "perTonneAsFed", supplier = "co-op" });
            await EnsureAsync(priced, "price feed");
        }

        var candidates = DemoFarm.Candidates().Select(c => new { feedId = c.FeedId, maxKgDryMatter = c.MaxKgDryMatter }).ToList();
        var groupIds = new List<Guid>();
        for (var g = 0; g < groups; g++)
        {
            using var group = await _http.PostAsJsonAsync($"/api/v1/farms/{farmId}/groups", DemoFarm.LactatingPen($"Pen {g + 1}"));
            await EnsureAsync(group, "create group");
            var groupId = (await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var settings = await _http.PutAsJsonAsync($"/api/v1/farms/{farmId}/groups/{groupId}/ration/settings",
                new { candidates, dryMatterIntakeTolerancePercent = 5 });
            await EnsureAsync(settings, "ration settings");
            using var formulated = await _http.PostAsync($"/api/v1/farms/{farmId}/groups/{groupId}/ration/reformulate", null);
            await EnsureAsync(formulated, "formulate");
            groupIds.Add(groupId);
        }

        return new PricedFarm(farmId, groupIds);
    }

    /// <summary>Posts the new price as a farmer's client does: again, unchanged, after any failure (no answer, 5xx)
    /// until it is accepted. Returns the number of attempts.</summary>
    public Task<int> RaisePriceUntilAcceptedAsync(PricedFarm farm, string feedId, decimal pricePerTonne)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return UntilAcceptedAsync(() => _http.PostAsJsonAsync($"/api/v1/farms/{farm.FarmId}/feeds/{feedId}/prices",
            new { effectiveFrom = today, amount = pricePerTonne, basis = "perTonneAsFed", supplier = "co-op" }), "raise price");
    }

    /// <summary>Applies a lab analysis of the farm's <paramref name="feedId"/> (DM and CP, % as fed and % DM) as a nutritionist's client
    /// does: again after any failure until accepted. Returns the number of attempts.</summary>
    public Task<int> ApplyLabAnalysisUntilAcceptedAsync(PricedFarm farm, string feedId, double dryMatterPercent, double crudeProteinPercentDm)
    {
        var csv = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Sample ID,Date,DM (%),CP (%DM)\nPIT-1,2026-12-01,{dryMatterPercent},{crudeProteinPercentDm}\n");
        return UntilAcceptedAsync(() => _http.PostAsJsonAsync($"/api/v1/farms/{farm.FarmId}/feeds/{feedId}/lab-analyses/apply", new { csv }),
            "apply lab analysis");
    }

    /// <summary>Edits pen <paramref name="pen"/> (1-based, as created by <see cref="CreatePricedFarmAsync"/>) to a new milk yield:
    /// again after any failure until accepted. Returns the number of attempts.</summary>
    public Task<int> EditMilkUntilAcceptedAsync(PricedFarm farm, int pen, double milkKgPerDay)
    {
        var body = JsonSerializer.SerializeToNode(DemoFarm.LactatingPen($"Pen {pen}"))!.AsObject();
        body["milkKgPerDay"] = milkKgPerDay;
        return UntilAcceptedAsync(() => _http.PutAsJsonAsync($"/api/v1/farms/{farm.FarmId}/groups/{farm.GroupIds[pen - 1]}", body), "edit group");
    }

    /// <summary>Sends until accepted: again, unchanged, after any failure (no answer, 5xx); a 4xx is a bug of the harness.</summary>
    private static async Task<int> UntilAcceptedAsync(Func<Task<HttpResponseMessage>> send, string what)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await send();
                if (response.IsSuccessStatusCode)
                {
                    return attempt;
                }

                if ((int)response.StatusCode < 500 || attempt >= 30)
                {
                    await EnsureAsync(response, what);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && attempt < 30)
            {
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Groups whose current ration does not carry <paramref name="feedId"/> at <paramref name="dryMatterFraction"/> (kg as fed ×
    /// DM = kg DM, within 0.5 %): not re-evaluated with the analysed dry matter. Groups without the feed are counted apart.</summary>
    public async Task<(IReadOnlyList<string> Stale, int Checked)> GroupsNotAtDryMatterAsync(IReadOnlyList<PricedFarm> farms, string feedId, double dryMatterFraction)
    {
        var stale = new List<string>();
        var checkedGroups = 0;
        foreach (var (farm, groupId, ration) in await RationsAsync(farms, stale))
        {
            if (ration.GetProperty("current") is not { ValueKind: JsonValueKind.Object } current
                || current.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("feedId").GetString() == feedId) is not { ValueKind: JsonValueKind.Object } item)
            {
                continue;
            }

            checkedGroups++;
            var asFed = item.GetProperty("kgAsFedPerHead").GetDouble();
            var dm = item.GetProperty("kgDryMatterPerHead").GetDouble();
            if (Math.Abs(asFed * dryMatterFraction - dm) > 0.005 * dm)
            {
                stale.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{farm.FarmId}/{groupId}: {feedId} at {dm / asFed:P1} DM"));
            }
        }

        return (stale, checkedGroups);
    }

    /// <summary>Groups whose current ration and suggestion (if any) were both formulated for another cause than <paramref name="kind"/>
    /// (a change kind of the API, e.g. groupInputsChanged).</summary>
    public async Task<IReadOnlyList<string>> GroupsNotReformulatedForAsync(IReadOnlyList<PricedFarm> farms, string kind)
    {
        var stale = new List<string>();
        foreach (var (farm, groupId, ration) in await RationsAsync(farms, stale))
        {
            var causes = CurrentAndSuggested(ration).Select(v => v.GetProperty("cause").GetProperty("kind").GetString()).ToList();
            if (!causes.Contains(kind, StringComparer.OrdinalIgnoreCase))
            {
                stale.Add($"{farm.FarmId}/{groupId}: {string.Join(", ", causes)}");
            }
        }

        return stale;
    }

    /// <summary>The group's current ration and the proposed one of its waiting suggestion, those that exist.</summary>
    private static IEnumerable<JsonElement> CurrentAndSuggested(JsonElement ration) =>
        new[] { ration.TryGetProperty("current", out var current) ? current : default,
                ration.TryGetProperty("suggestion", out var suggestion) && suggestion.ValueKind == JsonValueKind.Object ? suggestion.GetProperty("proposed") : default }
            .Where(v => v.ValueKind == JsonValueKind.Object);

    /// <summary>Each group's ration as the API returns it; a group whose read fails is added to <paramref name="failed"/> with its status.</summary>
    private async Task<List<(PricedFarm Farm, Guid GroupId, JsonElement Ration)>> RationsAsync(IReadOnlyList<PricedFarm> farms, List<string> failed)
    {
        var rations = new List<(PricedFarm, Guid, JsonElement)>();
        foreach (var farm in farms)
        {
            foreach (var groupId in farm.GroupIds)
            {
                using var response = await _http.GetAsync($"/api/v1/farms/{farm.FarmId}/groups/{groupId}/ration");
                if (!response.IsSuccessStatusCode)
                {
                    failed.Add($"{farm.FarmId}/{groupId}: {(int)response.StatusCode}");
                    continue;
                }

                rations.Add((farm, groupId, await response.Content.ReadFromJsonAsync<JsonElement>()));
            }
        }

        return rations;
    }

    /// <summary>Groups whose current ration and suggestion (if any) both price <paramref name="feedId"/> at other
    /// than <paramref name="pricePerKgAsFed"/>, as "farm/group: what was found".</summary>
    public async Task<IReadOnlyList<string>> GroupsNotAtPriceAsync(IReadOnlyList<PricedFarm> farms, string feedId, decimal pricePerKgAsFed)
    {
        var stale = new List<string>();
        foreach (var (farm, groupId, ration) in await RationsAsync(farms, stale))
        {
            var prices = CurrentAndSuggested(ration)
                .Select(v => v.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("feedId").GetString() == feedId)
                    .Select(i => i.GetProperty("costPerHead").GetDecimal() / (decimal)i.GetProperty("kgAsFedPerHead").GetDouble()).FirstOrDefault())
                .ToList();
            if (!prices.Any(p => Math.Abs(p - pricePerKgAsFed) < 0.001m))
            {
                stale.Add($"{farm.FarmId}/{groupId}: {string.Join(", ", prices.Select(p => p.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))} KRW/kg");
            }
        }

        return stale;
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

    private async Task<Guid> CreateFarmOnlyAsync(string name)
    {
        using var farm = await _http.PostAsJsonAsync("/api/v1/farms", new
        {
            name,
            location = new { region = "Chungcheongnam-do", countryCode = "KR" },
            currency = "KRW",
            timeZone = "Asia/Seoul",
        });
        await EnsureAsync(farm, "create farm");
        return (await farm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
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
