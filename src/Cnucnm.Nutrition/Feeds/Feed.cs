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

/// <summary>The basis of a feed's composition values.</summary>
public enum CompositionBasis
{
    /// <summary>Per kg of dry matter (% DM, mg/kg DM, IU/kg DM); dry matter itself is % as fed.</summary>
    DryMatter,

    /// <summary>Per kg as fed: accepted on input (<see cref="UserFeeds"/>) and converted to dry matter.</summary>
    AsFed,
}

/// <summary>
/// One feed, immutable. Composition is always on a dry-matter basis (<see cref="Basis"/>; per kg DM,
/// in the units of <see cref="FeedNutrient"/>, keyed by the NASEM feed-library column names);
/// <see cref="DryMatterPercent"/> (% as fed) converts to as fed. Missing values are NaN and are
/// treated as the NASEM software treats them (absent from sums, defaults where the book gives one).
/// </summary>
public sealed record Feed
{
    private readonly double[] _values;

    /// <param name="id">Stable id: <c>nasem:{Fd_Name}</c>, <c>kr:{feed number}</c>, or a user id.</param>
    /// <param name="name">English (or only) name.</param>
    /// <param name="nameKorean">Korean name (UTF-8), when the feed has one.</param>
    /// <param name="category">NASEM feed category (Fd_Category) or the source library's own.</param>
    /// <param name="type">Forage or concentrate.</param>
    /// <param name="kind">Which kind of source the values come from.</param>
    /// <param name="values">Composition per kg DM by NASEM column; DM in % as fed.</param>
    /// <param name="source">Name of the library or owner the feed comes from (defaults by <paramref name="kind"/>).</param>
    public Feed(string id, string name, string? nameKorean, string category, FeedType type, FeedSource kind, IReadOnlyDictionary<FeedNutrient, double> values, string? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        Id = id;
        Name = name;
        NameKorean = nameKorean;
        Category = category ?? "";
        Type = type;
        Kind = kind;
        Source = source ?? kind switch
        {
            FeedSource.NasemLibrary => "NASEM 2021",
            FeedSource.KoreanLibrary => "Korean feed library",
            _ => "user",
        };
        _values = new double[FeedNutrients.Count];
        Array.Fill(_values, double.NaN);
        foreach (var (nutrient, value) in values)
        {
            _values[(int)nutrient] = value;
        }
    }

    private Feed(Feed template, double[] values, string? id, string? name, FeedSource? kind, string? source)
    {
        Id = id ?? template.Id;
        Name = name ?? template.Name;
        NameKorean = template.NameKorean;
        Category = template.Category;
        Type = template.Type;
        Kind = kind ?? template.Kind;
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

    /// <summary>The kind of source: NASEM library, Korean library, or a user's feed.</summary>
    public FeedSource Kind { get; }

    /// <summary>The library (or owner) the feed comes from: "NASEM 2021", "Korean feed library", "user" …</summary>
    public string Source { get; }

    /// <summary>Composition values are per kg of dry matter (DM itself is % as fed).</summary>
    public CompositionBasis Basis => CompositionBasis.DryMatter;

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
    public Feed With(IReadOnlyDictionary<FeedNutrient, double> overrides, string? id = null, string? name = null, FeedSource? kind = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var values = (double[])_values.Clone();
        foreach (var (nutrient, value) in overrides)
        {
            values[(int)nutrient] = value;
        }

        return new Feed(this, values, id, name, kind, source);
    }

    /// <summary>Feeds are equal when every field and every composition value is.</summary>
    public bool Equals(Feed? other) =>
        other is not null && Id == other.Id && Name == other.Name && NameKorean == other.NameKorean && Category == other.Category
        && Type == other.Type && Kind == other.Kind && Source == other.Source && _values.AsSpan().SequenceEqual(other._values);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Source);

    public override string ToString() => $"{Name} ({Id})";
}
