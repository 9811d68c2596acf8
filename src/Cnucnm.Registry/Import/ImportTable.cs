using System.Globalization;

namespace Cnucnm.Registry.Import;

/// <summary>What the registry's file imports share: the header row's columns, blank rows, and cell parsing.</summary>
internal static class ImportTable
{
    /// <summary>The column index of each known header (names case-insensitive, any order); unknown, repeated and missing
    /// required columns are added to <paramref name="errors"/> as row-1 errors.</summary>
    public static Dictionary<string, int> Columns(string[] headerRow, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<ImportError> errors)
    {
        var header = headerRow.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var known = required.Concat(optional).ToList();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                continue;
            }

            var name = known.FirstOrDefault(k => string.Equals(k, header[i], StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(new ImportError(1, header[i], $"Unknown column; the columns are {string.Join(", ", known)}."));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(1, header[i], "The column appears twice."));
            }
        }

        errors.AddRange(required.Where(r => !columns.ContainsKey(r)).Select(r => new ImportError(1, r, "This column is required.")));
        return columns;
    }

    public static bool Blank(string[] cells) => cells.All(c => string.IsNullOrWhiteSpace(c));

    public static T? ParseEnum<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var value)
        && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static double? ParseNumber(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    public static int? ParseWholeNumber(string? text) =>
        ParseNumber(text) is { } value && value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>true/false as the export writes them (True, False), also yes/no and 1/0.</summary>
    public static bool? ParseBoolean(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" => true,
        "false" or "no" or "n" or "0" => false,
        _ => null,
    };

    /// <summary>Text as written before the export made it inert for spreadsheets: the apostrophe put before a leading
    /// = + - @ tab or carriage return (OWASP "CSV Injection", ReportFormats.InertText) is taken off again.</summary>
    public static string? Text(string? cell) =>
        cell is { Length: >= 2 } && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
