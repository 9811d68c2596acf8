using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Animals;

/// <summary>
/// A farm's history leaves as files and comes back whole (issue 23): 500 animals with every record kind are imported,
/// exported (animals and records), imported into a second farm and exported again; the records are the same, on
/// PostgreSQL and on the embedded profile's in-memory store. A file with one bad row writes nothing; the same file
/// twice adds nothing the second time.
/// </summary>
public sealed class RecordImportApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);

    /// <summary>The records export's columns, in its order.</summary>
    private static readonly string[] Columns =
    [
        "tag", "kind", "date", "bodyWeightKg", "bodyConditionScore", "milkKgPerDay", "fatPercent", "trueProteinPercent", "lactosePercent",
        "somaticCellsThousandPerMl", "sire", "pregnant", "method", "calfSex", "calfTag", "calfBirthWeightKg", "calfAlive", "diagnosis", "treatment",
        "milkWithdrawalDays", "meatWithdrawalDays", "fromGroup", "toGroup", "reason", "recordedBy", "recordedAt",
    ];

    [Fact]
    public async Task Export_then_import_of_500_animals_reproduces_every_record_on_postgres()
    {
        var (owner, _) = await api.Factory.CreateUserClientAsync("records");
        await RoundTripAsync(owner, serialBase: 41_000_000);
    }

    [Fact]
    public async Task Export_then_import_of_500_animals_reproduces_every_record_in_memory()
    {
        await using var embedded = new EmbeddedProfileTests.EmbeddedApi();
        using var owner = embedded.CreateClient();
        var email = $"records-{Guid.NewGuid():N}@farm.test";
        await DemoFarm.Ok(await owner.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = "기록", password = "correct-horse-1", language = "ko" }, Ct));
        var tokens = await DemoFarm.Ok(await owner.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "correct-horse-1" }, Ct));
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        await RoundTripAsync(owner, serialBase: 42_000_000);
    }

    private static async Task RoundTripAsync(HttpClient owner, long serialBase)
    {
        var (animals, records) = History(500, serialBase);
        var (farmA, _, _) = await DemoFarm.SeedAsync(owner, "원본 목장", withRation: false);
        var (farmB, _, _) = await DemoFarm.SeedAsync(owner, "사본 목장", withRation: false);
        foreach (var farm in new[] { farmA, farmB })
        {
            await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farm}/groups", DemoFarm.LactatingPen("Dry pen"), Ct));
        }

        await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmA}/animals/import/apply", new { csv = animals }, Ct));
        var recordRows = records.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var preview = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmA}/animals/records/import/preview", new { csv = records }, Ct));
        Assert.Equal((recordRows, recordRows, 0), (preview.GetProperty("dataRows").GetInt32(), preview.GetProperty("newRecords").GetInt32(), preview.GetProperty("errors").GetArrayLength()));
        var applied = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmA}/animals/records/import/apply", new { csv = records }, Ct));
        Assert.Equal(recordRows, applied.GetProperty("imported").GetInt32());

        // What went in is what the export writes, field for field (its own metadata aside).
        var exportedA = await ExportAsync(owner, farmA);
        Assert.Equal(Canonical(records), Canonical(exportedA));
        Assert.Equal(8, Canonical(exportedA).Select(r => r.Split(',')[1]).Distinct().Count()); // every record kind

        // The ear tag as printed (country letters, spaced groups) finds the animal, as its digits do.
        var printed = $"KOR {Tag(serialBase, 3)[..3]} {Tag(serialBase, 3)[3..7]} {Tag(serialBase, 3)[7..11]} {Tag(serialBase, 3)[11..]}";
        foreach (var search in new[] { printed, printed.Replace(' ', '\u3000'), Tag(serialBase, 3) })
        {
            var found = await DemoFarm.Ok(await owner.GetAsync($"/api/v1/farms/{farmA}/animals?search={Uri.EscapeDataString(search)}", Ct));
            Assert.Equal([Tag(serialBase, 3)], found.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("tag").GetString()));
        }

        // The second farm: the animals export (which carries each animal's latest weighing), then the records export.
        var animalFile = await owner.GetStringAsync($"/api/v1/farms/{farmA}/animals/export?format=csv", Ct);
        var animalsB = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmB}/animals/import/apply", new { csv = animalFile }, Ct));
        Assert.Equal(500, animalsB.GetProperty("imported").GetInt32());
        // Weighed but with no calving on record yet: the lactating pen's days in milk are unknown, not 0.
        static List<string?> Unknown(JsonElement result) =>
            [.. Assert.Single(result.GetProperty("groups").EnumerateArray()).GetProperty("unknown").EnumerateArray().Select(u => u.GetString())];
        Assert.Contains("daysInMilk", Unknown(animalsB));
        var beforeRecords = await ExportAsync(owner, farmB);

        // One implausible value in one row: 400 naming the row and column, and not one record written.
        var lines = exportedA.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var milkRow = Array.FindIndex(lines, l => l.Contains(",milkTest,", StringComparison.Ordinal));
        var cells = lines[milkRow].Split(',');
        cells[Array.IndexOf(Columns, "fatPercent")] = "38";
        var bad = string.Join("\r\n", lines.Select((l, i) => i == milkRow ? string.Join(',', cells) : l));
        var refused = await owner.PostAsJsonAsync($"/api/v1/farms/{farmB}/animals/records/import/apply", new { csv = bad }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty($"row{milkRow + 1}.fatPercent", out _), problem.ToString());
        Assert.Equal(beforeRecords, await ExportAsync(owner, farmB));

        var appliedB = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmB}/animals/records/import/apply", new { csv = exportedA }, Ct));
        Assert.Equal(recordRows - 500, appliedB.GetProperty("imported").GetInt32());
        Assert.Equal(500, appliedB.GetProperty("alreadyRecordedRows").GetArrayLength()); // the weighing the animals file carried
        Assert.Empty(Unknown(appliedB)); // calvings, milk tests and condition scores now on record
        Assert.Equal(Canonical(exportedA), Canonical(await ExportAsync(owner, farmB)));

        // The XLSX export reads back as the same records: all already there, nothing new.
        var xlsx = Convert.ToBase64String(await owner.GetByteArrayAsync($"/api/v1/farms/{farmA}/animals/records/export?format=xlsx", Ct));
        var again = await DemoFarm.Ok(await owner.PostAsJsonAsync($"/api/v1/farms/{farmB}/animals/records/import/apply", new { xlsxBase64 = xlsx }, Ct));
        Assert.Equal((0, recordRows), (again.GetProperty("imported").GetInt32(), again.GetProperty("alreadyRecordedRows").GetArrayLength()));
        Assert.Equal(Canonical(exportedA), Canonical(await ExportAsync(owner, farmB)));
    }

    private static string Tag(long serialBase, int i) => $"002{serialBase + i:D8}1";

    private static Task<string> ExportAsync(HttpClient owner, Guid farmId) =>
        owner.GetStringAsync($"/api/v1/farms/{farmId}/animals/records/export?format=csv", Ct);

    /// <summary>The rows of a records file without the header and the recordedBy/recordedAt metadata, sorted.</summary>
    private static List<string> Canonical(string csv)
    {
        var rows = csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Columns), rows[0]);
        return [.. rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(Columns.Length - 2))).Order(StringComparer.Ordinal)];
    }

    /// <summary>Four Holstein cows of five with a year of history (weighings, service, diagnosis, calving, milk tests, a
    /// treatment, a move, some dry-offs), every fifth a Hanwoo steer with weighings and a treatment.</summary>
    private static (string Animals, string Records) History(int count, long serialBase)
    {
        static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var animals = new StringBuilder("tag,breed,sex,birthDate,group\n");
        var records = new StringBuilder(string.Join(',', Columns)).Append('\n');
        void Row(string tag, string kind, int daysBack, params (string Column, string Value)[] fields)
        {
            var cells = Columns.Select(c => c switch
            {
                "tag" => tag,
                "kind" => kind,
                "date" => D(Day.AddDays(-daysBack)),
                _ => fields.FirstOrDefault(f => f.Column == c).Value ?? "",
            });
            records.AppendJoin(',', cells).Append('\n');
        }

        for (var i = 0; i < count; i++)
        {
            var tag = Tag(serialBase, i);
            var steer = i % 5 == 4;
            var group = i % 2 == 0 ? "High pen" : "";
            animals.Append(CultureInfo.InvariantCulture, $"{tag},{(steer ? "hanwoo" : "holstein")},{(steer ? "steer" : "female")},{D(Day.AddDays(-1500 - i % 200))},{group}\n");
            var weight = (550 + i % 50 + 0.5).ToString(CultureInfo.InvariantCulture);
            Row(tag, "weighing", 400, ("bodyWeightKg", weight), ("bodyConditionScore", steer ? "" : "3.25"));
            Row(tag, "weighing", 10, ("bodyWeightKg", (610.3 + i % 7).ToString(CultureInfo.InvariantCulture)));
            Row(tag, "healthEvent", 20, ("diagnosis", i == 4 ? "'=lameness" : "mastitis"), ("treatment", i % 3 == 0 ? "cefalexin 5 g" : ""),
                ("milkWithdrawalDays", steer ? "0" : "4"), ("meatWithdrawalDays", "7"));
            if (steer)
            {
                continue;
            }

            Row(tag, "insemination", 390, ("sire", i % 4 == 0 ? "" : $"KPN{i % 7}"));
            Row(tag, "pregnancyCheck", 350, ("pregnant", "True"), ("method", "ultrasound"));
            Row(tag, "calving", 110, ("calfSex", i % 2 == 0 ? "female" : "male"), ("calfTag", i % 3 == 0 ? $"002{serialBase + 500_000 + i:D8}2" : ""),
                ("calfBirthWeightKg", i % 3 == 0 ? "41.5" : ""), ("calfAlive", i % 11 == 0 ? "False" : "True"));
            Row(tag, "milkTest", 60, ("milkKgPerDay", "35.5"), ("fatPercent", "3.8"), ("trueProteinPercent", "3.1"), ("lactosePercent", "4.8"), ("somaticCellsThousandPerMl", "150"));
            Row(tag, "milkTest", 30, ("milkKgPerDay", (30 + i % 10 * 0.1).ToString(CultureInfo.InvariantCulture)), ("fatPercent", "4.1"), ("trueProteinPercent", "3.3"), ("lactosePercent", "4.7"));
            if (i % 2 == 0)
            {
                Row(tag, "move", 15, ("fromGroup", "Dry pen"), ("toGroup", "High pen"), ("reason", "calved"));
            }

            if (i % 3 == 0)
            {
                Row(tag, "dryOff", 5);
            }
        }

        return (animals.ToString(), records.ToString());
    }
}
