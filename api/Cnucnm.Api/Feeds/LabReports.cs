using System.Globalization;
using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.Feeds.LabAnalyses;
using MiniExcelLibs;

namespace Cnucnm.Api.Feeds;

/// <summary>A lab report as sent to the API: CSV text or an XLSX workbook (base64; its first sheet, the header in the first row),
/// both read by <see cref="LabAnalysisImport"/> with the same columns and checks. Errors are keyed
/// "csv.row{N}.{column}" or "xlsx.row{N}.{column}" with N the sheet or file row (header = 1).</summary>
public static class LabReports
{
    public const int MaxCsvCharacters = 1_000_000;

    /// <summary>About 1 MB of workbook.</summary>
    public const int MaxXlsxBase64Characters = 1_400_000;

    public static (IReadOnlyList<LabAnalysis> Analyses, IDictionary<string, string[]>? Errors) Read(string? csv, string? xlsx, Feed current)
    {
        if (csv is null == xlsx is null)
        {
            return ([], Error(csv is null ? "csv" : "xlsx", "give the report either as csv text or as an xlsx workbook (base64), not both or neither."));
        }

        if (csv is not null)
        {
            return csv.Length is > 0 and <= MaxCsvCharacters
                ? Keyed("csv", LabAnalysisImport.ReadCsv(csv, current))
                : ([], Error("csv", $"must be 1 to {MaxCsvCharacters:N0} characters."));
        }

        var bytes = new byte[xlsx!.Length];
        if (xlsx.Length is 0 or > MaxXlsxBase64Characters || !Convert.TryFromBase64String(xlsx, bytes, out var length))
        {
            return ([], Error("xlsx", $"must be an XLSX workbook in base64, at most {MaxXlsxBase64Characters:N0} characters."));
        }

        var rows = ReadSheet(bytes.AsMemory(0, length));
        return rows is null
            ? ([], Error("xlsx", "is not a readable XLSX workbook."))
            : Keyed("xlsx", LabAnalysisImport.Read(rows, current));
    }

    /// <summary>The first sheet's rows as text from row 1 (numbers invariant, dates yyyy-MM-dd; a number in a date column is an
    /// Excel serial date), or null when the bytes are not a workbook.</summary>
    private static List<string[]>? ReadSheet(ReadOnlyMemory<byte> workbook)
    {
        List<object?[]> cells;
        try
        {
            using var stream = new MemoryStream(workbook.ToArray(), writable: false);
            cells = [.. MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, startCell: "A1")
                .Cast<IDictionary<string, object?>>()
                .Select(row => row.Values.ToArray())];
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not a zip, not a workbook, or a broken sheet: the caller reports it as the xlsx field's error.
            return null;
        }

        if (cells.Count == 0)
        {
            return [];
        }

        var dateColumns = cells[0].Select((header, index) => (header, index))
            .Where(h => h.header is string name && LabAnalysisColumns.IsDate(name)).Select(h => h.index).ToHashSet();
        return [.. cells.Select(row => row.Select((cell, column) => Text(cell, dateColumns.Contains(column))).ToArray())];
    }

    private static string Text(object? cell, bool dateColumn) => cell switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double serial when dateColumn && serial is >= 1 and < 2_958_466 => DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    private static (IReadOnlyList<LabAnalysis>, IDictionary<string, string[]>?) Keyed(
        string field, (IReadOnlyList<LabAnalysis> Analyses, IReadOnlyList<LabAnalysisError> Errors) read) =>
        read.Errors.Count == 0
            ? (read.Analyses, null)
            : ([], read.Errors
                .GroupBy(e => $"{field}.row{e.Row}.{e.Column}".TrimEnd('.'))
                .ToDictionary(g => g.Key, g => g.Select(e => $"row {e.Row}{(e.Column.Length > 0 ? $", column {e.Column}" : "")}: {e.Message}").ToArray()));

    private static Dictionary<string, string[]> Error(string field, string message) => new Dictionary<string, string[]> { [field] = [message] };
}
