using System.Globalization;
using Cnucnm.Formulation.Lp;
using Cnucnm.Nutrition.Messages;

namespace Cnucnm.Formulation.Model;

/// <summary>Numbers and sentences of the infeasibility explanation.</summary>
internal static class Wording
{
    private static readonly HashSet<string> NutritionalKinds = new(StringComparer.Ordinal) { "nutrient", "requirement", "guardRail" };

    /// <summary>A number as people read it: three significant figures, no exponent for ordinary sizes.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var text = magnitude switch
        {
            0 => "0",
            >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
            >= 100 => value.ToString("0.#", CultureInfo.InvariantCulture),
            >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
            >= 0.01 => value.ToString("0.###", CultureInfo.InvariantCulture),
            _ => value.ToString("G3", CultureInfo.InvariantCulture),
        };
        return text == "-0" ? "0" : text;
    }

    /// <summary>Rounds to three significant figures away from the feasible side's interior: a minimum
    /// down, a maximum up, so that the rounded bound is at least as loose as the exact one.</summary>
    public static double RoundOutward(double value, BoundSide side)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var step = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 2);
        var steps = value / step;
        // Values a hair above a round number (floating error) stay on it.
        var nearest = Math.Round(steps);
        var rounded = Math.Abs(steps - nearest) < 1e-6 ? nearest : side == BoundSide.Min ? Math.Floor(steps) : Math.Ceiling(steps);
        return Math.Round(rounded * step, 12);
    }

    public static string Shortfall(BoundInfo info, double amount)
    {
        var unit = info.ShortfallUnit ?? info.Unit;
        if (NutritionalKinds.Contains(info.Kind))
        {
            return $"{info.Subject} {(info.Side == BoundSide.Min ? "short" : "over")} by {Number(amount)} {unit}";
        }

        return $"{info.Label} ({Number(info.Value)} {info.Unit}) missed by {Number(amount)} {unit}";
    }

    /// <summary>A constraint's label as a message code: "{name} minimum", "{nutrient} requirement" … (catalogue <c>label.*</c>), the
    /// name looked up as a term (nutrients, intake, ratios) and kept as it is otherwise (feed names are the farm's data).</summary>
    public static ServerMessage LabelMessage(BoundInfo info)
    {
        var side = info.Side == BoundSide.Min ? "min" : "max";
        string? Strip(string suffix) => info.Label.EndsWith(suffix, StringComparison.Ordinal) ? info.Label[..^suffix.Length] : null;
        return info.Kind switch
        {
            "requirement" => ServerMessage.Of("label.requirement", ("name", info.Subject)),
            "fixed" when Strip("") is { } label && label.StartsWith("fixed amount of ", StringComparison.Ordinal) =>
                ServerMessage.Of("label.fixed", ("name", label["fixed amount of ".Length..])),
            "inventory" when Strip(" stock") is { } name => ServerMessage.Of("label.stock", ("name", name)),
            _ when Strip($" per day {side}imum") is { } name => ServerMessage.Of($"label.perDay.{side}", ("name", name)),
            _ when Strip($" {side}imum per kg DM") is { } name => ServerMessage.Of($"label.perKgDm.{side}", ("name", name)),
            _ when Strip($" share {side}imum") is { } name => ServerMessage.Of($"label.share.{side}", ("name", name)),
            _ when Strip($" {side}imum") is { } name => ServerMessage.Of($"label.{side}", ("name", name)),
            _ => ServerMessage.Of("text", ("text", info.Label)),
        };
    }

    /// <summary><see cref="Shortfall"/> as a message code.</summary>
    public static ServerMessage ShortfallMessage(BoundInfo info, double amount)
    {
        var unit = info.ShortfallUnit ?? info.Unit;
        if (NutritionalKinds.Contains(info.Kind))
        {
            return ServerMessage.Of(info.Side == BoundSide.Min ? "shortfall.short" : "shortfall.over", ("name", info.Subject), ("amount", Number(amount)), ("unit", unit));
        }

        return ServerMessage.Of("shortfall.missed", ("value", Number(info.Value)), ("unit", info.Unit), ("amount", Number(amount)), ("shortfallUnit", unit))
            .WithItems([LabelMessage(info)]);
    }

    /// <summary>A conflicting bound that binds without being missed.</summary>
    public static ServerMessage BindsMessage(BoundInfo info) =>
        ServerMessage.Of("conflict.binds", ("value", Number(info.Value)), ("unit", info.Unit)).WithItems([LabelMessage(info)]);

    /// <summary><see cref="Relaxation(BoundInfo, double, double, double)"/> as a message code.</summary>
    public static ServerMessage RelaxationMessage(BoundInfo info, double to, double fieldValue, double change)
    {
        var side = info.Side == BoundSide.Min ? "lower" : "raise";
        return info.Kind switch
        {
            "fixed" => ServerMessage.Of("relax.fixed", ("from", Number(info.Value)), ("to", Number(to)), ("unit", info.Unit)).WithItems([LabelMessage(info)]),
            "requirement" => ServerMessage.Of($"relax.requirement.{side}", ("name", info.Subject), ("from", Number(info.Value * info.FieldPerUnit)),
                ("to", Number(fieldValue)), ("change", Number(Math.Abs(change))), ("unit", info.Unit)),
            "inventory" => ServerMessage.Of("relax.raise", ("from", Number(info.Value)), ("to", Number(to)), ("unit", info.Unit)).WithItems([LabelMessage(info)]),
            _ => ServerMessage.Of($"relax.{side}", ("from", Number(info.Value)), ("to", Number(to)), ("unit", info.Unit)).WithItems([LabelMessage(info)]),
        };
    }

    public static string Relaxation(BoundInfo info, double to, double fieldValue, double change)
    {
        var verb = info.Side == BoundSide.Min ? "lower" : "raise";
        return info.Kind switch
        {
            "fixed" => $"change the {info.Label} from {Number(info.Value)} to {Number(to)} {info.Unit}",
            "requirement" => $"{verb} the {info.Subject} target from {Number(info.Value * info.FieldPerUnit)} to {Number(fieldValue)} % of the requirement "
                             + $"({Number(Math.Abs(change))} {info.Unit} {(info.Side == BoundSide.Min ? "less" : "more")})",
            "inventory" => $"raise the {info.Label} from {Number(info.Value)} to {Number(to)} {info.Unit}",
            _ => $"{verb} {info.Label} from {Number(info.Value)} to {Number(to)} {info.Unit}",
        };
    }
}
