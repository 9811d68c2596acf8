namespace Cnucnm.Nutrition.Feeds;

/// <summary>
/// The clean categories people see (issue 19): the libraries' categories overlap (NASEM's "Energy Source" and the Korean tables'
/// "Energy", "Energy Concentrate", "Starch" …), so each is shown under one of eight groups with a stable code; the catalogue
/// (<c>category.{code}</c>) names it in the caller's language. A category not listed is "other"; the library's own spelling stays data.
/// </summary>
public static class FeedCategories
{
    public const string Other = "other";

    private static readonly Dictionary<string, string[]> Groups = new(StringComparer.Ordinal)
    {
        ["forage"] = ["Forage", "Grain Crop Forage", "Grain Type Forage", "Grass Forage", "Grass/Legume Forage", "Legume Forage", "Pasture", "Wet forage", "Dry"],
        ["energy"] = ["Energy", "Energy Concentrate", "Energy Source", "Starch", "Sugar/Sugar Alcohol"],
        ["protein"] = ["Protein", "Protein Concentrate", "Plant Protein", "Animal Protein"],
        ["fat"] = ["Fat Supplement", "Fatty Acid Supplement"],
        ["byproduct"] = ["By-Product Feed", "By-Product/Other", "Fiber"],
        ["mineral"] = ["Vitamin/Mineral", "Additive"],
        ["calf"] = ["Calf Liquid Feed"],
        ["compound"] = ["Commercial Feed", "Mixed", "Concentrate"],
    };

    private static readonly Dictionary<string, string> CodeOf = Groups
        .SelectMany(g => g.Value.Select(name => (Name: Plain(name), Code: g.Key)))
        .ToDictionary(p => p.Name, p => p.Code, StringComparer.Ordinal);

    /// <summary>Every code, in the order the groups are listed, "other" last.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Groups.Keys, Other];

    /// <summary>The clean group of a library category (case and spacing do not make another one).</summary>
    public static string Code(string? libraryCategory) => CodeOf.GetValueOrDefault(Plain(libraryCategory ?? ""), Other);

    private static string Plain(string category) => string.Join(' ', category.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
