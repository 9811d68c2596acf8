using System.Globalization;
using Cnucnm.Formulation;
using Cnucnm.Nutrition.Messages;

namespace Cnucnm.Grains.Rations;

/// <summary>
/// The warning of a near miss in words a farmer reads: what the best-possible ration leaves short (or over a maximum) and by how
/// much (full model, per head per day), and the verified ways out in the order the formulation ranks them (most practical first, intake last).
/// Message codes (catalogue <c>alert.nearMiss.*</c>), rendered in the reader's language by the API.
/// </summary>
public static class NearMissAlert
{
    public static ServerMessage Title(string? groupName, BestPossibleRation best)
    {
        ArgumentNullException.ThrowIfNull(best);
        var shortNames = best.Short.Select(l => ServerMessage.Of("list.term", ("name", l.Nutrient)))
            .Concat(best.GuardRailsMissed.Select(r => ServerMessage.Of("list.term", ("name", r.Name)))).ToList();
        return shortNames.Count > 0
            ? ServerMessage.Of("alert.nearMiss.titleShort", ("group", groupName)).WithItems(shortNames)
            : ServerMessage.Of("alert.nearMiss.title", ("group", groupName));
    }

    public static ServerMessage Detail(BestPossibleRation best)
    {
        ArgumentNullException.ThrowIfNull(best);
        var lines = new List<ServerMessage>();
        foreach (var line in best.Short)
        {
            // A requirement with a maximum (energy, MP) can also miss by being over it.
            var target = line.Required * line.TargetPercent / 100;
            lines.Add(line.MaxPercent is { } max && line.Supplied > line.Required * max / 100
                ? ServerMessage.Of("nearMiss.over", ("nutrient", line.Nutrient), ("amount", Number(line.Supplied - line.Required * max / 100)), ("unit", line.Unit),
                    ("percent", Number(line.Supplied / line.Required * 100)), ("max", Number(max)))
                : ServerMessage.Of("nearMiss.short", ("nutrient", line.Nutrient), ("amount", Number(target - line.Supplied)), ("unit", line.Unit),
                    ("percent", Number(line.Supplied / target * 100))));
        }

        foreach (var rail in best.GuardRailsMissed)
        {
            lines.Add(rail.Min is { } min && rail.Value < min
                ? ServerMessage.Of("nearMiss.railMin", ("rail", rail.Name), ("value", Number(rail.Value)), ("unit", rail.Unit), ("limit", Number(min)))
                : ServerMessage.Of("nearMiss.railMax", ("rail", rail.Name), ("value", Number(rail.Value)), ("unit", rail.Unit), ("limit", Number(rail.Max ?? rail.Value))));
        }

        var leaves = lines.Count > 0
            ? ServerMessage.Of("alert.nearMiss.leaves").WithItems(lines)
            : ServerMessage.Of("alert.nearMiss.warning").WithItems([best.WarningMessage ?? ServerMessage.Of("text", ("text", best.Warning))]);
        var ways = best.Suggestions.Count == 0
            ? ServerMessage.Of("alert.nearMiss.noWayOut")
            : ServerMessage.Of("alert.nearMiss.waysOut").WithItems([.. best.Suggestions.Select(s =>
                ServerMessage.Of("list.ranked", ("rank", s.Rank)).WithItems([s.MessageCode ?? ServerMessage.Of("text", ("text", s.Message))]))]);
        return ServerMessage.Of("alert.nearMiss.detail").WithItems([leaves, ways]);
    }

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 1 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
