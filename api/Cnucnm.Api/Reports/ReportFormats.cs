using System.Globalization;
using System.Text;
using Cnucnm.Contracts.Rations;
using CsvHelper;
using MiniExcelLibs;

namespace Cnucnm.Api.Reports;

/// <summary>Mixer sheets and ration reports as files: CSV (UTF-8 with BOM, so spreadsheet programs read
/// Korean names), XLSX (MiniExcel) and print-ready HTML.</summary>
public static class ReportFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>One row per feed of each load, in loading order, then a total row per load. Each feed row has the feed's DM %
    /// (<paramref name="dryMatterPercent"/>, by farm feed id; blank when unknown) and the scale reading after it is loaded
    /// (kg as fed, cumulative within the load, as the mixer wagon's scale shows it).</summary>
    public static List<Dictionary<string, object?>> MixerRows(MixerSheet sheet, ReportText text, IReadOnlyDictionary<string, double> dryMatterPercent)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(dryMatterPercent);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var load in sheet.Loads)
        {
            var scale = 0.0;
            foreach (var line in load.Lines.OrderBy(l => l.Order))
            {
                scale += line.KgAsFed;
                rows.Add(new()
                {
                    [text["load"]] = load.LoadNumber,
                    [text["headInLoad"]] = load.HeadInLoad,
                    [text["order"]] = line.Order,
                    [text["feedId"]] = line.FeedId,
                    [text["feed"]] = line.Name,
                    [text["kgAsFed"]] = Math.Round(line.KgAsFed, 1),
                    [text["dmPercent"]] = dryMatterPercent.TryGetValue(line.FeedId, out var dm) ? Math.Round(dm, 1) : null,
                    [text["scaleKg"]] = Math.Round(scale, 1),
                });
            }

            rows.Add(new()
            {
                [text["load"]] = load.LoadNumber,
                [text["headInLoad"]] = load.HeadInLoad,
                [text["order"]] = null,
                [text["feedId"]] = null,
                [text["feed"]] = text["total"],
                [text["kgAsFed"]] = Math.Round(load.Lines.Sum(l => l.KgAsFed), 1),
                [text["dmPercent"]] = null,
                [text["scaleKg"]] = null,
            });
        }

        return rows;
    }

    /// <summary>
    /// Text a spreadsheet program will not run as a formula: a cell that starts with = + - @ or a tab or
    /// carriage return gets a leading apostrophe (OWASP, "CSV Injection"). Numbers are written as numbers.
    /// </summary>
    public static string? InertText(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static byte[] Csv(IReadOnlyList<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            if (rows.Count > 0)
            {
                foreach (var header in rows[0].Keys)
                {
                    csv.WriteField(header);
                }

                csv.NextRecord();
            }

            foreach (var row in rows)
            {
                foreach (var value in row.Values)
                {
                    csv.WriteField(value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : InertText(value?.ToString()));
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A workbook with one sheet per entry, in order; each sheet's header is its rows' keys.</summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<(string Sheet, IReadOnlyList<Dictionary<string, object?>> Rows)> sheets, CancellationToken cancellationToken)
    {
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (sheet, rows) in sheets)
        {
            workbook[sheet] = rows;
        }

        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(workbook, cancellationToken: cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The ration report's sheets: summary, ration, requirements and supply, and the feed composition notes when there are any.</summary>
    public static List<(string Sheet, IReadOnlyList<Dictionary<string, object?>> Rows)> RationSheets(RationReport report, ReportText text)
    {
        var ration = report.Ration;
        var summary = new List<Dictionary<string, object?>>
        {
            Pair(text["farm"], report.Farm.Name),
            Pair(text["group"], report.Group.Name),
            Pair(text["head"], report.Group.Inputs.HeadCount),
            Pair(text["date"], report.FarmDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Pair(text["currency"], report.Farm.Currency),
            Pair(text["predictedDmi"], report.Group.Requirements is { } r ? Math.Round(r.PredictedDryMatterIntakeKg, 2) : null),
        };
        if (ration is not null)
        {
            summary.Add(Pair(text["rationVersion"], ration.Version));
            summary.Add(Pair(text["changedBy"], report.ChangedBy ?? text["formerMember"]));
            summary.Add(Pair(text["reason"], ration.Cause.Reason));
            summary.Add(Pair(text["kgDmPerHead"], Math.Round(ration.DryMatterKgPerHead, 2)));
            summary.Add(Pair(text["kgAsFedPerHead"], Math.Round(ration.AsFedKgPerHead, 2)));
            summary.Add(Pair(text["costPerHead"], ration.CostPerHeadPerDay is { } c ? Math.Round(c, 2) : null));
            summary.Add(Pair(text["costPerPen"], ration.CostPerPenPerDay is { } p ? Math.Round(p, 2) : null));
        }

        var items = ration?.Items.Select(i => new Dictionary<string, object?>
        {
            [text["feedId"]] = i.FeedId,
            [text["feed"]] = i.Name,
            [text["kgDmPerHead"]] = Math.Round(i.KgDryMatterPerHead, 3),
            [text["kgAsFedPerHead"]] = Math.Round(i.KgAsFedPerHead, 3),
            [text["percentOfDm"]] = Math.Round(RationReport.PercentOfDryMatter(ration, i), 1),
            [text["costPerHead"]] = i.CostPerHead is { } c ? Math.Round(c, 2) : null,
        }).ToList() ?? [];
        var balances = ration?.Balances.Select(b => new Dictionary<string, object?>
        {
            [text["nutrient"]] = b.Nutrient,
            [text["unit"]] = b.Unit,
            [text["required"]] = Math.Round(b.Required, 3),
            [text["supplied"]] = Math.Round(b.Supplied, 3),
            [text["balance"]] = Math.Round(b.Balance, 3),
            [text["percentOfRequirement"]] = Math.Round(b.PercentOfRequirement, 1),
        }).ToList() ?? [];
        var notes = ration?.CompositionNotes?.Select(n => new Dictionary<string, object?>
        {
            [text["feedId"]] = n.FeedId,
            [text["feed"]] = text.Language == "ko" ? n.FeedNameKorean ?? n.FeedName : n.FeedName,
            [text["note"]] = text.Language == "ko" ? n.TextKorean : n.TextEnglish,
        }).ToList() ?? [];
        List<(string, IReadOnlyList<Dictionary<string, object?>>)> sheets = [(text["rationReport"], summary), (text["ration"], items), (text["balance"], balances)];
        if (notes.Count > 0)
        {
            sheets.Add((text["compositionSheet"], notes));
        }

        return sheets;
    }

    private static Dictionary<string, object?> Pair(string label, object? value) => new() { ["item"] = label, ["value"] = value };
}
