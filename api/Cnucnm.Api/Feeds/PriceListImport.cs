using System.Globalization;
using Cnucnm.Contracts.Farms;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Api.Feeds;

/// <summary>A price list row as imported: which farm feed, from when, how much on which basis, from whom.</summary>
public sealed record PriceListRow(int Row, string FeedId, FeedPrice Price);

/// <summary>An error of a price list file: the row (header = 1), the column and what is wrong.</summary>
public sealed record PriceListError(int Row, string Column, string Message);

/// <summary>
/// Reads a price list (CSV, header row): columns feed, effectiveFrom (yyyy-mm-dd), amount, basis (perTonneAsFed
/// or perKgDryMatter), currency (must be the farm's), supplier and region (optional; kept together as the
/// supplier "supplier / region"). Every row is checked before anything is stored.
/// </summary>
public static class PriceListImport
{
    public const int MaxRows = 2000;

    private static readonly string[] Required = ["feed", "effectivefrom", "amount", "basis", "currency"];

    public static (IReadOnlyList<PriceListRow> Rows, IReadOnlyList<PriceListError> Errors) Read(
        string csv, string farmCurrency, IReadOnlySet<string> farmFeeds)
    {
        var table = CsvText.Parse(csv ?? "");
        if (table.Count < 2)
        {
            return ([], [new PriceListError(1, "", "the file needs a header row and at least one price row.")]);
        }

        if (table.Count - 1 > MaxRows)
        {
            return ([], [new PriceListError(MaxRows + 2, "", $"at most {MaxRows} prices per file.")]);
        }

        var header = table[0].Select(h => FeedSearchText.Compact(h)).ToList();
        var errors = Required.Where(r => !header.Contains(r)).Select(r => new PriceListError(1, r, "column is missing.")).ToList();
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        string Cell(string[] cells, string column) => header.IndexOf(column) is var i and >= 0 && i < cells.Length ? cells[i].Trim() : "";
        var rows = new List<PriceListRow>();
        var seen = new Dictionary<(string, DateOnly), int>();
        for (var r = 1; r < table.Count; r++)
        {
            var line = r + 1;
            var cells = table[r];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var before = errors.Count;
            var feed = Cell(cells, "feed");
            if (!farmFeeds.Contains(feed))
            {
                errors.Add(new PriceListError(line, "feed", $"'{Shorten(feed)}' is not a feed of this farm."));
            }

            if (!DateOnly.TryParseExact(Cell(cells, "effectivefrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                errors.Add(new PriceListError(line, "effectiveFrom", "must be a date yyyy-mm-dd."));
            }

            if (!decimal.TryParse(Cell(cells, "amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount is < 0 or > 1_000_000_000)
            {
                errors.Add(new PriceListError(line, "amount", "must be a number between 0 and 1e9."));
            }

            if (!Enum.TryParse<PriceBasis>(Cell(cells, "basis"), ignoreCase: true, out var basis) || !Enum.IsDefined(basis) || int.TryParse(Cell(cells, "basis"), out _))
            {
                errors.Add(new PriceListError(line, "basis", "must be perTonneAsFed or perKgDryMatter."));
            }

            if (!string.Equals(Cell(cells, "currency"), farmCurrency, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new PriceListError(line, "currency", $"must be the farm's currency, {farmCurrency}."));
            }

            var supplier = string.Join(" / ", new[] { Cell(cells, "supplier"), Cell(cells, "region") }.Where(s => s.Length > 0));
            if (supplier.Length > 200)
            {
                errors.Add(new PriceListError(line, "supplier", "supplier and region must be at most 200 characters together."));
            }

            if (errors.Count == before && seen.TryGetValue((feed, from), out var earlier))
            {
                errors.Add(new PriceListError(line, "effectiveFrom", $"the same feed and date as row {earlier}."));
            }

            if (errors.Count == before)
            {
                seen[(feed, from)] = line;
                rows.Add(new PriceListRow(line, feed, new FeedPrice(from, amount, basis, supplier.Length > 0 ? supplier : null)));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new PriceListError(2, "", "the file has no price rows."));
        }

        return errors.Count > 0 ? ([], errors) : (rows, []);
    }

    private static string Shorten(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";
}
