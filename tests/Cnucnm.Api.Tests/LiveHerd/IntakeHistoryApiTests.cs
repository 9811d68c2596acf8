using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cnucnm.Testing;
using MiniExcelLibs;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>
/// A group's past intake from the farm's own records (issue 23), on PostgreSQL: a year of days goes in and the KPIs, the group's
/// intake history and the intake analysis read it; the same file again changes nothing; a file with bad rows is refused whole
/// with every error by row and column (in the caller's language) and writes nothing; a viewer may not import.
/// </summary>
public sealed class IntakeHistoryApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int FirstDayBack = 365;
    private const int LastDayBack = 31;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_year_of_feeding_records_imports_once_and_the_kpis_history_and_analysis_read_it()
    {
        var herd = await HerdApi.CreateAsync(api.Factory);
        var today = await TodayAsync(herd);
        var url = $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/intake/history";

        // 335 days, 1,000 kg as fed delivered and 40 kg weighed back a day at 40 % DM: 384 kg DM eaten; 38 head on even days, 40 on odd.
        var csv = new StringBuilder("date,headCount,dryMatterPercent,deliveredKgAsFed,refusedKgAsFed\n");
        var headDays = 0;
        for (var back = FirstDayBack; back >= LastDayBack; back--)
        {
            var head = back % 2 == 0 ? 38 : 40;
            headDays += head;
            csv.Append(CultureInfo.InvariantCulture, $"{today.AddDays(-back):yyyy-MM-dd},{head},40,1000,40\n");
        }

        var days = FirstDayBack - LastDayBack + 1;
        var preview = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"{url}/preview", new { csv = csv.ToString() }, Ct));
        Assert.Equal((days, days, 0), (preview.GetProperty("dataRows").GetInt32(), preview.GetProperty("validDays").GetInt32(), preview.GetProperty("errors").GetArrayLength()));
        Assert.Empty(await HistoryAsync(herd)); // a preview stores nothing

        var applied = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { csv = csv.ToString() }, Ct));
        Assert.Equal((days, days), (applied.GetProperty("days").GetInt32(), applied.GetProperty("newOrChanged").GetInt32()));
        Assert.Equal(today.AddDays(-FirstDayBack), DateOnly.Parse(applied.GetProperty("from").GetString()!, CultureInfo.InvariantCulture));

        var history = await HistoryAsync(herd);
        Assert.Equal(days, history.Count);
        Assert.All(history, d => Assert.Equal(384, d.GetProperty("dryMatterKg").GetDouble(), 9));
        Assert.Equal(headDays, history.Sum(d => d.GetProperty("headCount").GetInt32()));

        // The KPIs over the year: every imported day with the head fed that day.
        var kpis = await KpisAsync(herd, today.AddDays(-FirstDayBack), today.AddDays(-LastDayBack));
        Assert.Equal(headDays, kpis.GetProperty("headDays").GetDouble());
        Assert.Equal(384.0 * days / headDays, kpis.GetProperty("dryMatterIntakeKgPerHeadPerDay").GetDouble(), 9);
        Assert.Equal(4.0, kpis.GetProperty("refusalsPercentOfDelivered").GetDouble(), 9);

        // The same file again: nothing new, nothing changed.
        var again = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(url, new { csv = csv.ToString() }, Ct));
        Assert.Equal((days, 0), (again.GetProperty("days").GetInt32(), again.GetProperty("newOrChanged").GetInt32()));
        Assert.Equal(days, (await HistoryAsync(herd)).Count);
        Assert.Equal(headDays, (await KpisAsync(herd, today.AddDays(-FirstDayBack), today.AddDays(-LastDayBack))).GetProperty("headDays").GetDouble());

        // The intake analysis learns from and scores on the year.
        var analysis = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/analytics/intake?days=365", Ct));
        Assert.Equal(days, analysis.GetProperty("daysLearned").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, analysis.GetProperty("evaluation").ValueKind);
    }

    [Fact]
    public async Task An_xlsx_sheet_of_dry_matter_records_is_stored_as_fed_too()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var today = await TodayAsync(herd);
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new[]
        {
            new Dictionary<string, object?> { ["date"] = today.AddDays(-40).ToDateTime(TimeOnly.MinValue), ["headCount"] = 20, ["dryMatterPercent"] = 50.0, ["deliveredKgDm"] = 500.0, ["refusedKgDm"] = 25.0 },
            new Dictionary<string, object?> { ["date"] = today.AddDays(-41).ToDateTime(TimeOnly.MinValue), ["headCount"] = 20, ["dryMatterPercent"] = 50.0, ["deliveredKgDm"] = 480.0, ["refusedKgDm"] = null },
        }, cancellationToken: Ct);
        var applied = await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/intake/history",
            new { xlsxBase64 = Convert.ToBase64String(workbook.ToArray()) }, Ct));
        Assert.Equal(2, applied.GetProperty("days").GetInt32());

        var history = await HistoryAsync(herd);
        var day = history.Single(d => d.GetProperty("day").GetString() == today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal((1000.0, 50.0, 475.0), (day.GetProperty("deliveredKgAsFed").GetDouble(), day.GetProperty("refusedKgAsFed").GetDouble(), day.GetProperty("dryMatterKg").GetDouble()));
        Assert.Equal(480, history.Single(d => d.GetProperty("refusedKgAsFed").GetDouble() == 0).GetProperty("dryMatterKg").GetDouble(), 9);
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_by_row_and_column_in_the_callers_language()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var today = await TodayAsync(herd);
        string D(int back) => today.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = $"""
            date,headCount,dryMatterPercent,deliveredKgAsFed,refusedKgAsFed,deliveredKgDm
            {D(60)},40,45,1000,30,
            {D(-1)},40,45,1000,30,
            {D(10)},40,45,1000,30,
            {D(800)},40,45,1000,30,
            {D(60)},40,45,1000,30,
            {D(61)},0,45,1000,1200,
            {D(62)},40,45,1000,,450
            13/05/2025,40,45,1000,30,
            """;
        var url = $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/intake/history";
        var response = await herd.Owner.PostAsJsonAsync(url, new { csv }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        string Error(string key) => errors.GetProperty(key)[0].GetString()!;
        Assert.Equal("is in the future.", Error("row3.date"));
        Assert.Equal("must be at least 31 days back: send newer days as intake readings.", Error("row4.date"));
        Assert.Equal("may be at most 730 days back.", Error("row5.date"));
        Assert.Equal("appears twice in the file (also row 2).", Error("row6.date"));
        Assert.Equal("must be a whole number from 1 to 10,000.", Error("row7.headCount"));
        Assert.Equal("must not be more than delivered.", Error("row7.refusedKgAsFed"));
        Assert.Equal("give deliveredKgAsFed or deliveredKgDm, one of them.", Error("row8.deliveredKgAsFed"));
        Assert.Equal("must be a date (yyyy-MM-dd).", Error("row9.date"));
        Assert.Equal("7 of 8 rows have errors: nothing was imported.", Error("file"));
        Assert.False(errors.TryGetProperty("row2.date", out _));
        Assert.Empty(await HistoryAsync(herd)); // the good row was not written either

        // The same file for a Korean reader: the catalogue's Korean texts, the same fields.
        using var korean = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { csv }) };
        korean.Headers.AcceptLanguage.ParseAdd("ko-KR");
        var koreanResponse = await herd.Owner.SendAsync(korean, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, koreanResponse.StatusCode);
        var koreanErrors = (await koreanResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal("미래 날짜입니다.", koreanErrors.GetProperty("row3.date")[0].GetString());
        Assert.Equal("31일 이상 지난 날이어야 합니다. 최근 날은 섭취량 측정값으로 보내 주세요.", koreanErrors.GetProperty("row4.date")[0].GetString());
        Assert.Equal("8행 중 7행에 오류가 있어 아무것도 가져오지 않았습니다.", koreanErrors.GetProperty("file")[0].GetString());

        // A header the import does not know: a row-1 error naming the columns, nothing read.
        var header = await herd.Owner.PostAsJsonAsync(url, new { csv = $"date,head,dryMatterPercent,deliveredKgAsFed\n{D(60)},40,45,1000\n" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        var headerErrors = (await header.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.StartsWith("Unknown column; the columns are date, headCount", headerErrors.GetProperty("row1.head")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("This column is required.", headerErrors.GetProperty("row1.headCount")[0].GetString());
        Assert.Empty(await HistoryAsync(herd));
    }

    [Fact]
    public async Task A_viewer_may_not_import_intake_history()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var today = await TodayAsync(herd);
        var (viewer, viewerEmail) = await api.Factory.CreateUserClientAsync("viewer");
        await DemoFarm.AddMemberAsync(herd.Owner, herd.FarmId, viewer, viewerEmail, "viewer");
        var csv = $"date,headCount,dryMatterPercent,deliveredKgAsFed\n{today.AddDays(-60):yyyy-MM-dd},40,45,1000\n";
        var url = $"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/intake/history";
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync(url, new { csv }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"{url}/preview", new { csv }, Ct)).StatusCode);
        Assert.Empty(await HistoryAsync(herd));
        // The viewer still reads the group's intake.
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/intake?days=366", Ct)).StatusCode);
    }

    private static async Task<DateOnly> TodayAsync(HerdApi herd)
    {
        var group = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        return DateOnly.Parse(group.GetProperty("intake").GetProperty("today").GetString()!, CultureInfo.InvariantCulture);
    }

    private static async Task<List<JsonElement>> HistoryAsync(HerdApi herd) =>
        [.. (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/intake?days=366", Ct))).EnumerateArray()];

    private static async Task<JsonElement> KpisAsync(HerdApi herd, DateOnly from, DateOnly to) =>
        (await DemoFarm.Ok(await herd.Owner.GetAsync(
            $"/api/v1/farms/{herd.FarmId}/kpis?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", Ct))).GetProperty("farm");
}
