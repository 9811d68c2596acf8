using Cnucnm.Registry.Records;

namespace Cnucnm.Registry.Import;

/// <summary>
/// Reads animal records from a table in the columns the records export writes (CSV or a spreadsheet's first sheet,
/// header row first): tag, kind, date (required) and each kind's own fields, empty for the other kinds. A row is
/// checked as a single record would be (<see cref="RecordValidation"/>), against the animal's stored records and the
/// file's earlier-dated rows of the same animal, so a file may hold a calving and the milk tests that follow it in
/// any row order. A record the animal already has (same kind, date and values) is not added again: the file's
/// copies beyond the stored ones are, so export → import reproduces every record and importing a file twice adds
/// nothing the second time. Moves are history: they keep the animal's current group. Nothing is stored here.
/// </summary>
public static class RecordImport
{
    public const int MaxRows = 50_000;

    public static readonly IReadOnlyList<string> Required = ["tag", "kind", "date"];

    /// <summary>Each kind's fields, in the export's order; recordedBy and recordedAt are read past (the import is
    /// recorded as the importer's, now).</summary>
    public static readonly IReadOnlyList<string> Optional =
    [
        "bodyWeightKg", "bodyConditionScore", "milkKgPerDay", "fatPercent", "trueProteinPercent", "lactosePercent", "somaticCellsThousandPerMl",
        "sire", "pregnant", "method", "calfSex", "calfTag", "calfBirthWeightKg", "calfAlive", "diagnosis", "treatment", "milkWithdrawalDays",
        "meatWithdrawalDays", "fromGroup", "toGroup", "reason", "recordedBy", "recordedAt",
    ];

    private static readonly Dictionary<string, string[]> FieldsOfKind = new(StringComparer.Ordinal)
    {
        [RecordKinds.Weighing] = ["bodyWeightKg", "bodyConditionScore"],
        [RecordKinds.MilkTest] = ["milkKgPerDay", "fatPercent", "trueProteinPercent", "lactosePercent", "somaticCellsThousandPerMl"],
        [RecordKinds.Insemination] = ["sire"],
        [RecordKinds.PregnancyCheck] = ["pregnant", "method"],
        [RecordKinds.Calving] = ["calfSex", "calfTag", "calfBirthWeightKg", "calfAlive"],
        [RecordKinds.DryOff] = [],
        [RecordKinds.HealthEvent] = ["diagnosis", "treatment", "milkWithdrawalDays", "meatWithdrawalDays"],
        [RecordKinds.Move] = ["fromGroup", "toGroup", "reason"],
    };

    /// <param name="table">Rows of cells, the header first.</param>
    /// <param name="animalsByTag">The farm's active animals by normalized tag, with their stored records.</param>
    /// <param name="groupsByName">The farm's groups by name (case-insensitive) and by id text.</param>
    public static RecordImportReport Read(IReadOnlyList<string[]> table, DateOnly today,
        IReadOnlyDictionary<string, (Animal Animal, IReadOnlyList<AnimalRecord> Records)> animalsByTag, IReadOnlyDictionary<string, Guid> groupsByName)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(animalsByTag);
        ArgumentNullException.ThrowIfNull(groupsByName);
        var errors = new List<ImportError>();
        if (table.Count == 0)
        {
            return new RecordImportReport(0, [], [], [], [new ImportError(1, "", "The file is empty: the first row names the columns.")]);
        }

        var columns = ImportTable.Columns(table[0], Required, Optional, errors);
        var dataRows = table.Skip(1).Count(r => !ImportTable.Blank(r));
        if (dataRows > MaxRows)
        {
            errors.Add(new ImportError(1, "", $"The file has {dataRows} rows; at most {MaxRows} are imported at once."));
        }

        if (errors.Count > 0)
        {
            return new RecordImportReport(dataRows, [], [], [], errors);
        }

        // First each row on its own, then each animal's rows in date order against its history.
        var parsed = new List<(int Row, Animal Animal, AnimalRecord Record)>();
        for (var r = 1; r < table.Count; r++)
        {
            if (ImportTable.Blank(table[r]))
            {
                continue;
            }

            var rowErrors = new List<ImportError>();
            if (ReadRow(table[r], columns, r + 1, animalsByTag, groupsByName, rowErrors) is { } row)
            {
                parsed.Add((r + 1, row.Animal, row.Record));
            }

            errors.AddRange(rowErrors);
        }

        var valid = new List<RecordImportRow>();
        var already = new List<int>();
        foreach (var animalRows in parsed.GroupBy(p => p.Animal.Id))
        {
            var animal = animalRows.First().Animal;
            var stored = animalsByTag[animal.Tag].Records;
            var unmatched = stored.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            var history = stored.ToList();
            foreach (var (row, _, record) in animalRows.OrderBy(p => p.Record.Date).ThenBy(p => p.Row))
            {
                if (unmatched.TryGetValue(record, out var left) && left > 0)
                {
                    unmatched[record] = left - 1;
                    already.Add(row);
                    continue;
                }

                // A move is checked as history: from its own from-group, not from the group the animal is in now.
                var subject = record is GroupMove move ? animal with { GroupId = move.FromGroupId } : animal;
                var problems = RecordValidation.Validate(record, subject, history, today);
                if (problems.Count > 0)
                {
                    errors.AddRange(problems.Select(p => new ImportError(row, Column(p.Field), p.Message)));
                    continue;
                }

                history.Add(record);
                valid.Add(new RecordImportRow(row, animal.Id, animal.GroupId, record));
            }
        }

        var invalid = errors.Select(e => e.Row).Distinct().Order().ToList();
        return new RecordImportReport(dataRows, [.. valid.OrderBy(v => v.Row)], [.. already.Order()], invalid, [.. errors.OrderBy(e => e.Row)]);
    }

    /// <summary>The file's column a validation field is read from.</summary>
    private static string Column(string field) => field switch
    {
        "animal" => "tag",
        "toGroupId" => "toGroup",
        "fromGroupId" => "fromGroup",
        _ => field,
    };

    private static (Animal Animal, AnimalRecord Record)? ReadRow(string[] cells, Dictionary<string, int> columns, int row,
        IReadOnlyDictionary<string, (Animal Animal, IReadOnlyList<AnimalRecord> Records)> animals, IReadOnlyDictionary<string, Guid> groups,
        List<ImportError> errors)
    {
        string? Cell(string column) =>
            columns.TryGetValue(column, out var i) && i < cells.Length && cells[i].Trim() is { Length: > 0 } text ? text : null;
        void Error(string column, string message) => errors.Add(new ImportError(row, column, message));

        var tag = TraceabilityNumber.Normalize(Cell("tag"));
        animals.TryGetValue(tag, out var found);
        if (tag.Length == 0)
        {
            Error("tag", "is required.");
        }
        else if (found.Animal is null)
        {
            Error("tag", $"{tag} is not an active animal of this farm: import the animals first.");
        }

        var date = ImportTable.ParseDate(Cell("date"));
        if (date is null)
        {
            Error("date", "must be a date (yyyy-MM-dd).");
        }

        var kind = RecordKinds.All.FirstOrDefault(k => string.Equals(k, Cell("kind"), StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            Error("kind", $"must be one of {string.Join(", ", RecordKinds.All)}.");
            return null;
        }

        foreach (var other in FieldsOfKind.Where(f => f.Key != kind).SelectMany(f => f.Value).Distinct().Where(f => Cell(f) is not null))
        {
            Error(other, $"is not a field of a {kind} record: leave it empty.");
        }

        double? Number(string column, bool required)
        {
            var text = Cell(column);
            if (text is null)
            {
                if (required)
                {
                    Error(column, "is required.");
                }

                return null;
            }

            var value = ImportTable.ParseNumber(text);
            if (value is null)
            {
                Error(column, "must be a number.");
            }

            return value;
        }

        int Days(string column)
        {
            if (Cell(column) is not { } text)
            {
                return 0;
            }

            var value = ImportTable.ParseWholeNumber(text);
            if (value is null)
            {
                Error(column, "must be a whole number of days.");
            }

            return value ?? 0;
        }

        bool? Boolean(string column)
        {
            if (Cell(column) is not { } text)
            {
                return null;
            }

            var value = ImportTable.ParseBoolean(text);
            if (value is null)
            {
                Error(column, "must be true or false.");
            }

            return value;
        }

        Guid? Group(string column)
        {
            if (Cell(column) is not { } text)
            {
                return null;
            }

            // A group of the farm by name or id; an id alone is kept as well (a move into a group since removed).
            if (groups.TryGetValue(text, out var id) || Guid.TryParse(text, out id))
            {
                return id;
            }

            Error(column, $"'{text}' is not a group of this farm.");
            return null;
        }

        string? Text(string column) => ImportTable.Text(Cell(column));
        var day = date ?? default;
        AnimalRecord? record = null;
        switch (kind)
        {
            case RecordKinds.Weighing:
                var weight = Number("bodyWeightKg", required: true);
                record = new Weighing(day, weight ?? 0, Number("bodyConditionScore", required: false));
                break;
            case RecordKinds.MilkTest:
                record = new MilkTest(day, Number("milkKgPerDay", true) ?? 0, Number("fatPercent", true) ?? 0, Number("trueProteinPercent", true) ?? 0,
                    Number("lactosePercent", true) ?? 0, Number("somaticCellsThousandPerMl", false));
                break;
            case RecordKinds.Insemination:
                record = new Insemination(day, Text("sire"));
                break;
            case RecordKinds.PregnancyCheck:
                var pregnant = Boolean("pregnant");
                if (Cell("pregnant") is null)
                {
                    Error("pregnant", "is required (true or false).");
                }

                record = new PregnancyCheck(day, pregnant ?? false, Text("method"));
                break;
            case RecordKinds.Calving:
                AnimalSex? calfSex = null;
                if (Cell("calfSex") is { } sexText && (calfSex = ImportTable.ParseEnum<AnimalSex>(sexText)) is null)
                {
                    Error("calfSex", "must be female, male or steer.");
                }

                record = new Calving(day, calfSex, Cell("calfTag") is { } calf ? TraceabilityNumber.Normalize(calf) : null,
                    Number("calfBirthWeightKg", false), Boolean("calfAlive") ?? true);
                break;
            case RecordKinds.DryOff:
                record = new DryOff(day);
                break;
            case RecordKinds.HealthEvent:
                if (Cell("diagnosis") is null)
                {
                    Error("diagnosis", "is required.");
                }

                record = new HealthEvent(day, Text("diagnosis") ?? "", Text("treatment"), Days("milkWithdrawalDays"), Days("meatWithdrawalDays"));
                break;
            case RecordKinds.Move:
                var to = Group("toGroup");
                if (Cell("toGroup") is null)
                {
                    Error("toGroup", "is required.");
                }

                record = new GroupMove(day, Group("fromGroup"), to ?? Guid.Empty, Text("reason"));
                break;
        }

        return errors.Count == 0 && found.Animal is not null ? (found.Animal, record!) : null;
    }
}

/// <summary>A valid row of a records import: the record and the animal (and its current group) it belongs to.</summary>
public sealed record RecordImportRow(int Row, Guid AnimalId, Guid? GroupId, AnimalRecord Record);

/// <summary>What a records file holds: the rows to add, the rows the animals already have, and every error by row and column.</summary>
/// <param name="DataRows">Rows below the header that are not blank.</param>
/// <param name="AlreadyRecordedRows">Rows whose record the animal already has: not added again.</param>
/// <param name="InvalidRows">Rows with at least one error, ascending.</param>
public sealed record RecordImportReport(
    int DataRows,
    IReadOnlyList<RecordImportRow> Valid,
    IReadOnlyList<int> AlreadyRecordedRows,
    IReadOnlyList<int> InvalidRows,
    IReadOnlyList<ImportError> Errors);
