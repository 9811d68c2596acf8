using System.Globalization;
using System.Text;

namespace Cnucnm.Nutrition.Feeds;

/// <summary>A set of feeds with lookup by id and name.</summary>
public sealed class FeedLibrary
{
    private readonly Dictionary<string, Feed> _byId;
    private readonly Dictionary<string, Feed> _byName;

    public FeedLibrary(string name, IEnumerable<Feed> feeds)
    {
        Name = name;
        Feeds = [.. feeds];
        _byId = Feeds.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _byName = new Dictionary<string, Feed>(StringComparer.OrdinalIgnoreCase);
        foreach (var feed in Feeds)
        {
            _byName.TryAdd(feed.Name.Trim(), feed);
            if (feed.NameKorean is { Length: > 0 } korean)
            {
                _byName.TryAdd(korean.Trim(), feed);
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<Feed> Feeds { get; }

    private static readonly Lazy<FeedLibrary> NasemLibrary = new(LoadNasem);
    private static readonly Lazy<FeedImportReport> KoreanLibrary = new(() => KoreanFeedImport.Import(ReadResource("KoreanFeedLibrary_convert.csv")));

    /// <summary>The NASEM (2021) feed library: 284 feeds, ids <c>nasem:{Fd_Name}</c>.</summary>
    public static FeedLibrary Nasem => NasemLibrary.Value;

    /// <summary>The Korean feed library (CNCPS composition) after cleaning: ids <c>kr:{Feed_ID}</c>, Korean and
    /// English names; impossible rows are left out (see <see cref="KoreanImportReport"/> and docs/feeds.md).</summary>
    public static FeedLibrary Korean => KoreanLibrary.Value.Library;

    /// <summary>What the import of the built-in Korean library kept and rejected, by row and column.</summary>
    public static FeedImportReport KoreanImportReport => KoreanLibrary.Value;

    /// <summary>Finds a feed by id (<c>nasem:…</c>, <c>kr:…</c>) or name in the NASEM, then the Korean library.</summary>
    public static bool TryFind(string idOrName, out Feed feed) => Nasem.TryGet(idOrName, out feed) || Korean.TryGet(idOrName, out feed);

    /// <summary>Number of feeds.</summary>
    public int Count => Feeds.Count;


    public bool TryGet(string idOrName, out Feed feed) =>
        _byId.TryGetValue(idOrName, out feed!) || _byName.TryGetValue(idOrName.Trim(), out feed!);

    public Feed Get(string idOrName) =>
        TryGet(idOrName, out var feed) ? feed : throw new KeyNotFoundException($"No feed '{idOrName}' in the {Name} library.");

    /// <summary>Names closest to <paramref name="name"/> (edit distance on normalised names, then
    /// shared words), for "did you mean" messages.</summary>
    public IReadOnlyList<string> ClosestNames(string name, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = Normalise(name);
        // Best match of the typed text anywhere in the name (a typo or a shortened name), then the whole-name distance.
        (int Partial, int Whole) Score(string candidate)
        {
            var normalised = Normalise(candidate);
            var partial = int.MaxValue;
            if (normalised.Length <= wanted.Length)
            {
                partial = Levenshtein(wanted, normalised);
            }
            else
            {
                for (var start = 0; start + wanted.Length <= normalised.Length && partial > 0; start++)
                {
                    partial = Math.Min(partial, Levenshtein(wanted, normalised.Substring(start, wanted.Length)));
                }
            }

            return (partial, Levenshtein(wanted, normalised));
        }

        return [.. Feeds
            .SelectMany(f => f.NameKorean is { Length: > 0 } korean && korean != f.Name ? new[] { f.Name, korean } : [f.Name])
            .Distinct(StringComparer.Ordinal)
            .Select(candidate => (Name: candidate, Score: Score(candidate)))
            .OrderBy(x => x.Score.Partial).ThenBy(x => x.Score.Whole).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.Name)];
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    internal static string ReadResource(string fileName)
    {
        using var stream = typeof(FeedLibrary).Assembly.GetManifestResourceStream($"Cnucnm.Nutrition.Data.{fileName}")
                           ?? throw new InvalidOperationException($"Embedded data file {fileName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static FeedLibrary LoadNasem()
    {
        var rows = CsvText.Parse(ReadResource("NASEM_feed_library.csv"));
        var header = rows[0];
        var column = header.Select((h, i) => (h, i)).ToDictionary(x => x.h.Trim(), x => x.i, StringComparer.Ordinal);
        var feeds = new List<Feed>();
        foreach (var row in rows.Skip(1).Where(r => r.Length == header.Length))
        {
            var values = new Dictionary<FeedNutrient, double>();
            foreach (var nutrient in Enum.GetValues<FeedNutrient>())
            {
                if (column.TryGetValue(nutrient.ToString(), out var index)
                    && double.TryParse(row[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    values[nutrient] = value;
                }
            }

            var name = row[column["Fd_Name"]].Trim();
            var type = row[column["Fd_Type"]].Trim() == "Forage" ? FeedType.Forage : FeedType.Concentrate;
            feeds.Add(new Feed($"nasem:{name}", name, null, row[column["Fd_Category"]].Trim(), type, FeedSource.NasemLibrary, values));
        }

        return new FeedLibrary("NASEM 2021", feeds);
    }
}
