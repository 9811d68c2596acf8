namespace Cnucnm.Nutrition.Feeds;

/// <summary>Where a feed's values come from.</summary>
public enum FeedSource
{
    /// <summary>The NASEM (2021) feed library.</summary>
    NasemLibrary,

    /// <summary>The Korean feed library (Korean Feeding Standard tables, CNCPS fractions), after cleaning.</summary>
    KoreanLibrary,

    /// <summary>A user's or farm's own feed or lab analysis.</summary>
    User,
}

/// <summary>Forage or concentrate, as the NASEM feed library types feeds.</summary>
public enum FeedType
{
    Forage,
    Concentrate,
}

/// <summary>
/// One feed. Composition is always on a dry-matter basis (per kg DM, in the units of
/// <see cref="FeedNutrient"/>); <see cref="DryMatterPercent"/> converts to as fed. Missing values
/// are NaN and are treated as the NASEM software treats them (absent from sums, defaults where the
/// book gives one).
/// </summary>
public sealed class Feed
{
    private readonly double[] _values;

    public Feed(string id, string name, string? nameKorean, string category, FeedType type, FeedSource source, IReadOnlyDictionary<FeedNutrient, double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        NameKorean = nameKorean;
        Category = category;
        Type = type;
        Source = source;
        _values = new double[FeedNutrients.Count];
        Array.Fill(_values, double.NaN);
        foreach (var (nutrient, value) in values)
        {
            _values[(int)nutrient] = value;
        }
    }

    private Feed(Feed template, double[] values, string? id = null, string? name = null, FeedSource? source = null)
    {
        Id = id ?? template.Id;
        Name = name ?? template.Name;
        NameKorean = template.NameKorean;
        Category = template.Category;
        Type = template.Type;
        Source = source ?? template.Source;
        _values = values;
    }

    /// <summary>Stable id: <c>nasem:{Fd_Name}</c>, <c>kr:{feed number}</c>, or a user id.</summary>
    public string Id { get; }

    public string Name { get; }

    public string? NameKorean { get; }

    /// <summary>NASEM feed category (e.g. "Grain Crop Forage", "Calf Liquid Feed", "Vitamin/Mineral").</summary>
    public string Category { get; }

    public FeedType Type { get; }

    public FeedSource Source { get; }

    /// <summary>Composition values are per kg of dry matter.</summary>
    public const string Basis = "dry matter";

    /// <summary>Dry matter, % as fed.</summary>
    public double DryMatterPercent => _values[(int)FeedNutrient.Fd_DM];

    public double this[FeedNutrient nutrient] => _values[(int)nutrient];

    /// <summary>A value by NASEM column name (e.g. "Fd_CP"), NaN when missing.</summary>
    public double Get(string nutrient) =>
        FeedNutrients.TryParse(nutrient, out var n) ? _values[(int)n] : throw new ArgumentException($"Unknown feed nutrient '{nutrient}'.", nameof(nutrient));

    /// <summary>Value or 0 when missing (how the model sums nutrients).</summary>
    public double OrZero(FeedNutrient nutrient) => double.IsNaN(_values[(int)nutrient]) ? 0 : _values[(int)nutrient];

    public bool IsForage => Type == FeedType.Forage;

    /// <summary>The present values, by column.</summary>
    public IReadOnlyDictionary<FeedNutrient, double> Values =>
        Enum.GetValues<FeedNutrient>().Where(n => !double.IsNaN(_values[(int)n])).ToDictionary(n => n, n => _values[(int)n]);

    /// <summary>A copy with some values replaced (a lab analysis over a library feed).</summary>
    public Feed With(IReadOnlyDictionary<FeedNutrient, double> overrides, string? id = null, string? name = null, FeedSource? source = null)
    {
        var values = (double[])_values.Clone();
        foreach (var (nutrient, value) in overrides)
        {
            values[(int)nutrient] = value;
        }

        return new Feed(this, values, id, name, source);
    }

    public override string ToString() => $"{Name} ({Id})";
}
