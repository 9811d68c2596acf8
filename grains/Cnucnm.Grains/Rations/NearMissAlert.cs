using System.Globalization;
using Cnucnm.Formulation;

namespace Cnucnm.Grains.Rations;

/// <summary>
/// The warning of a near miss in words a farmer reads: what the best-possible ration leaves short (or over a maximum) and by how
/// much (full model, per head per day), and the verified ways out in the order the formulation ranks them (most practical first, intake last).
/// </summary>
public static class NearMissAlert
{
    public static string Title(string? groupName, BestPossibleRation best)
    {
        ArgumentNullException.ThrowIfNull(best);
        var shortNames = best.Short.Select(l => l.Nutrient).Concat(best.GuardRailsMissed.Select(r => r.Name)).ToList();
        return $"{groupName}: no ration meets everything; best-possible ration suggested" + (shortNames.Count > 0 ? $" ({string.Join(", ", shortNames)} not met)" : "");
    }

    public static string Detail(BestPossibleRation best)
    {
        ArgumentNullException.ThrowIfNull(best);
        var lines = new List<string>();
        foreach (var line in best.Short)
        {
            // A requirement with a maximum (energy, MP) can also miss by being over it.
            var target = line.Required * line.TargetPercent / 100;
            lines.Add(line.MaxPercent is { } max && line.Supplied > line.Required * max / 100
                ? $"{line.Nutrient} over its maximum by {Number(line.Supplied - line.Required * max / 100)} {line.Unit} ({Number(line.Supplied / line.Required * 100)} % of the requirement, at most {Number(max)} %)"
                : $"{line.Nutrient} short by {Number(target - line.Supplied)} {line.Unit} ({Number(line.Supplied / target * 100)} % of its target)");
        }

        foreach (var rail in best.GuardRailsMissed)
        {
            var limit = rail.Min is { } min && rail.Value < min ? $"at least {Number(min)}" : $"at most {Number(rail.Max ?? rail.Value)}";
            lines.Add($"{rail.Name} at {Number(rail.Value)} {rail.Unit} ({limit})");
        }

        var detail = (lines.Count > 0 ? "The best-possible ration leaves " + string.Join("; ", lines) + "." : best.Warning)
                     + " It waits for approval and is not fed until someone approves it.";
        return best.Suggestions.Count == 0
            ? detail + " No single change was found that gives a ration meeting everything: review the feeds and limits."
            : detail + " Each of these gives a ration that meets everything: " + string.Join(" ", best.Suggestions.Select(s => $"{s.Rank}. {s.Message}"));
    }

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 1 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
