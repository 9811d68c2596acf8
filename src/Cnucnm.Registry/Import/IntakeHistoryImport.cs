using System.Globalization;

namespace Cnucnm.Registry.Import;

/// <summary>One day of a group's imported intake: the whole group's delivered and refused feed as fed, the dry matter eaten
/// ((delivered − refused) × DM), and the head fed that day.</summary>
public sealed record IntakeHistoryRow(int Row, DateOnly Day, double DeliveredKgAsFed, double RefusedKgAsFed, double DryMatterKg, int HeadCount);

/// <summary>What an intake history file holds: rows read, the valid days, the invalid rows and every error by row and column.</summary>
public sealed record IntakeHistoryReport(int DataRows, IReadOnlyList<IntakeHistoryRow> Valid, IReadOnlyList<int> InvalidRows, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Reads a group's past feeding records (a TMR program's daily loads, a feeding sheet) for the days before the sensor readings go
/// back: one row a day with <c>date</c>, <c>headCount</c>, the mix's <c>dryMatterPercent</c>, and the delivered amount as fed
/// (<c>deliveredKgAsFed</c>, refusals <c>refusedKgAsFed</c>) or as dry matter (<c>deliveredKgDm</c>, <c>refusedKgDm</c>), for the
/// whole group. Refusals are optional (0 when a record has none) and on the delivery's basis. The dry matter percent converts
/// between the two bases (kg DM = kg as fed × DM % / 100), so every day has both, as a sensor day does. A day must be older
/// than the live window (the ingest accepts readings that recent), at most <see cref="MaxDaysBack"/> days back, and not a day
/// that has bunk-scale readings (they are that day's record). Nothing is stored here.
/// </summary>
public static class IntakeHistoryImport
{
    /// <summary>Two years back.</summary>
    public const int MaxDaysBack = 730;

    public const int MaxRows = 2_000;

    /// <summary>Head in one group: a feedlot pen's size bounds it well above any farm's.</summary>
    public const int MaxHeadCount = 10_000;

    /// <summary>kg a group is fed in a day: 10,000 head × 100 kg as fed stays below it.</summary>
    public const double MaxKgPerDay = 1_000_000;

    public static readonly IReadOnlyList<string> Required = ["date", "headCount", "dryMatterPercent"];

    public static readonly IReadOnlyList<string> Optional = ["deliveredKgAsFed", "refusedKgAsFed", "deliveredKgDm", "refusedKgDm"];

    /// <param name="table">Rows of cells, the header first.</param>
    /// <param name="today">The farm's calendar day.</param>
    /// <param name="liveWindowDays">Days back the sensor ingest still accepts readings; a history day must be older.</param>
    /// <param name="sensorDays">The group's days that have bunk-scale readings.</param>
    public static IntakeHistoryReport Read(IReadOnlyList<string[]> table, DateOnly today, int liveWindowDays, IReadOnlySet<DateOnly> sensorDays)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sensorDays);
        var errors = new List<ImportError>();
        if (table.Count == 0)
        {
            return new IntakeHistoryReport(0, [], [], [new ImportError(1, "", "The file is empty: the first row names the columns.")]);
        }

        var columns = ImportTable.Columns(table[0], Required, Optional, errors);
        var dataRows = table.Skip(1).Count(r => !ImportTable.Blank(r));
        if (dataRows > MaxRows)
        {
            errors.Add(new ImportError(1, "", $"The file has {dataRows} rows; at most {MaxRows} are imported at once."));
        }

        if (errors.Count > 0)
        {
            return new IntakeHistoryReport(dataRows, [], [], errors);
        }

        var newest = today.AddDays(-(liveWindowDays + 1));
        var oldest = today.AddDays(-MaxDaysBack);
        var valid = new List<IntakeHistoryRow>();
        var rowOfDay = new Dictionary<DateOnly, int>();
        for (var r = 1; r < table.Count; r++)
        {
            if (ImportTable.Blank(table[r]))
            {
                continue;
            }

            if (ReadRow(table[r], columns, r + 1, today, newest, oldest, sensorDays, errors) is { } row)
            {
                if (rowOfDay.TryGetValue(row.Day, out var first))
                {
                    errors.Add(new ImportError(row.Row, "date", $"appears twice in the file (also row {first})."));
                }
                else
                {
                    rowOfDay[row.Day] = row.Row;
                    valid.Add(row);
                }
            }
        }

        var invalid = errors.Select(e => e.Row).Distinct().Order().ToList();
        return new IntakeHistoryReport(dataRows, [.. valid.Where(v => !invalid.Contains(v.Row))], invalid, [.. errors.OrderBy(e => e.Row)]);
    }

    private static IntakeHistoryRow? ReadRow(string[] cells, Dictionary<string, int> columns, int row, DateOnly today, DateOnly newest, DateOnly oldest,
        IReadOnlySet<DateOnly> sensorDays, List<ImportError> errors)
    {
        string? Cell(string column) =>
            columns.TryGetValue(column, out var i) && i < cells.Length && cells[i].Trim() is { Length: > 0 } text ? text : null;
        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new ImportError(row, column, message));
        static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

        var day = ImportTable.ParseDate(Cell("date"));
        if (day is not { } d)
        {
            Error("date", Cell("date") is null ? "is required (yyyy-MM-dd)." : "must be a date (yyyy-MM-dd).");
        }
        else if (d > today)
        {
            Error("date", "is in the future.");
        }
        else if (d > newest)
        {
            Error("date", $"must be at least {today.DayNumber - newest.DayNumber} days back: send newer days as intake readings.");
        }
        else if (d < oldest)
        {
            Error("date", $"may be at most {MaxDaysBack} days back.");
        }
        else if (sensorDays.Contains(d))
        {
            Error("date", "has bunk-scale readings: they are this day's record.");
        }

        var head = ImportTable.ParseWholeNumber(Cell("headCount"));
        if (head is not (>= 1 and <= MaxHeadCount))
        {
            Error("headCount", $"must be a whole number from 1 to {N(MaxHeadCount)}.");
        }

        var dryMatterPercent = Number("dryMatterPercent", 10, 100);
        var asFed = Cell("deliveredKgAsFed") is not null;
        var dm = Cell("deliveredKgDm") is not null;
        double? delivered = null, refused = 0;
        if (asFed == dm)
        {
            Error("deliveredKgAsFed", "give deliveredKgAsFed or deliveredKgDm, one of them.");
        }
        else
        {
            var (deliveredColumn, refusedColumn, otherRefused) = asFed
                ? ("deliveredKgAsFed", "refusedKgAsFed", "refusedKgDm")
                : ("deliveredKgDm", "refusedKgDm", "refusedKgAsFed");
            delivered = Number(deliveredColumn, 0, MaxKgPerDay);
            if (Cell(otherRefused) is not null)
            {
                Error(otherRefused, $"must be on the delivery's basis: {refusedColumn}.");
            }

            refused = Cell(refusedColumn) is null ? 0 : Number(refusedColumn, 0, MaxKgPerDay);
            if (delivered is { } del && refused is { } refd && refd > del)
            {
                Error(refusedColumn, "must not be more than delivered.");
            }
        }

        if (errors.Count > before || day is null || head is null || dryMatterPercent is null || delivered is null || refused is null)
        {
            return null;
        }

        var fraction = dryMatterPercent.Value / 100;
        var (deliveredAsFed, refusedAsFed) = asFed ? (delivered.Value, refused.Value) : (delivered.Value / fraction, refused.Value / fraction);
        return new IntakeHistoryRow(row, day.Value, deliveredAsFed, refusedAsFed, (deliveredAsFed - refusedAsFed) * fraction, head.Value);

        double? Number(string column, double min, double max)
        {
            var value = ImportTable.ParseNumber(Cell(column));
            if (value is not { } v || v < min || v > max)
            {
                Error(column, $"must be a number from {N(min)} to {N(max)}.");
                return null;
            }

            return v;
        }
    }
}
