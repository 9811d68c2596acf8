using System.Globalization;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>Reads the evaluation database: the animal file (one row per variable, one column per case) and the diet
/// file (one row per feed id, one column per case, % of DM). Errors name the file, row and column.</summary>
public static class ValidationCaseReader
{
    public const string AnimalFileName = "CNU_CNM_database_input_beta.csv";
    public const string DietFileName = "CNU_CNM_database_Feed_Beta.csv";

    private static readonly string[] Variables =
    [
        "Target_DMI", "breed_code", "animal_type", "age", "sex", "FBW", "breed_type", "DIP", "DIM", "lact_no", "CBW", "MW", "BCS",
        "target_ADG", "MY", "MF", "MkCP",
    ];

    /// <summary>Parses both files' text into cases, in the order of the animal file.</summary>
    /// <exception cref="FormatException">A missing variable, case or feed row, or a value that is not a number.</exception>
    public static IReadOnlyList<ValidationCase> Read(string animalCsv, string dietCsv)
    {
        ArgumentNullException.ThrowIfNull(animalCsv);
        ArgumentNullException.ThrowIfNull(dietCsv);
        var animals = CsvText.Parse(animalCsv);
        var diets = CsvText.Parse(dietCsv);
        if (animals.Count < 2 || animals[0].Length < 2 || animals[0][0].Trim() != "No")
        {
            throw new FormatException($"{AnimalFileName}: row 1 must be 'No' followed by the case numbers.");
        }

        if (diets.Count < 2 || diets[0].Length < 2 || diets[0][0].Trim() != "No")
        {
            throw new FormatException($"{DietFileName}: row 1 must be 'No' followed by the case numbers.");
        }

        var caseColumns = Enumerable.Range(1, animals[0].Length - 1).ToList();
        var numbers = caseColumns.Select(c => (int)Number(AnimalFileName, animals, 0, c)).ToList();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < animals.Count; r++)
        {
            rowOf.TryAdd(animals[r][0].Trim(), r);
        }

        if (Variables.FirstOrDefault(v => !rowOf.ContainsKey(v)) is { } missing)
        {
            throw new FormatException($"{AnimalFileName}: the row '{missing}' is missing.");
        }

        var dietColumnOf = new Dictionary<int, int>();
        for (var c = 1; c < diets[0].Length; c++)
        {
            dietColumnOf.TryAdd((int)Number(DietFileName, diets, 0, c), c);
        }

        // Row 2 of the diet file is a dummy "Feed_ID" row; every other row is a feed id.
        var feedRows = new List<(int FeedId, int Row)>();
        for (var r = 1; r < diets.Count; r++)
        {
            var label = diets[r][0].Trim();
            if (label == "Feed_ID" || label.Length == 0)
            {
                continue;
            }

            feedRows.Add(int.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                ? (id, r)
                : throw new FormatException($"{DietFileName}: row {r + 1}, column 1: '{label}' is not a feed id."));
        }

        var cases = new List<ValidationCase>();
        for (var i = 0; i < caseColumns.Count; i++)
        {
            var column = caseColumns[i];
            double V(string variable) => Number(AnimalFileName, animals, rowOf[variable], column);
            if (!dietColumnOf.TryGetValue(numbers[i], out var dietColumn))
            {
                throw new FormatException($"{DietFileName}: there is no column for case {numbers[i]}.");
            }

            var diet = feedRows
                .Select(f => new ValidationDietShare(f.FeedId, Number(DietFileName, diets, f.Row, dietColumn)))
                .Where(s => s.PercentOfDryMatter != 0)
                .ToList();
            cases.Add(new ValidationCase(numbers[i], V("Target_DMI"), (int)V("breed_code"), (int)V("animal_type"), V("age"), (int)V("sex"), V("FBW"),
                (int)V("breed_type"), V("DIP"), V("DIM"), V("lact_no"), V("CBW"), V("MW"), V("BCS"), V("target_ADG"), V("MY"), V("MF"), V("MkCP"), diet));
        }

        return cases;
    }

    private static double Number(string file, List<string[]> rows, int row, int column)
    {
        var cells = rows[row];
        if (column >= cells.Length)
        {
            throw new FormatException($"{file}: row {row + 1} ('{cells[0].Trim()}') has no column {column + 1}.");
        }

        var text = cells[column].Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{file}: row {row + 1} ('{cells[0].Trim()}'), column {column + 1}: '{text}' is not a number.");
    }
}
