using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cnucnm.Analytics.Growth;
using Cnucnm.Analytics.Lactation;
using Cnucnm.Analytics.Simulation;
using Cnucnm.Registry;

namespace Cnucnm.Api.Demo;

/// <summary>What a demo-farm run did: the farm, whether it was made now or found from an earlier run, and how long it took.</summary>
public sealed record DemoFarmResult(Guid FarmId, string FarmName, bool Created, int Animals, int Records, int Readings, int HistoryDays, TimeSpan Elapsed);

/// <summary>
/// Builds the demo farm through the public HTTP API, as a farmer's software would (issue 23): a Holstein and Hanwoo farm with
/// a year of registry history and a year of intake (the last month as bunk-scale readings, the eleven months before as the
/// farm's feeding records through the intake history import), from the seeded simulators of
/// <c>src/Cnucnm.Analytics/Simulation</c> driven by the models the server runs (the group's predicted DMI: NASEM 2021 for the
/// Holstein pens, the beef/KFS intake for the Hanwoo pens).
/// <list type="bullet">
/// <item>Lactations: Wood (1967) curves of the shape used in docs/analytics.md (b = 0.25, c = 0.004 1/d, peak at 62.5 DIM; a = 15
/// for older cows, a first-lactation cow 80 % of it, ± 10 % a cow). No published Holstein Wood fit is on file in the repository,
/// so the shape is the worked example's, not a herd's.</item>
/// <item>Hanwoo steers: Gompertz curves with the mature weight of the published Hanwoo steer fits (<see cref="GrowthReference"/>:
/// Kim et al. 2002, Park et al. 2020; ± 5 % a steer), BW(0) = the breed table's calf birth weight (b = ln(A/BW0)), and the
/// maturing rate of docs/analytics.md's worked example (k = 0.004 1/d; gives 790 kg at 30 months).</item>
/// <item>Intake: observed DMI = the group's predicted DMI × a true ratio (start N(1, 0.08): equations miss a pen by 5–15 %,
/// drift 0.003 a day, 6 % day-to-day CV, 3 % of days lost to sensor gaps; <see cref="PenIntakeScenario.Typical"/>) over 365 days,
/// one simulation a pen. The last <see cref="ReadingDays"/> days go in as bunk-scale readings (the ingest API takes readings up to
/// 30 days old, <c>IntakeIngestGrain.MaxAge</c>); the days before the live window as the farm's daily feeding records through
/// the intake history import (the Holstein pens' as fed, the Hanwoo pens' as kg DM, as TMR programs keep either), so the day
/// between (30 days back) is a gap. A summer heat wave cuts every pen's intake ratio by 0.10 for 21 days from 20 July (heat
/// stress lowers DMI by about that much: West 2003, J. Dairy Sci. 86:2131, reviews falls of 10–35 % above 25–30 °C; the demo
/// takes the mild end). Yesterday the milking pen ate 25 % less, which the group raises as an intake-drop alert.</item>
/// <item>Prices: the demo feeds' prices (tests/Cnucnm.Testing/DemoFarm) moved by a monthly random walk of 3 % SD over 12 months.</item>
/// </list>
/// A second run finds the farm by name and changes nothing. The farm is created under a "(setting up)" name and renamed
/// when everything is in, so an interrupted run never leaves a farm that looks complete.
/// </summary>
public sealed class DemoFarmSeeder(HttpClient api, int seed = 1)
{
    public const string FarmName = "CNUCNM demo farm · 데모 목장";
    public const string SettingUpSuffix = " (setting up)";

    /// <summary>Weeks of history in the registry: a year.</summary>
    public const int HistoryDays = 365;

    /// <summary>Days of bunk-scale readings: the ingest API takes readings up to 30 days old.</summary>
    public const int ReadingDays = 29;

    /// <summary>The heat wave: its length in days and the fall of the intake ratio (see the class summary).</summary>
    private const int HeatWaveDays = 21;

    private const double HeatWaveRatioStep = -0.10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Farm feed id, NASEM (2021) library name, DM %, forage, KRW per tonne as fed (the test farm's feeds).</summary>
    private static readonly (string Id, string Library, double DryMatterPercent, bool Forage, double Price)[] Feeds =
    [
        ("corn-silage", "Corn silage, typical", 35, true, 90_000),
        ("alfalfa", "Alfalfa meal", 90, true, 420_000),
        ("canola-meal", "Canola meal", 89, false, 560_000),
        ("hm-corn", "Corn grain HM, coarse grind", 72, false, 330_000),
    ];

    private sealed record Pen(string Key, string Name, string Breed, string State, int Head, (string Feed, double Share)[] Diet);

    // Diet shares of DM. Milking pen: the NASEM (2021) demo diet (8.21, 6.73, 5.47, 4.11 kg DM of 24.52); the others are demo
    // choices of the same four feeds, not recommendations (the workbench formulates real ones).
    private static readonly Pen[] Pens =
    [
        new("milking", "Holstein milking · 착유우", "holstein", "lactatingCow", 40,
            [("alfalfa", 8.21 / 24.52), ("canola-meal", 6.73 / 24.52), ("corn-silage", 5.47 / 24.52), ("hm-corn", 4.11 / 24.52)]),
        new("dry", "Holstein dry · 건유우", "holstein", "dryCow", 10, [("corn-silage", 0.5), ("alfalfa", 0.4), ("canola-meal", 0.1)]),
        new("heifers", "Holstein heifers · 육성우", "holstein", "heifer", 15, [("corn-silage", 0.5), ("alfalfa", 0.4), ("canola-meal", 0.1)]),
        new("growers", "Hanwoo growers · 한우 육성", "hanwoo", "growingSteer", 20, [("alfalfa", 0.5), ("corn-silage", 0.3), ("hm-corn", 0.2)]),
        new("finishers", "Hanwoo finishers · 한우 비육", "hanwoo", "fatteningSteer", 20, [("hm-corn", 0.6), ("corn-silage", 0.25), ("canola-meal", 0.15)]),
    ];

    /// <summary>The Wood curve shape of docs/analytics.md's worked example (b, c); a of an older cow.</summary>
    private const double WoodA = 15, WoodB = 0.25, WoodC = 0.004;

    /// <summary>The maturing rate of docs/analytics.md's worked example, 1/d.</summary>
    private const double GompertzRatePerDay = 0.004;

    private readonly SeededNoise _noise = new(seed);
    private readonly List<string> _records = [];
    private int _readings;
    private int _historyDays;

    public async Task<DemoFarmResult> SeedAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var farms = await GetAsync("/api/v1/farms", cancellationToken);
        foreach (var existing in farms.EnumerateArray())
        {
            if (existing.GetProperty("name").GetString() == FarmName)
            {
                return new DemoFarmResult(existing.GetProperty("id").GetGuid(), FarmName, false, 0, 0, 0, 0, Stopwatch.GetElapsedTime(started));
            }
        }

        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, seoul).DateTime);
        var farmBody = new
        {
            name = FarmName + SettingUpSuffix,
            location = new { region = "Chungcheongnam-do", countryCode = "KR" },
            currency = "KRW",
            timeZone = "Asia/Seoul",
        };
        var farmId = (await SendAsync(HttpMethod.Post, "/api/v1/farms", farmBody, cancellationToken)).GetProperty("id").GetGuid();
        var farm = $"/api/v1/farms/{farmId}";

        await AddFeedsAsync(farm, today, cancellationToken);
        var groups = new Dictionary<string, Guid>();
        foreach (var pen in Pens)
        {
            var group = await SendAsync(HttpMethod.Post, $"{farm}/groups", GroupBody(pen), cancellationToken);
            groups[pen.Key] = group.GetProperty("id").GetGuid();
        }

        var animals = await AddAnimalsAsync(farm, today, cancellationToken);
        foreach (var pen in Pens)
        {
            await SetRationAsync(farm, groups[pen.Key], pen, today, cancellationToken);
        }

        await AddIntakeAsync(farm, groups, now, seoul, cancellationToken);
        await SendAsync(HttpMethod.Put, farm, farmBody with { name = FarmName }, cancellationToken);
        return new DemoFarmResult(farmId, FarmName, true, animals, _records.Count, _readings, _historyDays, Stopwatch.GetElapsedTime(started));
    }

    private static object GroupBody(Pen pen) => pen.State switch
    {
        "lactatingCow" => new
        {
            name = pen.Name, breed = pen.Breed, state = pen.State, headCount = pen.Head, bodyWeightKg = 650, bodyConditionScore = 3,
            matureBodyWeightKg = 700, ageDays = 1400, parity = 2, daysInMilk = 150, daysPregnant = 40, milkKgPerDay = 30,
            milkFatPercent = 3.8, milkTrueProteinPercent = 3.1, milkLactosePercent = 4.85, targetGainKgPerDay = 0,
            environment = new { temperatureCelsius = 15 },
        },
        "dryCow" => (object)new
        {
            name = pen.Name, breed = pen.Breed, state = pen.State, headCount = pen.Head, bodyWeightKg = 700, bodyConditionScore = 3.5,
            matureBodyWeightKg = 700, ageDays = 1500, parity = 2, daysPregnant = 250, targetGainKgPerDay = 0,
            environment = new { temperatureCelsius = 15 },
        },
        "heifer" => new
        {
            name = pen.Name, breed = pen.Breed, state = pen.State, headCount = pen.Head, bodyWeightKg = 380, bodyConditionScore = 3,
            matureBodyWeightKg = 700, ageDays = 420, parity = 0, daysPregnant = 0, targetGainKgPerDay = 0.8,
            environment = new { temperatureCelsius = 15 },
        },
        _ => new
        {
            name = pen.Name, breed = pen.Breed, state = pen.State, headCount = pen.Head,
            bodyWeightKg = pen.State == "growingSteer" ? 330 : 620, bodyConditionScore = 5, matureBodyWeightKg = 871,
            ageDays = pen.State == "growingSteer" ? 330 : 700, targetGainKgPerDay = pen.State == "growingSteer" ? 0.9 : 0.8,
            environment = new { temperatureCelsius = 15 },
        },
    };

    /// <summary>The four feeds, each with a price a month for a year (a 3 % SD monthly random walk around the base price).</summary>
    private async Task AddFeedsAsync(string farm, DateOnly today, CancellationToken cancellationToken)
    {
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        foreach (var feed in Feeds)
        {
            await SendAsync(HttpMethod.Put, $"{farm}/feeds/{feed.Id}",
                new { name = feed.Library, libraryFeedId = feed.Library, dryMatterPercent = feed.DryMatterPercent, isForage = feed.Forage }, cancellationToken);
            var price = feed.Price;
            for (var month = 0; month < 12; month++)
            {
                await SendAsync(HttpMethod.Post, $"{farm}/feeds/{feed.Id}/prices", new
                {
                    effectiveFrom = firstMonth.AddMonths(month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    amount = Math.Round(price / 100) * 100,
                    basis = "perTonneAsFed",
                    supplier = "co-op",
                }, cancellationToken);
                price *= 1 + _noise.Normal(0, 0.03);
            }
        }
    }

    /// <summary>The animals (one import) and their year of records (one records import), both through the registry's import API.</summary>
    private async Task<int> AddAnimalsAsync(string farm, DateOnly today, CancellationToken cancellationToken)
    {
        var animals = new StringBuilder("tag,name,breed,sex,birthDate,origin,group\n");
        string[] columns = ["bodyWeightKg", "milkKgPerDay", "fatPercent", "trueProteinPercent", "lactosePercent", "sire", "pregnant", "method", "calfSex",
            "calfAlive", "diagnosis", "treatment", "milkWithdrawalDays"];
        var records = new StringBuilder($"tag,kind,date,{string.Join(',', columns)}\n");
        var serial = 90_000_000;
        var count = 0;
        string Tag() => $"002{serial++:D8}1";
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        void Record(string tag, string kind, DateOnly date, params (string Column, string Value)[] fields)
        {
            var values = columns.Select(c => fields.FirstOrDefault(f => f.Column == c).Value ?? "");
            records.Append(CultureInfo.InvariantCulture, $"{tag},{kind},{D(date)},{string.Join(',', values)}\n");
            _records.Add(kind);
        }

        var hanwoo = AnimalBreeds.Find("hanwoo")!;
        var steerReference = GrowthReference.For("hanwoo", "steer")!;
        var historyStart = today.AddDays(-HistoryDays);
        var groupWeighings = new Dictionary<string, List<(DateOnly Day, double Kg)>>();
        var groupMilk = new List<(DateOnly Day, double Kg)>();
        foreach (var pen in Pens)
        {
            for (var i = 0; i < pen.Head; i++)
            {
                var tag = Tag();
                count++;
                switch (pen.Key)
                {
                    case "milking" or "dry":
                    {
                        var parity = 1 + i % 4;
                        var daysSinceCalving = pen.Key == "milking" ? _noise.Between(15, 300) : _noise.Between(320, 370);
                        var calving = today.AddDays(-daysSinceCalving);
                        var birth = calving.AddDays(-(730 + (parity - 1) * 395 + _noise.Between(0, 60)));
                        animals.Append(CultureInfo.InvariantCulture, $"{tag},cow {count},holstein,female,{D(birth)},bornOnFarm,{pen.Name}\n");
                        Record(tag, "calving", calving, ("calfSex", i % 2 == 0 ? "female" : "male"), ("calfAlive", "true"));
                        var cow = new WoodCurve(WoodA * (parity == 1 ? 0.8 : 1.0) * (1 + _noise.Normal(0, 0.1)), WoodB, WoodC);
                        var dryOffDim = 305;
                        foreach (var test in RecordSimulator.MilkTests(cow, calving, today, 7, 30, dryOffDim - 1, 1.5, _noise))
                        {
                            Record(tag, "milkTest", test.Date, ("milkKgPerDay", F(test.Value)), ("fatPercent", F(3.8 + _noise.Normal(0, 0.2))),
                                ("trueProteinPercent", F(3.1 + _noise.Normal(0, 0.1))), ("lactosePercent", "4.85"));
                            if (pen.Key == "milking")
                            {
                                groupMilk.Add((test.Date, test.Value));
                            }
                        }

                        // Milking cows served 80–110 days after calving; dry cows 220–270 days pregnant (Holstein gestation 279 d,
                        // AnimalBreeds), so none is overdue.
                        var service = pen.Key == "milking" ? calving.AddDays(80 + _noise.Between(0, 30)) : today.AddDays(-_noise.Between(220, 270));
                        if (service < today.AddDays(-40))
                        {
                            Record(tag, "insemination", service, ("sire", "HOL-DEMO-1"));
                            Record(tag, "pregnancyCheck", service.AddDays(35), ("pregnant", "true"), ("method", "ultrasound"));
                        }

                        if (calving.AddDays(dryOffDim) <= today)
                        {
                            Record(tag, "dryOff", calving.AddDays(dryOffDim));
                        }

                        if (i % 9 == 4 && daysSinceCalving > 40)
                        {
                            Record(tag, "healthEvent", calving.AddDays(30), ("diagnosis", "clinical mastitis"), ("treatment", "intramammary cephapirin"), ("milkWithdrawalDays", "4"));
                        }

                        break;
                    }

                    case "heifers":
                    {
                        var birth = today.AddDays(-_noise.Between(300, 540));
                        animals.Append(CultureInfo.InvariantCulture, $"{tag},heifer {count},holstein,female,{D(birth)},bornOnFarm,{pen.Name}\n");
                        break;
                    }

                    default:
                    {
                        // Growers 7–12 months old, finishers 18–28: bought in at about 6 months (180 d) and weighed every 60 days since.
                        var ageDays = pen.Key == "growers" ? _noise.Between(210, 365) : _noise.Between(540, 850);
                        var birth = today.AddDays(-ageDays);
                        var matureKg = steerReference.MatureWeightKg * (1 + _noise.Normal(0, 0.05));
                        var steer = new GompertzCurve(matureKg, Math.Log(matureKg / hanwoo.CalfBirthWeightKg), GompertzRatePerDay);
                        animals.Append(CultureInfo.InvariantCulture, $"{tag},steer {count},hanwoo,steer,{D(birth)},purchased,{pen.Name}\n");
                        var arrival = birth.AddDays(180);
                        var days = Enumerable.Range(0, HistoryDays / 60 + 1).Select(k => today.AddDays(-60 * k))
                            .Where(d => d >= arrival && d >= historyStart).Order();
                        foreach (var weighing in RecordSimulator.Weighings(steer, birth, days, 8, _noise))
                        {
                            Record(tag, "weighing", weighing.Date, ("bodyWeightKg", F(weighing.Value)));
                            (groupWeighings.TryGetValue(pen.Key, out var list) ? list : groupWeighings[pen.Key] = []).Add((weighing.Date, weighing.Value));
                        }

                        break;
                    }
                }
            }
        }

        await SendAsync(HttpMethod.Post, $"{farm}/animals/import/apply", new { csv = animals.ToString() }, cancellationToken);
        await SendAsync(HttpMethod.Post, $"{farm}/animals/records/import/apply", new { csv = records.ToString() }, cancellationToken);
        await AddGroupRecordsAsync(farm, groupWeighings, groupMilk, today, cancellationToken);
        return count;
    }

    /// <summary>The pens' own monthly records (the KPIs' milk and gain come from the group's milk tests and weighings): each the
    /// mean of the members' records of that day or month.</summary>
    private async Task AddGroupRecordsAsync(string farm, Dictionary<string, List<(DateOnly Day, double Kg)>> weighings,
        List<(DateOnly Day, double Kg)> milk, DateOnly today, CancellationToken cancellationToken)
    {
        var groups = (await GetAsync($"{farm}/groups", cancellationToken)).EnumerateArray()
            .ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("id").GetGuid());
        foreach (var (key, list) in weighings)
        {
            var groupId = groups[Pens.Single(p => p.Key == key).Name];
            foreach (var day in list.GroupBy(w => w.Day).OrderBy(g => g.Key).Where(g => g.Count() >= 3))
            {
                await SendAsync(HttpMethod.Post, $"{farm}/groups/{groupId}/weighings",
                    new { date = day.Key, bodyWeightKg = Math.Round(day.Average(w => w.Kg), 1), bodyConditionScore = 5 }, cancellationToken);
            }
        }

        var milking = groups[Pens[0].Name];
        foreach (var month in milk.Where(m => m.Day > today.AddDays(-HistoryDays)).GroupBy(m => new DateOnly(m.Day.Year, m.Day.Month, 1)).OrderBy(g => g.Key))
        {
            var last = month.Max(m => m.Day);
            await SendAsync(HttpMethod.Post, $"{farm}/groups/{milking}/milk-tests", new
            {
                date = last, milkKgPerDay = Math.Round(month.Average(m => m.Kg), 1), fatPercent = 3.8, trueProteinPercent = 3.1, lactosePercent = 4.85,
            }, cancellationToken);
        }
    }

    /// <summary>The pen's ration: its diet shares of the group's predicted DMI (the model's, after the members' records came in).</summary>
    private async Task SetRationAsync(string farm, Guid groupId, Pen pen, DateOnly today, CancellationToken cancellationToken)
    {
        var group = await GetAsync($"{farm}/groups/{groupId}", cancellationToken);
        var dmi = PredictedDmi(group) ?? throw new InvalidOperationException($"{pen.Name}: the model gave no predicted intake ({group}).");
        await SendAsync(HttpMethod.Put, $"{farm}/groups/{groupId}/ration", new
        {
            items = pen.Diet.Select(d => new { feedId = d.Feed, kgDryMatterPerHead = Math.Round(dmi * d.Share, 2) }).ToArray(),
            reason = "demo farm: starting diet",
            // Fed since before the year of intake, so the KPI screen has a ration in force on every day of a year (cost, compliance).
            inForceSince = today.AddDays(-(HistoryDays + 1)),
        }, cancellationToken);
    }

    private static double? PredictedDmi(JsonElement group) =>
        group.GetProperty("intake").TryGetProperty("predictedDryMatterKgPerHead", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;

    /// <summary>A year of each pen's intake from one simulation: the days before the live window through the intake history import,
    /// the last <see cref="ReadingDays"/> days and today's morning as readings.</summary>
    private async Task AddIntakeAsync(string farm, Dictionary<string, Guid> groups, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = today.AddDays(-HistoryDays);
        var heatWave = new DateOnly(today.Year, 7, 20) is var july && july < today ? july : july.AddYears(-1);
        var heatStart = heatWave.DayNumber - first.DayNumber;
        var readings = new List<object>();
        foreach (var pen in Pens)
        {
            var groupId = groups[pen.Key];
            var group = await GetAsync($"{farm}/groups/{groupId}", cancellationToken);
            var head = group.GetProperty("inputs").GetProperty("headCount").GetInt32();
            var model = PredictedDmi(group) ?? 0;
            var ration = (await GetAsync($"{farm}/groups/{groupId}/ration", cancellationToken)).GetProperty("current");
            var dryMatterFraction = ration.GetProperty("dryMatterKgPerHead").GetDouble() / ration.GetProperty("asFedKgPerHead").GetDouble();
            var modelDays = Enumerable.Range(0, HistoryDays + 1).Select(i => (first.AddDays(i), model)).ToList();
            var scenario = PenIntakeScenario.Typical(_noise.Normal(1, 0.08)) with
            {
                StepChanges = [(heatStart, HeatWaveRatioStep), (heatStart + HeatWaveDays, -HeatWaveRatioStep)],
            };
            var days = PenIntakeSimulator.Simulate(modelDays, scenario, _noise);
            await ImportHistoryAsync(farm, groupId, pen, head, dryMatterFraction, days.Where(d => d.Date < today.AddDays(-ReadingDays - 1)), cancellationToken);
            readings.AddRange(Readings(pen, groupId, head, dryMatterFraction, days.Where(d => d.Date >= today.AddDays(-ReadingDays)), now, zone, today));
        }

        foreach (var batch in readings.Chunk(500))
        {
            var result = await SendAsync(HttpMethod.Post, $"{farm}/intake-readings", new { readings = batch }, cancellationToken);
            _readings += result.GetProperty("stored").GetInt32();
        }
    }

    /// <summary>The pen's feeding records before the live window, one row a day (a missing day: not recorded), through the intake
    /// history import: the Holstein pens as fed, the Hanwoo pens as kg DM; 4 ± 1.5 % of the delivered feed weighed back.</summary>
    private async Task ImportHistoryAsync(string farm, Guid groupId, Pen pen, int head, double dryMatterFraction, IEnumerable<SimulatedIntakeDay> days,
        CancellationToken cancellationToken)
    {
        var dryMatterBasis = pen.Breed == "hanwoo";
        var csv = new StringBuilder(dryMatterBasis ? "date,headCount,dryMatterPercent,deliveredKgDm,refusedKgDm\n" : "date,headCount,dryMatterPercent,deliveredKgAsFed,refusedKgAsFed\n");
        var rows = 0;
        foreach (var day in days)
        {
            if (day.ObservedDryMatterKgPerHeadPerDay is not { } observed)
            {
                continue;
            }

            var refusedShare = Math.Clamp(0.04 + _noise.Normal(0, 0.015), 0, 0.2);
            var eatenKg = observed * head / (dryMatterBasis ? 1 : dryMatterFraction);
            var delivered = eatenKg / (1 - refusedShare);
            csv.Append(CultureInfo.InvariantCulture,
                $"{day.Date:yyyy-MM-dd},{head},{dryMatterFraction * 100:0.0},{delivered:0.0},{delivered * refusedShare:0.0}\n");
            rows++;
        }

        var applied = await SendAsync(HttpMethod.Post, $"{farm}/groups/{groupId}/intake/history", new { csv = csv.ToString() }, cancellationToken);
        _historyDays += applied.GetProperty("days").GetInt32();
        if (applied.GetProperty("days").GetInt32() != rows)
        {
            throw new InvalidOperationException($"Demo farm: {pen.Name} imported {applied} of {rows} days.");
        }
    }

    /// <summary>Two TMR deliveries a day (06:00 and 16:00 farm time, 55 : 45) with 4 ± 1.5 % weighed back; a gap day sends nothing;
    /// today only what was delivered by now.</summary>
    private IEnumerable<object> Readings(Pen pen, Guid groupId, int head, double dryMatterFraction, IEnumerable<SimulatedIntakeDay> days,
        DateTimeOffset now, TimeZoneInfo zone, DateOnly today)
    {
        var device = $"scale-{pen.Key}";
        foreach (var day in days)
        {
            if (day.ObservedDryMatterKgPerHeadPerDay is not { } observed)
            {
                continue;
            }

            if (pen.Key == "milking" && day.Date == today.AddDays(-1))
            {
                observed *= 0.75; // the planted intake drop
            }

            var asFedKg = observed * head / dryMatterFraction;
            foreach (var (feeding, hour, share) in new[] { (0, 6, 0.55), (1, 16, 0.45) })
            {
                var local = new DateTime(day.Date, new TimeOnly(hour, 0), DateTimeKind.Unspecified);
                var measuredAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
                if (measuredAt > now.AddMinutes(-1))
                {
                    continue; // not delivered yet today
                }

                var delivered = asFedKg * share / (1 - 0.04);
                yield return new
                {
                    deviceId = device,
                    sequence = day.Date.DayNumber * 10L + feeding,
                    measuredAt,
                    groupId,
                    feedId = "tmr",
                    deliveredKgAsFed = Math.Round(delivered, 1),
                    refusedKgAsFed = Math.Round(Math.Max(0, delivered * (0.04 + _noise.Normal(0, 0.015))), 1),
                };
            }
        }
    }

    private async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) => await SendAsync(HttpMethod.Get, path, null, cancellationToken);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json) };
            using var response = await api.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests && attempt < 10)
            {
                // The per-person rate limit: wait as told, as any well-behaved client does.
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            return Checked(method, path, response, text);
        }
    }

    private static JsonElement Checked(HttpMethod method, string path, HttpResponseMessage response, string text)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Demo farm: {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
