using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cnucnm.Api.Tests.LiveHerd;
using MiniExcelLibs;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Animals;

/// <summary>Records leave the registry as a file: one row per record, the same columns for every kind.</summary>
public sealed class AnimalRecordExportApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);

    private static string Date(int daysBack) => Day.AddDays(-daysBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_record_is_a_row_with_its_own_fields_filtered_by_date_as_csv_or_xlsx()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        const string Tag = "002400000011";
        var cow = (await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals",
            new { tag = Tag, breed = "holstein", sex = "female", birthDate = Date(1500) }, Ct))).GetProperty("id").GetGuid();
        var records = $"/api/v1/farms/{herd.FarmId}/animals/{cow}/records";
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(records, new { kind = "calving", date = Date(100), calfSex = "female" }, Ct));
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(records, new { kind = "milkTest", date = Date(30), milkKgPerDay = 35.5, fatPercent = 3.8, trueProteinPercent = 3.1, lactosePercent = 4.8 }, Ct));
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync(records, new { kind = "weighing", date = Date(10), bodyWeightKg = 640 }, Ct));
        await DemoFarm.Ok(await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/animals/{cow}/health-events",
            new { date = Date(5), diagnosis = "mastitis", milkWithdrawalDays = 4 }, Ct));
        var url = $"/api/v1/farms/{herd.FarmId}/animals/records/export";

        var csv = (await herd.Owner.GetStringAsync($"{url}?format=csv", Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var header = csv[0].Split(',');
        var rows = csv.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(["calving", "milkTest", "weighing", "healthEvent"], rows.Select(r => r["kind"]));
        Assert.All(rows, r => Assert.Equal(Tag, r["tag"]));
        Assert.Equal("female", rows[0]["calfSex"]);
        Assert.Equal("35.5", rows[1]["milkKgPerDay"]);
        Assert.Equal("", rows[1]["bodyWeightKg"]);
        Assert.Equal("640", rows[2]["bodyWeightKg"]);
        Assert.Equal(("mastitis", "4"), (rows[3]["diagnosis"], rows[3]["milkWithdrawalDays"]));

        var window = (await herd.Owner.GetStringAsync($"{url}?format=csv&from={Date(40)}&to={Date(8)}", Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, window.Length); // header, the milk test and the weighing

        using var xlsx = new MemoryStream(await herd.Owner.GetByteArrayAsync($"{url}?format=xlsx", Ct));
        var sheet = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["calving", "milkTest", "weighing", "healthEvent"], sheet.Select(r => r["kind"]?.ToString()));

        using var bad = await herd.Owner.GetAsync($"{url}?format=pdf&from={Date(1)}&to={Date(9)}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
