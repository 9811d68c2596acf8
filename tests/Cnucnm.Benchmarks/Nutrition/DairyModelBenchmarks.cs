using BenchmarkDotNet.Attributes;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Benchmarks.Nutrition;

/// <summary>
/// The NASEM dairy model: one full evaluation of a lactating cow on a 10-feed diet (target well
/// under 100 µs), the same result with the NASEM dictionary built (what the CLI and API return),
/// and the linearisation the least-cost LP repeats on 60 candidate feeds (target under 2 ms with the solve).
/// Run: dotnet run -c Release --project tests/Cnucnm.Benchmarks -- --filter '*DairyModel*'
/// </summary>
[MemoryDiagnoser]
public class DairyModelBenchmarks
{
    private static readonly string[] TenFeeds =
    [
        "Corn silage, typical", "Alfalfa meal", "Corn grain HM, coarse grind", "Canola meal", "Soybean meal, extruded",
        "Soybean hulls", "Beet pulp, dry", "Wheat straw", "Calcium carbonate", "Sodium bicarbonate",
    ];

    private DairyInput _tenFeeds = null!;
    private DairyInput _sixtyCandidates = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cow = new DairyAnimal(PhysiologicalState.LactatingCow, DairyBreed.Holstein, 650, 700, 3, 2, 1800, 120, 60, 280, 44, 38, 3.8, 3.1,
            4.85, 0, 0, null, 280, 14, 0, new DairyEnvironment(20));
        double[] kg = [9, 4, 5, 2.5, 1.2, 1, 0.8, 0.6, 0.15, 0.1];
        _tenFeeds = new DairyInput(cow, new EquationSelection(), [.. TenFeeds.Select((n, i) => new DietEntry(FeedLibrary.Nasem.Get(n), kg[i]))]);
        var candidates = FeedLibrary.Nasem.Feeds.Where(f => f.Category != "Calf Liquid Feed" && !f.Name.Contains("calves", StringComparison.Ordinal))
            .Where(f => !TenFeeds.Contains(f.Name)).Take(50);
        _sixtyCandidates = _tenFeeds with { Diet = [.. _tenFeeds.Diet, .. candidates.Select(f => new DietEntry(f, 0))] };
    }

    [Benchmark(Baseline = true)]
    public double Evaluate_10_feeds() => DairyModel.Evaluate(_tenFeeds).MetabolizableEnergyRequirementMcal;

    [Benchmark]
    public int Evaluate_10_feeds_with_nasem_dictionary() => DairyModel.Evaluate(_tenFeeds).Nasem.Count;

    [Benchmark]
    public int Linearize_60_candidate_feeds() => RationLinearization.At(_sixtyCandidates).Requirements.Count;
}
