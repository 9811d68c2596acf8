using System.Net.Http.Json;
using Cnucnm.Testing;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>A Hanwoo fattening pen formulated in the Korean workbench: the default Korean feeds, the beef model, approval.</summary>
public sealed class HanwooWorkbenchTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Hanwoo_fattening_pen_is_formulated_in_Korean_and_its_ration_approved()
    {
        var herd = await Herd.CreateAsync(web.Server, "횡성 한우", withRation: false);
        var group = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", new
        {
            name = "비육 1번 우방",
            breed = "hanwoo",
            state = "fatteningSteer",
            headCount = 12,
            bodyWeightKg = 520,
            bodyConditionScore = 5,
            ageDays = 640,
            parity = 0,
            daysInMilk = 0,
            daysPregnant = 0,
            milkKgPerDay = 0,
            targetGainKgPerDay = 0.8,
            environment = new { temperatureCelsius = 12 },
        }, Ct));
        var groupId = group.GetProperty("id").GetGuid();
        // The pen's ration today: rice straw and a commercial late-fattening concentrate, both on the farm with prices.
        foreach (var (id, library, dm, forage, price) in new[] { ("693", "kr:693", 87.7, true, 280_000), ("612", "kr:612", 87.2, false, 630_000) })
        {
            await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/{id}",
                new { name = library == "kr:693" ? "볏짚" : "한우 비육후기 배합사료", libraryFeedId = library, dryMatterPercent = dm, isForage = forage }, Ct));
            await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/{id}/prices",
                new { effectiveFrom = "2026-01-01", amount = price, basis = "perTonneAsFed", supplier = "농협" }, Ct));
        }

        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups/{groupId}/ration", new
        {
            items = new[] { new { feedId = "693", kgDryMatterPerHead = 1.5 }, new { feedId = "612", kgDryMatterPerHead = 7.0 } },
            reason = "농가 배합",
        }, Ct));
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync("/api/v1/me/language", new { language = "ko" }, Ct));
        var page = await web.NewPageAsync("ko-KR");
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{groupId}/workbench");

        await page.GetByTestId("beef-defaults").ClickAsync();
        await Expect(page.Locator("[data-feed=\"693\"] [data-testid=use]")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-feed=\"612\"] [data-testid=use]")).ToBeCheckedAsync();
        await page.GetByTestId("formulate").ClickAsync();

        await Expect(page.GetByTestId("result")).ToContainTextAsync("제안된 배합: 승인을 기다립니다.");
        await Expect(page.GetByTestId("requirement-model")).ToContainTextAsync("예측 건물섭취량");
        // The answer states the temperatures the beef model used and where they came from: the group's own temperature,
        // which also stands for the previous month (this farm gives no province whose climate normals would).
        await Expect(page.GetByTestId("beef-environment")).ToContainTextAsync("°C (입력값) · 전월 기온");
        await Expect(page.GetByTestId("beef-environment")).ToContainTextAsync("(현재 기온)");
        await Expect(page.GetByTestId("guard-rails")).ToContainTextAsync("조사료 비율");
        await Expect(page.GetByTestId("guard-rails")).Not.ToContainTextAsync("미충족");
        await Expect(page.GetByTestId("balances")).ToContainTextAsync("ME");
        await Expect(page.GetByTestId("ration")).ToContainTextAsync("볏짚");
        // The beef model's evaluation (issue 19): gain, not milk, and no dairy-only figures (amino acids as % of MP).
        var analysis = page.GetByTestId("analysis");
        await Expect(analysis).ToContainTextAsync("한우 계수를 쓴 NRC (2000) 육우 모델");
        await Expect(analysis.Locator("[data-row=neGain]")).ToContainTextAsync("에너지 허용 증체");
        // The beef model's gains are shrunk-weight gains, shown with their live-weight equivalent (÷ 0.96).
        await Expect(analysis.Locator("[data-row=neGain]")).ToContainTextAsync("(공복체중)");
        await Expect(analysis.Locator("[data-row=neGain]")).ToContainTextAsync("(생체중 ");
        await Expect(analysis.Locator("[data-row=mpGain]")).ToBeVisibleAsync();
        await Expect(analysis.Locator("[data-row=neg]")).ToContainTextAsync("Mcal/건물 kg");
        await Expect(analysis.Locator("[data-row=cp]")).ToBeVisibleAsync();
        Assert.Equal(0, await analysis.Locator("[data-row=lys], [data-row=neMilk]").CountAsync());
        await Browser.ScreenshotAsync(page, "workbench-hanwoo-ko");
        await page.GetByTestId("approve").ClickAsync();
        await Expect(page.GetByTestId("message")).ToHaveTextAsync("승인됨: 배합 버전 2.");

        var ration = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{groupId}/ration", Ct));
        var current = ration.GetProperty("current");
        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Contains(current.GetProperty("items").EnumerateArray(), i => i.GetProperty("feedId").GetString() == "693");
    }
}
