using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Feeds;

/// <summary>Lab analyses of a farm feed through the API: checks, changes, the farm's rations using it, apply.</summary>
public sealed class LabAnalysisApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Report = """
        Sample ID,Date,DM (%),CP (%DM),aNDF (%DM),ADF (%DM),Lignin (%DM),Starch (%DM)
        PIT-2 front,2026-11-20,33,9.5,41,25,2.9,33
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(HerdApi herd, string action) => $"/api/v1/farms/{herd.FarmId}/feeds/corn-silage/lab-analyses/{action}";

    [Fact]
    public async Task Preview_lists_the_change_and_the_rations_using_the_feed_without_changing_anything()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);

        var preview = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { csv = Report }, Ct));

        var changes = Assert.Single(preview.GetProperty("analyses").EnumerateArray()).GetProperty("changes").EnumerateArray().ToList();
        var dm = changes.Single(c => c.GetProperty("nutrient").GetString() == "Fd_DM");
        Assert.Equal((35.0, 33.0), (dm.GetProperty("current").GetDouble(), dm.GetProperty("analysed").GetDouble()));
        var ration = Assert.Single(preview.GetProperty("rations").EnumerateArray());
        Assert.Equal(herd.GroupId, ration.GetProperty("groupId").GetGuid());
        var feeds = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct));
        Assert.Equal(35, feeds.EnumerateArray().Single(f => f.GetProperty("definition").GetProperty("feedId").GetString() == "corn-silage")
            .GetProperty("definition").GetProperty("dryMatterPercent").GetDouble());
    }

    [Fact]
    public async Task An_inconsistent_report_is_refused_with_its_row_and_column()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        var response = await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { csv = "DM,NDF,ADF\n33,30,35\n" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("csv.row2.ADF", out _), errors.ToString());
    }

    [Fact]
    public async Task Applying_re_evaluates_the_ration_with_the_analysed_dry_matter_and_cost()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);

        var applied = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(Url(herd, "apply"), new { csv = Report }, Ct));

        var ration = Assert.Single(applied.GetProperty("rations").EnumerateArray());
        var before = ration.GetProperty("before");
        var after = ration.GetProperty("reEvaluated");
        // Same 5.47 kg DM of corn silage at 90 KRW per kg as fed: as fed 5.47/0.35 → 5.47/0.33 kg.
        var expected = 5.47 * 90 * (1 / 0.33 - 1 / 0.35);
        Assert.Equal(expected, (double)(after.GetProperty("costPerHeadPerDay").GetDecimal() - before.GetProperty("costPerHeadPerDay").GetDecimal()), 2);
        Assert.Equal(before.GetProperty("dryMatterKgPerHead").GetDouble(), after.GetProperty("dryMatterKgPerHead").GetDouble(), 9);
        var supplied = (JsonElement v) => v.GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("nutrient").GetString()!, b => b.GetProperty("supplied").GetDouble());
        Assert.Contains(supplied(before), b => Math.Abs(b.Value - supplied(after)[b.Key]) > 1e-6);
        Assert.NotEqual(JsonValueKind.Null, ration.GetProperty("reformulation").ValueKind);
        var feeds = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/feeds", Ct));
        var silage = feeds.EnumerateArray().Single(f => f.GetProperty("definition").GetProperty("feedId").GetString() == "corn-silage").GetProperty("definition");
        Assert.Equal(33, silage.GetProperty("dryMatterPercent").GetDouble());
        Assert.Equal(9.5, silage.GetProperty("composition").GetProperty("Fd_CP").GetDouble());
        // Dashboards and webhook subscribers ("analysis.applied") hear of it.
        var events = await api.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IFarmEventsGrain>(herd.FarmId).GetSinceAsync(0, Ct);
        var appliedEvent = Assert.Single(events.Events, e => e.Kind == FarmEventKind.AnalysisApplied);
        Assert.Equal(1, appliedEvent.Values["rations"]);
        Assert.Equal("analysis.applied", WebhookEventTypes.Of(appliedEvent.Kind));
    }
    [Fact]
    public async Task An_xlsx_report_gives_the_same_changes_as_the_csv_with_its_date_cell_read_as_a_date()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var xlsx = Workbook(new Dictionary<string, object>
        {
            ["Sample ID"] = "PIT-2 front", ["Date"] = new DateTime(2026, 11, 20), ["DM (%)"] = 33, ["CP (%DM)"] = 9.5, ["aNDF (%DM)"] = 41,
            ["ADF (%DM)"] = 25, ["Lignin (%DM)"] = 2.9, ["Starch (%DM)"] = 33,
        });

        var fromXlsx = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { xlsx }, Ct));
        var fromCsv = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { csv = Report }, Ct));

        var analysis = Assert.Single(fromXlsx.GetProperty("analyses").EnumerateArray());
        Assert.Equal(("PIT-2 front", "2026-11-20", 2), (analysis.GetProperty("sampleId").GetString(), analysis.GetProperty("sampledOn").GetString(), analysis.GetProperty("row").GetInt32()));
        Assert.Equal(fromCsv.GetProperty("analyses")[0].GetProperty("changes").ToString(), analysis.GetProperty("changes").ToString());
    }

    [Fact]
    public async Task An_inconsistent_xlsx_row_is_refused_with_its_sheet_row_and_column()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var xlsx = Workbook(
            new Dictionary<string, object> { ["DM"] = 33, ["NDF"] = 40, ["ADF"] = 25 },
            new Dictionary<string, object> { ["DM"] = 34, ["NDF"] = 30, ["ADF"] = 35 });

        var response = await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { xlsx }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("xlsx.row3.ADF", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("xlsx.row2.ADF", out _), errors.ToString());
    }

    [Fact]
    public async Task A_report_that_is_not_a_workbook_or_comes_as_both_csv_and_xlsx_is_refused()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        var notWorkbook = await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { xlsx = Convert.ToBase64String("DM,CP\n33,9"u8.ToArray()) }, Ct);
        var notBase64 = await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { xlsx = "not base64!" }, Ct);
        var both = await herd.Owner.PostAsJsonAsync(Url(herd, "preview"), new { csv = Report, xlsx = Workbook(new Dictionary<string, object> { ["DM"] = 33 }) }, Ct);

        foreach (var response in new[] { notWorkbook, notBase64, both })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("xlsx", out _) || errors.TryGetProperty("csv", out _), errors.ToString());
        }
    }

    /// <summary>An XLSX workbook (base64) whose first sheet has the keys as the header row and one row per analysis.</summary>
    private static string Workbook(params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return Convert.ToBase64String(stream.ToArray());
    }
}
