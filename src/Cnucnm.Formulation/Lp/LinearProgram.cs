namespace Cnucnm.Formulation.Lp;

internal enum BoundSide
{
    Min,
    Max,
}

/// <summary>How one unit of a user's bound translates into units of the LP row that carries it.</summary>
internal enum BoundScaling
{
    /// <summary>The row is in the bound's unit (kg DM/d, nutrient per day, g/d of a requirement).</summary>
    Direct,

    /// <summary>A concentration per kg DM: the row is Σ x·(v − b), one unit of b is Σ x row units.</summary>
    PerKgDm,

    /// <summary>A concentration in % of DM: one unit is Σ x ÷ 100 row units.</summary>
    PercentOfDm,

    /// <summary>A fixed factor (inventory: kg as fed of stock → kg DM per head per day).</summary>
    Factor,
}

/// <summary>
/// A user-facing bound behind one side of an LP row or a variable bound: what it is, where it is in the
/// request, how it converts, and how reluctantly the elastic model relaxes it (<see cref="Weight"/> per
/// relative unit; <see cref="RowScale"/> row units make one relative unit).
/// </summary>
internal sealed record BoundInfo(
    string Kind,
    string Subject,
    BoundSide Side,
    string Field,
    string Label,
    double Value,
    string Unit,
    double Weight,
    double RowScale,
    BoundScaling Scaling = BoundScaling.Direct,
    double Factor = 1,
    double FieldPerUnit = 1,
    string? ShortfallUnit = null)
{
    /// <summary>Row units per unit of the bound at intake <paramref name="dryMatterKg"/>.</summary>
    public double RowUnitsPerUnit(double dryMatterKg) => Scaling switch
    {
        BoundScaling.PerKgDm => dryMatterKg,
        BoundScaling.PercentOfDm => dryMatterKg / 100,
        BoundScaling.Factor => Factor,
        _ => 1,
    };

    public ConstraintReference Reference => new(Kind, Subject, Side == BoundSide.Min ? "min" : "max", Field);
}

/// <summary>What a row stands for, to map duals and activities back to the response.</summary>
internal enum RowKind
{
    DryMatterIntake,
    NutrientPerDay,
    NutrientPerKgDmMin,
    NutrientPerKgDmMax,
    RatioMin,
    RatioMax,
    Requirement,
    GuardRail,
    ChangeUp,
    ChangeDown,
    ChangeCount,
    Elastic,
}

internal readonly record struct RowRole(RowKind Kind, int Index = -1, string? Name = null);

/// <summary>One row: <see cref="Lower"/> ≤ Σ coefficient · variable ≤ <see cref="Upper"/>, sparse.</summary>
internal sealed class LpRow(RowRole role, int[] index, double[] value, double lower, double upper)
{
    public RowRole Role { get; } = role;

    public int[] Index { get; } = index;

    public double[] Value { get; } = value;

    public double Lower { get; set; } = lower;

    public double Upper { get; set; } = upper;

    /// <summary>The user bound behind the lower side (null: none, or not relaxable).</summary>
    public BoundInfo? LowerInfo { get; init; }

    public BoundInfo? UpperInfo { get; init; }

    public double Activity(IReadOnlyList<double> x)
    {
        var sum = 0.0;
        for (var k = 0; k < Index.Length; k++)
        {
            sum += Value[k] * x[Index[k]];
        }

        return sum;
    }

    /// <summary>A row from a dense vector over the first <c>values.Length</c> variables (zeros dropped).</summary>
    public static LpRow Dense(RowRole role, ReadOnlySpan<double> values, double lower, double upper, BoundInfo? lowerInfo = null, BoundInfo? upperInfo = null)
    {
        var count = 0;
        foreach (var v in values)
        {
            if (v != 0)
            {
                count++;
            }
        }

        var index = new int[count];
        var value = new double[count];
        var k = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != 0)
            {
                index[k] = i;
                value[k++] = values[i];
            }
        }

        return new LpRow(role, index, value, lower, upper) { LowerInfo = lowerInfo, UpperInfo = upperInfo };
    }
}

/// <summary>A bound of one feed variable with its origin (null info: not relaxable, e.g. an excluded feed).</summary>
internal readonly record struct VariableBound(double KgDm, BoundInfo? Info);

/// <summary>
/// The least-cost model: minimise Σ cost · x subject to rows and variable bounds. The first
/// <see cref="FeedCount"/> variables are the feeds (kg DM per head per day); extra variables are
/// binaries of the change limit or slacks of the elastic model. Variable bounds keep their sources so
/// the elastic model can relax each one separately.
/// </summary>
internal sealed class LinearProgram
{
    public LinearProgram(int feedCount)
    {
        FeedCount = feedCount;
        for (var i = 0; i < feedCount; i++)
        {
            AddVariable(0, 0, double.PositiveInfinity);
            LowerSources.Add([]);
            UpperSources.Add([]);
        }
    }

    public int FeedCount { get; private set; }

    public List<double> Cost { get; } = [];

    public List<double> Lower { get; } = [];

    public List<double> Upper { get; } = [];

    public List<bool> Integer { get; } = [];

    public List<List<VariableBound>> LowerSources { get; } = [];

    public List<List<VariableBound>> UpperSources { get; } = [];

    public List<LpRow> Rows { get; } = [];

    /// <summary>A typical intake (kg DM/d) for scaling relaxations before a solution is known.</summary>
    public double ReferenceDryMatterKg { get; set; } = 1;

    public int VariableCount => Cost.Count;

    public bool HasIntegers => Integer.Contains(true);

    public int AddVariable(double cost, double lower, double upper, bool integer = false)
    {
        Cost.Add(cost);
        Lower.Add(lower);
        Upper.Add(upper);
        Integer.Add(integer);
        return Cost.Count - 1;
    }

    /// <summary>Adds a lower bound of a feed from a source (the effective bound is the largest).</summary>
    public void AddFeedLower(int feed, double kgDm, BoundInfo? info)
    {
        LowerSources[feed].Add(new VariableBound(kgDm, info));
        Lower[feed] = Math.Max(Lower[feed], kgDm);
    }

    /// <summary>Adds an upper bound of a feed from a source (the effective bound is the smallest).</summary>
    public void AddFeedUpper(int feed, double kgDm, BoundInfo? info)
    {
        UpperSources[feed].Add(new VariableBound(kgDm, info));
        Upper[feed] = Math.Min(Upper[feed], kgDm);
    }

    public LpRow AddRow(LpRow row)
    {
        Rows.Add(row);
        return row;
    }

    public double DryMatter(IReadOnlyList<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < FeedCount; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    /// <summary>A copy whose bounds and row list can change without touching this one (row objects are shared).</summary>
    public LinearProgram Clone()
    {
        var copy = new LinearProgram(0) { ReferenceDryMatterKg = ReferenceDryMatterKg, FeedCount = FeedCount };
        copy.Cost.AddRange(Cost);
        copy.Lower.AddRange(Lower);
        copy.Upper.AddRange(Upper);
        copy.Integer.AddRange(Integer);
        copy.LowerSources.AddRange(LowerSources.Select(s => s.ToList()));
        copy.UpperSources.AddRange(UpperSources.Select(s => s.ToList()));
        copy.Rows.AddRange(Rows);
        return copy;
    }
}
