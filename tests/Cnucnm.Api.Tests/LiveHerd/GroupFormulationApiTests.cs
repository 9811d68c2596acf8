using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>A nutritionist sets a group's candidate feeds and formulates its ration over HTTP.</summary>
public sealed class GroupFormulationApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Formulating_a_group_suggests_a_cheaper_ration_that_approval_makes_current()
    {
        var herd = await CreateAsync();
        await SetCandidatesAsync(herd, proteinMaxKgDm: null);

        var result = await DemoFarm.Ok(await herd.Owner.PostAsync($"{RationUrl(herd)}/reformulate", null, Ct));

        // The farm's default policy is to suggest: the demo ration stays until someone approves.
        Assert.Equal("suggested", result.GetProperty("outcome").GetString());
        var ration = await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct));
        var suggestion = ration.GetProperty("suggestion");
        Assert.True(suggestion.GetProperty("costDifferencePerHeadPerDay").GetDouble() < 0);
        Assert.Single(await OpenSuggestionAlertsAsync(herd));
        var approved = await DemoFarm.Ok(await herd.Owner.PostAsync(
            $"{RationUrl(herd)}/suggestions/{suggestion.GetProperty("suggestionId").GetGuid()}/approve", null, Ct));
        Assert.Equal(2, approved.GetProperty("version").GetInt32());
        // Decided: its alert is closed, so the next suggestion for the pen gets an alert of its own.
        Assert.Empty(await OpenSuggestionAlertsAsync(herd));
        foreach (var balance in approved.GetProperty("balances").EnumerateArray().Where(b => b.GetProperty("nutrient").GetString() is "ME" or "MP" or "Ca" or "P"))
        {
            Assert.True(balance.GetProperty("percentOfRequirement").GetDouble() >= 99, balance.ToString());
        }
    }

    [Fact]
    public async Task A_what_if_preview_answers_like_reformulate_and_stores_nothing()
    {
        var herd = await CreateAsync();
        var settings = await SetCandidatesAsync(herd, proteinMaxKgDm: null);
        var feedsBefore = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct))).ToString();
        var alertsBefore = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts", Ct))).ToString();
        var before = (await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct))).ToString();

        // The same settings, a tighter intake: a ration is found, and would be suggested under the farm's policy.
        var whatIf = JsonNode.Parse(settings.ToJsonString())!.AsObject();
        whatIf["dryMatterIntakeTolerancePercent"] = 2;
        var preview = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"{RationUrl(herd)}/preview", whatIf, Ct));
        Assert.Equal("suggested", preview.GetProperty("outcome").GetString());
        Assert.NotEmpty(preview.GetProperty("ration").GetProperty("items").EnumerateArray());
        Assert.True(preview.GetProperty("formulation").GetProperty("feeds").GetArrayLength() > 0);

        // Every feed at twice its price for this run only: the same least-cost ration at twice the cost.
        var doubled = new JsonObject();
        foreach (var feed in JsonDocument.Parse(feedsBefore).RootElement.EnumerateArray().Where(f => f.GetProperty("pricePerKgAsFed").ValueKind == JsonValueKind.Number))
        {
            doubled[feed.GetProperty("definition").GetProperty("feedId").GetString()!] = feed.GetProperty("pricePerKgAsFed").GetDecimal() * 1000 * 2;
        }

        whatIf["pricesPerTonneAsFed"] = doubled;
        var pricier = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"{RationUrl(herd)}/preview", whatIf, Ct));
        Assert.Equal(2 * preview.GetProperty("ration").GetProperty("costPerHeadPerDay").GetDouble(),
            pricier.GetProperty("ration").GetProperty("costPerHeadPerDay").GetDouble(), tolerance: 0.01);

        // Nothing stored: ration, suggestion, history and settings; the feeds' prices; the alerts.
        Assert.Equal(before, (await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct))).ToString());
        Assert.Equal(feedsBefore, (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct))).ToString());
        Assert.Equal(alertsBefore, (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts", Ct))).ToString());

        // A bad what-if is refused by field, like the settings.
        whatIf["pricesPerTonneAsFed"] = new JsonObject { ["no-such-feed"] = 100 };
        using var refused = await herd.Owner.PostAsJsonAsync($"{RationUrl(herd)}/preview", whatIf, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("pricesPerTonneAsFed.no-such-feed", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> OpenSuggestionAlertsAsync(HerdApi herd) =>
        [.. (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct))).EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "rationSuggestion")];

    [Fact]
    public async Task Rejecting_a_suggestion_discards_it_and_keeps_the_current_ration()
    {
        var herd = await CreateAsync();
        await SetCandidatesAsync(herd, proteinMaxKgDm: null);
        var before = await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct));
        var result = await DemoFarm.Ok(await herd.Owner.PostAsync($"{RationUrl(herd)}/reformulate", null, Ct));
        Assert.Equal("suggested", result.GetProperty("outcome").GetString());
        var suggestionId = (await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct))).GetProperty("suggestion").GetProperty("suggestionId").GetGuid();

        using var wrongId = await herd.Owner.PostAsync($"{RationUrl(herd)}/suggestions/{Guid.NewGuid()}/reject", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, wrongId.StatusCode);
        Assert.Equal(suggestionId, (await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct))).GetProperty("suggestion").GetProperty("suggestionId").GetGuid());
        using var rejected = await herd.Owner.PostAsync($"{RationUrl(herd)}/suggestions/{suggestionId}/reject", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        Assert.Empty(await OpenSuggestionAlertsAsync(herd));
        var all = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts", Ct));
        var closed = Assert.Single(all.EnumerateArray(), a => a.GetProperty("kind").GetString() == "rationSuggestion");
        Assert.StartsWith("user:", closed.GetProperty("acknowledgedBy").GetString(), StringComparison.Ordinal); // by the person who rejected it
        var after = await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("suggestion").ValueKind);
        // The demo ration stays, as it was: same version, same feeds and amounts, no new history entry.
        var current = after.GetProperty("current");
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal(DemoFarm.Ration.OrderBy(r => r.FeedId, StringComparer.Ordinal),
            current.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("feedId").GetString()!, i.GetProperty("kgDryMatterPerHead").GetDouble()))
                .OrderBy(i => i.Item1, StringComparer.Ordinal));
        Assert.Equal(before.GetProperty("current").ToString(), current.ToString());
        Assert.Equal([1], after.GetProperty("history").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));

        // Gone: rejecting or approving it again finds nothing, and the ration is still the demo ration.
        using var again = await herd.Owner.PostAsync($"{RationUrl(herd)}/suggestions/{suggestionId}/reject", null, Ct);
        using var approve = await herd.Owner.PostAsync($"{RationUrl(herd)}/suggestions/{suggestionId}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(1, (await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct))).GetProperty("current").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_near_miss_suggests_the_best_possible_ration_with_a_warning_and_each_suggestion_taken_gives_a_ration()
    {
        var herd = await CreateAsync();
        var settings = await SetCandidatesAsync(herd, proteinMaxKgDm: 0.2);

        var result = await DemoFarm.Ok(await herd.Owner.PostAsync($"{RationUrl(herd)}/reformulate", null, Ct));

        // No ration meets MP with protein feeds capped at 0.2 kg DM: the best-possible ration waits for approval (never applied) ...
        Assert.Equal("bestPossible", result.GetProperty("outcome").GetString());
        var ration = await DemoFarm.Ok(await herd.Owner.GetAsync(RationUrl(herd), Ct));
        Assert.Equal(1, ration.GetProperty("current").GetProperty("version").GetInt32());
        var best = ration.GetProperty("suggestion").GetProperty("bestPossible");
        Assert.Contains(best.GetProperty("short").EnumerateArray(), l => l.GetProperty("nutrient").GetString() == "MP");
        var suggestions = best.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.NotEmpty(suggestions);
        // ... with one warning that says what is short and lists the ways out.
        var warning = Assert.Single(await OpenAlertsAsync(herd, "infeasibleFormulation"));
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Contains("MP short by", warning.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("1. " + suggestions[0].GetProperty("message").GetString(), warning.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Each suggestion, taken into the group's settings (feeds added to the farm and the candidates, feed limits on the
        // candidates, targets and rails as request fields), gives a ration that meets everything; the warning then closes.
        foreach (var suggestion in suggestions)
        {
            var taken = await TakeAsync(herd, settings, suggestion);
            await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"{RationUrl(herd)}/settings", taken, Ct));

            var again = await DemoFarm.Ok(await herd.Owner.PostAsync($"{RationUrl(herd)}/reformulate", null, Ct));

            Assert.True(again.GetProperty("outcome").GetString() == "suggested", $"{suggestion.GetProperty("message").GetString()}: {again}");
            Assert.True(again.GetProperty("formulation").GetProperty("animal").GetProperty("confirmedByFullModel").GetBoolean());
            Assert.Empty(await OpenAlertsAsync(herd, "infeasibleFormulation"));

            // Back to the near miss for the next suggestion.
            await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"{RationUrl(herd)}/settings", settings, Ct));
            Assert.Equal("bestPossible", (await DemoFarm.Ok(await herd.Owner.PostAsync($"{RationUrl(herd)}/reformulate", null, Ct))).GetProperty("outcome").GetString());
        }
    }

    [Fact]
    public async Task A_request_field_the_formulation_cannot_set_is_a_field_error()
    {
        var herd = await CreateAsync();

        using var response = await herd.Owner.PutAsJsonAsync($"{RationUrl(herd)}/settings", new
        {
            candidates = new[] { new { feedId = "corn-silage" } },
            requestFields = new Dictionary<string, double> { ["requirements.Met.minPercent"] = 95, ["guardRails.maxMoonPhase"] = 1, ["feeds[0].maxKgDm"] = 3,
                ["guardRails.maxMineralPerKgDm.Fd_Cu"] = 30 },
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("requestFields.guardRails.maxMoonPhase", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("requestFields.feeds[0].maxKgDm", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("requestFields.requirements.Met.minPercent", out _), errors.ToString());
        // A trace-mineral maximum by its NASEM column (the workbench's trace-mineral controls).
        Assert.False(errors.TryGetProperty("requestFields.guardRails.maxMineralPerKgDm.Fd_Cu", out _), errors.ToString());
    }

    /// <summary>The group's settings with a verified suggestion taken, as the workbench takes it.</summary>
    private static async Task<JsonObject> TakeAsync(HerdApi herd, JsonObject settings, JsonElement suggestion)
    {
        var taken = settings.DeepClone().AsObject();
        var candidates = taken["candidates"]!.AsArray();
        foreach (var feed in suggestion.GetProperty("addFeeds").EnumerateArray())
        {
            var id = feed.GetProperty("id").GetString()!;
            var library = feed.GetProperty("feed").GetString()!;
            await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/{id}",
                new { name = library, libraryFeedId = library, dryMatterPercent = FeedLibrary.Nasem.Get(library).DryMatterPercent, isForage = false }, Ct));
            await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/{id}/prices",
                new { effectiveFrom = "2026-01-01", amount = feed.GetProperty("pricePerTonneAsFed").GetDouble(), basis = "perTonneAsFed" }, Ct));
            candidates.Add(new JsonObject { ["feedId"] = id, ["maxKgDryMatter"] = feed.TryGetProperty("maxKgDm", out var max) ? max.GetDouble() : null });
        }

        var fields = new JsonObject();
        foreach (var change in suggestion.GetProperty("changes").EnumerateArray())
        {
            var constraint = change.GetProperty("constraint");
            var value = change.GetProperty("fieldValue").GetDouble();
            if (constraint.GetProperty("kind").GetString() == "feed")
            {
                var candidate = candidates.Single(c => c!["feedId"]!.GetValue<string>() == constraint.GetProperty("subject").GetString())!.AsObject();
                candidate[constraint.GetProperty("bound").GetString() == "max" ? "maxKgDryMatter" : "minKgDryMatter"] = value;
            }
            else
            {
                fields[constraint.GetProperty("field").GetString()!] = value;
            }
        }

        taken["requestFields"] = fields;
        return taken;
    }

    private static async Task<List<JsonElement>> OpenAlertsAsync(HerdApi herd, string kind) =>
        [.. (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct))).EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == kind)];

    private static string RationUrl(HerdApi herd) => $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration";

    private async Task<HerdApi> CreateAsync()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        await DemoFarm.AddSupplementsAsync(herd.Owner, herd.FarmId);
        return herd;
    }

    private static async Task<JsonObject> SetCandidatesAsync(HerdApi herd, double? proteinMaxKgDm)
    {
        var candidates = DemoFarm.Candidates().Select(c => new { feedId = c.FeedId, maxKgDryMatter = c.MaxKgDryMatter })
            .Select(c => proteinMaxKgDm is { } max && c.feedId is "soybean-meal" or "canola-meal" or "alfalfa" ? c with { maxKgDryMatter = max } : c)
            .ToList();
        var settings = JsonSerializer.SerializeToNode(new { candidates, dryMatterIntakeTolerancePercent = 5 })!.AsObject();
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"{RationUrl(herd)}/settings", settings, Ct));
        return settings;
    }
}
