using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cnucnm.Api.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>The demo farm of issue 23, built through the API, in Chromium: the herd overview, a group page and the KPI screen
/// all show data, within a minute of asking for the farm, and the KPI screen and the intake chart cover a year.</summary>
public sealed class DemoFarmTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_farm_is_built_in_under_a_minute_once_and_every_screen_shows_its_data()
    {
        var (owner, email) = await Herd.UserAsync(web.Server, "demo");
        var clock = Stopwatch.StartNew();
        var first = await new DemoFarmSeeder(owner).SeedAsync(TimeProvider.System, Ct);
        clock.Stop();
        Assert.True(first.Created);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"the demo farm took {clock.Elapsed}");
        Assert.Equal(105, first.Animals);
        Assert.True(first.Records > 500, $"{first.Records} records");
        Assert.True(first.Readings > 200, $"{first.Readings} readings");
        // Eleven months of each pen's feeding records through the intake history import (a few days lost to gaps).
        Assert.InRange(first.HistoryDays, 5 * 300, 5 * (DemoFarmSeeder.HistoryDays - 30));

        // A second run finds the farm and adds nothing.
        var second = await new DemoFarmSeeder(owner).SeedAsync(TimeProvider.System, Ct);
        Assert.False(second.Created);
        Assert.Equal(first.FarmId, second.FarmId);
        var farms = await owner.GetFromJsonAsync<JsonElement>("/api/v1/farms", Ct);
        Assert.Single(farms.EnumerateArray(), f => f.GetProperty("name").GetString() == DemoFarmSeeder.FarmName);
        var animals = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/farms/{first.FarmId}/animals?limit=1", Ct);
        Assert.Equal(105, animals.GetProperty("total").GetInt64());

        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, email);

        // Herd overview: five pens, each with today's intake, and the planted intake drop among the open alerts.
        await Browser.OpenLiveAsync(page, $"/farms/{first.FarmId}");
        var rows = page.GetByTestId("groups").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        for (var i = 0; i < 5; i++)
        {
            await Expect(rows.Nth(i).GetByTestId("actual-dmi")).ToHaveTextAsync(new Regex(@"^\d+\.\d\d$"));
            await Expect(rows.Nth(i).GetByTestId("cost-head")).ToHaveTextAsync(new Regex(@"₩[\d,]+"));
        }

        await Expect(page.GetByTestId("open-alerts")).ToContainTextAsync("intake fell");
        await Browser.ScreenshotAsync(page, "demo-herd-overview");

        // A group page: the milking pen's intake history and requirements.
        await page.GetByRole(AriaRole.Link, new() { Name = "Holstein milking · 착유우" }).ClickAsync();
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync("Holstein milking · 착유우");
        await Expect(page.GetByTestId("group-actual-dmi")).ToHaveTextAsync(new Regex(@"^\d+\.\d\d$"));
        await Expect(page.GetByTestId("intake-chart").Locator("svg path")).Not.ToHaveCountAsync(0);
        // A year of its intake: the chart's first day is a year back (the imported records), its last today.
        await page.GetByTestId("intake-days-365").CheckAsync();
        var yearBack = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).DateTime)
            .AddDays(-DemoFarmSeeder.HistoryDays);
        var milking = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/farms/{first.FarmId}/groups", Ct)).EnumerateArray()
            .Single(g => g.GetProperty("name").GetString() == "Holstein milking · 착유우").GetProperty("id").GetGuid();
        var intake = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/farms/{first.FarmId}/groups/{milking}/intake?days=366", Ct);
        Assert.InRange(intake.GetArrayLength(), 330, DemoFarmSeeder.HistoryDays + 1);
        Assert.InRange(DateOnly.Parse(intake[0].GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture), yearBack, yearBack.AddDays(3));

        // The KPI screen: the farm and each pen over the last 30 days, with units and a trend.
        await page.GotoAsync($"/#/farms/{first.FarmId}");
        await page.GetByTestId("kpis-link").ClickAsync();
        var table = page.GetByTestId("kpi-table");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("thead th")).ToHaveCountAsync(2 + 1 + 5); // KPI, unit, farm, five pens
        await Expect(page.GetByTestId("kpi-dryMatterIntakeKgPerHeadPerDay-farm")).ToHaveTextAsync(new Regex(@"^1\d\.\d\d$"));
        await Expect(page.GetByTestId("kpi-milkKgPerKgDryMatter-farm")).ToHaveTextAsync(new Regex(@"^\d\.\d{3}$"));
        await Expect(page.GetByTestId("kpi-gainKgPerKgDryMatter-farm")).ToHaveTextAsync(new Regex(@"^0\.\d{3}$"));
        await Expect(page.GetByTestId("kpi-refusalsPercentOfDelivered-farm")).ToHaveTextAsync(new Regex(@"^\d\.\d$"));
        await Expect(table.Locator("tr[data-kpi=dryMatterIntakeKgPerHeadPerDay]")).ToContainTextAsync("kg DM/head/day");
        // The demo's rations were entered as fed since before the month of readings: every day has a ration in force, priced.
        await Expect(page.GetByTestId("kpi-feedCostPerHeadPerDay-farm")).ToHaveTextAsync(new Regex(@"\d"));
        await Expect(page.GetByTestId("kpi-without-ration")).ToHaveCountAsync(0);
        var chart = page.GetByTestId("kpi-chart");
        await Expect(chart).ToContainTextAsync("Farm");
        await Expect(chart).ToContainTextAsync("Hanwoo finishers");
        await Expect(chart.Locator("svg path")).Not.ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "kpis");

        // Economics over time: with a milk price, income over feed cost, feed cost per kg milk and feed efficiency per day for the
        // farm; a beef pen's feed cost per kg gain per week.
        await page.GetByTestId("kpi-milk-price").FillAsync("1100");
        await page.GetByTestId("kpi-show").ClickAsync();
        var economics = page.GetByTestId("economics-chart");
        await Expect(economics).ToContainTextAsync("Income over feed cost");
        await Expect(economics).ToContainTextAsync("Feed cost per kg milk");
        await Expect(economics).ToContainTextAsync("Feed efficiency (milk)");
        await Expect(economics.Locator("svg path")).Not.ToHaveCountAsync(0);
        await page.GetByTestId("economics-scope").SelectOptionAsync(new SelectOptionValue { Label = "Hanwoo finishers · 한우 비육" });
        await page.GetByTestId("economics-interval").SelectOptionAsync("week");
        await Expect(economics).ToContainTextAsync("Feed cost per kg gain");
        await Expect(economics).ToContainTextAsync("week of");
        await Expect(economics).Not.ToContainTextAsync("Feed cost per kg milk");
        // A beef pen with only a milk price has no income to set against its feed cost: no income over feed cost drawn.
        await Expect(economics).Not.ToContainTextAsync("Income over feed cost");
        await Browser.ScreenshotAsync(page, "kpis-economics");

        // A year: every pen's days from a year back, each with a ration in force, priced, and compliance on all of them.
        await page.GetByTestId("kpi-last-365").ClickAsync();
        await Expect(page.GetByTestId("kpi-from")).ToHaveValueAsync(yearBack.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("kpi-feedCostPerHeadPerDay-farm")).ToHaveTextAsync(new Regex(@"\d"));
        await Expect(page.GetByTestId("kpi-rationCompliancePercent-farm")).ToHaveTextAsync(new Regex(@"^\d{2,3}\.\d$"));
        await Expect(page.GetByTestId("kpi-without-ration")).ToHaveCountAsync(0);
        var year = await owner.GetFromJsonAsync<JsonElement>(
            $"/api/v1/farms/{first.FarmId}/kpis?from={yearBack:yyyy-MM-dd}&to={yearBack.AddDays(DemoFarmSeeder.HistoryDays - 1):yyyy-MM-dd}", Ct);
        var daily = year.GetProperty("daily").EnumerateArray().Select(d => d.GetProperty("scope").GetString()!).ToList();
        Assert.InRange(daily.Count, 340, DemoFarmSeeder.HistoryDays);
        Assert.InRange(DateOnly.Parse(daily[0], System.Globalization.CultureInfo.InvariantCulture), yearBack, yearBack.AddDays(3));
        Assert.Equal(0, year.GetProperty("farm").GetProperty("daysWithoutRation").GetInt32());
        Assert.All(year.GetProperty("groups").EnumerateArray(), g => Assert.True(g.GetProperty("daily").GetArrayLength() > 300, g.GetProperty("group").GetString()));
        await Browser.ScreenshotAsync(page, "kpis-year");

        // Another KPI's trend, then the same screen in Korean.
        await page.GetByTestId("kpi-metric").SelectOptionAsync("refusalsPercentOfDelivered");
        await Expect(chart).ToContainTextAsync("% of delivered");
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await Expect(page.Locator("h1")).ToContainTextAsync("사양 성과 지표");
        await Expect(table.Locator("tr[data-kpi=dryMatterIntakeKgPerHeadPerDay]")).ToContainTextAsync("건물 kg/두/일");
        await Expect(chart).ToContainTextAsync("농장 전체");
        await Expect(page.GetByTestId("economics")).ToContainTextAsync("기간별 경제성");
        await Expect(economics).ToContainTextAsync("증체 kg당 사료비");
        await Expect(economics).ToContainTextAsync("주");
        await Browser.ScreenshotAsync(page, "kpis-ko");
    }
}
