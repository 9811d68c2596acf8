using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>The herd dashboard in Chromium: sign-in, live intake from the farm's event stream, alerts,
/// language, roles and farms that are not the person's.</summary>
public sealed class DashboardTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_lists_only_the_persons_farms_and_a_farm_shows_its_groups()
    {
        var herd = await Herd.CreateAsync(web.Server, "천안 목장");
        var someoneElse = await Herd.CreateAsync(web.Server, "Other farm");
        var page = await web.NewPageAsync();

        await Browser.SignInAsync(page, herd.OwnerEmail);
        await Expect(page.GetByTestId("farms")).ToContainTextAsync("천안 목장");
        await Expect(page.GetByTestId("farms")).Not.ToContainTextAsync(someoneElse.FarmName);
        await Browser.ScreenshotAsync(page, "farms");
        await page.GetByText("천안 목장").ClickAsync();

        var row = page.Locator($"[data-group='{herd.GroupId}']");
        await Expect(row).ToContainTextAsync("High pen");
        await Expect(row).ToContainTextAsync("40");
        await Expect(row).ToContainTextAsync("Lactating");
        // kg as fed × KRW/kg: 8.21/0.90·420 + 6.73/0.89·560 + 5.47/0.35·90 + 4.11/0.72·330 = 11,356 KRW per head per day.
        await Expect(row.GetByTestId("cost-head")).ToHaveTextAsync("₩11,356");
        await Expect(row.GetByTestId("predicted-dmi")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d\d$"));
        await Expect(row.GetByTestId("formulated-dmi")).ToHaveTextAsync("24.52");
        await Browser.ScreenshotAsync(page, "herd-overview");
    }

    [Fact]
    public async Task Intake_posted_by_a_device_shows_on_the_open_overview_and_group_page_within_two_seconds()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await Browser.OpenLiveAsync(page, $"/farms/{herd.FarmId}");
        var actual = page.Locator($"[data-group='{herd.GroupId}']").GetByTestId("actual-dmi");
        await Expect(actual).ToHaveTextAsync("–");

        // 400 kg corn silage as fed at 35 % DM = 140 kg DM for 40 head: 3.50 kg DM per head.
        await herd.PostReadingsAsync(web.Server, (1, "corn-silage", 400));
        await Expect(actual).ToHaveTextAsync("3.50", new() { Timeout = 2000 });

        var groupPage = await web.NewPageAsync();
        await Browser.SignInAsync(groupPage, herd.OwnerEmail);
        await Browser.OpenLiveAsync(groupPage, $"/farms/{herd.FarmId}/groups/{herd.GroupId}");
        var figure = groupPage.GetByTestId("group-actual-dmi");
        await Expect(figure).ToHaveTextAsync("3.50");
        var chart = groupPage.GetByTestId("intake-chart");
        await Expect(chart.Locator("svg")).ToBeVisibleAsync();
        var before = await chart.InnerHTMLAsync();

        // 150 kg high-moisture corn at 72 % DM adds 108 kg DM: (140 + 108) / 40 = 6.20 kg DM per head.
        await herd.PostReadingsAsync(web.Server, (2, "hm-corn", 150));
        await Expect(figure).ToHaveTextAsync("6.20", new() { Timeout = 2000 });
        await Expect(actual).ToHaveTextAsync("6.20", new() { Timeout = 2000 });
        await Expect(chart).Not.ToHaveJSPropertyAsync("innerHTML", before, new() { Timeout = 2000 });
        await Browser.ScreenshotAsync(groupPage, "group");
    }

    [Fact]
    public async Task A_deficient_ration_raises_alerts_that_are_acknowledged_from_the_alerts_list()
    {
        var herd = await Herd.CreateAsync(web.Server, withRation: false);
        // Corn silage alone, far too little: energy and protein short.
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration",
            new { items = new[] { new { feedId = "corn-silage", kgDryMatterPerHead = 12.0 } } }, Ct));
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await Expect(page.GetByTestId("open-alerts").Locator("li").First).ToBeVisibleAsync();
        await page.GetByTestId("alerts-link").ClickAsync();

        var mp = page.GetByTestId("alerts").Locator("tr", new() { HasText = "MP short" });
        await Expect(mp).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "alerts");
        await mp.GetByTestId("acknowledge").ClickAsync();

        await Expect(mp).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("alerts")).ToContainTextAsync("ME short");
        var open = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct));
        Assert.DoesNotContain(open.EnumerateArray(), a => a.GetProperty("title").GetString()!.Contains("MP short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_language_switch_changes_the_text_and_is_remembered_for_the_person()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await Expect(page.GetByTestId("farm-name")).ToContainTextAsync("Herd overview");
        // Dates follow the language's locale (the demo ration leaves vitamins short, so alerts are open).
        await Expect(page.GetByTestId("open-alerts").Locator("li").First).ToContainTextAsync(new Regex(@"[A-Z][a-z]{2} \d{1,2}, \d{4}"));

        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(page.GetByTestId("farm-name")).ToContainTextAsync("우군 현황");
        await Expect(page.Locator($"[data-group='{herd.GroupId}']")).ToContainTextAsync("착유우");
        await Expect(page.GetByTestId("open-alerts").Locator("li").First).ToContainTextAsync(new Regex(@"\d{4}\. \d{1,2}\. \d{1,2}\. (오전|오후)"));
        await Browser.ScreenshotAsync(page, "herd-overview-ko");

        // Stored for the person: another browser (English locale, empty storage) opens in Korean after sign-in.
        var elsewhere = await web.NewPageAsync("en-US");
        await elsewhere.GotoAsync("/#/signin");
        await Expect(elsewhere.Locator("form.signin h1")).ToHaveTextAsync("Sign in");
        await elsewhere.Locator("input[name=email]").FillAsync(herd.OwnerEmail);
        await elsewhere.Locator("input[name=password]").FillAsync(Herd.Password);
        await elsewhere.Locator("form.signin button[type=submit]").ClickAsync();
        await Expect(elsewhere.Locator("h1")).ToHaveTextAsync("내 농장");
        var me = await DemoFarm.Ok(await herd.Owner.GetAsync("/api/v1/me", Ct));
        Assert.Equal("ko", me.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_viewer_sees_the_waiting_suggestion_but_no_approve_or_formulation_controls()
    {
        var herd = await Herd.CreateAsync(web.Server);
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: null);
        var formulated = await DemoFarm.Ok(await herd.Owner.PostAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration/reformulate", null, Ct));
        Assert.Equal("suggested", formulated.GetProperty("outcome").GetString());
        var viewer = await herd.AddMemberAsync(web.Server, "viewer");
        var groupUrl = $"/#/farms/{herd.FarmId}/groups/{herd.GroupId}";

        // The owner is offered the decision…
        var ownerPage = await web.NewPageAsync();
        await Browser.SignInAsync(ownerPage, herd.OwnerEmail);
        await ownerPage.GotoAsync(groupUrl);
        await Expect(ownerPage.GetByTestId("suggestion").GetByTestId("approve")).ToBeVisibleAsync();
        await Expect(ownerPage.GetByTestId("workbench-link")).ToBeVisibleAsync();

        // …the viewer sees the same suggestion and ration history, without any control that changes them.
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, viewer);
        await page.GotoAsync(groupUrl);
        await Expect(page.GetByTestId("suggestion")).ToContainTextAsync("formulated on request");
        await Expect(page.GetByTestId("ration-history")).ToContainTextAsync("nutritionist's ration");
        await Expect(page.GetByTestId("ration-history")).ToContainTextAsync("owner");
        await Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("reject")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("workbench-link")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("edit-group")).ToHaveCountAsync(0);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await Expect(page.GetByTestId("groups")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("add-group")).ToHaveCountAsync(0);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/alerts");
        await Expect(page.GetByTestId("alerts")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("acknowledge")).ToHaveCountAsync(0);

        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(page.GetByTestId("candidates")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("formulate")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("library-search")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Another_farms_address_shows_the_not_found_page()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var other = await Herd.CreateAsync(web.Server, "Other farm");
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);

        await page.GotoAsync($"/#/farms/{other.FarmId}");
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(page.GetByText("High pen")).ToHaveCountAsync(0);
        await page.GotoAsync($"/#/farms/{other.FarmId}/groups/{other.GroupId}");
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "not-found");
    }
}
