using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Cnucnm.Testing;

namespace Cnucnm.Web.Tests;

/// <summary>
/// "Korean everywhere" (issue 19): in the Korean UI, the texts the server writes (alert titles and details, ration-change reasons, the
/// near miss and its ways out, field messages) come in Korean from the message catalogue, on the alerts, group and workbench pages.
/// A scan of the rendered text fails on any Latin-letter word outside an allow-list.
/// </summary>
public sealed partial class KoreanServerTextTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Latin words a Korean page may show: nutrient and diet abbreviations a Korean nutritionist reads as they are, always beside
    /// their Korean name in the catalogue (대사단백질 (MP)); SI and feed units (kg, g, Mcal, mEq, IU); the model names (NASEM, NRC).
    /// Farm data (feed, group and person names, a reason a person typed) is the farm's own text and is taken out before the scan.
    /// </summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "CP", "RDP", "RUP", "NDF", "peNDF", "NFC", "DCAD", "NEL", "NEg", "NEm", "MP", "ME", "Lys", "Met", "His", "Ile", "Leu", "Phe", "Thr", "Trp", "Val", "Arg",
        "Ca", "P", "Mg", "K", "Na", "Cl", "S", "Co", "Cu", "Fe", "I", "Mn", "Se", "Zn", "Mo", "A", "D", "E", "NASEM", "NRC", "TDN",
        "kg", "g", "mg", "mEq", "Mcal", "IU", "v", "ADF",
        // The workbench's two what-ifs are labelled A and B (가정 A, 가정 B); fatty acids (C18:1) and chromium (Cr) beside their Korean names;
        // file formats of uploads and chart exports.
        "B", "C", "Cr", "CSV", "XLSX", "PNG", "SVG",
    };

    [Fact]
    public async Task The_Korean_alerts_group_and_workbench_pages_show_no_English_server_text()
    {
        var herd = await Herd.CreateAsync(web.Server);
        // Protein feeds capped at 0.2 kg DM: no ration meets everything, so the best-possible ration waits with a near-miss alert; the demo
        // ration leaves nutrients short, so deficit alerts are open too.
        await herd.AddFormulationCandidatesAsync(proteinMaxKgDm: 0.2);
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync("/api/v1/me/language", new { language = "ko" }, Ct));
        var reformulated = await DemoFarm.Ok(await herd.Owner.PostAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration/reformulate", null, Ct));
        Assert.Equal("bestPossible", reformulated.GetProperty("outcome").GetString());
        var farmData = await FarmDataAsync(herd);

        var page = await web.NewPageAsync();
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GotoAsync($"/#/farms/{herd.FarmId}/alerts");
        var alerts = page.GetByTestId("alerts");
        await Expect(alerts).ToContainTextAsync("최선의 배합을 제안합니다");
        await Expect(alerts).ToContainTextAsync("부족");
        await Browser.ScreenshotAsync(page, "alerts-ko");
        AssertKorean("alerts", await alerts.InnerTextAsync(), farmData);

        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}");
        var suggestion = page.GetByTestId("suggestion");
        await Expect(suggestion).ToContainTextAsync("최선의 배합: 요청에 따라 설계");
        var history = page.GetByTestId("ration-history");
        await Expect(history.Locator("tbody tr").First).ToBeVisibleAsync();
        AssertKorean("group suggestion", await suggestion.Locator("p").AllInnerTextsAsync() is var lines ? string.Join("\n", lines) : "", farmData);
        AssertKorean("ration history", await history.InnerTextAsync(), farmData);

        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await Expect(page.Locator("[data-feed=soybean-meal] [data-testid=use]")).ToBeCheckedAsync();
        await page.GetByTestId("formulate").ClickAsync();
        var result = page.GetByTestId("result");
        await Expect(result.GetByTestId("best-possible")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(result.GetByTestId("suggestions").Locator("button").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "workbench-near-miss-ko");
        AssertKorean("workbench result", await result.InnerTextAsync(), farmData);

        // The same alerts through the API without a language: English for an API client whose person chose English.
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync("/api/v1/me/language", new { language = "en" }, Ct));
        var english = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts", Ct));
        Assert.Contains(english.EnumerateArray(), a => a.GetProperty("title").GetString()!.Contains("best-possible ration suggested", StringComparison.Ordinal)
            && a.GetProperty("titleMessage").GetProperty("code").GetString() == "alert.nearMiss.titleShort");
    }

    [Fact]
    public async Task The_Korean_feeds_library_growth_pages_and_an_import_error_show_no_English_server_text()
    {
        var herd = await Herd.CreateAsync(web.Server, "횡성 한우");
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync("/api/v1/me/language", new { language = "ko" }, Ct));
        var farmData = await FarmDataAsync(herd);
        var page = await web.NewPageAsync("ko-KR");
        await Browser.SignInAsync(page, herd.OwnerEmail);
        await page.GetByTestId("language").SelectOptionAsync("ko");

        // The farm feeds page and a feed's detail: sources, composition overrides and gaps by name (never Fd_CP), units.
        await page.GotoAsync($"/#/farms/{herd.FarmId}/feeds");
        var feeds = page.GetByTestId("farm-feeds");
        await Expect(feeds.Locator("tr[data-feed=corn-silage]")).ToBeVisibleAsync();
        AssertKorean("farm feeds", await feeds.InnerTextAsync(), farmData);
        await feeds.Locator("tr[data-feed=corn-silage]").GetByTestId("feed-open").ClickAsync();
        var detail = page.GetByTestId("feed-detail");
        await Expect(detail.GetByTestId("price-history")).ToBeVisibleAsync();
        // The lab report's column headers in the hint are the report's own (English) format; the demo's supplier is farm data.
        AssertKorean("feed detail", await detail.InnerTextAsync(),
            [.. farmData, "Sample ID", "Date", "DM (%)", "CP (%DM)", "aNDF (%DM)", "ADF (%DM)", "Starch (%DM)", "co-op"]);

        // A price list with wrong rows: the row and column errors in Korean (the file's column names and the typed feed are its data).
        var csv = "feed,effectiveFrom,amount,basis,currency,supplier,region\n"
                  + "no-such-feed,2026-13-01,abc,perTonneAsFed,USD,,\n";
        await page.GetByTestId("price-file").SetInputFilesAsync(new FilePayload { Name = "prices.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByTestId("price-import").ClickAsync();
        var importError = page.GetByTestId("feeds-error");
        await Expect(importError).ToContainTextAsync("2행");
        await Expect(importError).ToContainTextAsync("이 농장의 사료가 아닙니다");
        await Browser.ScreenshotAsync(page, "farm-feeds-import-error-ko");
        AssertKorean("price list errors", await importError.InnerTextAsync(),
            [.. farmData, "csv.row2.effectiveFrom", "csv.row2.amount", "csv.row2.currency", "csv.row2.feed", "effectiveFrom", "amount", "currency", "feed",
                "no-such-feed", "abc", "perTonneAsFed", "perKgDryMatter", "yyyy-mm-dd", "USD", "KRW"]);

        // The library search: clean categories and sources in Korean (library feed names are the libraries' data).
        await page.GetByTestId("feeds-library-search").FillAsync("볏짚");
        await page.GetByTestId("feeds-library-category").SelectOptionAsync("forage");
        await page.GetByTestId("feeds-library-find").ClickAsync();
        var results = page.GetByTestId("feeds-library-results");
        await Expect(results.Locator("tr[data-library-feed='kr:693']")).ToContainTextAsync("조사료");
        var names = await results.GetByTestId("library-name").AllInnerTextsAsync();
        AssertKorean("library search", await results.InnerTextAsync(), [.. farmData, .. names.OrderByDescending(n => n.Length)]);
        var categories = await page.GetByTestId("feeds-library-category").Locator("option").AllInnerTextsAsync();
        AssertKorean("library categories", string.Join("\n", categories), farmData);

        // The workbench's library search: categories and nutrients by name.
        await page.GotoAsync($"/#/farms/{herd.FarmId}/groups/{herd.GroupId}/workbench");
        await page.GetByTestId("library-search").FillAsync("볏짚");
        await page.GetByTestId("library-find").ClickAsync();
        var found = page.GetByTestId("library-results");
        await Expect(found.Locator("tr").First).ToBeVisibleAsync();
        var search = page.Locator("form.toolbar").First;
        var libraryNames = (await found.Locator("td:nth-child(1)").AllInnerTextsAsync()).Concat(await found.Locator("td:nth-child(2)").AllInnerTextsAsync());
        AssertKorean("workbench library search", await search.InnerTextAsync() + "\n" + await found.InnerTextAsync(),
            [.. farmData, .. libraryNames.Where(n => n.Length > 0).OrderByDescending(n => n.Length)]);

        // The growth page: phase names and the projection.
        await page.GotoAsync($"/#/farms/{herd.FarmId}/growth");
        await page.GetByTestId("simulate").ClickAsync();
        await Expect(page.GetByTestId("growth-summary")).ToContainTextAsync("일");
        await Expect(page.GetByTestId("growth-chart").Locator("svg path")).Not.ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "growth-ko");
        AssertKorean("growth", string.Join("\n", await page.Locator("section.card").AllInnerTextsAsync()), farmData);
        AssertKorean("growth chart", await page.GetByTestId("growth-chart").InnerTextAsync(), farmData);
    }

    /// <summary>The farm's own words: feed names (farm and library), the group's, farm's and people's names, and reasons people typed.</summary>
    private static async Task<List<string>> FarmDataAsync(Herd herd)
    {
        var data = new List<string> { herd.FarmName, "nutritionist's ration", "owner" };
        var feeds = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct));
        foreach (var feed in feeds.EnumerateArray())
        {
            var definition = feed.GetProperty("definition");
            data.Add(definition.GetProperty("name").GetString()!);
            data.Add(definition.GetProperty("feedId").GetString()!);
            if (definition.TryGetProperty("libraryFeedId", out var library) && library.GetString() is { } libraryId)
            {
                data.Add(libraryId);
            }
        }

        var group = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        data.Add(group.GetProperty("name").GetString()!);
        return [.. data.Distinct().OrderByDescending(d => d.Length)];
    }

    private static void AssertKorean(string where, string text, IReadOnlyList<string> farmData)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{where}: nothing rendered");
        Assert.Matches(Hangul(), text);
        // Longest first, so that a shorter word inside a longer one ("feed" in "no-such-feed") leaves no remnant.
        var scanned = farmData.OrderByDescending(d => d.Length).Aggregate(text, (t, d) => t.Replace(d, " ", StringComparison.Ordinal));
        var english = LatinWords().Matches(scanned).Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct().ToList();
        Assert.True(english.Count == 0, $"{where} shows English in Korean: {string.Join(", ", english)}\n{text}");
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWords();

    [GeneratedRegex("[가-힣]")]
    private static partial Regex Hangul();
}
