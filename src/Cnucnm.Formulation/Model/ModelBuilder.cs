using Cnucnm.Formulation.Lp;
using Cnucnm.Formulation.Preparation;

namespace Cnucnm.Formulation.Model;

/// <summary>
/// How reluctantly the elastic model gives on each kind of bound, per relative unit (a bound moved by
/// 10 % of itself costs 0.1 × weight). Nutritionists' limits on single feeds give first, requirements last.
/// </summary>
internal static class RelaxationWeights
{
    public const double FeedLimit = 1;
    public const double Ratio = 2;
    public const double FixedAmount = 3;
    public const double Inventory = 4;
    public const double GuardRail = 4;
    public const double Nutrient = 5;
    public const double DryMatterIntake = 6;
    public const double Requirement = 10;

    /// <summary>Multiplier that makes a bound practically hard in the diagnosis pass.</summary>
    public const double Hard = 1000;
}

/// <summary>
/// Builds the least-cost LP from a prepared request: x = kg DM per head per day of each feed; cost per
/// kg DM = price per kg as fed ÷ DM fraction (or the price per kg DM given); per-day bounds on Σ x·v;
/// per-kg-DM bounds as Σ x·(v − b) ≥ 0 (≤ 0 for a maximum), linear in x; ratio bounds as
/// Σ_group x − share·Σ x ≥ 0; feed bounds, fixed amounts, exclusions and stock limits as variable bounds.
/// </summary>
internal static class ModelBuilder
{
    public static LinearProgram Build(PreparedRequest request, double? dryMatterMin, double? dryMatterMax)
    {
        var n = request.FeedCount;
        var lp = new LinearProgram(n) { ReferenceDryMatterKg = ReferenceIntake(request, dryMatterMin, dryMatterMax) };
        AddFeeds(lp, request);
        AddIntake(lp, dryMatterMin, dryMatterMax, "dryMatterIntakeKg");
        foreach (var nutrient in request.Nutrients)
        {
            AddNutrient(lp, nutrient);
        }

        foreach (var ratio in request.Ratios)
        {
            AddRatio(lp, ratio, n);
        }

        return lp;
    }

    private static double ReferenceIntake(PreparedRequest request, double? min, double? max) => (min, max) switch
    {
        ({ } a, { } b) => Math.Max((a + b) / 2, 1e-3),
        ({ } a, null) => Math.Max(a, 1e-3),
        (null, { } b) => Math.Max(b, 1e-3),
        _ => Math.Max(1, request.Feeds.Sum(f => f.MinKgDm ?? 0) + request.Fixed.Sum(a => a ?? 0)),
    };

    private static void AddFeeds(LinearProgram lp, PreparedRequest request)
    {
        foreach (var feed in request.Feeds)
        {
            var j = feed.Index;
            lp.Cost[j] = feed.PricePerKgDm;
            if (feed.MinKgDm is > 0 and var min)
            {
                lp.AddFeedLower(j, min, new BoundInfo("feed", feed.Id, BoundSide.Min, $"{feed.Field}.minKgDm", $"{feed.Name} minimum", min, "kg DM/d",
                    RelaxationWeights.FeedLimit, Math.Max(min, 0.1)));
            }

            if (feed.MaxKgDm is { } max)
            {
                lp.AddFeedUpper(j, max, new BoundInfo("feed", feed.Id, BoundSide.Max, $"{feed.Field}.maxKgDm", $"{feed.Name} maximum", max, "kg DM/d",
                    RelaxationWeights.FeedLimit, Math.Max(max, 0.5)));
            }

            if (request.Fixed[j] is { } amount)
            {
                var field = $"options.fixedKgDm.{feed.Id}";
                var label = $"fixed amount of {feed.Name}";
                lp.AddFeedLower(j, amount, new BoundInfo("fixed", feed.Id, BoundSide.Min, field, label, amount, "kg DM/d",
                    RelaxationWeights.FixedAmount, Math.Max(amount, 0.5)));
                lp.AddFeedUpper(j, amount, new BoundInfo("fixed", feed.Id, BoundSide.Max, field, label, amount, "kg DM/d",
                    RelaxationWeights.FixedAmount, Math.Max(amount, 0.5)));
            }

            if (request.Excluded[j])
            {
                lp.AddFeedUpper(j, 0, null);
            }
        }

        foreach (var stock in request.Inventory)
        {
            var feed = request.Feeds[stock.Feed];
            // One kg as fed of stock is DM fraction ÷ (head × days) kg DM per head per day.
            var factor = feed.DryMatterFraction / (stock.HeadCount * stock.Days);
            lp.AddFeedUpper(stock.Feed, stock.CapKgDmPerHead, new BoundInfo("inventory", feed.Id, BoundSide.Max, $"{stock.Field}.availableKgAsFed",
                $"{feed.Name} stock", stock.AvailableKgAsFed, "kg as fed", RelaxationWeights.Inventory, Math.Max(stock.CapKgDmPerHead, 0.1),
                BoundScaling.Factor, factor));
        }
    }

    /// <summary>lower ≤ Σ x ≤ upper (kg DM per head per day).</summary>
    public static void AddIntake(LinearProgram lp, double? min, double? max, string field)
    {
        if (min is null && max is null)
        {
            return;
        }

        var ones = new double[lp.FeedCount];
        Array.Fill(ones, 1.0);
        var lowerInfo = min is { } a
            ? new BoundInfo("dryMatterIntake", "dry matter intake", BoundSide.Min, $"{field}.min", "dry matter intake minimum", a, "kg DM/d",
                RelaxationWeights.DryMatterIntake, Math.Max(a, 1))
            : null;
        var upperInfo = max is { } b
            ? new BoundInfo("dryMatterIntake", "dry matter intake", BoundSide.Max, $"{field}.max", "dry matter intake maximum", b, "kg DM/d",
                RelaxationWeights.DryMatterIntake, Math.Max(b, 1))
            : null;
        lp.AddRow(LpRow.Dense(new RowRole(RowKind.DryMatterIntake), ones, min ?? double.NegativeInfinity, max ?? double.PositiveInfinity, lowerInfo, upperInfo));
    }

    /// <summary>Per-day and per-kg-DM bounds of one nutrient (explicit nutrients, or NASEM columns in animal mode).</summary>
    public static void AddNutrient(LinearProgram lp, PreparedNutrient nutrient, string kind = "nutrient", double weight = RelaxationWeights.Nutrient)
    {
        var values = nutrient.Values;
        var largest = values.Max(Math.Abs);
        var dm = lp.ReferenceDryMatterKg;
        var unit = nutrient.Unit ?? "per kg DM";
        var dayUnit = PerDayUnit(nutrient.Unit);
        if (nutrient.PerDay is { } perDay)
        {
            BoundInfo? Info(BoundSide side, double? b) => b is { } value
                ? new BoundInfo(kind, nutrient.Name, side, $"{nutrient.Field}.perDay.{Side(side)}", $"{nutrient.Name} per day {Side(side)}imum", value, dayUnit,
                    weight, Math.Max(Math.Abs(value), 0.01 * largest * dm))
                : null;
            lp.AddRow(LpRow.Dense(new RowRole(RowKind.NutrientPerDay, nutrient.RequestIndex, nutrient.Name), values,
                perDay.Min ?? double.NegativeInfinity, perDay.Max ?? double.PositiveInfinity, Info(BoundSide.Min, perDay.Min), Info(BoundSide.Max, perDay.Max)));
        }

        if (nutrient.PerKgDm is { } perKg)
        {
            foreach (var (side, bound) in new[] { (BoundSide.Min, perKg.Min), (BoundSide.Max, perKg.Max) })
            {
                if (bound is not { } b)
                {
                    continue;
                }

                var shifted = new double[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    shifted[i] = values[i] - b;
                }

                var info = new BoundInfo(kind, nutrient.Name, side, $"{nutrient.Field}.perKgDm.{Side(side)}", $"{nutrient.Name} {Side(side)}imum per kg DM", b,
                    unit, weight, Math.Max(Math.Abs(b), 0.01 * largest) * dm, BoundScaling.PerKgDm);
                var role = new RowRole(side == BoundSide.Min ? RowKind.NutrientPerKgDmMin : RowKind.NutrientPerKgDmMax, nutrient.RequestIndex, nutrient.Name);
                lp.AddRow(side == BoundSide.Min
                    ? LpRow.Dense(role, shifted, 0, double.PositiveInfinity, lowerInfo: info)
                    : LpRow.Dense(role, shifted, double.NegativeInfinity, 0, upperInfo: info));
            }
        }
    }

    /// <summary>Σ_group x − share · Σ x ≥ 0 (minimum) and ≤ 0 (maximum).</summary>
    public static void AddRatio(LinearProgram lp, PreparedRatio ratio, int feedCount)
    {
        var inGroup = new bool[feedCount];
        foreach (var j in ratio.Feeds)
        {
            inGroup[j] = true;
        }

        foreach (var (side, share) in new[] { (BoundSide.Min, ratio.Min), (BoundSide.Max, ratio.Max) })
        {
            if (share is not { } m)
            {
                continue;
            }

            var coefficients = new double[feedCount];
            for (var j = 0; j < feedCount; j++)
            {
                coefficients[j] = (inGroup[j] ? 1 : 0) - m;
            }

            var info = new BoundInfo("ratio", ratio.Name, side, $"{ratio.Field}.{Side(side)}ShareOfDm", $"{ratio.Name} share {Side(side)}imum", m, "share of DM",
                RelaxationWeights.Ratio, Math.Max(m, 0.05) * lp.ReferenceDryMatterKg, BoundScaling.PerKgDm);
            var role = new RowRole(side == BoundSide.Min ? RowKind.RatioMin : RowKind.RatioMax, ratio.RequestIndex, ratio.Name);
            lp.AddRow(side == BoundSide.Min
                ? LpRow.Dense(role, coefficients, 0, double.PositiveInfinity, lowerInfo: info)
                : LpRow.Dense(role, coefficients, double.NegativeInfinity, 0, upperInfo: info));
        }
    }

    /// <summary>The unit of Σ kg DM × value: "Mcal/kg DM" gives "Mcal/d".</summary>
    public static string PerDayUnit(string? unit) => unit switch
    {
        null => "per day",
        _ when unit.EndsWith("/kg DM", StringComparison.Ordinal) => unit[..^"/kg DM".Length] + "/d",
        _ when unit.EndsWith("/kg", StringComparison.Ordinal) => unit[..^"/kg".Length] + "/d",
        _ => $"{unit} × kg DM/d",
    };

    private static string Side(BoundSide side) => side == BoundSide.Min ? "min" : "max";
}
