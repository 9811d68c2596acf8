using Cnucnm.Formulation.Lp;
using Cnucnm.Nutrition.Messages;

namespace Cnucnm.Formulation.Model;

/// <summary>
/// Explains an infeasible model with an elastic version of it: every relaxable bound gets a slack
/// variable priced at its <see cref="BoundInfo.Weight"/> per relative unit, and the weighted sum of
/// slacks is minimised.
/// <list type="number">
/// <item><b>Diagnosis.</b> Only the nutritional side gives (nutrient, requirement, guard-rail, ratio and
/// intake bounds); feed limits, fixed amounts and stock are held (weight × 1000). The slacks say how far
/// each nutritional bound is missed with the feeds as limited ("MP short by 140 g/d"); the rows and feed
/// bounds with a non-zero dual in this elastic LP are the constraints that conflict (the support of its
/// dual certificate).</item>
/// <item><b>Way out.</b> Every bound may give at its own weight; the least weighted relaxation is found,
/// then the cheapest ration among those that relax no more. Each slack becomes a one-click
/// <see cref="Relaxation"/> (set this field to this value), rounded outward so that applying them all
/// leaves a feasible problem.</item>
/// </list>
/// </summary>
internal static partial class InfeasibilityAnalyzer
{
    private static readonly HashSet<string> NutritionalKinds = new(StringComparer.Ordinal)
    {
        "nutrient", "requirement", "guardRail", "ratio", "dryMatterIntake",
    };

    private sealed record SlackVariable(int Variable, BoundInfo Info);

    private sealed record ElasticModel(LinearProgram Lp, List<SlackVariable> Slacks, List<(BoundInfo? Lower, BoundInfo? Upper)> RowBounds);

    public static InfeasibilityExplanation Explain(LinearProgram lp, string? preamble = null)
    {
        ArgumentNullException.ThrowIfNull(lp);

        // 1. Diagnosis: the nutritional side gives, the feeds are held.
        var diagnosis = BuildElastic(lp, info => NutritionalKinds.Contains(info.Kind) ? info.Weight : info.Weight * RelaxationWeights.Hard);
        var diagnosed = LpSolver.Solve(diagnosis.Lp);
        var conflicts = diagnosed.Status == LpStatus.Optimal ? Conflicts(diagnosis, diagnosed) : [];

        // 2. Way out: every bound gives at its weight; then the cheapest ration that relaxes no more.
        var wayOut = BuildElastic(lp, info => info.Weight);
        var least = LpSolver.Solve(wayOut.Lp);
        if (least.Status != LpStatus.Optimal)
        {
            var text = "No ration meets every constraint, and no relaxation of the relaxable bounds helps: check excluded feeds against the other limits.";
            return new InfeasibilityExplanation(Prefix(preamble, text), conflicts, [], null, PrefixMessage(preamble, ServerMessage.Of("explain.noRelaxation")));
        }

        var chosen = CheapestWithin(lp, wayOut, least) ?? least;
        var dm = lp.DryMatter(chosen.X);
        var relaxations = new List<Relaxation>();
        foreach (var slack in wayOut.Slacks)
        {
            var amount = chosen.X[slack.Variable];
            if (amount > 1e-7 * slack.Info.RowScale + 1e-10)
            {
                relaxations.Add(ToRelaxation(slack.Info, amount, dm));
            }
        }

        var cost = 0.0;
        for (var j = 0; j < lp.FeedCount; j++)
        {
            cost += lp.Cost[j] * chosen.X[j];
        }

        var missed = conflicts.Where(c => c.Shortfall > 0).Select(c => c.Message).ToList();
        var summary = (missed.Count > 0 ? string.Join("; ", missed) : "The constraints conflict")
                      + (relaxations.Count > 0 ? ": " + string.Join("; ", relaxations.Select(r => r.Message)) + "." : ".");
        var missedMessages = conflicts.Where(c => c.Shortfall > 0 && c.MessageCode is not null).Select(c => c.MessageCode!).ToList();
        var summaryMessage = ServerMessage.Of(relaxations.Count > 0 ? "explain.summary" : "explain.summaryNoRelaxation").WithItems([
            missedMessages.Count > 0 ? ServerMessage.Of("list").WithItems(missedMessages) : ServerMessage.Of("explain.conflict"),
            ServerMessage.Of("list").WithItems([.. relaxations.Select(r => r.MessageCode!)])]);
        return new InfeasibilityExplanation(Prefix(preamble, summary), conflicts, relaxations, cost, PrefixMessage(preamble, summaryMessage));
    }

    /// <summary>
    /// Goal programming for a best-possible ration: requirements and guard rails give at their weights per relative
    /// unit; feed limits, fixed amounts, stock and intake hold (a farmer cannot make cows eat more). The least weighted
    /// shortfall, then the cheapest ration with no more of it. Null when even that has no solution (feed limits alone conflict).
    /// </summary>
    public static (LpResult Result, IReadOnlyList<Conflict> Shortfalls)? BestPossible(LinearProgram lp)
    {
        ArgumentNullException.ThrowIfNull(lp);
        var model = BuildElastic(lp, info => info.Kind != "dryMatterIntake" && NutritionalKinds.Contains(info.Kind) ? info.Weight : info.Weight * RelaxationWeights.Hard);
        var least = LpSolver.Solve(model.Lp);
        if (least.Status != LpStatus.Optimal)
        {
            return null;
        }

        var chosen = CheapestWithin(lp, model, least) ?? least;
        var dm = lp.DryMatter(chosen.X);
        var shortfalls = new List<Conflict>();
        foreach (var slack in model.Slacks)
        {
            var amount = chosen.X[slack.Variable];
            if (amount > 1e-7 * slack.Info.RowScale + 1e-10)
            {
                var shortfall = amount / slack.Info.RowUnitsPerUnit(dm);
                shortfalls.Add(new Conflict(slack.Info.Reference, slack.Info.Label, slack.Info.Value, shortfall, slack.Info.Unit, Wording.Shortfall(slack.Info, shortfall),
                    Wording.ShortfallMessage(slack.Info, shortfall)));
            }
        }

        return (chosen, shortfalls);
    }

    private static string Prefix(string? preamble, string text) => preamble is null ? text : $"{preamble} {text}";

    /// <summary>The preamble the formulations pass ("(Linearised at the ration of round 2.)") before a message.</summary>
    private static ServerMessage PrefixMessage(string? preamble, ServerMessage message)
    {
        if (preamble is null)
        {
            return message;
        }

        var round = RoundPreamble().Match(preamble);
        var lead = round.Success ? ServerMessage.Of("explain.linearisedAt", ("round", round.Groups[1].Value)) : ServerMessage.Of("text", ("text", preamble));
        return ServerMessage.Of("sentences").WithItems([lead, message]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\(Linearised at the ration of round (\d+)\.\)$")]
    private static partial System.Text.RegularExpressions.Regex RoundPreamble();

    /// <summary>The elastic copy: feed variables keep only hard bounds; each relaxable bound gets a slack.</summary>
    private static ElasticModel BuildElastic(LinearProgram lp, Func<BoundInfo, double> weight)
    {
        var n = lp.FeedCount;
        var elastic = new LinearProgram(n) { ReferenceDryMatterKg = lp.ReferenceDryMatterKg };
        var slacks = new List<SlackVariable>();
        var rowBounds = new List<(BoundInfo?, BoundInfo?)>();

        int Slack(BoundInfo info)
        {
            var variable = elastic.AddVariable(weight(info) / info.RowScale, 0, double.PositiveInfinity);
            slacks.Add(new SlackVariable(variable, info));
            return variable;
        }

        for (var j = 0; j < n; j++)
        {
            foreach (var bound in lp.LowerSources[j])
            {
                if (bound.Info is null)
                {
                    elastic.AddFeedLower(j, bound.KgDm, null);
                    continue;
                }

                var s = Slack(bound.Info);
                elastic.AddRow(new LpRow(new RowRole(RowKind.Elastic), [j, s], [1, 1], bound.KgDm, double.PositiveInfinity) { LowerInfo = bound.Info });
                rowBounds.Add((bound.Info, null));
            }

            foreach (var bound in lp.UpperSources[j])
            {
                if (bound.Info is null)
                {
                    elastic.AddFeedUpper(j, bound.KgDm, null);
                    continue;
                }

                var s = Slack(bound.Info);
                elastic.AddRow(new LpRow(new RowRole(RowKind.Elastic), [j, s], [1, -1], double.NegativeInfinity, bound.KgDm) { UpperInfo = bound.Info });
                rowBounds.Add((null, bound.Info));
            }
        }

        foreach (var row in lp.Rows)
        {
            var index = new List<int>(row.Index);
            var value = new List<double>(row.Value);
            if (row.LowerInfo is { } lower && double.IsFinite(row.Lower))
            {
                index.Add(Slack(lower));
                value.Add(1);
            }

            if (row.UpperInfo is { } upper && double.IsFinite(row.Upper))
            {
                index.Add(Slack(upper));
                value.Add(-1);
            }

            elastic.AddRow(new LpRow(row.Role, [.. index], [.. value], row.Lower, row.Upper) { LowerInfo = row.LowerInfo, UpperInfo = row.UpperInfo });
            rowBounds.Add((row.LowerInfo, row.UpperInfo));
        }

        return new ElasticModel(elastic, slacks, rowBounds);
    }

    /// <summary>Bounds missed in the diagnosis, then the other bounds whose dual is not zero.</summary>
    private static List<Conflict> Conflicts(ElasticModel model, LpResult result)
    {
        var dm = model.Lp.DryMatter(result.X);
        var conflicts = new List<Conflict>();
        var missed = new HashSet<BoundInfo>(ReferenceEqualityComparer.Instance);
        foreach (var slack in model.Slacks)
        {
            var amount = result.X[slack.Variable];
            if (amount > 1e-7 * slack.Info.RowScale + 1e-10)
            {
                var shortfall = amount / slack.Info.RowUnitsPerUnit(dm);
                missed.Add(slack.Info);
                conflicts.Add(new Conflict(slack.Info.Reference, slack.Info.Label, slack.Info.Value, shortfall, slack.Info.Unit, Wording.Shortfall(slack.Info, shortfall),
                    Wording.ShortfallMessage(slack.Info, shortfall)));
            }
        }

        for (var r = 0; r < model.Lp.Rows.Count; r++)
        {
            var dual = result.RowDuals[r];
            if (Math.Abs(dual) <= 1e-9)
            {
                continue;
            }

            var (lower, upper) = model.RowBounds[r];
            var info = dual > 0 ? lower : upper;
            if (info is not null && missed.Add(info))
            {
                conflicts.Add(new Conflict(info.Reference, info.Label, info.Value, 0, info.Unit, $"{info.Label} ({Wording.Number(info.Value)} {info.Unit}) binds",
                    Wording.BindsMessage(info)));
            }
        }

        return conflicts;
    }

    /// <summary>Among the relaxations no larger (weighted) than the least, the one whose ration costs least.</summary>
    private static LpResult? CheapestWithin(LinearProgram lp, ElasticModel model, LpResult least)
    {
        var budget = model.Lp.Clone();
        var index = model.Slacks.Select(s => s.Variable).ToArray();
        var weights = index.Select(j => model.Lp.Cost[j]).ToArray();
        budget.AddRow(new LpRow(new RowRole(RowKind.Elastic), index, weights, double.NegativeInfinity, least.Objective * (1 + 1e-7) + 1e-9));
        for (var j = 0; j < budget.VariableCount; j++)
        {
            budget.Cost[j] = j < lp.FeedCount ? lp.Cost[j] : 0;
        }

        var result = LpSolver.Solve(budget);
        return result.Status == LpStatus.Optimal ? result : null;
    }

    private static Relaxation ToRelaxation(BoundInfo info, double slack, double dryMatterKg)
    {
        var change = slack / info.RowUnitsPerUnit(dryMatterKg);
        var exact = info.Side == BoundSide.Min ? info.Value - change : info.Value + change;
        if (info.Side == BoundSide.Min && info.Value >= 0)
        {
            exact = Math.Max(0, exact);
        }

        var to = Wording.RoundOutward(exact, info.Side);
        var fieldValue = info.FieldPerUnit == 1 ? to : Wording.RoundOutward(exact * info.FieldPerUnit, info.Side);
        return new Relaxation(info.Reference, info.Label, info.Value, to, info.Unit, fieldValue, Wording.Relaxation(info, to, fieldValue, change),
            Wording.RelaxationMessage(info, to, fieldValue, change));
    }
}
