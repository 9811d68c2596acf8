using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Analytics;

public sealed class IntakeAnalyticsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Head = 40;
    private const double CornSilageDryMatter = 0.35;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Twenty complete days of a pen eating 1.1 × its predicted DMI (±3 % alternating), with one day, five days ago,
    /// at 0.8 × — posted as corn silage deliveries (35 % DM) from the bunk scale, one reading a day.</summary>
    private static async Task<(HerdApi Herd, double ModelKgPerHead, Dictionary<DateOnly, double> ObservedKgPerHead)> PenWithTwentyDaysAsync(CnucnmApiFactory factory)
    {
        var herd = await HerdApi.CreateAsync(factory);
        var group = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        var model = group.GetProperty("intake").GetProperty("predictedDryMatterKgPerHead").GetDouble();
        var today = DateOnly.Parse(group.GetProperty("intake").GetProperty("today").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;
        var observed = new Dictionary<DateOnly, double>();
        var readings = Enumerable.Range(1, 20).Select(daysAgo =>
        {
            var ratio = daysAgo == 5 ? 0.8 : 1.1 * (daysAgo % 2 == 0 ? 1.03 : 0.97);
            observed[today.AddDays(-daysAgo)] = model * ratio;
            return new
            {
                deviceId = "bunk-scale",
                sequence = (long)daysAgo,
                measuredAt = now.AddDays(-daysAgo),
                groupId = herd.GroupId,
                feedId = "corn-silage",
                deliveredKgAsFed = Head * model * ratio / CornSilageDryMatter,
                refusedKgAsFed = 0.0,
            };
        }).ToArray();
        using var device = herd.DeviceClient(factory);
        var stored = await DemoFarm.Ok(await device.PostAsJsonAsync("/api/v1/intake-readings", new { readings }, Ct));
        Assert.Equal(20, stored.GetProperty("stored").GetInt32());
        return (herd, model, observed);
    }

    private static async Task<JsonElement> AnalyticsAsync(HerdApi herd, string query = "")
    {
        // Readings reach the group through the ingestion fan-out: wait until all twenty days are there.
        for (var attempt = 0; ; attempt++)
        {
            var body = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/analytics/intake{query}", Ct));
            if (body.GetProperty("daysLearned").GetInt32() == 20 || attempt == 50)
            {
                return body;
            }

            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task Adapted_intake_learns_the_pens_bias_beats_the_book_on_held_back_days_and_flags_the_drop()
    {
        var (herd, model, observed) = await PenWithTwentyDaysAsync(api.Factory);

        var body = await AnalyticsAsync(herd);

        Assert.Equal(20, body.GetProperty("daysLearned").GetInt32());
        Assert.Equal(model, body.GetProperty("modelDryMatterKgPerHead").GetDouble(), 9);
        Assert.InRange(body.GetProperty("learnedRatio").GetDouble(), 1.06, 1.14);
        var days = body.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(20, days.Count);
        foreach (var day in days)
        {
            var date = DateOnly.Parse(day.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(observed[date], day.GetProperty("observedDryMatterKgPerHeadPerDay").GetDouble(), 6);
            Assert.Equal(model, day.GetProperty("modelDryMatterKgPerHeadPerDay").GetDouble(), 9);
        }

        // The first day is predicted by the prior (ratio 1: the book); later days by what was learned.
        Assert.Equal(model, days[0].GetProperty("adaptedDryMatterKgPerHeadPerDay").GetDouble(), 9);
        var evaluation = body.GetProperty("evaluation");
        Assert.Equal(13, evaluation.GetProperty("learningDays").GetInt32());
        Assert.Equal(7, evaluation.GetProperty("heldBackDays").GetInt32());
        Assert.True(evaluation.GetProperty("adaptedMeanAbsoluteErrorKgPerHeadPerDay").GetDouble()
                    < evaluation.GetProperty("modelMeanAbsoluteErrorKgPerHeadPerDay").GetDouble(), evaluation.ToString());
        var today = body.GetProperty("today");
        Assert.True(today.GetProperty("adaptedLower95KgPerHeadPerDay").GetDouble() < today.GetProperty("adaptedDryMatterKgPerHeadPerDay").GetDouble());
        Assert.True(today.GetProperty("adaptedUpper95KgPerHeadPerDay").GetDouble() > today.GetProperty("adaptedDryMatterKgPerHeadPerDay").GetDouble());

        var drop = Assert.Single(body.GetProperty("intakeDrops").EnumerateArray().ToList());
        Assert.Equal(observed.Single(o => Math.Abs(o.Value - model * 0.8) < 1e-9).Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            drop.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Bad_windows_are_400_with_field_errors_and_another_farms_group_is_not_found()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var other = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var url = $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/analytics/intake";

        var bad = await herd.Owner.GetAsync(url + "?days=3&heldBackDays=31", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("days", out _));
        Assert.True(errors.TryGetProperty("heldBackDays", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{other.GroupId}/analytics/intake", Ct)).StatusCode);

        // Without intake days there is nothing to learn: the book's prediction stands and nothing is evaluated.
        var empty = await DemoFarm.Ok(await herd.Owner.GetAsync(url, Ct));
        Assert.Equal(0, empty.GetProperty("daysLearned").GetInt32());
        Assert.Equal(1.0, empty.GetProperty("learnedRatio").GetDouble());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("evaluation").ValueKind);
    }

    [Fact]
    public async Task Formulating_for_the_adapted_intake_is_a_farm_policy_option_off_by_default()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var policy = new
        {
            reformulation = "suggest", priceChangeThresholdPercent = 5, intakeDeviationThresholdPercent = 10, intakeWindowDays = 3,
            intakeDropThresholdPercent = 15, nutrientTolerancePercent = 5, sensorSilenceMinutes = 120, inventoryWarningDays = 5,
        };

        var unchanged = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/policy", policy, Ct));
        var on = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/policy",
            new Dictionary<string, object>(JsonSerializer.Deserialize<Dictionary<string, object>>(JsonSerializer.Serialize(policy))!) { ["formulateWithAdaptedIntake"] = true }, Ct));

        Assert.False(unchanged.GetProperty("formulateWithAdaptedIntake").GetBoolean());
        Assert.True(on.GetProperty("formulateWithAdaptedIntake").GetBoolean());
    }
}
