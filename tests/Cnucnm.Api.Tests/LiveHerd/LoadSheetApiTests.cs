using System.Net;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>The load sheet a feeding system polls: amounts rounded to the mixer's scale, and what the rounding does.</summary>
public sealed class LoadSheetApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rounded_loads_are_multiples_of_the_scale_step_and_their_nutrient_effect_is_shown()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var url = $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration/mixer-sheet?mixerCapacityKgAsFed=600";

        var exact = await DemoFarm.Ok(await herd.Owner.GetAsync(url, Ct));
        var rounded = await DemoFarm.Ok(await herd.Owner.GetAsync(url + "&scaleResolutionKg=5", Ct));

        // 40 head × (8.21/0.90 + 6.73/0.89 + 5.47/0.35 + 4.11/0.72) = 40 × 37.99 = 1,519.6 kg as fed: three loads of at most 600 kg.
        Assert.Equal(3, exact.GetProperty("loads").GetArrayLength());
        Assert.Equal(40 * (8.21 / 0.90 + 6.73 / 0.89 + 5.47 / 0.35 + 4.11 / 0.72), exact.GetProperty("totalKgAsFed").GetDouble(), 6);
        var lines = rounded.GetProperty("loads").EnumerateArray().SelectMany(l => l.GetProperty("lines").EnumerateArray()).ToList();
        Assert.Equal(12, lines.Count);
        Assert.All(lines, l => Assert.Equal(0, l.GetProperty("kgAsFed").GetDouble() % 5, 9));
        // Rounding moves each line by at most half a step.
        var exactLines = exact.GetProperty("loads").EnumerateArray().SelectMany(l => l.GetProperty("lines").EnumerateArray()).ToList();
        Assert.All(lines.Zip(exactLines), p => Assert.InRange(p.First.GetProperty("kgAsFed").GetDouble() - p.Second.GetProperty("kgAsFed").GetDouble(), -2.5, 2.5));
        // The formulated and loaded supplies of each nutrient, from the full model: close, not identical.
        var effects = rounded.GetProperty("roundingEffects").EnumerateArray().ToList();
        var energy = effects.Single(e => e.GetProperty("nutrient").GetString() == "ME");
        Assert.InRange(energy.GetProperty("loadedPercentOfRequirement").GetDouble() - energy.GetProperty("formulatedPercentOfRequirement").GetDouble(), -2, 2);
        Assert.Contains(effects, e => e.GetProperty("nutrient").GetString() == "MP");
        Assert.False(exact.TryGetProperty("roundingEffects", out var none) && none.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_scale_step_out_of_range_is_a_field_error()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);

        using var response = await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration/mixer-sheet?scaleResolutionKg=0", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("scaleResolutionKg", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
