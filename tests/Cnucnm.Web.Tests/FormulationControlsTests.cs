using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>Formulation controls of the workbench (issue 19, "What to build" 3): a ration copied to another pen, which is then
/// formulated under the farm's policy; trace-mineral maxima and the intake basis kept with the group's settings; English and Korean.</summary>
public sealed partial class FormulationControlsTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ration_copied_to_another_pen_gives_that_pen_the_settings_or_the_amounts_and_a_ration_under_the_policy()
    {
        var herd = await Herd.CreateAsync(web.Server);
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: null);
        var low = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", DemoFarm.LactatingPen("Low pen"), Ct));
        var lowId = low.GetProperty("id").GetGuid();
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(page.GetByTestId("copy-ration")).ToBeVisibleAsync();
        await page.GetByTestId("copy-target").SelectOptionAsync(lowId.ToString());

        // The settings: the other pen gets the candidates and limits and its first ration (under Suggest, a first ration takes effect).
        await page.GetByTestId("copy-mode-settings").CheckAsync();
        await page.GetByTestId("copy-run").ClickAsync();
        var outcome = page.GetByTestId("copy-outcome");
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", "applied", new() { Timeout = 30_000 });
        await Expect(outcome).ToContainTextAsync("Low pen: the copied ration took effect");
        var source = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", Ct));
        var target = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{lowId}/ration", Ct));
        var sourceCandidates = source.GetProperty("settings").GetProperty("candidates").EnumerateArray()
            .Select(c => (c.GetProperty("feedId").GetString(), c.GetProperty("maxKgDryMatter").ToString())).ToList();
        Assert.Equal(sourceCandidates, target.GetProperty("settings").GetProperty("candidates").EnumerateArray()
            .Select(c => (c.GetProperty("feedId").GetString(), c.GetProperty("maxKgDryMatter").ToString())).ToList());
        Assert.Equal(5, target.GetProperty("settings").GetProperty("dryMatterIntakeTolerancePercent").GetDouble());
        Assert.Equal(1, target.GetProperty("current").GetProperty("version").GetInt32());
        await Browser.ScreenshotAsync(page, "workbench-copy-ration");

        // The amounts, in Korean: every feed of this ration fixed at its kg DM; the pen has a ration now, so the new one waits (Suggest).
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(page.GetByTestId("copy-ration")).ToContainTextAsync("다른 우군에 복사");
        await page.GetByTestId("copy-mode-amounts").CheckAsync();
        await page.GetByTestId("copy-run").ClickAsync();
        await Expect(outcome).ToHaveAttributeAsync("data-outcome", new Regex("^(suggested|bestPossible)$"), new() { Timeout = 30_000 });
        await Expect(outcome).ToContainTextAsync("승인을 기다립니다");
        target = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{lowId}/ration", Ct));
        var fixedAmounts = target.GetProperty("settings").GetProperty("candidates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("feedId").GetString()!, c => c.GetProperty("fixedKgDryMatter").GetDouble());
        var sourceItems = source.GetProperty("current").GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("feedId").GetString()!, i => i.GetProperty("kgDryMatterPerHead").GetDouble());
        Assert.Equal(sourceItems.Keys.Order(), fixedAmounts.Keys.Order());
        Assert.All(sourceItems, i => Assert.Equal(i.Value, fixedAmounts[i.Key], 3));
        Assert.Equal(1, target.GetProperty("current").GetProperty("version").GetInt32());
        var proposed = target.GetProperty("suggestion").GetProperty("proposed").GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("feedId").GetString()!, i => i.GetProperty("kgDryMatterPerHead").GetDouble());
        Assert.All(sourceItems, i => Assert.Equal(i.Value, proposed[i.Key], 2));
        await Browser.ScreenshotAsync(page, "workbench-copy-ration-ko");

        // A viewer neither formulates nor copies.
        var viewer = await herd.AddMemberAsync(web.Server, "viewer");
        var viewerPage = await web.NewPageAsync();
        await Browser.SignInAsync(viewerPage, viewer);
        await viewerPage.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(viewerPage.Locator("h1")).ToContainTextAsync("High pen");
        await Expect(viewerPage.GetByTestId("copy-ration")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_ration_set_by_hand_is_copied_from_the_group_page_as_its_feeds_and_amounts()
    {
        // The demo pen's ration was set by hand: no formulation settings, so only its amounts can be copied.
        var herd = await Herd.CreateAsync(web.Server);
        var low = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups", DemoFarm.LactatingPen("Low pen"), Ct));
        var lowId = low.GetProperty("id").GetGuid();
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        var copy = page.GetByTestId("copy-ration");
        await Expect(copy.GetByTestId("copy-mode-settings")).ToHaveCountAsync(0);
        await Expect(copy.GetByTestId("copy-mode-amounts")).ToBeCheckedAsync();
        await copy.GetByTestId("copy-run").ClickAsync();
        await Expect(copy.GetByTestId("copy-outcome")).ToHaveAttributeAsync("data-outcome", "bestPossible", new() { Timeout = 30_000 });
        // The hand-made ration, fed as it is, misses something for these cows: it waits for approval as the best-possible ration.
        await Expect(copy.GetByTestId("copy-outcome")).ToContainTextAsync("Low pen: no ration meets everything with these settings; the best-possible ration waits for approval");

        var target = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{lowId}/ration", Ct));
        var fixedAmounts = target.GetProperty("settings").GetProperty("candidates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("feedId").GetString()!, c => c.GetProperty("fixedKgDryMatter").GetDouble());
        Assert.Equal(DemoFarm.Ration.Select(r => r.FeedId).Order(), fixedAmounts.Keys.Order());
        Assert.All(DemoFarm.Ration, r => Assert.Equal(r.KgDryMatter, fixedAmounts[r.FeedId], 3));
        await copy.GetByTestId("copy-open").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/groups/{lowId}/workbench$"));
    }

    [Fact]
    public async Task Trace_mineral_maxima_and_the_intake_basis_are_kept_with_the_settings_and_reach_the_guard_rails()
    {
        var herd = await Herd.CreateAsync(web.Server);
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: null);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        var workbench = $"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench";
        await page.GotoAsync(workbench);
        await Expect(page.Locator("[data-feed=alfalfa] [data-testid=use]")).ToBeCheckedAsync();
        await page.GetByTestId("limits").Locator("summary").ClickAsync();

        // The saved 5 % tolerance, then back to the default: formulated at the predicted intake.
        await Expect(page.GetByTestId("intake-basis")).ToHaveAttributeAsync("data-basis", "tolerance");
        await Expect(page.GetByTestId("intake-basis-text")).ToContainTextAsync("up to 5.0 % above or below");
        await page.GetByTestId("intake-basis-select").SelectOptionAsync("predicted");
        await Expect(page.GetByTestId("intake-basis-text")).ToContainTextAsync("equals the model's predicted intake");
        await Expect(page.GetByTestId("intake-tolerance")).ToHaveCountAsync(0);
        // One intake control, beside Formulate (outside the limits), and no second tolerance field anywhere.
        await Expect(page.GetByTestId("intake-basis")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("limits").GetByTestId("intake-basis")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("dmi-tolerance")).ToHaveCountAsync(0);

        // Copper at most 30 mg/kg DM (default 40), supplemental Se at most 0.25 mg/kg DM (default 0.3).
        var copper = page.Locator("[data-testid=mineral-maxima] [data-mineral=Cu] [data-testid=mineral-max]");
        await Expect(copper).ToHaveAttributeAsync("placeholder", "40");
        await copper.FillAsync("30");
        await copper.PressAsync("Tab");
        var selenium = page.Locator("[data-testid=mineral-maxima] [data-mineral=supplementalSe] [data-testid=mineral-max]");
        await selenium.FillAsync("0.25");
        await selenium.PressAsync("Tab");
        await page.GetByTestId("formulate").ClickAsync();
        await Expect(page.GetByTestId("ration")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var settings = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", Ct))).GetProperty("settings");
        Assert.Equal(0, settings.GetProperty("dryMatterIntakeTolerancePercent").GetDouble());
        var fields = settings.GetProperty("requestFields");
        Assert.Equal(30, fields.GetProperty("guardRails.maxMineralPerKgDm.Fd_Cu").GetDouble());
        Assert.Equal(0.25, fields.GetProperty("guardRails.maxSupplementalSeleniumMgPerKgDm").GetDouble());
        // The formulation used them: the Cu guard rail's limit is 30, the supplemental Se rail's 0.25.
        await Expect(page.GetByTestId("guard-rails").Locator("tr", new() { HasText = "Copper (Cu)" })).ToContainTextAsync("≤ 30.00");
        await Expect(page.GetByTestId("guard-rails").Locator("tr", new() { HasText = "supplemental Se" })).ToContainTextAsync("≤ 0.25");
        await Expect(page.Locator("[data-field='guardRails.maxMineralPerKgDm.Fd_Cu']")).ToContainTextAsync("Copper (Cu): maximum, mg/kg DM");

        // Kept after a reload; a window of intake in kg DM replaces the predicted intake.
        await page.ReloadAsync();
        await page.GetByTestId("limits").Locator("summary").ClickAsync();
        await Expect(copper).ToHaveValueAsync("30");
        await Expect(page.GetByTestId("intake-basis")).ToHaveAttributeAsync("data-basis", "predicted");
        await page.GetByTestId("intake-basis-select").SelectOptionAsync("window");
        await Expect(page.GetByTestId("intake-min")).Not.ToHaveValueAsync("");
        await Expect(page.GetByTestId("intake-basis-text")).ToContainTextAsync("whatever the model predicts");
        await Browser.ScreenshotAsync(page, "workbench-trace-limits");
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(page.GetByTestId("trace-limits")).ToContainTextAsync("미량광물질 최대 농도");
        await Expect(page.GetByTestId("intake-basis-text")).ToContainTextAsync("모델 예측과 관계없이");
        await Expect(page.Locator("[data-field='guardRails.maxMineralPerKgDm.Fd_Cu']")).ToContainTextAsync("구리 (Cu): 최대, mg/건물 kg");
        await Browser.ScreenshotAsync(page, "workbench-trace-limits-ko");
    }
    [Fact]
    public async Task Two_what_ifs_are_compared_side_by_side_with_what_separates_them_and_the_first_is_restored()
    {
        var herd = await Herd.CreateAsync(web.Server);
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: null);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(page.Locator("[data-feed=canola-meal] [data-testid=use]")).ToBeCheckedAsync();
        await page.GetByTestId("formulate").ClickAsync();
        await Expect(page.GetByTestId("result")).ToContainTextAsync("waiting for approval", new() { Timeout = 30_000 });
        var costA = await page.GetByTestId("ration-cost").InnerTextAsync();
        // The protein meal or grain the least-cost ration A uses most.
        var a = await ProposedAsync(herd);
        var (feedId, feedName, kgA) = a.Where(i => i.FeedId is "soybean-meal" or "canola-meal" or "corn-grain").MaxBy(i => i.KgDm);
        Assert.True(kgA > 0.1, $"{feedId} at {kgA} kg DM in what-if A");
        var price = page.Locator($"[data-feed={feedId}] [data-testid=price]");
        var priceA = await price.InputValueAsync();
        await page.GetByTestId("whatif-keep").ClickAsync();
        await Expect(page.GetByTestId("whatif-kept")).ToContainTextAsync("What-if A kept");

        // What-if B: that feed at five times its price, a preview: nothing stored (price, settings, suggestion).
        var snapshotA = await RationSnapshotAsync(herd);
        var priceB = (5 * decimal.Parse(priceA, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await price.FillAsync(priceB);
        await page.GetByTestId("formulate").ClickAsync();
        var compare = page.GetByTestId("whatif-compare");
        await Expect(compare).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("whatif-preview")).ToContainTextAsync("nothing is stored");
        await Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("whatif-changes")).ToContainTextAsync($"{feedName}: price per tonne ₩");
        Assert.Equal(snapshotA, await RationSnapshotAsync(herd));
        await Expect(compare.Locator("thead")).ToContainTextAsync("What-if A");
        await Expect(compare.Locator("thead")).ToContainTextAsync("What-if B (this run)");
        await Expect(compare.Locator("[data-row=cost]")).ToContainTextAsync(costA);
        await Expect(compare.Locator("[data-testid=compare-cost-difference]")).ToHaveTextAsync(new Regex(@"^\+₩[\d,]+"));
        await Expect(compare.Locator($"[data-feed={feedId}] td").Last).ToHaveTextAsync(new Regex(@"^-\d"));
        await Expect(compare.Locator("[data-row=cp]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "workbench-what-if");
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(page.GetByTestId("whatif")).ToContainTextAsync("가정 A와 가정 B 비교");
        await Expect(page.GetByTestId("whatif-changes")).ToContainTextAsync("톤당 가격");
        await Browser.ScreenshotAsync(page, "workbench-what-if-ko");

        // Back to A: its price again, previewed again, the same ration as A; still nothing stored.
        await page.GetByTestId("whatif-back").ClickAsync();
        await Expect(page.GetByTestId("whatif-changes")).ToContainTextAsync("A와 가격, 사료, 한도가 같습니다.", new() { Timeout = 30_000 });
        await Expect(price).ToHaveValueAsync(priceA);
        await Expect(page.GetByTestId("ration-cost")).ToHaveTextAsync(costA);
        Assert.Equal(snapshotA, await RationSnapshotAsync(herd));

        // B again, applied: its price is stored (past the large-change guard, as typed) and the group formulated with it.
        await page.GetByTestId("language").SelectOptionAsync("en");
        await price.FillAsync(priceB);
        await page.GetByTestId("formulate").ClickAsync();
        await Expect(page.GetByTestId("whatif-apply")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("whatif-apply").ClickAsync();
        // Five times the recent price is held as a likely typo until stored as typed.
        await Expect(page.GetByTestId("prices-held")).ToContainTextAsync(feedName);
        await page.GetByTestId("prices-confirm").ClickAsync();
        await Expect(page.GetByTestId("approve")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var kgB = (await ProposedAsync(herd)).Where(i => i.FeedId == feedId).Sum(i => i.KgDm);
        Assert.True(kgB < kgA, $"{feedId} {kgA} → {kgB} kg DM at five times the price");
    }

    /// <summary>The group's ration (current, suggestion, settings, history) and the farm's feeds with their prices, as the API stores them.
    /// In English whatever the person's language (switching the page's language stores it for the person).</summary>
    private static async Task<string> RationSnapshotAsync(Herd herd) =>
        (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration?lang=en", Ct))).ToString()
        + (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds?lang=en", Ct))).ToString();

    /// <summary>The waiting suggestion's feeds, kg DM a head a day.</summary>
    private static async Task<List<(string FeedId, string Name, double KgDm)>> ProposedAsync(Herd herd)
    {
        var snapshot = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", Ct));
        return [.. snapshot.GetProperty("suggestion").GetProperty("proposed").GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("feedId").GetString()!, i.GetProperty("name").GetString()!, i.GetProperty("kgDryMatterPerHead").GetDouble()))];
    }
}
