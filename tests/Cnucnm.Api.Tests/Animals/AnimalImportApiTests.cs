using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;
using MiniExcelLibs;

namespace Cnucnm.Api.Tests.Animals;

/// <summary>Bulk registration: a 5,000-animal CSV with bad rows is previewed (every bad row reported), refused while
/// it has errors, and imported valid rows only once the user accepts; XLSX reads the same way.</summary>
public sealed class AnimalImportApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }

    [Fact]
    public async Task A_5000_animal_csv_with_bad_rows_reports_each_and_imports_only_accepted_valid_rows()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var (csv, bad, inPen) = SampleHerdCsv.Create(5000, 30_000_000, "High pen", Day);
        var url = $"/api/v1/farms/{herd.FarmId}/animals";
        Assert.Equal(51, bad.Count);

        var (status, preview) = await PostAsync(herd.Owner, $"{url}/import/preview", new { csv });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5000, preview.GetProperty("dataRows").GetInt32());
        Assert.Equal(5000 - 51, preview.GetProperty("validRows").GetInt32());
        Assert.Equal(bad, preview.GetProperty("invalidRows").EnumerateArray().Select(r => r.GetInt32()));
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.Equal(bad, errors.Select(e => e.Row).ToHashSet());
        // A future birth also puts that row's weighing before birth (weighedOn).
        Assert.Equal(new HashSet<string?> { "tag", "birthDate", "breed", "bodyWeightKg", "weighedOn" }, errors.Select(e => e.Column).ToHashSet());
        Assert.Equal(0, (await DemoFarm.Ok(await herd.Owner.GetAsync(url, Ct))).GetProperty("total").GetInt64());

        // Errors and no acceptance: 400 with the report, nothing written.
        (status, var refused) = await PostAsync(herd.Owner, $"{url}/import/apply", new { csv });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(refused.GetProperty("errors").TryGetProperty("acceptValidRows", out _));
        Assert.Equal(bad, refused.GetProperty("errors").EnumerateObject().Where(p => p.Name.StartsWith("row", StringComparison.Ordinal))
            .Select(p => int.Parse(p.Name[3..p.Name.IndexOf('.', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).ToHashSet());
        Assert.Equal(0, (await DemoFarm.Ok(await herd.Owner.GetAsync(url, Ct))).GetProperty("total").GetInt64());

        // Accepted: the valid rows only, their weighings, and the pen's inputs from its new members.
        (status, var applied) = await PostAsync(herd.Owner, $"{url}/import/apply", new { csv, acceptValidRows = true });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5000 - 51, applied.GetProperty("imported").GetInt32());
        Assert.Equal(bad, applied.GetProperty("skippedRows").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal(5000 - 51, (await DemoFarm.Ok(await herd.Owner.GetAsync(url, Ct))).GetProperty("total").GetInt64());
        Assert.Equal(0, (await DemoFarm.Ok(await herd.Owner.GetAsync($"{url}?search=002300000971", Ct))).GetProperty("total").GetInt64()); // row 99, born in the future
        var pen = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}", Ct));
        Assert.Equal(inPen, pen.GetProperty("inputs").GetProperty("headCount").GetInt32());
        Assert.Equal(350, pen.GetProperty("inputs").GetProperty("bodyWeightKg").GetDouble(), 9);
        var weighed = (await DemoFarm.Ok(await herd.Owner.GetAsync($"{url}?search=cow 3&limit=1", Ct))).GetProperty("items")[0];
        Assert.Equal(350, (await DemoFarm.Ok(await herd.Owner.GetAsync($"{url}/{weighed.GetProperty("id").GetGuid()}", Ct))).GetProperty("summary").GetProperty("bodyWeightKg").GetDouble());

        // Exported, the farm's animals import again into another farm without an error (CSV and XLSX alike).
        var other = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var exported = await herd.Owner.GetStringAsync($"{url}/export?format=csv", Ct);
        (status, var again) = await PostAsync(other.Owner, $"/api/v1/farms/{other.FarmId}/animals/import/preview", new { csv = exported });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((5000 - 51, 5000 - 51), (again.GetProperty("dataRows").GetInt32(), again.GetProperty("validRows").GetInt32()));
        var xlsx = await herd.Owner.GetByteArrayAsync($"{url}/export?format=xlsx", Ct);
        (status, again) = await PostAsync(other.Owner, $"/api/v1/farms/{other.FarmId}/animals/import/preview", new { xlsxBase64 = Convert.ToBase64String(xlsx) });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5000 - 51, again.GetProperty("validRows").GetInt32());

        // The same file again: every tag is now registered.
        (status, again) = await PostAsync(herd.Owner, $"{url}/import/apply", new { csv, acceptValidRows = true });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(again.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task An_xlsx_sheet_imports_like_csv_and_a_broken_file_is_a_field_error()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new[]
        {
            new Dictionary<string, object?> { ["tag"] = "KOR 002 4000 0001 1", ["breed"] = "holstein", ["sex"] = "female", ["birthDate"] = new DateTime(2023, 5, 1), ["bodyWeightKg"] = 540.5, ["weighedOn"] = Day.ToDateTime(TimeOnly.MinValue) },
            new Dictionary<string, object?> { ["tag"] = "002400000021", ["breed"] = "jersey", ["sex"] = "bull", ["birthDate"] = new DateTime(2023, 5, 1), ["bodyWeightKg"] = null, ["weighedOn"] = null },
        }, cancellationToken: Ct);
        var url = $"/api/v1/farms/{herd.FarmId}/animals/import";
        var (status, preview) = await PostAsync(herd.Owner, $"{url}/preview", new { xlsxBase64 = Convert.ToBase64String(workbook.ToArray()) });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([3], preview.GetProperty("invalidRows").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal("sex", preview.GetProperty("errors")[0].GetProperty("column").GetString());
        (status, var applied) = await PostAsync(herd.Owner, $"{url}/apply", new { xlsxBase64 = Convert.ToBase64String(workbook.ToArray()), acceptValidRows = true });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, applied.GetProperty("imported").GetInt32());

        (status, var broken) = await PostAsync(herd.Owner, $"{url}/preview", new { xlsxBase64 = Convert.ToBase64String("not a workbook"u8.ToArray()) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(broken.GetProperty("errors").TryGetProperty("xlsxBase64", out _));
        (status, var both) = await PostAsync(herd.Owner, $"{url}/preview", new { csv = "tag", xlsxBase64 = "AAAA" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(both.GetProperty("errors").TryGetProperty("csv", out _));
    }
}
