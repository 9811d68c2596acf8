using System.Text;
using MiniExcelLibs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>Reports from the group page: the print-ready ration report, its workbook, charts as PNG and SVG.</summary>
public sealed class ReportTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_ration_report_opens_print_ready_and_downloads_as_a_workbook_in_the_ui_language()
    {
        var herd = await Herd.CreateAsync(web.Server);
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");

        var report = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("report-html").ClickAsync());
        await Expect(report.Locator("h1")).ToHaveTextAsync("Ration report: High pen");
        await Expect(report.Locator("table").First).ToContainTextAsync("Canola meal");
        // kg as fed × KRW/kg of the demo ration (see the herd overview test): 11,356 KRW per head per day.
        await Expect(report.Locator("dl")).ToContainTextAsync("11,356.");
        // Who changed the ration by name (the owner registered as "owner"), not as a raw user id.
        await Expect(report.Locator("dt:text-is('Changed by') + dd")).ToHaveTextAsync("owner");
        await Expect(report.Locator("dl")).Not.ToContainTextAsync("user:");
        await Expect(report.Locator("body")).ToContainTextAsync("Requirements and supply");
        // The ration evaluation stored with the version, as on the group page (issue 19).
        var analysis = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration", TestContext.Current.CancellationToken)))
            .GetProperty("current").GetProperty("analysis");
        var cp = analysis.GetProperty("crudeProteinPercentOfDm").GetDouble().ToString("N1", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        await Expect(report.Locator("table.analysis")).ToContainTextAsync("Crude protein, % DM" + cp);
        await Expect(report.Locator("table.analysis")).ToContainTextAsync("Energy-allowable milk, kg/head/day");
        await Browser.ScreenshotAsync(report, "ration-report");

        await page.GetByTestId("language").SelectOptionAsync("ko");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-xlsx").ClickAsync());
        var path = await download.PathAsync();
        Assert.Equal(["사료 배합 보고서", "배합", "과부족"], MiniExcel.GetSheetNames(path));
        var feeds = MiniExcel.Query(path, useHeaderRow: true, sheetName: "배합", excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>()
            .Select(r => (string)r["사료 ID"]).ToHashSet();
        Assert.Equal(DemoFarm.Ration.Select(r => r.FeedId).ToHashSet(), feeds);
    }

    [Fact]
    public async Task Charts_export_as_svg_and_png()
    {
        var herd = await Herd.CreateAsync(web.Server);
        await herd.PostReadingsAsync(web.Server, (1, "corn-silage", 400));
        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        await Expect(page.GetByTestId("balance-chart").Locator("svg")).ToBeVisibleAsync();

        var svg = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("balance-chart-svg").ClickAsync());
        Assert.Equal("requirements-supply.svg", svg.SuggestedFilename);
        var svgText = await File.ReadAllTextAsync(await svg.PathAsync(), Ct);
        Assert.StartsWith("<svg", svgText, StringComparison.Ordinal);
        Assert.Contains("MP (g/d)", svgText, StringComparison.Ordinal);

        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("intake-chart-png").ClickAsync());
        Assert.Equal("intake-history.png", png.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync(), Ct);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.True(bytes.Length > 5_000, $"{bytes.Length} bytes: an empty canvas?");
    }
}
