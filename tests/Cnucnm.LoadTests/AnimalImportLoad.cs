using System.Diagnostics;
using System.Globalization;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Registry.Import;
using Cnucnm.Registry.Records;
using Cnucnm.Storage;
using Cnucnm.Storage.Animals;
using Cnucnm.Testing;
using Npgsql;

namespace Cnucnm.LoadTests;

/// <summary>
/// The 5,000-animal import of the API test (SampleHerdCsv: 51 bad rows; 4,949 animals and 1,650 weighings stored),
/// step by step as the import endpoints run it, each round on a new farm: parse the CSV (baseline); preview = parse,
/// look up the file's tags on the farm, validate every row; apply = preview + store the valid rows in PostgreSQL in
/// one transaction. Two warm-up rounds are not counted.
/// </summary>
public static class AnimalImportLoad
{
    private const int Rows = 5000;
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Database is null)
        {
            Console.Error.WriteLine("import needs --db (PostgreSQL connection string)");
            return 2;
        }

        await using var db = NpgsqlDataSource.Create(options.Database);
        await new SchemaMigrator(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        var store = new PostgresAnimalStore(db);
        var pen = Guid.NewGuid();
        var groups = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase) { ["Pen 1"] = pen };
        var csv = SampleHerdCsv.Create(Rows, 60_000_000, "Pen 1", Today).Csv;
        var (parse, preview, apply) = (new List<double>(), new List<double>(), new List<double>());
        var rounds = Math.Max(3, options.Readings);
        AnimalImportReport? last = null;
        for (var round = -2; round < rounds; round++)
        {
            var farm = Guid.NewGuid();
            var clock = Stopwatch.StartNew();
            var table = CsvText.Parse(csv);
            var parsed = clock.Elapsed.TotalMilliseconds;
            var existing = await store.ExistingTagsAsync(farm, [.. table.Skip(1).Select(r => r[0])], cancellationToken);
            last = AnimalImport.Read(table, farm, Today, existing, groups);
            var previewed = clock.Elapsed.TotalMilliseconds;
            var records = last.Valid.Where(r => r.Weighing is not null)
                .Select(r => new AnimalRecordEntry(Guid.CreateVersion7(), farm, r.Animal.Id, r.Weighing!, "load", DateTimeOffset.UtcNow)).ToList();
            if (await store.AddAsync([.. last.Valid.Select(r => r.Animal)], records, cancellationToken) != AnimalWriteOutcome.Ok)
            {
                Console.Error.WriteLine("the store refused the import");
                return 1;
            }

            var applied = clock.Elapsed.TotalMilliseconds;
            if (round >= 0)
            {
                parse.Add(parsed);
                preview.Add(previewed);
                apply.Add(applied);
            }
        }

        var (p, v, a) = (new Stats(parse), new Stats(preview), new Stats(apply));
        Console.WriteLine($"{Rows} rows: {last!.Valid.Count} valid, {last.InvalidRows.Count} invalid, {last.Errors.Count} errors; {last.Valid.Count(r => r.Weighing is not null)} weighings");
        Console.WriteLine($"baseline: parse CSV         {p}");
        Console.WriteLine($"preview: + tags + validate  {v}");
        Console.WriteLine($"apply: + store (PostgreSQL) {a}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 ratios to the parse baseline: preview {v.Percentile(50) / p.Percentile(50):0.0}x, apply {a.Percentile(50) / p.Percentile(50):0.0}x"));
        return 0;
    }
}
