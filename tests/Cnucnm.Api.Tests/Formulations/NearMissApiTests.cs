using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cnucnm.Formulation;
using Cnucnm.Nutrition.Dairy;

namespace Cnucnm.Api.Tests.Formulations;

/// <summary>
/// Issue 24's near miss over HTTP: a 650 kg Holstein at 42 kg milk on a US feed set (the case of the formulation library's
/// NearMissTests) gets a 422 with the best-possible ration and its shortfall, and each offered suggestion, applied to the request
/// JSON as a client would (its feeds added, each change's field set), gives an optimal ration.
/// </summary>
public sealed partial class NearMissApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormulationRequest NearMiss() => new(
        [
            new FeedOffer("alfalfa-hay", Feed: "Legume hay, mid-maturity", PricePerTonneAsFed: 240, MaxKgDm: 8),
            new FeedOffer("corn-silage", Feed: "Corn silage, typical", PricePerTonneAsFed: 55),
            new FeedOffer("corn-grain", Feed: "Corn grain dry, fine grind", PricePerTonneAsFed: 250, MaxKgDm: 9),
            new FeedOffer("soybean-meal", Feed: "Soybean meal, solvent 48CP", PricePerTonneAsFed: 470),
            new FeedOffer("canola-meal", Feed: "Canola meal", PricePerTonneAsFed: 380),
            new FeedOffer("salt", Feed: "Sodium chloride (salt)", PricePerTonneAsFed: 150, MaxKgDm: 0.15),
            new FeedOffer("limestone", Feed: "Limestone", PricePerTonneAsFed: 120, MaxKgDm: 0.4),
            new FeedOffer("premix", Feed: "VitTM Premix, generic", PricePerTonneAsFed: 2500, MaxKgDm: 0.2),
        ],
        Animal: new DairyAnimalDescription(PhysiologicalState.LactatingCow, DairyBreed.Holstein, 650, 700, 3, 2, 1400, 90, 0, 280, 44, 42, 3.8, 3.1,
            4.85, 0, 0, null, 280, 14, 0),
        Environment: new EnvironmentDescription(20, null, null, null),
        Currency: "USD");

    [Fact]
    public async Task The_42_kg_milk_near_miss_gets_a_best_possible_ration_and_every_suggestion_applied_gives_an_optimal_ration()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("nutritionist");
        var request = JsonSerializer.SerializeToNode(NearMiss(), FormulationJson.Options)!.AsObject();

        using var response = await client.PostAsJsonAsync("/api/v1/formulations", request, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var best = problem.GetProperty("bestPossible");
        // The best-possible ration: feeds, what it leaves short (each below its target), a warning in words.
        Assert.True(best.GetProperty("feeds").EnumerateArray().Sum(f => f.GetProperty("kgDm").GetDouble()) > 15);
        var shortLines = best.GetProperty("short").EnumerateArray().ToList();
        Assert.NotEmpty(shortLines.Concat(best.GetProperty("guardRailsMissed").EnumerateArray()));
        Assert.All(shortLines, l => Assert.False(l.GetProperty("met").GetBoolean(), l.ToString()));
        Assert.Contains("best", best.GetProperty("warning").GetString(), StringComparison.OrdinalIgnoreCase);
        var suggestions = best.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.NotEmpty(suggestions);
        Assert.Equal(Enumerable.Range(1, suggestions.Count), suggestions.Select(s => s.GetProperty("rank").GetInt32()));
        // The most practical first: add the library's rumen-protected methionine.
        Assert.Equal("addFeed", suggestions[0].GetProperty("kind").GetString());
        Assert.Contains(suggestions[0].GetProperty("addFeeds").EnumerateArray(), f => f.GetProperty("feed").GetString() == "Rumen Protected Met");

        foreach (var suggestion in suggestions)
        {
            var changed = Applied(request, suggestion);

            using var again = await client.PostAsJsonAsync("/api/v1/formulations", changed, Ct);

            var body = await again.Content.ReadAsStringAsync(Ct);
            Assert.True(again.StatusCode == HttpStatusCode.OK, $"{suggestion.GetProperty("message").GetString()}: {again.StatusCode} {body}");
            var answer = JsonDocument.Parse(body).RootElement;
            Assert.Equal("Optimal", answer.GetProperty("status").GetString());
            Assert.True(answer.GetProperty("animal").GetProperty("confirmedByFullModel").GetBoolean());
            Assert.Equal(suggestion.GetProperty("costPerDay").GetDouble(), answer.GetProperty("costPerDay").GetDouble(), 6);
        }
    }

    /// <summary>The request with the suggestion applied as the API documents it: its <c>addFeeds</c> appended to <c>feeds</c>, each
    /// change's <c>constraint.field</c> (a path such as <c>feeds[3].maxKgDm</c> or <c>requirements.Met.minPercent</c>) set to its <c>fieldValue</c>.</summary>
    private static JsonObject Applied(JsonObject request, JsonElement suggestion)
    {
        var copy = request.DeepClone().AsObject();
        var feeds = copy["feeds"]!.AsArray();
        foreach (var feed in suggestion.GetProperty("addFeeds").EnumerateArray())
        {
            feeds.Add(JsonNode.Parse(feed.GetRawText()));
        }

        foreach (var change in suggestion.GetProperty("changes").EnumerateArray())
        {
            SetPath(copy, change.GetProperty("constraint").GetProperty("field").GetString()!, change.GetProperty("fieldValue").GetDouble());
        }

        return copy;
    }

    private static void SetPath(JsonObject root, string path, double value)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var indexed = Indexed().Match(parts[i]);
            var name = indexed.Success ? indexed.Groups["name"].Value : parts[i];
            var obj = node.AsObject();
            if (i == parts.Length - 1)
            {
                obj[name] = value;
                return;
            }

            obj[name] ??= indexed.Success ? new JsonArray() : new JsonObject();
            node = indexed.Success ? obj[name]!.AsArray()[int.Parse(indexed.Groups["index"].Value, CultureInfo.InvariantCulture)]! : obj[name]!;
        }
    }

    [GeneratedRegex(@"^(?<name>\w+)\[(?<index>\d+)\]$")]
    private static partial Regex Indexed();
}
