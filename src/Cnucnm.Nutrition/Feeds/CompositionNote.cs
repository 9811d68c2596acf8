using System.Globalization;

namespace Cnucnm.Nutrition.Feeds;

/// <summary>
/// What an answer tells the user about one feed of the ration whose composition had imputed or unknown values
/// (<see cref="CompositionCompleteness"/>): which values, from where, and which results they touch, in English
/// and Korean. True zeros are not listed.
/// </summary>
public sealed record CompositionNote(string FeedId, string FeedName, string? FeedNameKorean, IReadOnlyList<CompositionGap> Gaps)
{
    /// <summary>Notes for the feeds of a ration, in ration order, one per feed with something to report.</summary>
    public static IReadOnlyList<CompositionNote> For(IEnumerable<Feed> feeds)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        return [.. feeds.DistinctBy(f => f.Id).Select(CompositionCompleteness.Complete).Where(c => c.Reported.Count > 0)
            .Select(c => new CompositionNote(c.Original.Id, c.Original.Name, c.Original.NameKorean, c.Reported))];
    }

    /// <summary>The results the imputed or unknown values enter, English keys, in the order of first mention.</summary>
    public IReadOnlyList<string> Touches => [.. Gaps.SelectMany(g => g.Touches).Distinct()];

    /// <summary>"Oat silage, mid-maturity: NPN = 0 % of CP imputed (similar library feed …); Co, I, Se unknown, assumed 0. Touches RUP, MP …"</summary>
    public string English
    {
        get
        {
            var parts = Gaps.Where(g => g.Treatment == GapTreatment.Imputed).GroupBy(g => g.Source)
                .Select(s => $"{string.Join(", ", Values(s, english: true))} imputed ({s.Key})").ToList();
            var unknown = Names(Gaps.Where(g => g.Treatment == GapTreatment.Unknown), english: true).ToList();
            if (unknown.Count > 0)
            {
                parts.Add($"{string.Join(", ", unknown)} unknown, assumed 0");
            }

            return $"{FeedName}: {string.Join("; ", parts)}. Touches {string.Join(", ", Touches)}.";
        }
    }

    /// <summary>The same note in Korean (feed names as the library gives them).</summary>
    public string Korean
    {
        get
        {
            var parts = Gaps.Where(g => g.Treatment == GapTreatment.Imputed).GroupBy(g => g.Source)
                .Select(s => $"{string.Join(", ", Values(s, english: false))} 대체 추정 ({s.Key})").ToList();
            var unknown = Names(Gaps.Where(g => g.Treatment == GapTreatment.Unknown), english: false).ToList();
            if (unknown.Count > 0)
            {
                parts.Add($"{string.Join(", ", unknown)} 값 없음, 0으로 가정");
            }

            return $"{FeedNameKorean ?? FeedName}: {string.Join("; ", parts)}. 영향: {string.Join(", ", Touches.Select(CompositionCompleteness.ResultKorean))}.";
        }
    }

    private static bool IsAminoAcid(CompositionGap g) => g.Touches is ["digestible AA"] && g.Column.ToString().EndsWith("_CP", StringComparison.Ordinal);

    /// <summary>Column names; the amino acids as one "amino acid profile".</summary>
    private static IEnumerable<string> Names(IEnumerable<CompositionGap> gaps, bool english)
    {
        var list = gaps.ToList();
        foreach (var g in list.Where(g => !IsAminoAcid(g)))
        {
            var (en, ko) = CompositionCompleteness.ColumnName(g.Column);
            yield return english ? en : ko;
        }

        if (list.Any(IsAminoAcid))
        {
            yield return english ? "amino acid profile" : "아미노산 조성";
        }
    }

    /// <summary>"NPN = 0 % of CP"; a whole amino acid profile from one source is named once rather than value by value.</summary>
    private static IEnumerable<string> Values(IEnumerable<CompositionGap> gaps, bool english)
    {
        var list = gaps.ToList();
        var aminoAcids = list.Where(IsAminoAcid).ToList();
        foreach (var g in list.Except(aminoAcids))
        {
            var (en, ko) = CompositionCompleteness.ColumnName(g.Column);
            yield return string.Create(CultureInfo.InvariantCulture, $"{(english ? en : ko)} = {g.ValueUsed:0.###} {FeedNutrients.Unit(g.Column)}");
        }

        if (aminoAcids.Count > 0)
        {
            var names = string.Join("/", aminoAcids.Select(g => CompositionCompleteness.ColumnName(g.Column).English));
            yield return english ? $"amino acid profile ({names})" : $"아미노산 조성 ({names})";
        }
    }
}
