using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>The beef growth simulation page in Chromium.</summary>
public sealed class GrowthTests(WebFixture web)
{
    [Fact]
    public async Task A_hanwoo_fattening_plan_draws_weight_gain_and_cost_to_the_target()
    {
        var herd = await Herd.CreateAsync(web.Server, "횡성 한우");
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("growth-link").ClickAsync();

        await page.GetByTestId("target-weight").FillAsync("700");
        await page.GetByTestId("simulate").ClickAsync();

        // "N days to ≥ 700 kg …": the run stops at the target, and the chart has the three series.
        await Expect(page.GetByTestId("growth-summary")).ToHaveTextAsync(new Regex(@"^\d+ days to 7\d\d kg, \d\.\d\d kg/d live-weight gain on average, feed cost ₩[\d,]+, hot carcass \d+ kg\.$"));
        var chart = page.GetByTestId("growth-chart");
        await Expect(chart).ToContainTextAsync("Body weight");
        await Expect(chart).ToContainTextAsync("Daily gain (live weight)");
        await Expect(chart).ToContainTextAsync("Feed cost (cumulative)");
        await Expect(chart.Locator("svg path")).Not.ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "growth");

        // A bad value comes back as the API's field error, shown on the page.
        await page.GetByTestId("start-weight").FillAsync("-5");
        await page.GetByTestId("simulate").ClickAsync();
        await Expect(page.GetByTestId("growth-error")).ToContainTextAsync("animal.bodyWeightKg");
    }
}
