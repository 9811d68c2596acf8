using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Model;
using Cnucnm.Formulation.Preparation;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Formulation.Animal;

/// <summary>The share of a requirement to supply, % (minimum; optional maximum).</summary>
internal readonly record struct RequirementBounds(double Min, double? Max);

/// <summary>
/// The rows animal mode adds to the LP from a <see cref="RationLinearization"/>: one per enforced
/// requirement (supply − p·requirement ≥ 0, both linear in the feeds), the concentration guard rails
/// (forage NDF, NDF, starch, fatty acids, % DM) and the ruminal N balance.
/// </summary>
internal sealed class AnimalRows
{
    private readonly List<(int Row, string Name, string Unit, LinearRequirement? Line, double[]? PerKg, double Constant)> _rows = [];

    private AnimalRows(IReadOnlyDictionary<string, RequirementBounds> targets) => Targets = targets;

    /// <summary>The enforced requirements by <see cref="DairyBalances.Pair.Nutrient"/>.</summary>
    public IReadOnlyDictionary<string, RequirementBounds> Targets { get; }

    public static IReadOnlyDictionary<string, RequirementBounds> EnforcedTargets(PreparedAnimal spec, RationLinearization linear)
    {
        var targets = new Dictionary<string, RequirementBounds>(StringComparer.Ordinal);
        foreach (var line in linear.Requirements)
        {
            var group = DairyBalances.Pairs.First(p => p.Nutrient == line.Nutrient).Group;
            // NEL is ME times a constant efficiency: ME stands for both. Of the amino acids, Lys and Met by default.
            var byDefault = line.Nutrient != "NEL"
                            && (group != DairyBalances.NutrientGroup.AminoAcid || (spec.MeetLysineAndMethionine && line.Nutrient is "Lys" or "Met"));
            spec.Requirements.TryGetValue(line.Nutrient, out var asked);
            var min = asked?.MinPercent ?? (byDefault ? 100 : 0);
            var max = asked?.MaxPercent ?? line.Nutrient switch
            {
                "ME" => spec.MaxEnergyPercentOfRequirement,
                "MP" => spec.Rails.MaxMetabolizableProteinPercentOfRequirement,
                _ => null,
            };
            if (!double.IsFinite(line.Required) || line.Required <= 0 || (min <= 0 && max is null))
            {
                continue;
            }

            targets[line.Nutrient] = new RequirementBounds(min, max);
        }

        return targets;
    }

    public static AnimalRows Add(LinearProgram lp, RationLinearization linear, PreparedAnimal spec, IReadOnlyDictionary<string, double> margins)
    {
        var rows = new AnimalRows(EnforcedTargets(spec, linear));
        var n = lp.FeedCount;
        var dm = lp.ReferenceDryMatterKg;
        foreach (var line in linear.Requirements)
        {
            if (!rows.Targets.TryGetValue(line.Nutrient, out var target))
            {
                continue;
            }

            var shortUnit = line.Unit.Replace(" absorbed", "", StringComparison.Ordinal).Replace(" dietary", "", StringComparison.Ordinal);
            var margin = margins.GetValueOrDefault(line.Nutrient);
            foreach (var (side, percent) in new[] { (BoundSide.Min, (double?)target.Min), (BoundSide.Max, target.Max) })
            {
                if (percent is not { } p || (side == BoundSide.Min && p <= 0))
                {
                    continue;
                }

                // supply ≥ p·requirement: Σ (s − p·r)·x ≥ p·R₀ − S₀ (+ a margin for curvature, see AnimalFormulation).
                var share = p / 100;
                var coefficients = new double[n];
                for (var j = 0; j < n; j++)
                {
                    var c = line.SupplyPerKgDm[j] - share * line.RequirementPerKgDm[j];
                    coefficients[j] = double.IsFinite(c) ? c : 0;
                }

                var bound = share * line.RequirementConstant - line.SupplyConstant;
                var amount = share * line.Required;
                var info = new BoundInfo("requirement", line.Nutrient, side, $"requirements.{line.Nutrient}.{(side == BoundSide.Min ? "minPercent" : "maxPercent")}",
                    $"{line.Nutrient} requirement", amount, shortUnit, RelaxationWeights.Requirement, Math.Max(amount, 1e-6),
                    FieldPerUnit: 100 / line.Required);
                var row = side == BoundSide.Min
                    ? LpRow.Dense(new RowRole(RowKind.Requirement, 0, line.Nutrient), coefficients, bound + margin, double.PositiveInfinity, lowerInfo: info)
                    : LpRow.Dense(new RowRole(RowKind.Requirement, 1, line.Nutrient), coefficients, double.NegativeInfinity, bound, upperInfo: info);
                lp.AddRow(row);
                rows._rows.Add((lp.Rows.Count - 1, line.Nutrient, shortUnit, line, null, 0));
            }
        }

        void Concentration(string name, string key, string field, BoundSide side, double percent)
        {
            double[] perKg = [.. linear.PerKgDm[key].Select(v => 100 * v)];
            ConcentrationRow.Add(lp, name, $"guardRails.{field}", "% DM", side, percent, perKg, Math.Max(percent, 1) * dm);
            rows._rows.Add((lp.Rows.Count - 1, name, "% DM", null, perKg, 0));
        }

        Concentration("forage NDF", "ForNDF", "minForageNdfPercentOfDm", BoundSide.Min, spec.MinForageNdfPercentOfDm);
        Concentration("NDF", "NDF", "minNdfPercentOfDm", BoundSide.Min, spec.MinNdfPercentOfDm);
        Concentration("starch", "St", "maxStarchPercentOfDm", BoundSide.Max, spec.MaxStarchPercentOfDm);
        Concentration("fatty acids", "FA", "maxFatPercentOfDm", BoundSide.Max, spec.MaxFatPercentOfDm);

        var rails = spec.Rails;
        // Crude protein from the library's composition as given (a blank cell counts 0), as the guard-rail check reads it.
        double[] libraryCp = [.. linear.Feeds.Select(f => f.OrZero(FeedNutrient.Fd_CP))];
        void CrudeProtein(string field, BoundSide side, double percent)
        {
            ConcentrationRow.Add(lp, "crude protein", $"guardRails.{field}", "% DM", side, percent, libraryCp, Math.Max(percent, 1) * dm);
            rows._rows.Add((lp.Rows.Count - 1, "crude protein", "% DM", null, libraryCp, 0));
        }

        CrudeProtein("maxCrudeProteinPercentOfDm", BoundSide.Max, rails.MaxCrudeProteinPercentOfDm!.Value);
        if (rails.MinCrudeProteinPercentOfDm is { } minimumCp)
        {
            CrudeProtein("minCrudeProteinPercentOfDm", BoundSide.Min, minimumCp);
        }

        // Exactly linear concentrations from the feeds' composition: Σ x·(v − limit) ≤ 0 (≥ 0 for a minimum).
        void Composition(string name, string field, string unit, double[] perKg, BoundSide side, double limit, double smallest)
        {
            ConcentrationRow.Add(lp, name, $"guardRails.{field}", unit, side, limit, perKg, Math.Max(Math.Abs(limit), smallest) * dm);
            rows._rows.Add((lp.Rows.Count - 1, name, unit, null, perKg, 0));
        }

        var feeds = linear.Feeds;
        foreach (var (column, limit) in rails.MaxMineralPerKgDm!.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var nutrient = Enum.Parse<FeedNutrient>(column);
            var values = feeds.Select(f => f.OrZero(nutrient)).ToArray();
            if (values.All(v => v <= limit))
            {
                continue;
            }

            Composition(MineralName(column), $"maxMineralPerKgDm.{column}", MineralUnit(column), values, BoundSide.Max, limit, MineralUnit(column) == "% DM" ? 0.01 : 0.1);
        }

        var supplementalSe = feeds.Select(f => IsSupplement(f) ? f.OrZero(FeedNutrient.Fd_Se) : 0).ToArray();
        if (supplementalSe.Any(v => v > rails.MaxSupplementalSeleniumMgPerKgDm!.Value))
        {
            Composition("supplemental Se", "maxSupplementalSeleniumMgPerKgDm", "mg/kg DM", supplementalSe, BoundSide.Max, rails.MaxSupplementalSeleniumMgPerKgDm!.Value, 0.01);
        }

        // Ca:P ≥ r is Σ x·(Ca − r·P) ≥ 0, % DM.
        foreach (var (side, ratio, field) in new[] { (BoundSide.Min, rails.MinCalciumToPhosphorus, "minCalciumToPhosphorus"), (BoundSide.Max, rails.MaxCalciumToPhosphorus, "maxCalciumToPhosphorus") })
        {
            if (ratio is not { } r)
            {
                continue;
            }

            var coefficients = feeds.Select(f => f.OrZero(FeedNutrient.Fd_Ca) - r * f.OrZero(FeedNutrient.Fd_P)).ToArray();
            // One unit of the ratio moves the row by Σ x·P (% DM × kg); about 0.4 % P × intake scales the relaxation.
            var info = new BoundInfo("guardRail", "Ca:P", side, $"guardRails.{field}", $"Ca:P {(side == BoundSide.Min ? "minimum" : "maximum")}", r, "Ca:P",
                RelaxationWeights.GuardRail, Math.Max(r, 0.5) * 0.4 * dm, BoundScaling.Factor, 0.4 * dm);
            var role = new RowRole(RowKind.GuardRail, side == BoundSide.Min ? 0 : 1, "Ca:P");
            lp.AddRow(side == BoundSide.Min
                ? LpRow.Dense(role, coefficients, 0, double.PositiveInfinity, lowerInfo: info)
                : LpRow.Dense(role, coefficients, double.NegativeInfinity, 0, upperInfo: info));
        }

        if (rails.MaxDcadMilliequivalentsPerKgDm is { } dcad)
        {
            var perKg = feeds.Select(Dcad).ToArray();
            Composition("DCAD", "maxDcadMilliequivalentsPerKgDm", "mEq/kg DM", perKg, BoundSide.Max, dcad, 50);
        }

        // Ruminal N balance (g CP/d) = constant + Σ per kg · x ≥ minimum.
        var balance = spec.MinRumenNitrogenBalanceGramsPerDay;
        var rnbInfo = new BoundInfo("guardRail", "ruminal N balance", BoundSide.Min, "guardRails.minRumenNitrogenBalanceGramsPerDay",
            "ruminal N balance minimum", balance, "g CP/d", RelaxationWeights.GuardRail, Math.Max(Math.Abs(balance), 100));
        lp.AddRow(LpRow.Dense(new RowRole(RowKind.GuardRail, 0, "ruminal N balance"), linear.RumenNitrogenBalancePerKg,
            balance - linear.RumenNitrogenBalanceConstant, double.PositiveInfinity, lowerInfo: rnbInfo));
        rows._rows.Add((lp.Rows.Count - 1, "ruminal N balance", "g CP/d", null, linear.RumenNitrogenBalancePerKg, linear.RumenNitrogenBalanceConstant));
        return rows;
    }

    /// <summary>The rows as nutrients of the response: supply (linear, at the solution) and shadow prices.</summary>
    public IReadOnlyList<NutrientResult> Results(LinearProgram lp, LpResult result)
    {
        var x = ResponseBuilder.CleanAmounts(result, lp.FeedCount);
        var dm = x.Sum();
        var list = new List<NutrientResult>();
        foreach (var group in _rows.GroupBy(r => r.Name))
        {
            var first = group.First();
            double perDay;
            Bounds? perDayBounds = null;
            Bounds? perKgBounds = null;
            if (first.Line is { } line)
            {
                perDay = line.SupplyAt(x);
                var required = line.RequirementAt(x);
                var target = Targets[line.Nutrient];
                perDayBounds = new Bounds(required * target.Min / 100, target.Max is { } max ? required * max / 100 : null);
            }
            else
            {
                perDay = first.Constant + ResponseBuilder.Dot(first.PerKg!, x);
                var row = lp.Rows[first.Row];
                if (IsConcentration(first.Unit))
                {
                    var limit = row.LowerInfo?.Value ?? row.UpperInfo?.Value;
                    perKgBounds = row.LowerInfo is not null ? new Bounds(limit) : new Bounds(null, limit);
                }
                else
                {
                    perDayBounds = new Bounds(row.LowerInfo?.Value);
                }
            }

            var prices = new List<ShadowPrice>();
            foreach (var entry in group)
            {
                var dual = result.HasDuals ? result.RowDuals[entry.Row] : 0;
                if (Math.Abs(dual) <= 1e-9)
                {
                    continue;
                }

                var lower = lp.Rows[entry.Row].LowerInfo is not null;
                prices.Add(IsConcentration(entry.Unit)
                    ? new ShadowPrice(lower ? "perKgDm.min" : "perKgDm.max", dual * dm)
                    : new ShadowPrice(lower ? "perDay.min" : "perDay.max", dual));
            }

            var top = prices.OrderByDescending(p => Math.Abs(p.Value)).FirstOrDefault();
            var perKgDm = dm > 0 ? perDay / dm : 0;
            list.Add(new NutrientResult(first.Name, first.Unit, perDay, perKgDm, perDayBounds, perKgBounds,
                top?.Value ?? 0, top?.Bound, prices));
        }

        return list;
    }

    private static bool IsConcentration(string unit) => unit is "% DM" or "mg/kg DM" or "mEq/kg DM";

    /// <summary>Mineral and additive feeds: their Se is supplemental (premixes, Se yeast, selenite).</summary>
    internal static bool IsSupplement(Feed feed) => feed.Category is "Vitamin/Mineral" or "Additive";

    /// <summary>DCAD of a feed, mEq/kg DM: (Na + K − Cl − S), NASEM (2021) Ch. 7 (<see cref="Minerals.DcadMilliequivalentsPerKg"/>).</summary>
    internal static double Dcad(Feed feed) => Minerals.DcadMilliequivalentsPerKg(feed.OrZero(FeedNutrient.Fd_K), feed.OrZero(FeedNutrient.Fd_Na),
        feed.OrZero(FeedNutrient.Fd_Cl), feed.OrZero(FeedNutrient.Fd_S));

    internal static string MineralName(string column) => column[3..];

    /// <summary>S, K, Mg and the other macro minerals are in % DM in the library; trace minerals in mg/kg DM.</summary>
    internal static string MineralUnit(string column) => column is "Fd_Ca" or "Fd_P" or "Fd_Na" or "Fd_Cl" or "Fd_K" or "Fd_Mg" or "Fd_S" ? "% DM" : "mg/kg DM";
}
