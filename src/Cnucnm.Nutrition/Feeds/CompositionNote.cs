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
            var parts = Gaps.Where(g => g.Treatment == GapTreatment.Imputed).GroupBy(g => g.SourceKorean)
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

/// <summary>A <see cref="CompositionNote"/> for the wire (API, CLI JSON, formulation answers): plain strings and numbers.</summary>
/// <param name="FeedId">Feed id (<c>nasem:…</c>, <c>kr:…</c> or the farm's).</param>
/// <param name="Gaps">Each imputed or unknown value.</param>
/// <param name="Touches">Results the values enter (DE, RUP, MP, digestible AA, minerals, vitamins).</param>
/// <param name="TextEnglish">The note in English.</param>
/// <param name="TextKorean">The note in Korean.</param>
public sealed record CompositionNoteLine(string FeedId, string FeedName, string? FeedNameKorean, IReadOnlyList<CompositionGapLine> Gaps,
    IReadOnlyList<string> Touches, string TextEnglish, string TextKorean)
{
    public static CompositionNoteLine From(CompositionNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return new(note.FeedId, note.FeedName, note.FeedNameKorean, [.. note.Gaps.Select(CompositionGapLine.From)], note.Touches, note.English, note.Korean);
    }

    /// <summary>Lines for the feeds of a ration (amounts above 0), one per feed with something to report.</summary>
    public static IReadOnlyList<CompositionNoteLine> For(IEnumerable<Feed> feeds) => [.. CompositionNote.For(feeds).Select(From)];
}

/// <param name="Column">NASEM column (<c>Fd_NPN_CP</c>).</param>
/// <param name="Treatment"><c>Imputed</c> or <c>Unknown</c> (assumed 0).</param>
/// <param name="ValueUsed">The value the model used, in <paramref name="Unit"/>.</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="SourceKorean">The same in Korean.</param>
public sealed record CompositionGapLine(string Column, string Treatment, double ValueUsed, string Unit, string Source, string SourceKorean)
{
    public static CompositionGapLine From(CompositionGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return new(gap.Column.ToString(), gap.Treatment.ToString(), gap.ValueUsed, FeedNutrients.Unit(gap.Column), gap.Source, gap.SourceKorean);
    }
}

/// <summary>A blank cell of an imported row that the model needs, and what the composition-completeness policy uses for it
/// (Korean library import, lab analyses, user feeds): imputed or unknown values only, true zeros are not reported.</summary>
/// <param name="Row">Line of the file (header = 1); 0 for a feed entered without a file.</param>
/// <param name="Column">NASEM column (<c>Fd_NPN_CP</c>).</param>
/// <param name="Treatment"><c>Imputed</c> or <c>Unknown</c> (assumed 0).</param>
public sealed record CompositionImportGap(int Row, string FeedId, string FeedName, string Column, string Treatment, double ValueUsed, string Unit,
    string Source)
{
    /// <summary>The reported gaps of <paramref name="feed"/>, as read from row <paramref name="row"/>.</summary>
    public static IReadOnlyList<CompositionImportGap> Of(int row, Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return [.. CompositionCompleteness.Complete(feed).Reported.Select(g => new CompositionImportGap(row, feed.Id, feed.Name, g.Column.ToString(),
            g.Treatment.ToString(), g.ValueUsed, FeedNutrients.Unit(g.Column), g.Source))];
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"row {Row} ({FeedName}), {Column}: blank, {Treatment.ToLowerInvariant()} {ValueUsed:0.###} {Unit} ({Source})");
}
