using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Preparation;

namespace Cnucnm.Formulation.Model;

/// <summary>
/// The fewest (or at most N) changed feeds from the current ration, as a mixed-integer program: a binary
/// z per feed with x − c ≤ tol + (U − c)·z and c − x ≤ tol + (c − L)·z, Σ z ≤ N. A cardinality needs the
/// binaries: an L1 penalty Σ |x − c| would prefer many small moves to one large one and would trade
/// nutrients against feed costs in arbitrary units. The models are small (one binary per feed) and SCIP
/// solves them in milliseconds. The final answer is re-solved as an LP with the unchanged feeds held
/// within the tolerance of their current amounts, so that shadow prices and reduced costs are reported
/// for the chosen set of changes.
/// </summary>
internal static class ChangeLimiter
{
    /// <summary>Big-M for feeds without any upper bound, kg DM/d (no intake bound either).</summary>
    private const double UnboundedFeedKg = 10_000;

    public sealed record Outcome(LpResult Result, LinearProgram Lp, int[] Changed, InfeasibilityExplanation? Explanation);

    public static Outcome Solve(LinearProgram lp, PreparedChanges changes)
    {
        var (mip, binaries) = WithBinaries(lp, changes);
        var limit = changes.MaxChangedFeeds;
        if (limit is null)
        {
            var fewest = Fewest(mip, binaries);
            if (fewest is null)
            {
                return Infeasible(lp, InfeasibilityAnalyzer.Explain(lp));
            }

            limit = fewest;
        }

        var limited = mip.Clone();
        limited.AddRow(new LpRow(new RowRole(RowKind.ChangeCount), binaries, [.. binaries.Select(_ => 1.0)], double.NegativeInfinity, limit.Value));
        var result = LpSolver.Solve(limited);
        if (result.Status != LpStatus.Optimal)
        {
            var plain = LpSolver.Solve(lp);
            if (plain.Status != LpStatus.Optimal)
            {
                return Infeasible(lp, InfeasibilityAnalyzer.Explain(lp));
            }

            var needed = Fewest(mip, binaries) ?? lp.FeedCount;
            var reference = new ConstraintReference("changes", "changed feeds", "max", "options.changes.maxChangedFeeds");
            var message = $"at least {needed} feeds must change from the current ration; raise the limit of changed feeds from {changes.MaxChangedFeeds} to {needed}";
            var messageCode = Nutrition.Messages.ServerMessage.Of("changes.needed", ("needed", needed), ("limit", changes.MaxChangedFeeds));
            var explanation = new InfeasibilityExplanation(
                $"Changing at most {changes.MaxChangedFeeds} feeds cannot meet the other constraints: {message}.",
                [new Conflict(reference, "changed feeds maximum", changes.MaxChangedFeeds!.Value, needed - changes.MaxChangedFeeds.Value, "feeds",
                    $"changed feeds over by {needed - changes.MaxChangedFeeds.Value} feeds",
                    Nutrition.Messages.ServerMessage.Of("changes.over", ("count", needed - changes.MaxChangedFeeds.Value)))],
                [new Relaxation(reference, "changed feeds maximum", changes.MaxChangedFeeds.Value, needed, "feeds", needed, message, messageCode)],
                null,
                Nutrition.Messages.ServerMessage.Of("changes.summary", ("limit", changes.MaxChangedFeeds)).WithItems([messageCode]));
            return Infeasible(lp, explanation);
        }

        var changed = Enumerable.Range(0, lp.FeedCount)
            .Where(j => Math.Abs(result.X[j] - changes.Current[j]) > changes.ToleranceKgDm + 1e-7)
            .ToArray();

        // Duals for the chosen pattern: the unchanged feeds held near their current amounts.
        var pinned = lp.Clone();
        for (var j = 0; j < lp.FeedCount; j++)
        {
            if (!changed.Contains(j))
            {
                pinned.Lower[j] = Math.Max(pinned.Lower[j], changes.Current[j] - changes.ToleranceKgDm);
                pinned.Upper[j] = Math.Min(pinned.Upper[j], changes.Current[j] + changes.ToleranceKgDm);
            }
        }

        var linear = LpSolver.Solve(pinned);
        return linear.Status == LpStatus.Optimal && linear.Objective <= result.Objective + 1e-7 * (1 + Math.Abs(result.Objective))
            ? new Outcome(linear, pinned, changed, null)
            : new Outcome(result with { X = result.X[..lp.FeedCount], RowDuals = new double[lp.Rows.Count], ReducedCosts = new double[lp.FeedCount] }, lp, changed, null);
    }

    private static Outcome Infeasible(LinearProgram lp, InfeasibilityExplanation explanation) =>
        new(new LpResult(LpStatus.Infeasible, double.NaN, [], [], [], LpSolver.Scip), lp, [], explanation);

    /// <summary>The least number of changed feeds that meets every constraint (null: none does).</summary>
    private static int? Fewest(LinearProgram mip, int[] binaries)
    {
        var count = mip.Clone();
        for (var j = 0; j < count.VariableCount; j++)
        {
            count.Cost[j] = 0;
        }

        foreach (var z in binaries)
        {
            count.Cost[z] = 1;
        }

        var result = LpSolver.Solve(count);
        return result.Status == LpStatus.Optimal ? (int)Math.Round(result.Objective) : null;
    }

    private static (LinearProgram Mip, int[] Binaries) WithBinaries(LinearProgram lp, PreparedChanges changes)
    {
        var mip = lp.Clone();
        var intakeMax = lp.Rows.Where(r => r.Role.Kind == RowKind.DryMatterIntake).Select(r => r.Upper).DefaultIfEmpty(double.PositiveInfinity).Min();
        var binaries = new int[lp.FeedCount];
        for (var j = 0; j < lp.FeedCount; j++)
        {
            var z = mip.AddVariable(0, 0, 1, integer: true);
            binaries[j] = z;
            var current = changes.Current[j];
            var upper = double.IsFinite(lp.Upper[j]) ? lp.Upper[j] : double.IsFinite(intakeMax) ? intakeMax : UnboundedFeedKg;
            var lower = lp.Lower[j];
            var up = Math.Max(0, upper - current);
            var down = Math.Max(0, current - lower);
            // x − up·z ≤ c + tol and x + down·z ≥ c − tol.
            mip.AddRow(new LpRow(new RowRole(RowKind.ChangeUp, j), [j, z], [1, -up], double.NegativeInfinity, current + changes.ToleranceKgDm));
            mip.AddRow(new LpRow(new RowRole(RowKind.ChangeDown, j), [j, z], [1, down], current - changes.ToleranceKgDm, double.PositiveInfinity));
        }

        return (mip, binaries);
    }
}
