using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cnucnm.Web.Tests;

/// <summary>The farm feeds page and the on-screen mixer sheet (issue 19, points 4 and 8), in English and Korean.</summary>
public sealed class FarmFeedsTests(WebFixture web)
{
    private static double Number(string? text, string locale = "en-US") =>
        double.Parse(text!.Trim(), NumberStyles.Number, CultureInfo.GetCultureInfo(locale));

    [Fact]
    public async Task The_weekly_silage_DM_update_changes_the_mixer_sheets_as_fed_amounts()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);

        // The mixer sheet of the demo ration: 40 head, corn silage 5.47 kg DM a head at 35 % DM = 625.1 kg as fed.
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        await page.GetByTestId("mixer-link").ClickAsync();
        var silage = page.GetByTestId("mixer-load").Locator("tr[data-feed=corn-silage]");
        await Expect(silage.GetByTestId("mixer-feed")).ToHaveTextAsync("Corn silage, typical");
        await Expect(silage.GetByTestId("mixer-dm")).ToHaveTextAsync("35.0");
        var before = Number(await silage.GetByTestId("mixer-kg").TextContentAsync());
        Assert.Equal(5.47 / 0.35 * 40, before, 0);
        // The scale reading after the last feed is the load's total; each line's band is ± 2 % of its kg.
        var lastScale = Number(await page.GetByTestId("mixer-scale").Last.TextContentAsync());
        Assert.Equal(Number(await page.GetByTestId("mixer-load-total").TextContentAsync()), lastScale, 1);
        var band = (await silage.GetByTestId("mixer-band").TextContentAsync())!.Split('–');
        Assert.Equal(before * 0.98, Number(band[0]), 0);
        Assert.Equal(before * 1.02, Number(band[1]), 0);
        await Browser.ScreenshotAsync(page, "mixer-sheet");

        // The new silage analysis: 40 % DM.
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("feeds-link").ClickAsync();
        var row = page.GetByTestId("farm-feeds").Locator("tr[data-feed=corn-silage]");
        await Expect(row.GetByTestId("feed-dm")).ToHaveValueAsync("35");
        await row.GetByTestId("feed-dm").FillAsync("40");
        await row.GetByTestId("feed-dm-save").ClickAsync();
        await Expect(page.GetByTestId("feeds-saved")).ToContainTextAsync("DM % of Corn silage, typical saved");
        await Expect(row.GetByTestId("feed-dm")).ToHaveValueAsync("40");
        await Browser.ScreenshotAsync(page, "farm-feeds");

        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/mixer");
        await Expect(silage.GetByTestId("mixer-dm")).ToHaveTextAsync("40.0");
        var after = Number(await silage.GetByTestId("mixer-kg").TextContentAsync());
        // The same kg DM at 40 % instead of 35 % DM: 35/40 of the as-fed weight.
        Assert.Equal(before * 35 / 40, after, 0);

        // A DM % out of range is refused with the API's field message and nothing changes.
        await page.GotoAsync($"/#/farms/{herd.FarmId}/feeds");
        await row.GetByTestId("feed-dm").FillAsync("0");
        await row.GetByTestId("feed-dm-save").ClickAsync();
        await Expect(page.GetByTestId("feeds-error")).ToContainTextAsync("dryMatterPercent");
    }

    [Fact]
    public async Task A_price_list_upload_shows_in_the_price_history_and_stock_gives_days_of_stock()
    {
        var herd = await Herd.CreateAsync(web.Server);
        // The feed's use per day comes from what the mixer wagon records.
        await herd.PostReadingsAsync(web.Server, (1, "hm-corn", 230));
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/feeds");
        var row = page.GetByTestId("farm-feeds").Locator("tr[data-feed=hm-corn]");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var csv = "feed,effectiveFrom,amount,basis,currency,supplier,region\n"
                  + $"hm-corn,{today.AddDays(-60):yyyy-MM-dd},380000,perTonneAsFed,KRW,Mill A,Chungnam\n"
                  + $"hm-corn,{today.AddDays(-30):yyyy-MM-dd},400000,perTonneAsFed,KRW,Mill A,Chungnam\n";
        await page.GetByTestId("price-file").SetInputFilesAsync(new FilePayload { Name = "prices.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByTestId("price-import").ClickAsync();
        await Expect(page.GetByTestId("feeds-saved")).ToHaveTextAsync("Price list imported.");
        await Expect(row.GetByTestId("feed-price")).ToHaveTextAsync("₩400,000");

        await row.GetByTestId("feed-open").ClickAsync();
        var detail = page.GetByTestId("feed-detail");
        await Expect(detail.GetByTestId("price-chart").Locator("svg")).ToBeVisibleAsync();
        await Expect(detail.GetByTestId("price-history").Locator("tbody tr")).ToHaveCountAsync(3); // the demo farm's price and the two imported
        await Expect(detail.GetByTestId("price-history").Locator("tbody tr").First).ToContainTextAsync("Mill A / Chungnam");

        // Stock on hand over the recorded use a day.
        await row.GetByTestId("feed-stock").FillAsync("4600");
        await row.GetByTestId("feed-stock-save").ClickAsync();
        await Expect(page.GetByTestId("feeds-saved")).ToContainTextAsync("Stock of");
        var use = Number(await row.GetByTestId("feed-use").TextContentAsync());
        Assert.True(use > 0, "the feed's use per day is known from the recorded loads");
        Assert.Equal(4600 / use, Number(await row.GetByTestId("feed-days").TextContentAsync()), 0);
    }

    [Fact]
    public async Task In_Korean_the_library_shows_DM_source_and_one_name_and_a_Korean_feed_keeps_its_name_on_the_mixer_sheet()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync("ko-KR");
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GetByTestId("language").SelectOptionAsync("ko");
        await page.GotoAsync($"/#/farms/{herd.FarmId}");
        await page.GetByTestId("feeds-link").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("사료");

        await page.GetByTestId("feeds-library-search").FillAsync("볏짚");
        await page.GetByTestId("feeds-library-source").SelectOptionAsync("korean");
        await page.GetByTestId("feeds-library-category").SelectOptionAsync("forage");
        await page.GetByTestId("feeds-library-find").ClickAsync();
        var straw = page.GetByTestId("feeds-library-results").Locator("tr[data-library-feed='kr:693']");
        await Expect(straw.GetByTestId("library-name")).ToHaveTextAsync("볏짚");
        await Expect(straw).ToContainTextAsync("한국 사료 성분표");
        await Expect(straw).ToContainTextAsync("조사료");
        Assert.True(Number(await straw.GetByTestId("library-dm").TextContentAsync(), "ko-KR") > 50);
        await Expect(page.GetByTestId("feeds-library-results")).Not.ToContainTextAsync("볏짚 (볏짚)");
        await Browser.ScreenshotAsync(page, "farm-feeds-ko");

        await straw.GetByTestId("feeds-library-add").ClickAsync();
        await Expect(page.GetByTestId("feeds-saved")).ToContainTextAsync("볏짚");
        // The farm id keeps the library (kr-693), not a bare number; the name is the Korean name once.
        var farmRow = page.GetByTestId("farm-feeds").Locator("tr[data-feed=kr-693]");
        await Expect(farmRow.GetByTestId("feed-open")).ToHaveTextAsync("볏짚");
        await Expect(farmRow).ToContainTextAsync("한국 사료 성분표");

        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/mixer");
        await Expect(page.Locator("h1")).ToContainTextAsync("배합 작업지");
        await Expect(page.GetByTestId("mixer-load").Locator("thead")).ToContainTextAsync("건물 %");
        await Expect(page.GetByTestId("mixer-load").Locator("thead")).ToContainTextAsync("저울 눈금");
        await page.GetByTestId("mixer-capacity").FillAsync("400");
        await page.GetByTestId("mixer-apply").ClickAsync();
        // 40 head of the demo ration take about 1,520 kg as fed: four loads of at most 400 kg.
        await Expect(page.GetByTestId("mixer-load")).ToHaveCountAsync(4);
        await Browser.ScreenshotAsync(page, "mixer-sheet-ko");
    }
}
