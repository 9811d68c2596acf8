using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Feeds;

/// <summary>A price set one at a time (POST …/feeds/{feedId}/prices) goes through the price list's plausibility check (issue 23).</summary>
public sealed class SinglePriceApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> CornSilageAsync(HerdApi herd) =>
        (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds?on=2026-12-31", Ct))).EnumerateArray()
            .Single(f => f.GetProperty("definition").GetProperty("feedId").GetString() == "corn-silage");

    [Fact]
    public async Task A_999_permille_fall_typed_by_hand_is_held_and_reported_in_english_and_korean_and_stored_once_confirmed()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var url = $"/api/v1/farms/{herd.FarmId}/feeds/corn-silage/prices";
        // Corn silage: 90,000 KRW per tonne as fed from 2026-01-01 (HerdApi) = 90 KRW/kg; 90 KRW per tonne is 0.09 KRW/kg, a 99.9 % fall.
        var slip = new { effectiveFrom = "2026-06-01", amount = 90, basis = "perTonneAsFed", supplier = "co-op" };

        var refused = await herd.Owner.PostAsJsonAsync(url, slip, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("0.09 KRW/kg as fed is a 99.9 % fall from the recent 90 (check the amount and its basis).", errors.GetProperty("amount")[0].GetString());
        Assert.Contains("confirmLargeChange: true", errors.GetProperty("confirmLargeChange")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(90m, (await CornSilageAsync(herd)).GetProperty("pricePerKgAsFed").GetDecimal()); // nothing stored

        using var korean = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(slip) };
        korean.Headers.AcceptLanguage.ParseAdd("ko-KR");
        var refusedInKorean = await herd.Owner.SendAsync(korean, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refusedInKorean.StatusCode);
        var koreanErrors = (await refusedInKorean.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("원물 kg당 0.09 KRW은(는) 최근 가격 90보다 99.9 % 낮습니다. 금액과 기준(톤당 원물, 건물 kg당)을 확인하세요.", koreanErrors.GetProperty("amount")[0].GetString());
        Assert.Contains("저장하지 않았습니다", koreanErrors.GetProperty("confirmLargeChange")[0].GetString(), StringComparison.Ordinal);

        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { slip.effectiveFrom, slip.amount, slip.basis, slip.supplier, confirmLargeChange = true }, Ct));
        Assert.Equal(0.09m, (await CornSilageAsync(herd)).GetProperty("pricePerKgAsFed").GetDecimal());
    }

    [Fact]
    public async Task An_ordinary_move_and_a_first_price_need_no_confirmation_and_a_doubling_per_kg_dm_does()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var url = $"/api/v1/farms/{herd.FarmId}/feeds/corn-silage/prices";

        // 20 % dearer: an ordinary change.
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { effectiveFrom = "2026-03-01", amount = 108_000, basis = "perTonneAsFed" }, Ct));
        Assert.Equal(108m, (await CornSilageAsync(herd)).GetProperty("pricePerKgAsFed").GetDecimal());

        // 700 KRW per kg DM at 35 % DM = 245 KRW/kg as fed against the recent median (90 and 108: 99) = a 147.5 % rise, on its own basis.
        var doubled = await herd.Owner.PostAsJsonAsync(url, new { effectiveFrom = "2026-04-01", amount = 700, basis = "perKgDryMatter" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, doubled.StatusCode);
        var errors = (await doubled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("245 KRW/kg as fed is a 147.5 % rise from the recent 99 (check the amount and its basis).", errors.GetProperty("amount")[0].GetString());
    }
}
