using System.Globalization;
using System.Text;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.ModelEvaluation;

/// <summary>
/// The feeds of the evaluation: the built-in Korean library, plus the rows its import rejects only because tabular TDN
/// exceeds 100 % of DM. For fat supplements such TDN is right (2.25 × digestible fat: tallow 177 %), and neither model
/// reads tabular TDN (both compute energy from composition, docs/feeds.md), so those rows are imported with the TDN
/// cell cleared; every other rule of the import still applies. In the evaluation diets these are four fats (IDs 72,
/// 396, 398, 888), fed in 52 of the 156 cases.
/// </summary>
public static class ValidationFeeds
{
    private const string TdnColumn = "TDN (%DM)";

    private static readonly Lazy<FeedLibrary> TdnOnlyRejections = new(ImportTdnOnlyRejections);

    /// <summary>Korean feed <paramref name="feedId"/> for the evaluation, or the reason it cannot be used.</summary>
    public static (Feed? Feed, string? Reason) Find(int feedId)
    {
        var id = $"kr:{feedId.ToString(CultureInfo.InvariantCulture)}";
        if (FeedLibrary.Korean.TryGet(id, out var feed) || TdnOnlyRejections.Value.TryGet(id, out feed))
        {
            return (feed, null);
        }

        var issues = FeedLibrary.KoreanImportReport.Rejections.Where(r => r.FeedId == feedId.ToString(CultureInfo.InvariantCulture)).ToList();
        return (null, issues.Count == 0
            ? $"feed {feedId} is not in the Korean feed library."
            : $"feed {feedId} ({issues[0].FeedName}) is rejected by the Korean library import: {string.Join("; ", issues)}.");
    }

    /// <summary>Ids of the feeds taken in with their tabular TDN cleared.</summary>
    public static IReadOnlyList<string> TdnClearedFeedIds => [.. TdnOnlyRejections.Value.Feeds.Select(f => f.Id)];

    private static FeedLibrary ImportTdnOnlyRejections()
    {
        var tdnOnlyRows = FeedLibrary.KoreanImportReport.Rejections.GroupBy(r => r.Row)
            .Where(g => g.All(issue => issue.Column == TdnColumn))
            .Select(g => g.Key - 1) // the report counts lines from 1 with the header as line 1
            .ToHashSet();
        var rows = CsvText.Parse(FeedLibrary.ReadResource("KoreanFeedLibrary_convert.csv"));
        var tdn = Array.FindIndex(rows[0], h => h.Trim() == TdnColumn);
        var csv = new StringBuilder();
        csv.Append(string.Join(',', rows[0].Select(Quote))).Append('\n');
        foreach (var index in tdnOnlyRows.Order())
        {
            var row = (string[])rows[index].Clone();
            row[tdn] = "";
            csv.Append(string.Join(',', row.Select(Quote))).Append('\n');
        }

        return KoreanFeedImport.Import(csv.ToString(), "Korean feed library (fats, tabular TDN cleared)").Library;
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
