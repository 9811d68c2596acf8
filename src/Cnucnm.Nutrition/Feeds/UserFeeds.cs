using Cnucnm.FieldValidation;
namespace Cnucnm.Nutrition.Feeds;

/// <summary>
/// A feed a user defines (a farm's own forage, a lab analysis, a commercial concentrate).
/// <see cref="Nutrients"/> are keyed by NASEM feed-library column names (<c>Fd_CP</c>, <c>Fd_NDF</c> …)
/// in that column's unit (<see cref="FeedNutrients.Unit"/>); with <see cref="Basis"/> = as fed, the
/// amounts per kg (% , mg/kg, IU/kg) are per kg as fed and are converted to dry matter.
/// </summary>
/// <param name="Id">The feed's id (letters, digits, '-', '_', '.', ':'); ids starting <c>nasem:</c> or <c>kr:</c> are reserved.</param>
/// <param name="Name">Name shown to people.</param>
/// <param name="NameKorean">Korean name, optional.</param>
/// <param name="Category">NASEM category where it applies (e.g. "Vitamin/Mineral", "Fat Supplement"), else free text.</param>
/// <param name="Type">Forage or concentrate.</param>
/// <param name="Basis">Whether <see cref="Nutrients"/> are per kg DM or per kg as fed.</param>
/// <param name="DryMatterPercent">Dry matter, % as fed.</param>
/// <param name="Nutrients">Composition by NASEM column name.</param>
/// <param name="BasedOn">Optional library feed (id or name) whose composition fills what is not given.</param>
/// <param name="Source">Who the feed belongs to (a farm, a lab); "user" when not given.</param>
public sealed record UserFeedDefinition(
    string Id,
    string Name,
    string? NameKorean,
    string Category,
    FeedType Type,
    CompositionBasis Basis,
    double DryMatterPercent,
    IReadOnlyDictionary<string, double> Nutrients,
    string? BasedOn = null,
    string? Source = null);

/// <summary>Validates user-defined feeds field by field and turns them into <see cref="Feed"/>s on a DM basis.</summary>
public static class UserFeeds
{
    /// <summary>Columns that are fractions of another constituent or rates, not amounts per kg: not converted from as fed.</summary>
    internal static bool IsRelative(FeedNutrient n)
    {
        var unit = FeedNutrients.Unit(n);
        return n == FeedNutrient.Fd_DM || n == FeedNutrient.Fd_Conc || unit.StartsWith("% of", StringComparison.Ordinal)
               || unit == "%/h" || unit == "fraction absorbed";
    }

    /// <summary>Every problem with the definition, by field (<c>id</c>, <c>dryMatterPercent</c>, <c>nutrients.Fd_CP</c> …); empty when valid.</summary>
    public static IReadOnlyList<FieldError> Validate(UserFeedDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            errors.Add(new FieldError("id", "is required."));
        }
        else if (!definition.Id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            errors.Add(new FieldError("id", "may contain only letters, digits, '-', '_', '.' and ':'."));
        }
        else if (definition.Id.StartsWith("nasem:", StringComparison.OrdinalIgnoreCase) || definition.Id.StartsWith("kr:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError("id", "ids starting with 'nasem:' or 'kr:' belong to the built-in libraries."));
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors.Add(new FieldError("name", "is required."));
        }

        if (!double.IsFinite(definition.DryMatterPercent) || definition.DryMatterPercent <= 0 || definition.DryMatterPercent > 100)
        {
            errors.Add(new FieldError("dryMatterPercent", "must be greater than 0 and at most 100 (% as fed)."));
        }

        if (!Enum.IsDefined(definition.Basis))
        {
            errors.Add(new FieldError("basis", "must be DryMatter or AsFed."));
        }

        Feed? template = null;
        if (definition.BasedOn is { Length: > 0 } basedOn && !FeedLibrary.TryFind(basedOn, out template))
        {
            errors.Add(new FieldError("basedOn", $"'{basedOn}' is not a library feed; closest: {string.Join("; ", FeedLibrary.Nasem.ClosestNames(basedOn))}."));
        }

        var values = new Dictionary<FeedNutrient, double>();
        foreach (var (name, value) in definition.Nutrients ?? new Dictionary<string, double>())
        {
            if (CheckValue(name, value, out var nutrient) is { } problem)
            {
                errors.Add(new FieldError($"nutrients.{name}", problem));
                continue;
            }

            values[nutrient] = value;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // Consistency on the DM basis the feed will have; for a copy of a library feed, the checks involving what
        // the user gave (the book's own values are not theirs to correct).
        var feed = Build(definition, template, values);
        foreach (var problem in FeedConsistency.Check(feed, template is null ? null : values.Keys))
        {
            errors.Add(new FieldError(problem.Part == FeedNutrient.Fd_DM ? "nutrients" : $"nutrients.{problem.Part}", problem.Message));
        }

        return errors;
    }

    /// <summary>What is wrong with one composition value by NASEM column name (null when it is a known column
    /// other than DM, finite, not negative and within the range of its unit).</summary>
    internal static string? CheckValue(string name, double value, out FeedNutrient nutrient)
    {
        if (!FeedNutrients.TryParse(name, out nutrient))
        {
            var closest = FeedNutrients.Names.OrderBy(n => Distance(n.ToUpperInvariant(), name.ToUpperInvariant())).Take(3);
            return $"is not a NASEM feed column; closest: {string.Join(", ", closest)}.";
        }

        if (nutrient == FeedNutrient.Fd_DM)
        {
            return "give dry matter as dryMatterPercent.";
        }

        if (!double.IsFinite(value) || value < 0)
        {
            return "must be a number of 0 or more.";
        }

        var unit = FeedNutrients.Unit(nutrient);
        var max = unit switch
        {
            "fraction absorbed" => 1,
            "mg/kg DM" or "IU/kg DM" => double.PositiveInfinity,
            "%/h" => 1000,
            _ when nutrient == FeedNutrient.Fd_CP => 300, // NPN sources carry CP equivalents (urea 281 %)
            _ => 100,
        };
        return value > max ? $"must be at most {max} ({unit})." : null;
    }

    /// <summary>Blank cells the model needs in a user feed (neither entered nor in the library feed it is based on), with the
    /// value the composition-completeness policy uses (docs/science.md, "Blank feed composition").</summary>
    public static IReadOnlyList<CompositionImportGap> Gaps(Feed feed) => CompositionImportGap.Of(0, feed);

    /// <summary>The feed on a DM basis, or the field errors (<see cref="Validate"/>).</summary>

    public static (Feed? Feed, IReadOnlyList<FieldError> Errors) Create(UserFeedDefinition definition)
    {
        var errors = Validate(definition);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        Feed? template = null;
        if (definition.BasedOn is { Length: > 0 } basedOn)
        {
            FeedLibrary.TryFind(basedOn, out template);
        }

        var values = definition.Nutrients.ToDictionary(kv => FeedNutrients.TryParse(kv.Key, out var n) ? n : default, kv => kv.Value);
        return (Build(definition, template, values), []);
    }

    private static Feed Build(UserFeedDefinition definition, Feed? template, IReadOnlyDictionary<FeedNutrient, double> given)
    {
        var dmFraction = definition.DryMatterPercent / 100;
        var values = template?.Values.ToDictionary() ?? [];
        foreach (var (nutrient, value) in given)
        {
            values[nutrient] = definition.Basis == CompositionBasis.AsFed && !IsRelative(nutrient) ? value / dmFraction : value;
        }

        values[FeedNutrient.Fd_DM] = definition.DryMatterPercent;
        if (!values.ContainsKey(FeedNutrient.Fd_Conc))
        {
            values[FeedNutrient.Fd_Conc] = definition.Type == FeedType.Forage ? 0 : 100;
        }

        return new Feed(definition.Id, definition.Name, definition.NameKorean, definition.Category, definition.Type, FeedSource.User, values,
            definition.Source ?? "user");
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
