using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Feeds;

/// <summary>Issue 25 beyond single answers: the group's stored ration, its printed report, the farm's feed list, lab analyses
/// and the Korean library import all say which values the model imputed or assumed 0 (docs/science.md, "Blank feed composition").
/// Oat silage's NASEM row has a blank supplemental NPN (imputed 0 % of CP from a similar silage) and blank Co, I, Se and vitamins.</summary>
public sealed class CompositionGapApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string OatSilage = "Oat silage, mid-maturity";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_ration_with_oat_silage_and_its_report_name_the_imputed_values_in_both_languages()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var demo = await DemoFarm.Ok(await herd.Owner.GetAsync(Url(herd), Ct));
        await AddOatSilageAsync(herd);

        // The demo ration's four feeds have every value the model uses: nothing to note.
        Assert.Empty(demo.GetProperty("current").GetProperty("compositionNotes").EnumerateArray());

        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync(Url(herd), new
        {
            items = new[]
            {
                new { feedId = "oat-silage", kgDryMatterPerHead = 8.0 }, new { feedId = "canola-meal", kgDryMatterPerHead = 6.7 },
                new { feedId = "corn-silage", kgDryMatterPerHead = 5.5 }, new { feedId = "hm-corn", kgDryMatterPerHead = 4.1 },
            },
            reason = "oat silage instead of alfalfa",
        }, Ct));
        var ration = await DemoFarm.Ok(await herd.Owner.GetAsync(Url(herd), Ct));
        // The page encodes every non-ASCII character as an entity: read it as a browser shows it.
        var html = WebUtility.HtmlDecode(await (await herd.Owner.GetAsync($"{Url(herd)}/report.html", Ct)).Content.ReadAsStringAsync(Ct));
        var htmlKorean = WebUtility.HtmlDecode(await (await herd.Owner.GetAsync($"{Url(herd)}/report.html?lang=ko", Ct)).Content.ReadAsStringAsync(Ct));

        var note = Assert.Single(ration.GetProperty("current").GetProperty("compositionNotes").EnumerateArray());
        Assert.Equal("oat-silage", note.GetProperty("feedId").GetString());
        var npn = Assert.Single(note.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("column").GetString() == "Fd_NPN_CP");
        Assert.Equal("Imputed", npn.GetProperty("treatment").GetString());
        Assert.Contains(note.GetProperty("touches").EnumerateArray(), t => t.GetString() == "RUP");
        Assert.Contains("Se", note.GetProperty("textEnglish").GetString(), StringComparison.Ordinal);
        // The version history keeps what each version rested on.
        Assert.Single(ration.GetProperty("history").EnumerateArray().Last().GetProperty("compositionNotes").EnumerateArray());
        Assert.Contains("Feed composition: imputed or unknown values", html, StringComparison.Ordinal);
        Assert.Contains($"{OatSilage}: NPN = 0 % of CP imputed", html, StringComparison.Ordinal);
        Assert.Contains("사료 성분: 대체 추정하거나 값이 없는 항목", htmlKorean, StringComparison.Ordinal);
        Assert.Contains("0으로 가정", htmlKorean, StringComparison.Ordinal);
        Assert.DoesNotContain("imputed (", htmlKorean, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_farm_feed_list_and_a_saved_feed_carry_their_composition_gaps()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        var saved = await AddOatSilageAsync(herd);
        var feeds = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct));

        Assert.Contains(saved.GetProperty("compositionGaps").EnumerateArray(),
            g => g.GetProperty("column").GetString() == "Fd_NPN_CP" && g.GetProperty("treatment").GetString() == "Imputed");
        var listed = feeds.EnumerateArray().ToDictionary(f => f.GetProperty("definition").GetProperty("feedId").GetString()!);
        Assert.Equal(saved.GetProperty("compositionGaps").GetArrayLength(), listed["oat-silage"].GetProperty("compositionGaps").GetArrayLength());
        Assert.Empty(listed["corn-silage"].GetProperty("compositionGaps").EnumerateArray());
    }

    [Fact]
    public async Task A_lab_analysis_preview_reports_by_row_what_neither_the_analysis_nor_the_feed_gives()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        await AddOatSilageAsync(herd);
        const string report = """
            Sample ID,Date,DM (%),CP (%DM),aNDF (%DM)
            OAT-1,2026-11-20,32,11.2,55
            OAT-2,2026-11-27,34,10.8,57
            """;

        var preview = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(
            $"/api/v1/farms/{herd.FarmId}/feeds/oat-silage/lab-analyses/preview", new { csv = report }, Ct));

        var analyses = preview.GetProperty("analyses").EnumerateArray().ToList();
        Assert.Equal(2, analyses.Count);
        foreach (var (analysis, row) in analyses.Zip([2, 3]))
        {
            var npn = Assert.Single(analysis.GetProperty("compositionGaps").EnumerateArray(), g => g.GetProperty("column").GetString() == "Fd_NPN_CP");
            Assert.Equal(row, npn.GetProperty("row").GetInt32());
            Assert.Equal("Imputed", npn.GetProperty("treatment").GetString());
            Assert.Contains(analysis.GetProperty("compositionGaps").EnumerateArray(),
                g => g.GetProperty("column").GetString() == "Fd_Se" && g.GetProperty("treatment").GetString() == "Unknown");
        }
    }

    [Fact]
    public async Task The_korean_library_import_report_names_row_and_column_of_each_blank_and_pages()
    {
        var (client, _) = await api.Factory.CreateUserClientAsync("gaps");

        var straw = await DemoFarm.Ok(await client.GetAsync("/api/v1/feed-library/korean/import-report?feedId=kr:693", Ct));
        var page = await DemoFarm.Ok(await client.GetAsync("/api/v1/feed-library/korean/import-report?column=Fd_ADF&skip=10&take=5", Ct));
        using var badTake = await client.GetAsync("/api/v1/feed-library/korean/import-report?take=0", Ct);
        using var anonymous = await api.Factory.CreateClient().GetAsync("/api/v1/feed-library/korean/import-report", Ct);
        var search = await DemoFarm.Ok(await client.GetAsync("/api/v1/feed-library?search=kr:693&library=korean", Ct));

        Assert.True(straw.GetProperty("rowsRead").GetInt32() > 900);
        var adf = Assert.Single(straw.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("column").GetString() == "Fd_ADF");
        Assert.True(adf.GetProperty("row").GetInt32() > 1);
        Assert.Equal("Imputed", adf.GetProperty("treatment").GetString());
        Assert.Contains("similar library feed", adf.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, page.GetProperty("gaps").GetArrayLength());
        Assert.True(page.GetProperty("gapCount").GetInt32() > 500);
        Assert.All(page.GetProperty("gaps").EnumerateArray(), g => Assert.Equal("Fd_ADF", g.GetProperty("column").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badTake.StatusCode);
        Assert.True((await badTake.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("take", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // The library search shows the same gaps beside each feed.
        Assert.Contains(Assert.Single(search.EnumerateArray()).GetProperty("compositionGaps").EnumerateArray(),
            g => g.GetProperty("column").GetString() == "Fd_ADF");
    }

    private static async Task<JsonElement> AddOatSilageAsync(HerdApi herd)
    {
        var saved = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/oat-silage",
            new { name = OatSilage, libraryFeedId = OatSilage, dryMatterPercent = 33, isForage = true }, Ct));
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/feeds/oat-silage/prices",
            new { effectiveFrom = "2026-01-01", amount = 85_000, basis = "perTonneAsFed", supplier = "co-op" }, Ct));
        return saved;
    }

    private static string Url(HerdApi herd) => $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration";
}
