using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Preparation;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Model;

/// <summary>Turns a solved model into the response: amounts, costs, shadow prices, reduced costs, batch.</summary>
internal static class ResponseBuilder
{
    /// <summary>Duals smaller than this (cost per row unit) count as zero.</summary>
    private const double DualTolerance = 1e-9;

    /// <summary>The solution's feed amounts, with solver noise (|x| &lt; 1e-9 kg) set to 0.</summary>
    public static double[] CleanAmounts(LpResult result, int feedCount)
    {
        var x = new double[feedCount];
        for (var j = 0; j < feedCount; j++)
        {
            var value = result.X[j];
            x[j] = Math.Abs(value) < 1e-9 ? 0 : value;
        }

        return x;
    }

    public static FormulationResponse Optimal(PreparedRequest request, LinearProgram lp, LpResult result, ChangeSummary? changes = null,
        AnimalResult? animal = null, IReadOnlyList<NutrientResult>? extraNutrients = null)
    {
        var x = CleanAmounts(result, request.FeedCount);
        var dm = x.Sum();
        var asFed = 0.0;
        var cost = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            asFed += x[j] / request.Feeds[j].DryMatterFraction;
            cost += x[j] * request.Feeds[j].PricePerKgDm;
        }

        var feeds = Feeds(request, lp, result, x, dm);
        var nutrients = new List<NutrientResult>();
        if (extraNutrients is not null)
        {
            nutrients.AddRange(extraNutrients);
        }

        nutrients.AddRange(Nutrients(request, lp, result, x, dm));
        var intakeRow = lp.Rows.FindIndex(r => r.Role.Kind == RowKind.DryMatterIntake);
        double? intakeShadow = intakeRow >= 0 && result.HasDuals ? Zero(result.RowDuals[intakeRow]) : null;
        return new FormulationResponse(FormulationStatus.Optimal, request.Mode, cost, dm, asFed, intakeShadow, feeds, nutrients,
            Ratios(request, lp, result, x, dm), changes, Batch(request, feeds), animal, Currency: request.Currency,
            CompositionNotes: [.. request.Feeds.Where(f => x[f.Index] > 0 && f.NasemFeed is not null)
                .SelectMany(f => CompositionNoteLine.For([f.NasemFeed!]).Select(note => note with { FeedId = f.Id }))]);
    }

    public static FormulationResponse Infeasible(PreparedRequest request, InfeasibilityExplanation explanation, AnimalResult? animal = null) =>
        new(FormulationStatus.Infeasible, request.Mode, Animal: animal, Explanation: explanation, Currency: request.Currency);

    private static List<FeedResult> Feeds(PreparedRequest request, LinearProgram lp, LpResult result, double[] x, double dm)
    {
        var feeds = new List<FeedResult>(request.FeedCount);
        foreach (var feed in request.Feeds)
        {
            var j = feed.Index;
            var amount = x[j];
            var lower = lp.Lower[j];
            var upper = lp.Upper[j];
            var tolerance = 1e-7 * Math.Max(1, Math.Abs(amount));
            string? bound = request.Excluded[j] ? "excluded"
                : request.Fixed[j] is not null ? "fixed"
                : amount <= lower + tolerance ? "min"
                : amount >= upper - tolerance ? "max"
                : null;
            double? reduced = result.HasDuals && !request.Excluded[j] && request.Fixed[j] is null ? Zero(result.ReducedCosts[j]) : null;
            double? entering = null;
            double? enteringPerTonne = null;
            if (reduced is { } d && amount == 0 && upper > 0)
            {
                entering = feed.PricePerKgDm - Math.Max(0, d);
                enteringPerTonne = entering * feed.DryMatterFraction * 1000;
            }

            feeds.Add(new FeedResult(feed.Id, feed.Name, amount, amount / feed.DryMatterFraction, dm > 0 ? amount / dm * 100 : 0, feed.PricePerKgDm,
                amount * feed.PricePerKgDm, reduced, entering, enteringPerTonne, bound));
        }

        return feeds;
    }

    /// <summary>Bounded nutrients with their shadow prices, then (explicit mode) the other nutrients every feed gives.</summary>
    private static List<NutrientResult> Nutrients(PreparedRequest request, LinearProgram lp, LpResult result, double[] x, double dm)
    {
        var list = new List<NutrientResult>();
        foreach (var nutrient in request.Nutrients)
        {
            var perDay = Dot(nutrient.Values, x);
            var prices = new List<ShadowPrice>();
            if (result.HasDuals)
            {
                for (var r = 0; r < lp.Rows.Count; r++)
                {
                    var role = lp.Rows[r].Role;
                    if (role.Index != nutrient.RequestIndex)
                    {
                        continue;
                    }

                    var dual = result.RowDuals[r];
                    if (Math.Abs(dual) <= DualTolerance)
                    {
                        continue;
                    }

                    switch (role.Kind)
                    {
                        case RowKind.NutrientPerDay:
                            prices.Add(new ShadowPrice(dual > 0 ? "perDay.min" : "perDay.max", dual));
                            break;
                        case RowKind.NutrientPerKgDmMin:
                            // Row Σ x·(v − b) ≥ 0: raising b by δ raises the row's right side by δ·Σx.
                            prices.Add(new ShadowPrice("perKgDm.min", dual * dm));
                            break;
                        case RowKind.NutrientPerKgDmMax:
                            prices.Add(new ShadowPrice("perKgDm.max", dual * dm));
                            break;
                    }
                }
            }

            var top = prices.OrderByDescending(p => Math.Abs(p.Value)).FirstOrDefault();
            list.Add(new NutrientResult(nutrient.Name, nutrient.Unit, perDay, dm > 0 ? perDay / dm : 0, nutrient.PerDay, nutrient.PerKgDm,
                top?.Value ?? 0, top?.Bound, prices));
        }

        if (request.Mode == FormulationMode.Explicit)
        {
            var bounded = request.Nutrients.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            var others = request.Feeds.SelectMany(f => f.Composition.Keys).Where(k => !bounded.Contains(k)).Distinct(StringComparer.Ordinal)
                .Where(k => request.Feeds.All(f => f.Composition.ContainsKey(k)))
                .OrderBy(k => k, StringComparer.Ordinal);
            foreach (var name in others)
            {
                var perDay = request.Feeds.Sum(f => f.Composition[name] * x[f.Index]);
                list.Add(new NutrientResult(name, null, perDay, dm > 0 ? perDay / dm : 0, null, null, 0, null, []));
            }
        }

        return list;
    }

    private static List<RatioResult> Ratios(PreparedRequest request, LinearProgram lp, LpResult result, double[] x, double dm)
    {
        var list = new List<RatioResult>();
        foreach (var ratio in request.Ratios)
        {
            var share = dm > 0 ? ratio.Feeds.Sum(j => x[j]) / dm : 0;
            double shadow = 0;
            string? binding = null;
            if (result.HasDuals)
            {
                for (var r = 0; r < lp.Rows.Count; r++)
                {
                    var role = lp.Rows[r].Role;
                    if (role.Kind is RowKind.RatioMin or RowKind.RatioMax && role.Index == ratio.RequestIndex && Math.Abs(result.RowDuals[r]) > DualTolerance
                        && Math.Abs(result.RowDuals[r] * dm) > Math.Abs(shadow))
                    {
                        shadow = result.RowDuals[r] * dm;
                        binding = role.Kind == RowKind.RatioMin ? "min" : "max";
                    }
                }
            }

            list.Add(new RatioResult(ratio.Name, ratio.FeedIds, share, ratio.Min, ratio.Max, shadow, binding));
        }

        return list;
    }

    /// <summary>The mixer sheet: kg as fed per head × head count, split into equal loads no larger than the mixer.</summary>
    private static BatchPlan? Batch(PreparedRequest request, List<FeedResult> feeds)
    {
        if (request.BatchHeadCount is not { } head)
        {
            return null;
        }

        var used = feeds.Where(f => f.KgDm > 0).ToList();
        var total = used.Sum(f => f.KgAsFed) * head;
        var loads = request.MixerCapacityKgAsFed is { } capacity && total > 0 ? Math.Max(1, (int)Math.Ceiling(total / capacity - 1e-9)) : 1;
        var lines = used.Select(f => new BatchLine(f.Id, f.Name, f.KgAsFed, f.KgAsFed * head, f.KgAsFed * head / loads)).ToList();
        return new BatchPlan(head, total, loads, total / loads, request.MixerCapacityKgAsFed, lines);
    }

    public static double Dot(double[] a, double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * x[i];
        }

        return sum;
    }

    private static double Zero(double value) => Math.Abs(value) <= DualTolerance ? 0 : value;
}
