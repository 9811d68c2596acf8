using BenchmarkDotNet.Attributes;
using Cnucnm.Formulation;

namespace Cnucnm.Benchmarks.Formulation;

/// <summary>
/// Explicit mode (a feed mill's nutrient specification) at three sizes, feeds × constraint rows: 15 × 20
/// (target median &lt; 0.2 ms), 60 × 40 (&lt; 1 ms), 300 × 60 (&lt; 5 ms). Each invocation solves the next of 64 seeded
/// feasible requests of that size. Baseline: the same LP transcribed directly into OR-Tools GLOP (no validation,
/// no shadow prices, reduced costs or response), so the ratio is what the product adds to a bare solve.
/// Run: dotnet run -c Release --project tests/Cnucnm.Benchmarks -- --filter '*ExplicitFormulation*' --job short
/// </summary>
[MemoryDiagnoser]
public class ExplicitFormulationBenchmarks
{
    private FormulationRequest[] _requests = [];
    private int _next;

    [Params("15x20", "60x40", "300x60")]
    public string Size { get; set; } = "15x20";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        var (feeds, rows) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        _requests = [.. Enumerable.Range(1, 64).Select(seed => SyntheticRations.Explicit(seed, feeds, rows))];
        // Load the native solver before measuring.
        RationFormulator.Formulate(_requests[0]);
    }

    private FormulationRequest Next() => _requests[_next++ & 63];

    [Benchmark(Baseline = true)]
    public double Direct_GLOP_solve() => DirectLp.Solve(Next(), "GLOP").Cost;

    [Benchmark]
    public double Formulate() => RationFormulator.Formulate(Next()).CostPerDay ?? 0;
}
