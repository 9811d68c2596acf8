using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Model;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Beef;

/// <summary>Per-feed values of the beef guard rails (per kg DM of each feed; all the rails are linear in the feeds).</summary>
internal sealed record BeefRailValues(
    double[] RoughagePercent,
    double[] ForageNdfPercent,
    double[] StarchPercent,
    double[] FatPercent,
    double[] UreaPercent,
    double[] CalciumGramsPerKg,
    double[] PhosphorusGramsPerKg,
    double[] DegradableProteinBalanceGramsPerKg)
{
    /// <summary>A feed whose crude protein is ≥ 90 % non-protein N and ≥ 100 % of DM in CP equivalent (urea 281 %, biuret,
    /// ammonium salts) counts against the urea limit with all its DM.</summary>
    public static BeefRailValues Of(Feed[] feeds, BeefFeedValues values)
    {
        var n = feeds.Length;
        var rails = new BeefRailValues(new double[n], new double[n], new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (var j = 0; j < n; j++)
        {
            var feed = feeds[j];
            var concentrate = feed[FeedNutrient.Fd_Conc];
            var roughage = double.IsNaN(concentrate) ? (feed.IsForage ? 100 : 0) : 100 - concentrate;
            rails.RoughagePercent[j] = roughage;
            rails.ForageNdfPercent[j] = roughage / 100 * feed.OrZero(FeedNutrient.Fd_NDF);
            rails.StarchPercent[j] = feed.OrZero(FeedNutrient.Fd_St);
            // Ether extract as the beef books state fat; the fatty acids + 1 where a feed gives no EE.
            rails.FatPercent[j] = double.IsNaN(feed[FeedNutrient.Fd_CFat]) ? feed.OrZero(FeedNutrient.Fd_FA) + 1 : feed[FeedNutrient.Fd_CFat];
            rails.UreaPercent[j] = feed.OrZero(FeedNutrient.Fd_NPN_CP) >= 90 && feed.OrZero(FeedNutrient.Fd_CP) >= 100 ? 100 : 0;
            rails.CalciumGramsPerKg[j] = feed.OrZero(FeedNutrient.Fd_Ca) * 10;
            rails.PhosphorusGramsPerKg[j] = feed.OrZero(FeedNutrient.Fd_P) * 10;
            // NRC (2000) Level 1: degradable protein less the microbial CP the TDN supports (130 g/kg TDN).
            rails.DegradableProteinBalanceGramsPerKg[j] = values.DegradableProteinGramsPerKg[j] - 1.3 * values.TdnPercent[j];
        }

        return rails;
    }
}

/// <summary>
/// The rows beef animal mode adds to the shared LP: one per enforced requirement row (supply − p·requirement ≥ 0,
/// both linear in the feeds) and the beef guard rails: roughage, forage NDF, starch, fat and urea as shares of DM,
/// Ca:P as Σ x·(Ca − r·P) ≥ 0, and the degradable protein balance per day.
/// </summary>
internal sealed class BeefRows
{
    private readonly List<(int Row, string Name, string Unit, LinearRequirement? Line, double[]? PerKg)> _rows = [];

    private BeefRows(IReadOnlyDictionary<string, (double Min, double? Max)> targets) => Targets = targets;

    public IReadOnlyDictionary<string, (double Min, double? Max)> Targets { get; }

    public static IReadOnlyDictionary<string, (double Min, double? Max)> EnforcedTargets(PreparedBeef beef, IReadOnlyList<LinearRequirement> lines)
    {
        var targets = new Dictionary<string, (double Min, double? Max)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            beef.Requirements.TryGetValue(line.Nutrient, out var asked);
            var min = asked?.MinPercent ?? (beef.Model.EnforcedByDefault.Contains(line.Nutrient) ? 100 : 0);
            var max = asked?.MaxPercent;
            if (double.IsFinite(line.Required) && line.Required > 0 && (min > 0 || max is not null))
            {
                targets[line.Nutrient] = (min, max);
            }
        }

        return targets;
    }

    public static BeefRows Add(LinearProgram lp, IReadOnlyList<LinearRequirement> lines, PreparedBeef beef, BeefRailValues rails,
        IReadOnlyDictionary<string, double> margins)
    {
        var rows = new BeefRows(EnforcedTargets(beef, lines));
        var n = lp.FeedCount;
        foreach (var line in lines)
        {
            if (!rows.Targets.TryGetValue(line.Nutrient, out var target))
            {
                continue;
            }

            var unit = line.Unit.Replace(" dietary", "", StringComparison.Ordinal);
            foreach (var (side, percent) in new[] { (BoundSide.Min, (double?)target.Min), (BoundSide.Max, target.Max) })
            {
                if (percent is not { } p || (side == BoundSide.Min && p <= 0))
                {
                    continue;
                }

                // supply ≥ p·requirement: Σ (s − p·r)·x ≥ p·R₀ − S₀ (+ a margin for the curvature the line misses).
                var share = p / 100;
                var coefficients = new double[n];
                for (var j = 0; j < n; j++)
                {
                    coefficients[j] = line.SupplyPerKgDm[j] - share * line.RequirementPerKgDm[j];
                }

                var bound = share * line.RequirementConstant - line.SupplyConstant;
                var amount = share * line.Required;
                var field = $"requirements.{line.Nutrient}.{(side == BoundSide.Min ? "minPercent" : "maxPercent")}";
                var info = new BoundInfo("requirement", line.Nutrient, side, field, $"{line.Nutrient} requirement", amount, unit,
                    RelaxationWeights.Requirement, Math.Max(amount, 1e-6), FieldPerUnit: 100 / line.Required);
                var role = new RowRole(RowKind.Requirement, side == BoundSide.Min ? 0 : 1, line.Nutrient);
                lp.AddRow(side == BoundSide.Min
                    ? LpRow.Dense(role, coefficients, bound + margins.GetValueOrDefault(line.Nutrient), double.PositiveInfinity, lowerInfo: info)
                    : LpRow.Dense(role, coefficients, double.NegativeInfinity, bound, upperInfo: info));
                rows._rows.Add((lp.Rows.Count - 1, line.Nutrient, unit, line, null));
            }
        }

        var limits = beef.Limits;
        rows.Share(lp, "roughage", "minRoughagePercentOfDm", BoundSide.Min, limits.MinRoughagePercentOfDm, rails.RoughagePercent);
        rows.Share(lp, "forage NDF", "minForageNdfPercentOfDm", BoundSide.Min, limits.MinForageNdfPercentOfDm, rails.ForageNdfPercent);
        rows.Share(lp, "starch", "maxStarchPercentOfDm", BoundSide.Max, limits.MaxStarchPercentOfDm, rails.StarchPercent);
        rows.Share(lp, "fat", "maxFatPercentOfDm", BoundSide.Max, limits.MaxFatPercentOfDm, rails.FatPercent);
        rows.Share(lp, "urea", "maxUreaPercentOfDm", BoundSide.Max, limits.MaxUreaPercentOfDm, rails.UreaPercent);
        rows.CalciumToPhosphorus(lp, BoundSide.Min, limits.MinCalciumToPhosphorus, rails);
        rows.CalciumToPhosphorus(lp, BoundSide.Max, limits.MaxCalciumToPhosphorus, rails);

        var balance = limits.MinDegradableProteinBalanceGramsPerDay;
        var info2 = new BoundInfo("guardRail", "degradable protein balance", BoundSide.Min, "beef.guardRails.minDegradableProteinBalanceGramsPerDay",
            "degradable protein balance minimum", balance, "g/d", RelaxationWeights.GuardRail, Math.Max(Math.Abs(balance), 100));
        lp.AddRow(LpRow.Dense(new RowRole(RowKind.GuardRail, 0, "degradable protein balance"), rails.DegradableProteinBalanceGramsPerKg, balance,
            double.PositiveInfinity, lowerInfo: info2));
        rows._rows.Add((lp.Rows.Count - 1, "degradable protein balance", "g/d", null, rails.DegradableProteinBalanceGramsPerKg));
        return rows;
    }

    /// <summary>Σ x·(v − p) ≥ 0 (minimum) or ≤ 0 (maximum): a share of diet DM, exact (<see cref="ConcentrationRow"/>, as in dairy mode).</summary>
    private void Share(LinearProgram lp, string name, string field, BoundSide side, double percent, double[] perKg)
    {
        ConcentrationRow.Add(lp, name, $"beef.guardRails.{field}", "% DM", side, percent, perKg, Math.Max(percent, 1) * lp.ReferenceDryMatterKg);
        _rows.Add((lp.Rows.Count - 1, name, "% DM", null, perKg));
    }

    /// <summary>Ca:P ≥ r (or ≤ r) as Σ x·(Ca − r·P) ≥ 0 (≤ 0); one unit of r is Σ x·P row units (taken at the mean feed P).</summary>
    private void CalciumToPhosphorus(LinearProgram lp, BoundSide side, double ratio, BeefRailValues rails)
    {
        var n = rails.CalciumGramsPerKg.Length;
        var coefficients = new double[n];
        for (var j = 0; j < n; j++)
        {
            coefficients[j] = rails.CalciumGramsPerKg[j] - ratio * rails.PhosphorusGramsPerKg[j];
        }

        var min = side == BoundSide.Min;
        var factor = Math.Max(rails.PhosphorusGramsPerKg.Average(), 0.1) * lp.ReferenceDryMatterKg;
        var info = new BoundInfo("guardRail", "Ca:P", side, $"beef.guardRails.{(min ? "min" : "max")}CalciumToPhosphorus", $"Ca:P {(min ? "minimum" : "maximum")}",
            ratio, "g Ca/g P", RelaxationWeights.GuardRail, Math.Max(ratio, 0.5) * factor, BoundScaling.Factor, factor);
        var role = new RowRole(RowKind.GuardRail, min ? 0 : 1, "Ca:P");
        lp.AddRow(min
            ? LpRow.Dense(role, coefficients, 0, double.PositiveInfinity, lowerInfo: info)
            : LpRow.Dense(role, coefficients, double.NegativeInfinity, 0, upperInfo: info));
        _rows.Add((lp.Rows.Count - 1, "Ca:P", "g Ca/g P", null, null));
    }

    /// <summary>The rows as nutrients of the response: value at the solution, bounds and shadow prices.</summary>
    public IReadOnlyList<NutrientResult> Results(LinearProgram lp, LpResult result, BeefRailValues rails)
    {
        var x = ResponseBuilder.CleanAmounts(result, lp.FeedCount);
        var dm = x.Sum();
        var list = new List<NutrientResult>();
        foreach (var group in _rows.GroupBy(r => r.Name))
        {
            var first = group.First();
            double perDay;
            double perKgDm;
            Bounds? perDayBounds = null;
            Bounds? perKgBounds = null;
            var row = lp.Rows[first.Row];
            if (first.Line is { } line)
            {
                perDay = line.SupplyAt(x);
                perKgDm = dm > 0 ? perDay / dm : 0;
                var required = line.RequirementAt(x);
                var target = Targets[line.Nutrient];
                perDayBounds = new Bounds(required * target.Min / 100, target.Max is { } max ? required * max / 100 : null);
            }
            else if (first.Unit == "g Ca/g P")
            {
                var phosphorus = ResponseBuilder.Dot(rails.PhosphorusGramsPerKg, x);
                perKgDm = phosphorus > 0 ? ResponseBuilder.Dot(rails.CalciumGramsPerKg, x) / phosphorus : 0;
                perDay = perKgDm;
                perKgBounds = new Bounds(group.Select(g => lp.Rows[g.Row].LowerInfo?.Value).FirstOrDefault(v => v is not null),
                    group.Select(g => lp.Rows[g.Row].UpperInfo?.Value).FirstOrDefault(v => v is not null));
            }
            else if (first.Unit == "% DM")
            {
                perDay = ResponseBuilder.Dot(first.PerKg!, x) / 100;
                perKgDm = dm > 0 ? perDay / dm * 100 : 0;
                perKgBounds = row.LowerInfo is { } lower ? new Bounds(lower.Value) : new Bounds(null, row.UpperInfo?.Value);
            }
            else
            {
                perDay = ResponseBuilder.Dot(first.PerKg!, x);
                perKgDm = dm > 0 ? perDay / dm : 0;
                perDayBounds = new Bounds(row.LowerInfo?.Value);
            }

            var prices = new List<ShadowPrice>();
            foreach (var entry in group)
            {
                var dual = result.HasDuals ? result.RowDuals[entry.Row] : 0;
                if (Math.Abs(dual) <= 1e-9)
                {
                    continue;
                }

                var lowerSide = lp.Rows[entry.Row].LowerInfo is not null;
                prices.Add(entry.Unit is "% DM" or "g Ca/g P"
                    ? new ShadowPrice(lowerSide ? "perKgDm.min" : "perKgDm.max", dual * (lp.Rows[entry.Row].LowerInfo ?? lp.Rows[entry.Row].UpperInfo)!.RowUnitsPerUnit(dm))
                    : new ShadowPrice(lowerSide ? "perDay.min" : "perDay.max", dual));
            }

            var top = prices.OrderByDescending(p => Math.Abs(p.Value)).FirstOrDefault();
            list.Add(new NutrientResult(first.Name, first.Unit, perDay, perKgDm, perDayBounds, perKgBounds, top?.Value ?? 0, top?.Bound, prices));
        }

        return list;
    }
}
