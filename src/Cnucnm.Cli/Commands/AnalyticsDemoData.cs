using Cnucnm.Analytics.Anomalies;
using Cnucnm.Analytics.Growth;
using Cnucnm.Analytics.Intake;
using Cnucnm.Analytics.Kpis;
using Cnucnm.Analytics.Lactation;
using MathNet.Numerics.Distributions;

namespace Cnucnm.Cli.Commands;

/// <summary>
/// Synthetic farm data for <c>cnucnm analytics-demo</c>, generated from known parameters with seeded normal noise so
/// that every run with the same seed prints the same figures. Synthetic data proves the arithmetic (the fits recover
/// what was put in), not that the parameters describe a real herd.
/// </summary>
internal sealed class AnalyticsDemoData(int seed)
{
    public static readonly DateOnly Start = new(2026, 6, 1);

    /// <summary>A cow peaking at 62.5 DIM and 32.8 kg/d (a = 15, b = 0.25, c = 0.004 1/d).</summary>
    public static readonly WoodCurve TrueLactation = new(15, 0.25, 0.004);

    /// <summary>A Hanwoo-like steer: 800 kg mature, 30 kg at birth, maturing rate 0.004 1/d.</summary>
    public static readonly GompertzCurve TrueGrowth = new(800, Math.Log(800.0 / 30), 0.004);

    public const double TrueIntakeRatio = 1.12;

    private readonly Random _random = new(seed);

    private Func<double> Noise(double standardDeviation) => new Normal(0, standardDeviation, _random).Sample;

    /// <summary>Test-day milk every 10 days from 5 to 305 DIM, ±0.8 kg/d.</summary>
    public List<MilkTest> MilkTests()
    {
        var noise = Noise(0.8);
        return Enumerable.Range(0, 31).Select(i => 5.0 + 10 * i).Select(t => new MilkTest(t, Math.Round(TrueLactation.MilkKgPerDay(t) + noise(), 1))).ToList();
    }

    /// <summary>Weighings every 60 days from birth to 900 days, ±8 kg.</summary>
    public List<Weighing> Weighings()
    {
        var noise = Noise(8);
        return Enumerable.Range(0, 16).Select(i => 60.0 * i).Select(t => new Weighing(t, Math.Round(TrueGrowth.BodyWeightKg(t) + (t == 0 ? 0 : noise())))).ToList();
    }

    /// <summary>Twelve steers gaining 0.95–1.05 kg/d and one at 0.70 kg/d, weighed monthly from 400 days, ±3 kg.</summary>
    public List<AnimalWeighings> FinishingGroup()
    {
        var noise = Noise(3);
        var gains = Enumerable.Range(1, 12).Select(i => ($"steer-{i:00}", 0.95 + 0.1 * _random.NextDouble())).Append(("steer-13", 0.70));
        return gains.Select(g => new AnimalWeighings(g.Item1,
            Enumerable.Range(0, 5).Select(m => new Weighing(400 + 30 * m, Math.Round(350 + g.Item2 * 30 * m + noise(), 1))).ToList())).ToList();
    }

    /// <summary>90 days of a pen eating 12 % more than the book's DMI (21 kg/head/d rising 0.02 kg/d), ±5 % a day.</summary>
    public List<ModelledIntakeDay> PenIntake()
    {
        var noise = Noise(0.05);
        return Enumerable.Range(0, 90).Select(d =>
        {
            var model = 21.0 + 0.02 * d;
            return new ModelledIntakeDay(Start.AddDays(d), model, Math.Round(model * TrueIntakeRatio * (1 + noise()), 2));
        }).ToList();
    }

    /// <summary>60 days of a pen's DMI around 22 kg/head/d (±0.4 kg) with a 4.5 kg drop planted on day 40.</summary>
    public List<DailyValue> IntakeWithPlantedDrop()
    {
        var noise = Noise(0.4);
        return Enumerable.Range(0, 60).Select(d => new DailyValue(Start.AddDays(d), Math.Round(22 + 0.01 * d + noise() - (d == 40 ? 4.5 : 0), 2))).ToList();
    }

    /// <summary>A week of 30 lactating cows and a month of 20 finishing steers (figures of docs/analytics.md).</summary>
    public static IReadOnlyList<FeedingPeriod> FeedingPeriods() =>
    [
        new("high cows", Start, Start.AddDays(6), 210, 10_500, 10_290, 514.5, 4_620, 2_100_000, 6_300, null),
        new("finishing steers", Start, Start.AddDays(29), 600, 12_000, 12_000, 0, 5_400, 3_600_000, null, 540),
    ];

    public static ProductPrices Prices { get; } = new(MilkPerKg: 1_100, CarcassPerKg: 20_000, DressingPercent: 60);
}
