using BenchmarkDotNet.Attributes;
using Cnucnm.Formulation;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Benchmarks.Formulation;

/// <summary>
/// Animal mode end to end on 60 candidate feeds (predicted intake, NASEM requirements linearised, LP, full-model
/// check, repeated until the full model confirms, then the least-cost trust-region rounds): target median &lt; 3 ms (issue 24). Baseline: one full NASEM evaluation
/// of the optimal ration over the request's 59 library feeds (all candidates, most at 0 kg), so the ratio reads as "this many model evaluations".
/// A batch of 1,000 such rations on every core (target &lt; 2 s wall on 2 cores), against the same batch on one core.
/// Run: dotnet run -c Release --project tests/Cnucnm.Benchmarks -- --filter '*AnimalFormulation*' --job short
/// </summary>
[MemoryDiagnoser]
public class AnimalFormulationBenchmarks
{
    private FormulationRequest[] _requests = [];
    private DairyInput _sixtyFeedDiet = null!;
    private int _next;

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
    public double Full_model_evaluation_60_feeds() => DairyModel.Evaluate(_sixtyFeedDiet).MetabolizableEnergyRequirementMcal;

    [Benchmark]
    public double Formulate_animal_60_feeds() => RationFormulator.Formulate(_requests[_next++ % 1000]).CostPerDay ?? 0;
}

/// <summary>1,000 animal-mode rations (60 feeds each): on every core against one core (the baseline).</summary>
[MemoryDiagnoser]
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
    public int Batch_1000_one_core() => _requests.Count(r => RationFormulator.Formulate(r).Status == FormulationStatus.Optimal);

    [Benchmark]
    public int Batch_1000_all_cores() => _requests.AsParallel().Count(r => RationFormulator.Formulate(r).Status == FormulationStatus.Optimal);
}
