using Cnucnm.Benchmarks.Formulation;
using Google.OrTools.LinearSolver;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// Our optimum against an independent one: each generated explicit request is transcribed here, straight from its
/// JSON meaning (not through the library's model builder), into an LP solved by HiGHS (through OR-Tools; a
/// different implementation from our GLOP dual simplex). Costs agree within 1e-6 relative; infeasible for one is
/// infeasible for the other.
/// </summary>
public sealed class IndependentSolverTests
{
    [Fact]
    public void Two_hundred_random_requests_agree_with_HiGHS()
    {
        var (optimal, infeasible) = (0, 0);
        for (var seed = 1; seed <= 200; seed++)
        {
            var feeds = 15 + seed % 4 * 15;       // 15, 30, 45, 60 feeds
            var constraints = 20 + seed % 3 * 10; // 20, 30, 40 rows
            var request = SyntheticRations.Explicit(seed, feeds, constraints, infeasibleShare: 0.3);

            var ours = RationFormulator.Formulate(request);
            var (status, cost) = DirectLp.Solve(request, "HIGHS");

            Assert.True(ours.Status != FormulationStatus.Invalid, $"seed {seed}: {string.Join("; ", ours.Errors?.Select(e => e.Field + " " + e.Message) ?? [])}");
            if (status == Solver.ResultStatus.OPTIMAL)
            {
                Assert.True(ours.Status == FormulationStatus.Optimal, $"seed {seed}: HiGHS optimal at {cost}, ours {ours.Status}");
                Assert.True(Math.Abs(ours.CostPerDay!.Value - cost) <= 1e-6 * Math.Max(1, Math.Abs(cost)),
                    $"seed {seed}: ours {ours.CostPerDay:R}, HiGHS {cost:R}");
                optimal++;
            }
            else
            {
                Assert.Equal(Solver.ResultStatus.INFEASIBLE, status);
                Assert.True(ours.Status == FormulationStatus.Infeasible, $"seed {seed}: HiGHS infeasible, ours {ours.Status} at {ours.CostPerDay}");
                infeasible++;
            }
        }

        // Both outcomes are exercised.
        Assert.InRange(optimal, 100, 199);
        Assert.InRange(infeasible, 10, 100);
    }
}
