using BenchmarkDotNet.Attributes;
using Cnucnm.Formulation;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Benchmarks.Formulation;

/// <summary>
/// Dairy animal mode end to end on 60 candidate feeds (predicted intake, NASEM requirements linearised, LP, full-model
/// check, repeated until the full model confirms, then the least-cost trust-region rounds): target median &lt; 3 ms (issue 24).
/// Baseline, same run: the loop before the least-cost rounds, which stops at the first ration the full model confirms
/// (<c>RationFormulator.Formulate(request, leastCost: false)</c>, an internal switch kept for this comparison). One full
/// NASEM evaluation of a 60-feed diet is shown beside them, so a time reads as "this many model evaluations".
/// Run: dotnet run -c Release --project tests/Cnucnm.Benchmarks -- --filter '*AnimalFormulation*' '*AnimalBatch*' --job short
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnimalFormulationBenchmarks
{
    private FormulationRequest[] _requests = [];
    private DairyInput _sixtyFeedDiet = null!;
    private int _next;
    private int _nextBaseline;

    [GlobalSetup]
    public void Setup()
    {
        _requests = [.. Enumerable.Range(1, 1000).Select(seed => SyntheticRations.Animal(seed, 60))];
        var first = RationFormulator.Formulate(_requests[0]);
        var feeds = _requests[0].Feeds!.Where(f => f.Feed is not null).Select(f => FeedLibrary.Nasem.Get(f.Feed!)).ToList();
        var amounts = first.Feeds!.ToDictionary(f => f.Id, f => f.KgDm);
        var animal = DairyAnimalDescriptions.ToAnimal(_requests[0].Animal!, _requests[0].Environment);
        _sixtyFeedDiet = new DairyInput(animal, EquationSelection.Default with { DmiEquation = 0 }, [.. _requests[0].Feeds!.Where(f => f.Feed is not null)
            .Select((f, i) => new DietEntry(feeds[i], amounts.GetValueOrDefault(f.Id!)))]);
    }

    [Benchmark(Baseline = true)]
    public double Formulate_animal_60_feeds_first_confirmed() =>
        RationFormulator.Formulate(_requests[_nextBaseline++ % 1000], leastCost: false).CostPerDay ?? 0;

    [Benchmark]
    public double Formulate_animal_60_feeds() => RationFormulator.Formulate(_requests[_next++ % 1000]).CostPerDay ?? 0;

    [Benchmark]
    public double Full_model_evaluation_60_feeds() => DairyModel.Evaluate(_sixtyFeedDiet).MetabolizableEnergyRequirementMcal;
}

/// <summary>1,000 animal-mode rations (60 feeds each) on every core: the least-cost loop against the loop that stops at the
/// first confirmed ration (the baseline, same run). Target &lt; 2 s wall on 2 cores.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnimalBatchBenchmarks
{
    private FormulationRequest[] _requests = [];

    [GlobalSetup]
    public void Setup()
    {
        _requests = [.. Enumerable.Range(1, 1000).Select(seed => SyntheticRations.Animal(seed, 60))];
        RationFormulator.Formulate(_requests[0]);
    }

    [Benchmark(Baseline = true)]
    public int Batch_1000_all_cores_first_confirmed() =>
        _requests.AsParallel().Count(r => RationFormulator.Formulate(r, leastCost: false).Status == FormulationStatus.Optimal);

    [Benchmark]
    public int Batch_1000_all_cores() => _requests.AsParallel().Count(r => RationFormulator.Formulate(r).Status == FormulationStatus.Optimal);
}
