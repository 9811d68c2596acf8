using System.Net;
using System.Text;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Web;

/// <summary>Mixer sheets and ration reports as files: labelled in the asked language, farm-scoped, validated.</summary>
public sealed class ReportApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_korean_mixer_sheet_csv_loads_the_whole_pen_in_loading_order()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);

        using var response = await herd.Owner.GetAsync($"{Url(herd)}/mixer-sheet.csv?lang=ko", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mixer-sheet-v1-40-head.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("배치,배치 두수,투입 순서,사료 ID,사료,원물 kg,건물 %,저울 누적 kg", lines[0]);
        var feedLines = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[3].Length > 0).ToList();
        Assert.Equal(DemoFarm.Feeds.Select(f => f.Id).Order(), feedLines.Select(c => c[3]).Distinct().Order());
        // Counted from the end: a feed name may hold a comma (quoted).
        static double Kg(string cell) => double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
        // Each feed's DM % as the farm has it.
        Assert.All(feedLines, c => Assert.Equal(DemoFarm.Feeds.Single(f => f.Id == c[3]).DryMatterPercent, Kg(c[^2])));
        // 40 head of the demo ration: (8.21/0.90 + 6.73/0.89 + 5.47/0.35 + 4.11/0.72) kg as fed each = 1,520.8 kg.
        var totals = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[3].Length == 0).ToList();
        Assert.Equal(1520.8, totals.Sum(c => Kg(c[^3])), 0.5);
        // The scale reading after a load's last feed is the load's total; readings only grow within a load.
        foreach (var load in feedLines.GroupBy(c => c[0]))
        {
            var readings = load.Select(c => Kg(c[^1])).ToList();
            Assert.Equal(readings.Order(), readings);
            Assert.Equal(Kg(totals.Single(c => c[0] == load.Key)[^3]), readings[^1], 0.2);
        }
    }

    [Fact]
    public async Task Reports_of_another_farms_group_are_not_found_and_bad_languages_are_400()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var other = await HerdApi.CreateAsync(api.Factory);

        using var foreign = await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{other.GroupId}/ration/report.xlsx", Ct);
        using var notMember = await herd.Owner.GetAsync($"{Url(other)}/report.html", Ct);
        using var badLanguage = await herd.Owner.GetAsync($"{Url(herd)}/report.html?lang=fr", Ct);
        using var badCapacity = await herd.Owner.GetAsync($"{Url(herd)}/mixer-sheet.xlsx?mixerCapacityKgAsFed=1", Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.True(JsonDocument.Parse(await badLanguage.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors").TryGetProperty("lang", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badCapacity.StatusCode);
    }

    [Fact]
    public async Task The_ration_report_page_escapes_names_and_runs_no_script()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        await DemoFarm.Ok(await herd.Owner.PutAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}",
            System.Net.Http.Json.JsonContent.Create(new Dictionary<string, object>(HerdApiPen("<script>alert(1)</script>"))), Ct));

        var html = await (await herd.Owner.GetAsync($"{Url(herd)}/report.html", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Canola meal", html, StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, object>> HerdApiPen(string name) =>
        JsonSerializer.SerializeToElement(DemoFarm.LactatingPen(name)).EnumerateObject().Select(p => new KeyValuePair<string, object>(p.Name, p.Value));

    private static string Url(HerdApi herd) => $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration";
}
