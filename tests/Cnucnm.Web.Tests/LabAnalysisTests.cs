using static Microsoft.Playwright.Assertions;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>A lab analysis entered on the farm feeds page (issue 19, "What to build" 4): checked first with the rations it changes
/// (its blast radius) and nothing stored, then applied; English and Korean.</summary>
public sealed class LabAnalysisTests(WebFixture web)
{
    private const string Report = "Sample ID,Date,DM (%),CP (%DM),aNDF (%DM),ADF (%DM),Lignin (%DM),Starch (%DM)\nPIT-2 front,2026-11-20,33,9.5,41,25,2.9,33\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silage_analysis_shows_the_rations_it_changes_before_it_is_applied()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/feeds");
        await page.GetByTestId("farm-feeds").Locator("tr[data-feed=corn-silage]").GetByTestId("feed-open").ClickAsync();
        var lab = page.GetByTestId("lab-analysis");

        // An inconsistent report (ADF above NDF) is refused with its row and column.
        await lab.GetByTestId("lab-csv").FillAsync("DM,NDF,ADF\n33,30,35\n");
        await lab.GetByTestId("lab-preview").ClickAsync();
        await Expect(lab.GetByTestId("lab-errors")).ToContainTextAsync("csv.row2.ADF");

        // The check: 35 → 33 % DM; the High pen's ration costs 5.47 kg DM × 90 KRW/kg as fed × (1/0.33 − 1/0.35) = ₩85 more a head a day.
        await lab.GetByTestId("lab-csv").FillAsync(Report);
        await lab.GetByTestId("lab-preview").ClickAsync();
        await Expect(lab.Locator("[data-testid=lab-changes] [data-nutrient=Fd_DM]")).ToContainTextAsync("Dry matter");
        await Expect(lab.Locator("[data-testid=lab-changes] [data-nutrient=Fd_DM]")).ToContainTextAsync("35.00");
        await Expect(lab.Locator("[data-testid=lab-changes] [data-nutrient=Fd_DM]")).ToContainTextAsync("33.00");
        var ration = lab.Locator($"[data-testid=lab-rations] tr[data-group='{herd.GroupId}']");
        await Expect(ration).ToContainTextAsync("High pen");
        await Expect(ration.GetByTestId("lab-cost")).ToContainTextAsync("(+₩85)");
        await Expect(lab).ToContainTextAsync("Rations using this feed: 1");
        // Nothing stored by the check.
        Assert.Equal(35, await DryMatterAsync(herd));
        await Browser.ScreenshotAsync(page, "farm-feeds-lab-analysis");

        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(lab).ToContainTextAsync("이 사료를 쓰는 배합: 1개");
        await Expect(lab.Locator("[data-testid=lab-changes] [data-nutrient=Fd_DM]")).ToContainTextAsync("건물");
        await Browser.ScreenshotAsync(page, "farm-feeds-lab-analysis-ko");

        // Apply: the feed takes 33 % DM, the ration is re-evaluated and re-formulated by the farm's policy (Suggest: it waits).
        await lab.GetByTestId("lab-apply").ClickAsync();
        await Expect(lab.GetByTestId("lab-applied")).ToContainTextAsync("2행의 분석을 적용했습니다. 배합 1개를 다시 평가했습니다.");
        await Expect(lab.Locator($"[data-testid=lab-applied] li[data-group='{herd.GroupId}']")).ToContainTextAsync("High pen: 다시");
        Assert.Equal(33, await DryMatterAsync(herd));
        await Expect(page.GetByTestId("farm-feeds").Locator("tr[data-feed=corn-silage]").GetByTestId("feed-dm")).ToHaveValueAsync("33");
    }

    private static async Task<double> DryMatterAsync(Herd herd)
    {
        var feeds = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct));
        return feeds.EnumerateArray().Single(f => f.GetProperty("definition").GetProperty("feedId").GetString() == "corn-silage")
            .GetProperty("definition").GetProperty("dryMatterPercent").GetDouble();
    }
}
