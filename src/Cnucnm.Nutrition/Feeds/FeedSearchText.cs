using System.Globalization;
using System.Text;

namespace Cnucnm.Nutrition.Feeds;

/// <summary>
/// The text feed search matches against, shared by the PostgreSQL store (trigram index) and the
/// in-memory one. Names are compacted to lower-case letters and digits (Hangul kept, NFKC so that
/// full-width letters are ordinary ones): spacing and punctuation never decide a match, so
/// "옥수수사일리지" finds "옥수수 사일리지" and "corn silage" finds "Corn silage, typical". A query is
/// split into words; every word must occur somewhere in a name (partial words match).
/// </summary>
public static class FeedSearchText
{
    /// <summary>Separates the names of one feed in its index text; never part of a query word.</summary>
    public const char NameSeparator = '|';

    /// <summary>Most words a query may have (longer queries are refused, not truncated).</summary>
    public const int MaxWords = 8;

    /// <summary>Lower-case letters and digits of <paramref name="text"/>, nothing else.</summary>
    public static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalised = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>The query's words, compacted; empty when the query has no letters or digits.</summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in query.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation)
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0 && !words.Contains(current.ToString()))
            {
                words.Add(current.ToString());
            }

            current.Clear();
        }
    }

    /// <summary>The index text of a feed: its compacted names joined by <see cref="NameSeparator"/>.</summary>
    public static string Index(params string?[] names) =>
        string.Join(NameSeparator, names.Select(Compact).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal));

    /// <summary>Whether every word of the query occurs in the index text (what the stores filter on).</summary>
    public static bool Matches(string indexText, IReadOnlyList<string> words) =>
        words.All(w => indexText.Contains(w, StringComparison.Ordinal));
}
