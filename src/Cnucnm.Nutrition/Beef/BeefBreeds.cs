using System.Globalization;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Beef;

/// <summary>The breed table of the beef model (embedded <c>Data/beef_breeds.csv</c>).</summary>
public static class BeefBreeds
{
    private static readonly Lazy<IReadOnlyList<BeefBreed>> Table = new(Load);

    public static IReadOnlyList<BeefBreed> All => Table.Value;

    public static BeefBreed Hanwoo => Get("hanwoo");

    public static BeefBreed Holstein => Get("holstein");

    public static BeefBreed HolsteinHanwooCross => Get("holstein-x-hanwoo");

    public static BeefBreed Angus => Get("angus");

    public static bool TryGet(string id, out BeefBreed breed)
    {
        breed = All.FirstOrDefault(b => string.Equals(b.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return breed is not null;
    }

    public static BeefBreed Get(string id) =>
        TryGet(id, out var breed) ? breed : throw new KeyNotFoundException($"No breed '{id}' in the beef breed table.");

    private static List<BeefBreed> Load()
    {
        var rows = CsvText.Parse(FeedLibrary.ReadResource("beef_breeds.csv"));
        var header = rows[0].Select(h => h.Trim()).ToList();
        var breeds = new List<BeefBreed>();
        foreach (var row in rows.Skip(1).Where(r => r.Length == header.Count))
        {
            string Text(string column) => row[header.IndexOf(column)].Trim();
            double? Optional(string column) => Text(column) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
            double Number(string column) => Optional(column) ?? throw new FormatException($"beef_breeds.csv: {column} is empty for {Text("id")}.");
            breeds.Add(new BeefBreed(Text("id"), Text("breed"), Text("breed_korean"), Optional("mature_weight_female_kg"), Optional("mature_weight_steer_kg"),
                Optional("mature_weight_bull_kg"), Number("maintenance_multiplier"), Number("lactation_maintenance_multiplier"), Number("dmi_breed_index"),
                Number("calf_birth_weight_kg"), Number("peak_milk_kg_d"), Number("milk_fat_pct"), Number("milk_protein_pct"), Number("milk_true_protein_pct"),
                Optional("milk_solids_not_fat_pct"), Number("first_conception_fraction_of_mature"), Text("source")));
        }

        return breeds;
    }
}
