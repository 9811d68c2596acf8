using Cnucnm.Formulation.Lp;

namespace Cnucnm.Formulation.Model;

/// <summary>
/// A guard rail that limits a concentration or share of diet DM, shared by dairy and beef animal mode: Σ x·(v − limit) ≥ 0
/// for a minimum, ≤ 0 for a maximum, exactly linear in the feeds (v is each feed's value per kg DM, in the rail's unit).
/// </summary>
internal static class ConcentrationRow
{
    /// <summary>Adds the row. <paramref name="field"/> is the request path the relaxation edits (<c>guardRails.maxStarchPercentOfDm</c>);
    /// <paramref name="relaxationScale"/> is the size of one relaxed unit in row units (limit × reference intake).</summary>
    public static void Add(LinearProgram lp, string name, string field, string unit, BoundSide side, double limit, double[] perKg, double relaxationScale)
    {
        var coefficients = new double[perKg.Length];
        for (var j = 0; j < perKg.Length; j++)
        {
            coefficients[j] = perKg[j] - limit;
        }

        var minimum = side == BoundSide.Min;
        var info = new BoundInfo("guardRail", name, side, field, $"{name} {(minimum ? "minimum" : "maximum")}", limit, unit,
            RelaxationWeights.GuardRail, relaxationScale, BoundScaling.PerKgDm);
        var role = new RowRole(RowKind.GuardRail, minimum ? 0 : 1, name);
        lp.AddRow(minimum
            ? LpRow.Dense(role, coefficients, 0, double.PositiveInfinity, lowerInfo: info)
            : LpRow.Dense(role, coefficients, double.NegativeInfinity, 0, upperInfo: info));
    }
}
