using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Api.Tests.Growth;

/// <summary>POST /api/v1/growth/simulate: a Hanwoo fattening plan over HTTP.</summary>
public sealed class GrowthApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Feed(string feed, double percent, double price) => new { feed, percentOfDryMatter = percent, pricePerKgAsFed = price };

    [Fact]
    public async Task A_hanwoo_steer_plan_returns_the_trajectory_to_its_target()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("grower");
        var request = new
        {
            animal = new { breed = "hanwoo", sex = "steer", bodyWeightKg = 400, ageMonths = 16, targetGainKgPerDay = 0.9 },
            phases = new object[]
            {
                new { name = "early fattening", untilBodyWeightKg = 500, feeds = new[] { Feed("Corn grain dry, fine grind", 55, 450), Feed("Soybean meal, solvent 48CP", 15, 750), Feed("Wheat straw", 30, 200) } },
                new { name = "late fattening", feeds = new[] { Feed("Corn grain dry, fine grind", 70, 450), Feed("Soybean meal, solvent 48CP", 10, 750), Feed("Wheat straw", 20, 200) } },
            },
            stepDays = 7,
            targetBodyWeightKg = 650,
        };

        using var response = await client.PostAsJsonAsync("/api/v1/growth/simulate", request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var summary = body.GetProperty("summary");
        Assert.Equal("targetReached", summary.GetProperty("stop").GetString());
        Assert.True(summary.GetProperty("finalBodyWeightKg").GetDouble() >= 650);
        var steps = body.GetProperty("steps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("phase").GetString() == "late fattening");
        Assert.All(steps.Zip(steps.Skip(1)), p => Assert.Equal(7, p.Second.GetProperty("day").GetInt32() - p.First.GetProperty("day").GetInt32()));
        Assert.True(summary.GetProperty("totalFeedCost").GetDouble() > 0);
    }

    [Fact]
    public async Task Every_invalid_field_is_named()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("grower");
        var request = new
        {
            animal = new { breed = "wagyu", sex = "steer", bodyWeightKg = -1, ageMonths = 16 },
            phases = new object[] { new { name = "x", feeds = new[] { Feed("No such feed", 120, 1) } } },
            stepDays = 3,
        };

        using var response = await client.PostAsJsonAsync("/api/v1/growth/simulate", request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("animal.breed", fields);
        Assert.Contains("animal.bodyWeightKg", fields);
        Assert.Contains("phases[0].feeds[0].feed", fields);
        Assert.Contains("phases[0].feeds[0].percentOfDryMatter", fields);
        Assert.Contains("phases[0]", fields);
        Assert.Contains("stepDays", fields);
    }
}
