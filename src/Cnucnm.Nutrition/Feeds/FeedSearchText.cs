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

    /// <summary>The displayed names of a feed (English, Korean) compacted, distinct and non-empty: what ranking and
    /// "did you mean" read (the id, part of <see cref="Index"/>, is matched but never ranks a feed).</summary>
    public static string[] Names(params string?[] names) =>
        [.. names.Select(Compact).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Rank tiers are this far apart, so that a rank is one integer (PostgreSQL orders by the same number).</summary>
    public const int TierStride = 1_000_000;

    /// <summary>
    /// A feed's place for the query's words, smaller first (docs/feeds.md, "Ranking"): over the displayed names
    /// (<see cref="Names"/>) in which every word occurs, tier 0 when the name starts with the first word, else tier 1,
    /// plus the name's length in characters (Unicode code points, as PostgreSQL's <c>length</c>); the best such name
    /// counts. A feed matched only across names or by its id is tier 2 with the length of its whole index text.
    /// PostgresFeedSearchStore computes the same number in SQL.
    /// </summary>
    public static int Rank(IReadOnlyList<string> names, string indexText, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(indexText);
        ArgumentNullException.ThrowIfNull(words);
        var first = words.Count > 0 ? words[0] : "";
        var best = int.MaxValue;
        foreach (var name in names.Where(n => Matches(n, words)))
        {
            var tier = name.StartsWith(first, StringComparison.Ordinal) ? 0 : 1;
            best = Math.Min(best, (tier * TierStride) + CodePoints(name));
        }

        return best != int.MaxValue ? best : (2 * TierStride) + CodePoints(indexText);
    }

    /// <summary>Fewer matches than this and a search also answers "did you mean" names (<see cref="Suggest"/>).</summary>
    public const int FewMatches = 3;

    /// <summary>
    /// "Did you mean": the displayed names closest to a query that found little (a misspelling such as "silgae" or
    /// "soybaen meal"), at most <paramref name="count"/>. Every query word must occur in the compacted name within
    /// <see cref="Tolerance"/> edits (optimal string alignment distance: insertions, deletions, substitutions and
    /// swaps of neighbours each count 1; Damerau 1964, Commun. ACM 7:171) against a stretch of the name one character
    /// shorter, as long or one longer than the word. Ordered by the summed word distances, then the whole query's
    /// distance to the whole name, then shorter names, then the name; English and Korean names alike.
    /// </summary>
    public static IReadOnlyList<string> Suggest(IReadOnlyList<string> words, IEnumerable<string?> displayNames, int count)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(displayNames);
        if (words.Count == 0 || count <= 0)
        {
            return [];
        }

        var whole = string.Concat(words);
        return [.. displayNames
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n!)
            .Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n, Compact: Compact(n)))
            .Select(n => (n.Name, n.Compact, Distances: words.Select(w => PartialDistance(w, n.Compact)).ToList()))
            .Where(n => n.Distances.Zip(words).All(p => p.First <= Tolerance(p.Second)))
            .Select(n => (n.Name, Sum: n.Distances.Sum(), Whole: Distance(whole, n.Compact), Length: CodePoints(n.Compact)))
            .OrderBy(n => n.Sum).ThenBy(n => n.Whole).ThenBy(n => n.Length).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(n => n.Name)];
    }

    /// <summary>Edits a query word may be off by and still suggest a name: none up to 2 characters, 1 up to 5, else 2.</summary>
    public static int Tolerance(string word) => CodePoints(word ?? "") switch
    {
        <= 2 => 0,
        <= 5 => 1,
        _ => 2,
    };

    /// <summary>The least distance of the word to a stretch of the text (length of the word ± 1).</summary>
    private static int PartialDistance(string word, string text)
    {
        if (text.Contains(word, StringComparison.Ordinal))
        {
            return 0;
        }

        var best = Distance(word, text);
        for (var length = Math.Max(1, word.Length - 1); length <= word.Length + 1 && length < text.Length; length++)
        {
            for (var start = 0; start + length <= text.Length && best > 0; start++)
            {
                best = Math.Min(best, Distance(word, text.Substring(start, length)));
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with swaps of neighbouring characters).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();
}
