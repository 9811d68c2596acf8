using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>The nutritionist's workbench (issue 19): the ration evaluation panel in the workbench and on the group page, shadow
/// prices and feeds left out in farm language, current against proposed side by side, nutrient limits, fixed and excluded feeds,
/// and the ration policy (apply or suggest) shown and edited; English and Korean.</summary>
public sealed partial class RationEvaluationTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Abbreviations and units a Korean nutritionist reads as they are (the panel gives the Korean name beside each).</summary>
    private static readonly HashSet<string> KoreanAllowedLatin = new(StringComparer.Ordinal)
    {
        "CP", "RDP", "RUP", "NDF", "peNDF", "NFC", "DCAD", "NEL", "NEg", "MP", "ME", "Lys", "Met", "His", "Ile", "Leu", "Phe", "Thr", "Trp", "Val",
        "Ca", "P", "Mg", "K", "Na", "Cl", "S", "Co", "Cu", "Fe", "I", "Mn", "Se", "Zn", "Mo", "A", "D", "E", "NASEM", "NRC",
        "kg", "g", "mg", "mEq", "Mcal", "IU", "v",
    };

    [Fact]
    public async Task The_workbench_evaluates_the_ration_in_farm_language_and_the_Korean_panel_shows_no_English_server_text()
    {
        var herd = await Herd.CreateAsync(web.Server);
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: null);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(page.Locator("[data-feed=soybean-meal] [data-testid=use]")).ToBeCheckedAsync();

        await page.GetByTestId("formulate").ClickAsync();
        await Expect(page.GetByTestId("result")).ToContainTextAsync("waiting for approval", new() { Timeout = 30_000 });

        // The panel shows the analysis the API stored with the proposed ration, in the model's figures.
        var snapshot = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", Ct));
        var analysis = snapshot.GetProperty("suggestion").GetProperty("proposed").GetProperty("analysis");
        var panel = page.GetByTestId("analysis");
        foreach (var row in new[] { "cp", "rdp", "rup", "ndf", "forageNdf", "starch", "sugar", "fat", "fattyAcids", "nfc", "ash", "dcad", "forageConcentrate", "nel",
                     "lys", "met", "lysMet", "urinaryN", "manureN", "formulatedDmi", "predictedDmi", "dmiBounds", "dmiShadowPrice", "neMilk", "mpMilk" })
        {
            await Expect(panel.Locator($"[data-row={row}]")).ToBeVisibleAsync();
        }

        await Expect(panel.Locator("[data-row=cp]")).ToContainTextAsync($"{Fixed(analysis, "crudeProteinPercentOfDm", 1)} % DM");
        await Expect(panel.Locator("[data-row=dcad]")).ToContainTextAsync($"{Fixed(analysis, "dcadMilliequivalentsPerKgDm", 0)} mEq/kg DM");
        await Expect(panel.Locator("[data-row=lys]")).ToContainTextAsync($"{Fixed(analysis, "lysinePercentOfMetabolizableProtein", 2)} % MP");
        await Expect(panel.Locator("[data-row=neMilk]")).ToContainTextAsync(Fixed(analysis, "energyAllowableMilkKgPerDay", 1));
        var forage = analysis.GetProperty("foragePercentOfDm").GetDouble();
        await Expect(panel.Locator("[data-row=forageConcentrate]")).ToContainTextAsync(
            $"{Math.Round(forage).ToString("0", CultureInfo.InvariantCulture)} : {Math.Round(100 - forage).ToString("0", CultureInfo.InvariantCulture)}");
        await Expect(panel.Locator("[data-row=dmiShadowPrice]")).ToContainTextAsync("₩");

        // Shadow prices by name with the farm's currency, never the solver's ids; feeds left out never at a negative price.
        var shadow = page.GetByTestId("shadow-prices");
        await Expect(shadow.Locator("tbody tr").First).ToBeVisibleAsync();
        var shadowText = await shadow.InnerTextAsync();
        Assert.DoesNotContain("perDay", shadowText, StringComparison.Ordinal);
        Assert.DoesNotContain("perKgDm", shadowText, StringComparison.Ordinal);
        Assert.Contains("₩", shadowText, StringComparison.Ordinal);
        await Expect(shadow).ToContainTextAsync("minimum per head per day");
        foreach (var price in await page.Locator("[data-testid=reduced-costs] [data-testid=entering-price]").AllInnerTextsAsync())
        {
            Assert.False(price.Contains('-', StringComparison.Ordinal) || price.Contains('−', StringComparison.Ordinal), $"negative entering price {price}");
        }

        // One "Nutrients" heading, not two; current and proposed side by side.
        Assert.Equal(0, await page.Locator("th", new() { HasTextRegex = new Regex("^Nutrients$") }).CountAsync());
        var compare = page.GetByTestId("compare");
        await Expect(compare).ToContainTextAsync("Current (v1)");
        await Expect(compare.Locator("[data-row=cost]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "workbench-evaluation");

        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(panel).ToContainTextAsync("배합 평가");
        await Expect(panel.Locator("[data-row=cp]")).ToContainTextAsync("조단백질");
        await Expect(shadow).ToContainTextAsync("두당 하루 최소");
        await Browser.ScreenshotAsync(page, "workbench-evaluation-ko");
        // Feed names are the farm's own data (this farm named its feeds in English): the scan reads every row but the feeds'.
        foreach (var testId in new[] { "analysis", "shadow-prices", "compare" })
        {
            var text = await page.GetByTestId(testId).EvaluateAsync<string>(
                "table => [...table.querySelectorAll('tr:not([data-feed]), h2, p')].map(e => e.innerText).join('\\n')");
            var english = LatinWords().Matches(text).Select(m => m.Value).Where(w => !KoreanAllowedLatin.Contains(w)).Distinct().ToList();
            Assert.True(english.Count == 0, $"{testId} shows English in Korean: {string.Join(", ", english)}");
        }
    }

    [Fact]
    public async Task Fixed_and_excluded_feeds_and_nutrient_limits_set_in_the_workbench_shape_the_ration()
    {
        var herd = await Herd.CreateAsync(web.Server);
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: null);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(page.Locator("[data-feed=alfalfa] [data-testid=use]")).ToBeCheckedAsync();

        // Corn silage fixed below its maximum (the least-cost ration takes all 14 kg DM of it), alfalfa left out, MP at 102 % or more.
        await page.Locator("[data-feed=corn-silage] [data-testid=fixed]").FillAsync("12");
        await page.Locator("[data-feed=alfalfa] [data-testid=use]").UncheckAsync();
        await page.GetByTestId("limits").Locator("summary").ClickAsync();
        var mp = page.Locator("[data-testid=requirement-limits] [data-nutrient=MP] [data-testid=limit-min]");
        await mp.FillAsync("102");
        await mp.PressAsync("Tab");
        await page.GetByTestId("formulate").ClickAsync();
        await Expect(page.GetByTestId("result")).ToContainTextAsync("waiting for approval", new() { Timeout = 30_000 });

        // Kept with the group's settings, and the proposed ration follows them.
        var snapshot = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", Ct));
        var settings = snapshot.GetProperty("settings");
        var candidates = settings.GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("feedId").GetString()!);
        Assert.Equal(12, candidates["corn-silage"].GetProperty("fixedKgDryMatter").GetDouble());
        Assert.False(candidates.ContainsKey("alfalfa"), "an excluded feed is still a candidate");
        Assert.Equal(102, settings.GetProperty("requestFields").GetProperty("requirements.MP.minPercent").GetDouble());
        var proposed = snapshot.GetProperty("suggestion").GetProperty("proposed");
        var items = proposed.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("feedId").GetString()!, i => i.GetProperty("kgDryMatterPerHead").GetDouble());
        Assert.Equal(12, items["corn-silage"], 3);
        Assert.False(items.ContainsKey("alfalfa"), "an excluded feed is in the ration");
        var mpBalance = proposed.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("nutrient").GetString() == "MP");
        // The full model confirms a ration within its 1 % tolerance of the target (docs/formulation.md).
        Assert.True(mpBalance.GetProperty("percentOfRequirement").GetDouble() >= 102 - 1.02, $"MP at {mpBalance.GetProperty("percentOfRequirement").GetDouble()} %");

        // The limit is named in farm language where the settings list it, and stays editable after a reload.
        await Expect(page.Locator("[data-field='requirements.MP.minPercent']")).ToContainTextAsync("Metabolizable protein (MP): minimum, % of requirement");
        await page.ReloadAsync();
        await Expect(page.Locator("[data-feed=corn-silage] [data-testid=fixed]")).ToHaveValueAsync("12");
        await Expect(page.Locator("[data-feed=alfalfa] [data-testid=use]")).Not.ToBeCheckedAsync();
        await page.GetByTestId("limits").Locator("summary").ClickAsync();
        await Expect(mp).ToHaveValueAsync("102");
        await Browser.ScreenshotAsync(page, "workbench-limits");
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(page.GetByTestId("limits")).ToContainTextAsync("영양소 한도");
        await Expect(page.Locator("[data-field='requirements.MP.minPercent']")).ToContainTextAsync("대사단백질 (MP): 최소, 요구량 대비 %");
        await Browser.ScreenshotAsync(page, "workbench-limits-ko");
    }

    [Fact]
    public async Task The_group_page_shows_the_ration_evaluation_and_the_policy_that_the_owner_changes_in_English_and_Korean()
    {
        var herd = await Herd.CreateAsync(web.Server);
        // A re-formulation waiting for approval (Suggest): the group page shows it beside the current ration.
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: null);
        var reformulated = await DemoFarm.Ok(await herd.Owner.PostAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration/reformulate", null, Ct));
        Assert.Equal("suggested", reformulated.GetProperty("outcome").GetString());
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        var compare = page.GetByTestId("suggestion").GetByTestId("compare");
        await Expect(compare).ToContainTextAsync("Current (v1)");
        await Expect(compare.Locator("[data-feed=canola-meal]")).ToBeVisibleAsync();
        await Expect(compare.Locator("[data-nutrient=MP]")).ToContainTextAsync("Metabolizable protein (MP)");

        var analysis = page.GetByTestId("group-analysis");
        await Expect(analysis.Locator("[data-row=cp]")).ToContainTextAsync("% DM");
        await Expect(analysis.Locator("[data-row=neMilk]")).ToBeVisibleAsync();
        await Expect(analysis.Locator("[data-row=predictedDmi]")).ToBeVisibleAsync();

        var policy = page.GetByTestId("policy");
        await Expect(page.GetByTestId("policy-choice")).ToHaveValueAsync("suggest");
        await Expect(page.GetByTestId("policy-text")).ToContainTextAsync("first ration of a group that has none");
        await Browser.ScreenshotAsync(page, "group-evaluation-policy");
        await page.GetByTestId("policy-choice").SelectOptionAsync("automatic");
        await page.GetByTestId("policy-save").ClickAsync();
        await Expect(page.GetByTestId("policy-message")).ToHaveTextAsync("Policy saved.");
        var stored = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/policy", Ct));
        Assert.Equal("automatic", stored.GetProperty("reformulation").GetString());
        // The rest of the policy (thresholds) is kept as it was.
        Assert.Equal(5, stored.GetProperty("priceChangeThresholdPercent").GetDouble());
        await Expect(page.GetByTestId("policy-text")).ToContainTextAsync("takes effect at once");

        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(policy).ToContainTextAsync("배합 적용 방식");
        await Expect(page.GetByTestId("policy-text")).ToContainTextAsync("바로 적용");
        await Expect(analysis).ToContainTextAsync("배합 평가");
        await Browser.ScreenshotAsync(page, "group-evaluation-policy-ko");
        var text = await analysis.InnerTextAsync() + await policy.InnerTextAsync();
        var english = LatinWords().Matches(text).Select(m => m.Value).Where(w => !KoreanAllowedLatin.Contains(w)).Distinct().ToList();
        Assert.True(english.Count == 0, $"the group page shows English in Korean: {string.Join(", ", english)}");
    }

    [Fact]
    public async Task A_group_without_a_ration_says_that_its_first_formulated_ration_takes_effect_under_Suggest_and_a_viewer_cannot_change_the_policy()
    {
        var herd = await Herd.CreateAsync(web.Server, withRation: false);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        await Expect(page.GetByTestId("policy-first-ration")).ToContainTextAsync("the first one you formulate takes effect at once");
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(page.GetByTestId("first-ration-note")).ToBeVisibleAsync();
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(page.GetByTestId("first-ration-note")).ToContainTextAsync("제안 방식에서도 바로 적용");

        var viewerEmail = await herd.AddMemberAsync(web.Server, "viewer");
        var viewer = await web.NewPageAsync();
        await Browser.SignInAsync(viewer, viewerEmail);
        await viewer.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        await Expect(viewer.GetByTestId("policy-choice")).ToBeDisabledAsync();
        Assert.Equal(0, await viewer.GetByTestId("policy-save").CountAsync());
    }

    private static string Fixed(JsonElement analysis, string property, int decimals) =>
        analysis.GetProperty(property).GetDouble().ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("en-US"));

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWords();
}
