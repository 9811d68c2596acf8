using Cnucnm.Nutrition.Messages;
using System.Globalization;
using Cnucnm.Formulation.Model;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Animal;

/// <summary>
/// Ways out of an infeasible animal-mode request, in the order a farmer would try them: add a library feed that
/// supplies what is short (a rumen-protected amino acid, a mineral source), lift a feed limit, accept a target a few
/// per cent lower; more intake last, flagged. Each candidate is applied to the request and formulated again: only
/// those that give an optimal ration confirmed by the full model are offered, with that ration's cost.
/// </summary>
internal static class NearMissSuggestions
{
    /// <summary>The library feed that supplies a short nutrient best per kg, a typical US price (per tonne as fed, 2024) and a
    /// sensible daily cap, kg DM. Priced for the request in proportion to its own feed prices (<see cref="PriceScale"/>).</summary>
    private static readonly Dictionary<string, (string Feed, double PricePerTonneAsFed, double MaxKgDm)> Sources = new(StringComparer.Ordinal)
    {
        ["Met"] = ("Rumen Protected Met", 9000, 0.05),
        ["Lys"] = ("Rumen Protected Lys", 6000, 0.1),
        ["MP"] = ("Soybean meal, solvent 48CP", 480, 4),
        ["Ca"] = ("Limestone", 120, 0.5),
        ["P"] = ("Calcium phosphate (di)", 900, 0.3),
        ["Na"] = ("Sodium chloride (salt)", 150, 0.2),
        ["Cl"] = ("Sodium chloride (salt)", 150, 0.2),
        ["Mg"] = ("Magnesium oxide", 700, 0.15),
        ["K"] = ("Potassium carbonate", 1200, 0.3),
        ["S"] = ("Calcium sulfate (2H2O)", 300, 0.1),
        ["Co"] = ("Cobalt carbonate", 60000, 0.0005),
        ["Cu"] = ("Copper sulfate (5H2O)", 9000, 0.002),
        ["Fe"] = ("Ferrous sulfate (H2O)", 1500, 0.005),
        ["I"] = ("EDDI", 90000, 0.0005),
        ["Mn"] = ("Manganese sulfate (H2O)", 3000, 0.005),
        ["Se"] = ("Selenium yeast, generic", 15000, 0.01),
        ["Zn"] = ("Zinc sulfate (H2O)", 3000, 0.005),
        ["Vitamin A"] = ("Vit A premix", 8000, 0.01),
        ["Vitamin D"] = ("Vit D premix", 8000, 0.01),
        ["Vitamin E"] = ("Vit E premix", 8000, 0.02),
    };

    /// <summary>US median feed price the <see cref="Sources"/> prices go with, per kg DM.</summary>
    private const double ReferencePricePerKgDm = 0.3;

    public static IReadOnlyList<Suggestion> Find(FormulationRequest request, FormulationResponse response, Func<FormulationRequest, FormulationResponse> formulate)
    {
        var best = response.BestPossible!;
        var found = new List<(int Order, Suggestion Suggestion)>();
        double? Verify(FormulationRequest changed)
        {
            try
            {
                var answer = formulate(changed);
                return answer is { Status: FormulationStatus.Optimal, Animal.ConfirmedByFullModel: true } ? answer.CostPerDay : null;
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        var shortNutrients = best.Short.Select(l => l.Nutrient)
            .Concat(response.Explanation?.Conflicts.Where(c => c.Constraint.Kind == "requirement" && c.Shortfall > 0).Select(c => c.Constraint.Subject) ?? [])
            .Distinct(StringComparer.Ordinal).ToList();

        // 1. Add the library feeds that supply what is short (one per short nutrient, all together).
        // A feed already offered under its library name, id or display name (a farm's feed named after the library feed) is not added
        // again: a second copy would slip past the first one's limit.
        var offered = new HashSet<string>((request.Feeds ?? []).SelectMany(f => new[] { f.Feed ?? "", f.Id ?? "", f.Name ?? "" }), StringComparer.OrdinalIgnoreCase);
        var scale = PriceScale(best);
        var additions = new List<(string Nutrient, FeedOffer Offer)>();
        foreach (var nutrient in shortNutrients)
        {
            if (Sources.TryGetValue(nutrient, out var source) && !offered.Contains(source.Feed) && FeedLibrary.TryFind(source.Feed, out _)
                && additions.All(a => a.Offer.Feed != source.Feed))
            {
                additions.Add((nutrient, new FeedOffer(Slug(source.Feed), Feed: source.Feed, PricePerTonneAsFed: Math.Round(source.PricePerTonneAsFed * scale, 1),
                    MaxKgDm: source.MaxKgDm)));
            }
        }

        // With the feeds added, what is still short is relaxed (targets first), so that the suggestion stands on its own.
        var relaxations = response.Explanation?.Relaxations ?? [];
        if (additions.Count > 0)
        {
            var feeds = additions.Select(a => a.Offer).ToList();
            var words = string.Join(" and ", additions.Select(a => $"{a.Offer.Feed} (for {a.Nutrient}; priced here at {Wording.Number(a.Offer.PricePerTonneAsFed!.Value)} " +
                                                                  $"per tonne as fed, at most {Wording.Number(a.Offer.MaxKgDm!.Value)} kg DM a head a day)"));
            var withFeeds = request with { Feeds = [.. request.Feeds!, .. feeds] };
            if (Verify(withFeeds) is { } cost)
            {
                var offers = additions.Select(a => ServerMessage.Of("suggest.feedOffer", ("feed", a.Offer.Feed), ("nutrient", a.Nutrient),
                    ("price", Wording.Number(a.Offer.PricePerTonneAsFed!.Value)), ("max", Wording.Number(a.Offer.MaxKgDm!.Value)))).ToList();
                found.Add((1, new Suggestion(0, "addFeed", $"Add {words} from the library: the ration then costs {Money(cost)} a head a day.", [], feeds, cost, false,
                    ServerMessage.Of("suggest.addFeed", ("cost", Money(cost))).WithItems(offers))));
            }
        }

        // 2. Lift the feed limits the explanation names (together), further when that is not enough.
        var feedLimits = relaxations.Where(r => r.Constraint.Kind is "feed" or "fixed" or "inventory").ToList();
        if (feedLimits.Count > 0 && FirstThatWorks(request, feedLimits, Verify) is { } limits)
        {
            found.Add((2, new Suggestion(0, "feedLimit", $"{Capitalise(string.Join("; ", limits.Changes.Select(c => c.Message)))}: the ration then costs " +
                $"{Money(limits.Cost)} a head a day.", limits.Changes, [], limits.Cost, false, Changes("suggest.feedLimit", limits.Changes, limits.Cost))));
        }

        // 3. Accept what is short a little lower: every short requirement to just below what the best ration reaches, every
        // missed guard rail to just past its value; a wider margin when that is not enough.
        foreach (var margin in new[] { 1.0, 3, 8 })
        {
            var changes = TargetChanges(best, margin);
            if (changes.Count > 0 && Verify(ApplyAll(request, changes)) is { } cost)
            {
                found.Add((3, new Suggestion(0, "target", $"{Capitalise(string.Join("; ", changes.Select(c => c.Message)))}: the ration then costs {Money(cost)} a head a day.",
                    changes, [], cost, false, Changes("suggest.target", changes, cost))));
                break;
            }
        }

        // 4. More intake: last, and flagged (a farmer cannot make cows eat more than they do).
        var intake = relaxations.Where(r => r.Constraint.Kind == "dryMatterIntake").ToList();
        if (intake.Count > 0 && FirstThatWorks(request, intake, Verify) is { } more)
        {
            found.Add((4, new Suggestion(0, "intake", $"{Capitalise(string.Join("; ", more.Changes.Select(c => c.Message)))} — only if the cows really eat that much: " +
                $"check the pen's intake first. The ration then costs {Money(more.Cost)} a head a day.", more.Changes, [], more.Cost, true,
                Changes("suggest.intake", more.Changes, more.Cost))));
        }

        return [.. found.OrderBy(f => f.Order).ThenBy(f => f.Suggestion.CostPerDay).Select((f, i) => f.Suggestion with { Rank = i + 1 })];
    }

    /// <summary>Each short requirement's target to <paramref name="margin"/> % below what the best ration reaches; each missed
    /// guard rail to <paramref name="margin"/> % (of the limit) past the best ration's value.</summary>
    private static List<Relaxation> TargetChanges(BestPossibleRation best, double margin)
    {
        var changes = new List<Relaxation>();
        foreach (var line in best.Short)
        {
            var reached = line.Supplied / line.Required * 100;
            var target = Math.Max(0, Math.Floor(reached - margin));
            var reference = new ConstraintReference("requirement", line.Nutrient, "min", $"requirements.{line.Nutrient}.minPercent");
            changes.Add(new Relaxation(reference, $"{line.Nutrient} requirement", line.TargetPercent, target, "% of requirement", target,
                $"accept {line.Nutrient} at {Wording.Number(target)} % of the requirement instead of {Wording.Number(line.TargetPercent)} %",
                ServerMessage.Of("relax.accept", ("name", line.Nutrient), ("to", Wording.Number(target)), ("from", Wording.Number(line.TargetPercent)))));
        }

        foreach (var rail in best.GuardRailsMissed.Where(r => r.Field is not null))
        {
            var isMin = rail.Min is { } min && rail.Value < min;
            var limit = isMin ? rail.Min!.Value : rail.Max!.Value;
            var step = Math.Max(Math.Abs(limit) * margin / 100, 0.01);
            var value = isMin ? Wording.RoundOutward(rail.Value - step, Lp.BoundSide.Min) : Wording.RoundOutward(rail.Value + step, Lp.BoundSide.Max);
            var reference = new ConstraintReference("guardRail", rail.Name, isMin ? "min" : "max", rail.Field!);
            changes.Add(new Relaxation(reference, $"{rail.Name} {(isMin ? "minimum" : "maximum")}", limit, value, rail.Unit, value,
                $"{(isMin ? "lower" : "raise")} the {rail.Name} {(isMin ? "minimum" : "maximum")} from {Wording.Number(limit)} to {Wording.Number(value)} {rail.Unit}",
                ServerMessage.Of(isMin ? "relax.rail.lower" : "relax.rail.raise", ("name", rail.Name), ("from", Wording.Number(limit)), ("to", Wording.Number(value)),
                    ("unit", rail.Unit))));
        }

        return changes;
    }

    private static FormulationRequest ApplyAll(FormulationRequest request, IEnumerable<Relaxation> changes) =>
        changes.Aggregate(request, Relaxations.Apply);

    /// <summary>The relaxations as given, then moved 1.5, 2 and 3 times as far, until the request gives a confirmed ration.</summary>
    private static (List<Relaxation> Changes, double Cost)? FirstThatWorks(FormulationRequest request, List<Relaxation> relaxations, Func<FormulationRequest, double?> verify)
    {
        foreach (var factor in new[] { 1.0, 1.5, 2, 3 })
        {
            var moved = relaxations.Select(r => Further(r, factor)).ToList();
            if (verify(ApplyAll(request, moved)) is { } cost)
            {
                return (moved, cost);
            }
        }

        return null;
    }

    private static Relaxation Further(Relaxation relaxation, double factor)
    {
        if (factor == 1)
        {
            return relaxation;
        }

        var value = relaxation.From + (relaxation.FieldValue - relaxation.From) * factor;
        var to = relaxation.From + (relaxation.To - relaxation.From) * factor;
        if (relaxation.Constraint.Bound == "min" && relaxation.From >= 0)
        {
            (value, to) = (Math.Max(0, value), Math.Max(0, to));
        }

        return relaxation with
        {
            FieldValue = Round(value),
            To = Round(to),
            Message = relaxation.Message.Replace(Wording.Number(relaxation.To), Wording.Number(Round(to)), StringComparison.Ordinal),
            // The same change in the message's parameters (the value the text shows moves with it).
            MessageCode = relaxation.MessageCode is { } code
                ? code with { Args = code.Args.ToDictionary(a => a.Key, a => a.Value == Wording.Number(relaxation.To) ? Wording.Number(Round(to)) : a.Value, StringComparer.Ordinal) }
                : null,
        };
    }

    /// <summary>The request's feed prices against US prices: the median price per kg DM of its feeds over <see cref="ReferencePricePerKgDm"/>.</summary>
    private static double PriceScale(BestPossibleRation best)
    {
        var prices = best.Feeds.Select(f => f.PricePerKgDm).Where(p => p > 0).Order().ToList();
        return prices.Count == 0 ? 1 : prices[prices.Count / 2] / ReferencePricePerKgDm;
    }

    private static double Round(double value) => Math.Round(value, value is > -10 and < 10 ? 3 : 1);

    /// <summary>A suggestion of request changes as a message: the changes listed, then the verified cost.</summary>
    private static ServerMessage Changes(string code, IEnumerable<Relaxation> changes, double cost) =>
        ServerMessage.Of(code, ("cost", Money(cost))).WithItems([.. changes.Select(c => c.MessageCode ?? ServerMessage.Of("text", ("text", c.Message)))]);

    private static string Money(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Slug(string name) =>
        string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
