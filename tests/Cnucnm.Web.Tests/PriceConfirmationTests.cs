using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>A price typed on the feeds page that more than halves the recent one is held by the API and stored only after the
/// person confirms it (issue 23).</summary>
public sealed class PriceConfirmationTests(WebFixture web)
{
    [Fact]
    public async Task A_unit_slip_in_a_typed_price_is_shown_with_the_apis_reason_and_stored_only_when_confirmed()
    {
        var herd = await Herd.CreateAsync(web.Server, "가격 확인 목장", withRation: false);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/feeds");
        var row = page.GetByTestId("farm-feeds").Locator("tr[data-feed=corn-silage]");
        await Expect(row.GetByTestId("feed-price")).ToHaveTextAsync("₩90,000");

        // 90 per tonne instead of 90,000: a 99.9 % fall.
        await row.GetByTestId("feed-price-input").FillAsync("90");
        await row.GetByTestId("feed-price-save").ClickAsync();
        await Expect(page.GetByTestId("feeds-error")).ToContainTextAsync("99.9 % fall");
        await Expect(row.GetByTestId("feed-price")).ToHaveTextAsync("₩90,000");

        await page.GetByTestId("feed-price-confirm").ClickAsync();
        await Expect(page.GetByTestId("feeds-saved")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("feed-price")).ToHaveTextAsync(new Regex("^₩90$"));
        await Expect(page.GetByTestId("feed-price-confirm")).ToHaveCountAsync(0);
    }
}
