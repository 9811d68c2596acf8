using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Api.Tests.Formulations;

/// <summary>POST /api/v1/formulations: the formulation grain pool over HTTP.</summary>
public sealed class FormulationApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two feeds, one protein minimum: solvable by hand.</summary>
    private static object Request(double proteinMin, double? meanMaxKgDm = null) => new
    {
        feeds = new object[]
        {
            // Prices per kg DM: silage 0.2, meal 0.5.
            new { id = "silage", dryMatterPercent = 35, pricePerKgDm = 0.2, composition = new Dictionary<string, double> { ["CP"] = 8 } },
            new { id = "meal", dryMatterPercent = 90, pricePerKgDm = 0.5, maxKgDm = meanMaxKgDm, composition = new Dictionary<string, double> { ["CP"] = 48 } },
        },
        dryMatterIntakeKg = new { min = 20, max = 20 },
        nutrients = new[] { new { name = "CP", perKgDm = new { min = proteinMin } } },
    };

    [Fact]
    public async Task An_explicit_request_answers_the_least_cost_ration_with_shadow_prices()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("formulator");

        using var response = await client.PostAsJsonAsync("/api/v1/formulations", Request(16), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Optimal", body.GetProperty("status").GetString());
        // Meal share s: 8(1 − s) + 48 s = 16 → s = 0.2: 4 kg DM meal, 16 kg DM silage; cost 16 × 0.2 + 4 × 0.5 = 5.2.
        Assert.Equal(5.2, body.GetProperty("costPerDay").GetDouble(), 6);
        var meal = body.GetProperty("feeds").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "meal");
        Assert.Equal(4, meal.GetProperty("kgDm").GetDouble(), 6);
        Assert.Equal(4 / 0.9, meal.GetProperty("kgAsFed").GetDouble(), 6);
        // One more % CP per kg DM moves 20/40 = 0.5 kg DM from silage to meal: 0.5 × 0.3 = 0.15 per day.
        var protein = body.GetProperty("nutrients").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "CP");
        Assert.Equal(0.15, protein.GetProperty("shadowPrice").GetDouble(), 6);
    }

    [Fact]
    public async Task An_infeasible_request_is_a_422_problem_with_the_explanation()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("formulator");

        using var response = await client.PostAsJsonAsync("/api/v1/formulations", Request(16, meanMaxKgDm: 2), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var explanation = problem.GetProperty("explanation");
        // 2 kg DM of meal gives at most (18 × 8 + 2 × 48) / 20 = 12 % CP: raise the meal maximum to 4 kg DM.
        var relaxation = explanation.GetProperty("relaxations").EnumerateArray()
            .Single(r => r.GetProperty("constraint").GetProperty("field").GetString() == "feeds[1].maxKgDm");
        Assert.Equal(4, relaxation.GetProperty("to").GetDouble(), 4);
        Assert.Contains("CP", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_400()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("formulator");
        var request = new
        {
            feeds = new object[]
            {
                new { id = "silage", dryMatterPercent = 135, pricePerKgDm = -1, minKgDm = 5, maxKgDm = 2, composition = new Dictionary<string, double> { ["CP"] = 8 } },
            },
            dryMatterIntakeKg = new { min = 20 },
            nutrients = new[] { new { name = "Protein", perKgDm = new { min = 16 } } },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/formulations", request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        var fields = errors.EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Contains("feeds[0].dryMatterPercent", fields);
        Assert.Contains("feeds[0].pricePerKgDm", fields);
        Assert.Contains(fields, f => f.StartsWith("feeds[0].minKgDm", StringComparison.Ordinal) || f.StartsWith("feeds[0].maxKgDm", StringComparison.Ordinal));
        Assert.Contains("nutrients[0].name", fields);
    }

    [Fact]
    public async Task An_empty_feed_list_is_a_400()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("formulator");

        using var response = await client.PostAsJsonAsync("/api/v1/formulations", new { feeds = Array.Empty<object>(), dryMatterIntakeKg = new { min = 20 } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("feeds", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
