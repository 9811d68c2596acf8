using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task An_infeasible_group_formulation_is_a_422_problem_with_the_way_out()
    {
        var herd = await CreateAsync();
        await SetCandidatesAsync(herd, proteinMaxKgDm: 0.2);

        using var response = await herd.Owner.PostAsync($"{RationUrl(herd)}/reformulate", null, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("infeasible", problem.GetProperty("outcome").GetString());
        var explanation = problem.GetProperty("explanation").GetString()!;
        Assert.Contains("MP short by", explanation, StringComparison.Ordinal);
        Assert.Contains("raise Soybean meal, solvent 48CP maximum from 0.2", explanation, StringComparison.Ordinal);
    }

    private static string RationUrl(HerdApi herd) => $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration";

    private async Task<HerdApi> CreateAsync()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        await DemoFarm.AddSupplementsAsync(herd.Owner, herd.FarmId);
        return herd;
    }

    private static async Task SetCandidatesAsync(HerdApi herd, double? proteinMaxKgDm)
    {
        var candidates = DemoFarm.Candidates().Select(c => new { feedId = c.FeedId, maxKgDryMatter = c.MaxKgDryMatter })
            .Select(c => proteinMaxKgDm is { } max && c.feedId is "soybean-meal" or "canola-meal" or "alfalfa" ? c with { maxKgDryMatter = max } : c)
            .ToList();
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"{RationUrl(herd)}/settings", new { candidates, dryMatterIntakeTolerancePercent = 5 }, Ct));
    }
}
