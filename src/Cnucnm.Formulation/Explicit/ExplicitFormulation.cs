using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Model;
using Cnucnm.Formulation.Preparation;

namespace Cnucnm.Formulation.Explicit;

/// <summary>Explicit mode: the nutrient specification is the request's; one LP (or the change-limited MIP).</summary>
internal static class ExplicitFormulation
{
    public static FormulationResponse Run(PreparedRequest request)
    {
        var lp = ModelBuilder.Build(request, request.DryMatterMin, request.DryMatterMax);
        if (request.Changes is { } changes)
        {
            var outcome = ChangeLimiter.Solve(lp, changes);
            return outcome.Explanation is { } why
                ? ResponseBuilder.Infeasible(request, why)
                : ResponseBuilder.Optimal(request, outcome.Lp, outcome.Result, Summary(request, changes, outcome.Changed));
        }

        var result = LpSolver.Solve(lp);
        return result.Status switch
        {
            LpStatus.Optimal => ResponseBuilder.Optimal(request, lp, result),
            LpStatus.Infeasible => ResponseBuilder.Infeasible(request, InfeasibilityAnalyzer.Explain(lp)),
            _ => throw new InvalidOperationException("The LP solvers (GLOP, then CLP) failed on this model."),
        };
    }

    public static ChangeSummary Summary(PreparedRequest request, PreparedChanges changes, int[] changed) =>
        new(changed.Length, [.. changed.Select(j => request.Feeds[j].Id)], changes.MaxChangedFeeds, changes.ToleranceKgDm);
}
