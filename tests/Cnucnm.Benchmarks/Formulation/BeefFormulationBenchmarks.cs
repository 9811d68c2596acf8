using BenchmarkDotNet.Attributes;
using Cnucnm.Formulation;
using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Beef;

namespace Cnucnm.Benchmarks.Formulation;

/// <summary>
/// Beef animal mode end to end on 30 Korean candidate feeds (predicted intake, NRC 2000 requirement rows linearised,
/// LP, full-model check, repeated until the full model confirms): target median &lt; 2 ms. Baseline, in the same run:
/// dairy animal mode on 30 feeds (<see cref="SyntheticRations.Animal"/>). Of 100 pens each, those with a ration; prices ± 10 %: half Hanwoo steers
/// from 200 to 600 kg in every phase (the Korean Feeding Standard, the default for them), half Holstein steers from 200 to
/// 600 kg at 1.1 kg/d (NRC 2000, the heavier path: the full beef model each round).
/// Run: dotnet run -c Release --project tests/Cnucnm.Benchmarks -- --filter '*BeefFormulation*' --job short
/// </summary>
[MemoryDiagnoser]
public class BeefFormulationBenchmarks
{
    /// <summary>Korean library feeds beside the default candidate set: brand concentrates, grains, hays, silage, by-products.</summary>
    private static readonly (string Id, decimal Price)[] MoreKoreanFeeds =
    [
        ("kr:614", 600m), ("kr:615", 620m), ("kr:616", 580m), ("kr:641", 640m), ("kr:642", 650m), ("kr:643", 610m), ("kr:694", 430m),
        ("kr:683", 450m), ("kr:740", 520m), ("kr:726", 650m), ("kr:732", 480m), ("kr:749", 120m), ("kr:820", 560m), ("kr:688", 300m),
    ];

    private FormulationRequest[] _beef = [];
    private FormulationRequest[] _dairy = [];
    private int _nextBeef;
    private int _nextDairy;

    [GlobalSetup]
    public void Setup()
    {
        // Only pens with a ration: the benchmark times formulations, not explanations (heavy steers at a high target can be infeasible).
        bool Optimal(FormulationRequest r) => RationFormulator.Formulate(r).Status == FormulationStatus.Optimal;
        _beef = [.. Enumerable.Range(0, 100).Select(Pen).Where(Optimal)];
        _dairy = [.. Enumerable.Range(1, 100).Select(seed => SyntheticRations.Animal(seed, 30)).Where(Optimal)];
        if (_beef.Length < 50 || _dairy.Length < 50)
        {
            throw new InvalidOperationException($"Only {_beef.Length} beef and {_dairy.Length} dairy pens have a ration: too few to time.");
        }
    }

    private static FormulationRequest Pen(int index)
    {
        var random = new Random(index);
        double Vary() => 0.9 + 0.2 * random.NextDouble();
        var feeds = KoreanBeefFeeds.All.Select(f => (f.LibraryId, f.PricePerKgAsFed, f.MaxKgDm))
            .Concat(MoreKoreanFeeds.Select(f => (LibraryId: f.Id, PricePerKgAsFed: f.Price, MaxKgDm: (double?)null)))
            .Select(f => new FeedOffer(f.LibraryId, Feed: f.LibraryId, PricePerTonneAsFed: Math.Round((double)f.PricePerKgAsFed * 1000 * Vary()), MaxKgDm: f.MaxKgDm))
            .ToList();
        var weight = 200 + 4 * index;
        var hanwoo = index % 2 == 0;
        var phase = weight < 300 ? BeefGrowthPhase.Growing : weight < 520 ? BeefGrowthPhase.EarlyFattening : BeefGrowthPhase.LateFattening;
        var animal = new BeefAnimalDescription(hanwoo ? "hanwoo" : "holstein", BeefSex.Steer, weight, null, 6 + weight / 28.0, null, null, null, null, null,
            null, null, null, null, hanwoo ? null : 1.1, null);
        return new FormulationRequest(feeds, Beef: new BeefFormulationDescription(animal, Phase: phase), Currency: "KRW");
    }

    [Benchmark(Baseline = true)]
    public double Formulate_dairy_animal_30_feeds() => RationFormulator.Formulate(_dairy[_nextDairy++ % _dairy.Length]).CostPerDay ?? 0;

    [Benchmark]
    public double Formulate_beef_animal_30_feeds() => RationFormulator.Formulate(_beef[_nextBeef++ % _beef.Length]).CostPerDay ?? 0;
}
