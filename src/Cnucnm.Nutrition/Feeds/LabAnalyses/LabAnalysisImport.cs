using System.Globalization;

namespace Cnucnm.Nutrition.Feeds.LabAnalyses;

/// <summary>
/// Reads lab analyses from a report table (CSV text, or rows read from a spreadsheet) and validates each against
/// the feed it is for: every value known, finite and in its unit's range (DM in (0, 100] % as fed), and the feed
/// with the analysis on top consistent (<see cref="FeedConsistency"/>: NDF ≥ ADF ≥ lignin, fractions adding up,
/// proximate constituents ≤ 100 % DM). Errors name the row and the column as written; a file with any error
/// yields no analyses, so nothing is applied half.
/// </summary>
public static class LabAnalysisImport
{
    public const int MaxRows = 1000;

    public static (IReadOnlyList<LabAnalysis> Analyses, IReadOnlyList<LabAnalysisError> Errors) ReadCsv(string text, Feed current) =>
        Read(CsvText.Parse(text ?? ""), current);

    /// <summary>Rows of cells, the first being the header.</summary>
    public static (IReadOnlyList<LabAnalysis> Analyses, IReadOnlyList<LabAnalysisError> Errors) Read(IReadOnlyList<string[]> rows, Feed current)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<LabAnalysisError>();
        if (rows.Count < 2)
        {
            return ([], [new LabAnalysisError(1, "", "the file needs a header row and at least one analysis row.")]);
        }

        if (rows.Count - 1 > MaxRows)
        {
            return ([], [new LabAnalysisError(MaxRows + 2, "", $"at most {MaxRows} analyses per file.")]);
        }

        var header = rows[0];
        var columns = new (int Index, string Header, FeedNutrient? Nutrient, bool Sample, bool Date)[header.Length];
        var seen = new Dictionary<FeedNutrient, string>();
        for (var c = 0; c < header.Length; c++)
        {
            var name = header[c].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (LabAnalysisColumns.IsSample(name) || LabAnalysisColumns.IsDate(name))
            {
                columns[c] = (c, name, null, LabAnalysisColumns.IsSample(name), LabAnalysisColumns.IsDate(name));
            }
            else if (LabAnalysisColumns.TryNutrient(name, out var nutrient))
            {
                if (seen.TryGetValue(nutrient, out var first))
                {
                    errors.Add(new LabAnalysisError(1, name, $"is the same nutrient as column '{first}'."));
                }

                seen[nutrient] = name;
                columns[c] = (c, name, nutrient, false, false);
            }
            else
            {
                errors.Add(new LabAnalysisError(1, name, "is not a known analysis column (DM, CP, NDF, ADF, lignin, starch, fat, ash, minerals … or a NASEM name such as Fd_CP)."));
            }
        }

        if (!seen.ContainsKey(FeedNutrient.Fd_DM))
        {
            errors.Add(new LabAnalysisError(1, "DM", "a dry matter column is required (the analysis is per kg DM)."));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var analyses = new List<LabAnalysis>();
        for (var r = 1; r < rows.Count; r++)
        {
            var line = r + 1;
            var cells = rows[r];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? sample = null;
            DateOnly? date = null;
            var values = new Dictionary<FeedNutrient, double>();
            var rowErrors = new List<LabAnalysisError>();
            foreach (var column in columns.Where(c => c.Header is not null))
            {
                var cell = column.Index < cells.Length ? cells[column.Index].Trim() : "";
                if (column.Sample)
                {
                    sample = cell.Length == 0 ? null : cell[..Math.Min(cell.Length, 100)];
                }
                else if (column.Date)
                {
                    if (DateOnly.TryParseExact(cell, ["yyyy-MM-dd", "yyyy.MM.dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        date = day;
                    }
                    else if (cell.Length > 0)
                    {
                        rowErrors.Add(new LabAnalysisError(line, column.Header, $"'{Shorten(cell)}' is not a date (yyyy-mm-dd)."));
                    }
                }
                else if (cell.Length > 0)
                {
                    if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        rowErrors.Add(new LabAnalysisError(line, column.Header, $"'{Shorten(cell)}' is not a number."));
                    }
                    else if (CheckValue(column.Nutrient!.Value, value) is { } problem)
                    {
                        rowErrors.Add(new LabAnalysisError(line, column.Header, problem));
                    }
                    else
                    {
                        values[column.Nutrient!.Value] = value;
                    }
                }
            }

            if (rowErrors.Count == 0 && !values.ContainsKey(FeedNutrient.Fd_DM))
            {
                rowErrors.Add(new LabAnalysisError(line, seen[FeedNutrient.Fd_DM], "dry matter is required."));
            }

            if (rowErrors.Count == 0)
            {
                foreach (var problem in FeedConsistency.Check(Apply(current, values), values.Keys))
                {
                    var at = values.ContainsKey(problem.Part) ? seen[problem.Part] : problem.Other is { } o && seen.TryGetValue(o, out var other) ? other : problem.Part.ToString();
                    rowErrors.Add(new LabAnalysisError(line, at, problem.Message));
                }
            }

            errors.AddRange(rowErrors);
            analyses.Add(new LabAnalysis(line, sample, date, values));
        }

        if (analyses.Count == 0 && errors.Count == 0)
        {
            errors.Add(new LabAnalysisError(2, "", "the file has no analysis rows."));
        }

        return errors.Count > 0 ? ([], errors) : (analyses, []);
    }

    /// <summary>What is wrong with one analysed value; null when it is plausible. DM must be in (0, 100] % as fed.</summary>
    public static string? CheckValue(FeedNutrient nutrient, double value)
    {
        if (nutrient == FeedNutrient.Fd_DM)
        {
            return double.IsFinite(value) && value > 0 && value <= 100 ? null : "dry matter must be more than 0 and at most 100 % as fed.";
        }

        return UserFeeds.CheckValue(nutrient.ToString(), value, out _);
    }

    /// <summary>The feed with the analysed values in place of its own (source: the lab analysis of that date).</summary>
    public static Feed Apply(Feed current, IReadOnlyDictionary<FeedNutrient, double> values)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.With(values, kind: FeedSource.User);
    }

    /// <summary>Per analysed nutrient: current value, analysed value and the change (DM basis, DM itself % as fed).</summary>
    public static IReadOnlyList<NutrientChange> Changes(Feed current, LabAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(analysis);
        return [.. analysis.Values.OrderBy(v => v.Key).Select(v =>
        {
            var before = current[v.Key];
            double? was = double.IsNaN(before) ? null : before;
            return new NutrientChange(v.Key.ToString(), FeedNutrients.Unit(v.Key), was, v.Value, v.Value - was,
                was is { } w && w != 0 ? (v.Value - w) / w * 100 : null);
        })];
    }

    /// <summary>Blank cells the model needs in the feed with <paramref name="analysis"/> applied (values neither analysed nor in
    /// the feed), with the value the composition-completeness policy uses, by the analysis's row.</summary>
    public static IReadOnlyList<CompositionImportGap> Gaps(Feed current, LabAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(analysis);
        return CompositionImportGap.Of(analysis.Row, Apply(current, analysis.Values));
    }

    private static string Shorten(string cell) => cell.Length <= 30 ? cell : cell[..30] + "…";
}
