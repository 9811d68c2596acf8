using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Import;

/// <summary>
/// Reads animals from a table (CSV or a spreadsheet's first sheet, header row first). Columns, in any order, names
/// case-insensitive: tag, breed, sex, birthDate (required); name, damTag, origin, originNote, group, photoReference,
/// bodyWeightKg, bodyConditionScore, weighedOn (optional; a weight needs its date). Each row is checked as a single
/// registration and record would be (<see cref="AnimalValidation"/>, <see cref="RecordValidation"/>), plus tags
/// repeated in the file or already on the farm. Nothing is stored here: the caller stores the valid rows when the
/// user accepts them.
/// </summary>
public static class AnimalImport
{
    public const int MaxRows = 20_000;

    public static readonly IReadOnlyList<string> Required = ["tag", "breed", "sex", "birthDate"];

    public static readonly IReadOnlyList<string> Optional =
        ["name", "damTag", "origin", "originNote", "group", "photoReference", "bodyWeightKg", "bodyConditionScore", "weighedOn"];

    /// <param name="table">Rows of cells, the header first.</param>
    /// <param name="existingTags">The farm's tags already registered (normalized).</param>
    /// <param name="groupsByName">The farm's groups by name (case-insensitive) and by id text.</param>
    public static AnimalImportReport Read(IReadOnlyList<string[]> table, Guid farmId, DateOnly today,
        IReadOnlySet<string> existingTags, IReadOnlyDictionary<string, Guid> groupsByName)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(existingTags);
        ArgumentNullException.ThrowIfNull(groupsByName);
        var errors = new List<ImportError>();
        if (table.Count == 0)
        {
            return new AnimalImportReport(0, [], [], [new ImportError(1, "", "The file is empty: the first row names the columns.")]);
        }

        var columns = ImportTable.Columns(table[0], Required, Optional, errors);
        var dataRows = table.Skip(1).Count(r => !ImportTable.Blank(r));
        if (dataRows > MaxRows)
        {
            errors.Add(new ImportError(1, "", $"The file has {dataRows} rows; at most {MaxRows} are imported at once."));
        }

        if (errors.Count > 0)
        {
            return new AnimalImportReport(dataRows, [], [], errors);
        }

        var valid = new List<AnimalImportRow>();
        var invalid = new List<int>();
        var firstRowOfTag = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < table.Count; r++)
        {
            var cells = table[r];
            if (ImportTable.Blank(cells))
            {
                continue;
            }

            var rowNumber = r + 1;
            var rowErrors = new List<ImportError>();
            var row = ReadRow(cells, columns, rowNumber, farmId, today, groupsByName, rowErrors);
            if (row is not null)
            {
                var tag = row.Animal.Tag;
                if (existingTags.Contains(tag))
                {
                    rowErrors.Add(new ImportError(rowNumber, "tag", $"{tag} is already registered on this farm."));
                }
                else if (!firstRowOfTag.TryAdd(tag, rowNumber))
                {
                    rowErrors.Add(new ImportError(rowNumber, "tag", $"{tag} is also on row {firstRowOfTag[tag]}."));
                }
            }

            if (rowErrors.Count > 0)
            {
                invalid.Add(rowNumber);
                errors.AddRange(rowErrors);
            }
            else
            {
                valid.Add(row!);
            }
        }

        return new AnimalImportReport(dataRows, valid, invalid, errors);
    }

    private static AnimalImportRow? ReadRow(string[] cells, Dictionary<string, int> columns, int row, Guid farmId, DateOnly today,
        IReadOnlyDictionary<string, Guid> groups, List<ImportError> errors)
    {
        string? Cell(string column) =>
            columns.TryGetValue(column, out var i) && i < cells.Length && cells[i].Trim() is { Length: > 0 } text ? text : null;
        void Error(string column, string message) => errors.Add(new ImportError(row, column, message));

        var sex = Cell("sex") is { } sexText ? ImportTable.ParseEnum<AnimalSex>(sexText) : null;
        if (sex is null)
        {
            Error("sex", "must be female, male or steer.");
        }

        var birth = ImportTable.ParseDate(Cell("birthDate"));
        if (birth is null)
        {
            Error("birthDate", "must be a date (yyyy-MM-dd).");
        }

        var origin = AnimalOrigin.BornOnFarm;
        if (Cell("origin") is { } originText)
        {
            if (ImportTable.ParseEnum<AnimalOrigin>(originText) is { } parsed)
            {
                origin = parsed;
            }
            else
            {
                Error("origin", "must be bornOnFarm or purchased.");
            }
        }

        Guid? group = null;
        if (Cell("group") is { } groupText)
        {
            if (groups.TryGetValue(groupText, out var id))
            {
                group = id;
            }
            else
            {
                Error("group", $"'{groupText}' is not a group of this farm.");
            }
        }

        var animal = new Animal(Guid.CreateVersion7(), farmId, TraceabilityNumber.Normalize(Cell("tag")), Cell("name"), Cell("breed")?.ToLowerInvariant() ?? "",
            sex ?? AnimalSex.Female, birth ?? today, Cell("damTag") is { } dam ? TraceabilityNumber.Normalize(dam) : null, origin, Cell("originNote"),
            AnimalStatus.Active, null, null, group, Cell("photoReference"), 1);
        foreach (var e in AnimalValidation.Validate(animal, today).Where(e => e.Field != "birthDate" || birth is not null))
        {
            Error(e.Field, e.Message);
        }

        Weighing? weighing = null;
        var weightText = Cell("bodyWeightKg");
        var scoreText = Cell("bodyConditionScore");
        if (weightText is not null || scoreText is not null || Cell("weighedOn") is not null)
        {
            var weight = ImportTable.ParseNumber(weightText);
            var score = ImportTable.ParseNumber(scoreText);
            var weighedOn = ImportTable.ParseDate(Cell("weighedOn"));
            if (weight is null)
            {
                Error("bodyWeightKg", "must be a number of kg when the row has a weighing.");
            }

            if (scoreText is not null && score is null)
            {
                Error("bodyConditionScore", "must be a number.");
            }

            if (weighedOn is null)
            {
                Error("weighedOn", "must be the weighing's date (yyyy-MM-dd).");
            }

            if (weight is not null && weighedOn is not null && (scoreText is null || score is not null) && birth is not null && AnimalBreeds.Find(animal.BreedId) is not null)
            {
                weighing = new Weighing(weighedOn.Value, weight.Value, score);
                foreach (var e in RecordValidation.Validate(weighing, animal, [], today))
                {
                    Error(e.Field == "date" ? "weighedOn" : e.Field, e.Message);
                }
            }
        }

        return errors.Count == 0 ? new AnimalImportRow(row, animal, weighing) : null;
    }
}
