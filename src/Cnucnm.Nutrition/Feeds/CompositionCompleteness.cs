using System.Globalization;
using System.Runtime.CompilerServices;

namespace Cnucnm.Nutrition.Feeds;

/// <summary>What a blank composition cell was taken to be.</summary>
public enum GapTreatment
{
    /// <summary>The feed has none of it (starch of a mineral, protein fractions of a feed without protein): 0, nothing to report.</summary>
    TrueZero,

    /// <summary>Imputed from a named, similar NASEM library feed (same category, else same forage/concentrate type, nearest in CP and NDF).</summary>
    Imputed,

    /// <summary>No source to impute from (minerals and vitamins of feeds): assumed 0, which under-supplies rather than over-supplies, and said so.</summary>
    Unknown,
}

/// <summary>One blank cell of a feed's composition and the value the model used instead.</summary>
/// <param name="Column">The NASEM column that was blank.</param>
/// <param name="Treatment">True zero, imputed or unknown.</param>
/// <param name="ValueUsed">The value used, in the column's unit (<see cref="FeedNutrients.Unit"/>).</param>
/// <param name="Source">Where the value comes from (the donor feed for an imputation, the reason for a true zero).</param>
/// <param name="Touches">The results the value enters (DE, RUP, MP, digestible AA, a mineral …), English keys of <see cref="CompositionCompleteness.ResultKorean"/>.</param>
/// <param name="SourceKorean"><paramref name="Source"/> in Korean.</param>
public sealed record CompositionGap(FeedNutrient Column, GapTreatment Treatment, double ValueUsed, string Source, IReadOnlyList<string> Touches, string SourceKorean);

/// <summary>A feed with every blank the model uses filled by <see cref="CompositionCompleteness"/>, and the list of what was filled.</summary>
public sealed record CompletedFeed(Feed Original, Feed Feed, IReadOnlyList<CompositionGap> Gaps)
{
    /// <summary>The gaps a user is told about (imputed or unknown values; true zeros are not news).</summary>
    public IReadOnlyList<CompositionGap> Reported => [.. Gaps.Where(g => g.Treatment != GapTreatment.TrueZero)];
}

/// <summary>
/// The composition-completeness policy (docs/science.md, "Blank feed composition"). The NASEM software treats a
/// blank library cell as "absent from sums", which equals 0 for a single nutrient but removes a whole compound
/// term of the feed (RUP, digestible AA, MP, DE) when one of its inputs is blank: a blank supplemental NPN
/// removes the RUP of oat silage. Here every blank column the model uses is decided before the model runs:
/// <list type="bullet">
/// <item>a <b>true zero</b> where the feed cannot contain it (organic columns of mineral and NPN sources, minerals and
/// vitamins a mineral source or premix does not list, protein
/// fractions of a feed without CP, starch digestibility without starch, parts of NDF without NDF, kd of an empty
/// fraction B, amino acids of NPN sources and of single-amino-acid products);</item>
/// <item><b>imputed</b> from a similar NASEM (2021) library feed: same category, else same forage/concentrate type,
/// nearest in CP and NDF; values that are parts of a whole (ADF and lignin of NDF, NDF-insoluble CP of CP, FA of
/// ether extract) keep the donor's proportion;</item>
/// <item><b>unknown</b> minerals and vitamins of feeds other than mineral sources: assumed 0 (supply is
/// under-stated, never over-stated) and reported.</item>
/// </list>
/// Book defaults the model applies itself (FA digestibility by category, 48-h NDF digestibility by type,
/// mineral absorption coefficients) are not gaps.
/// </summary>
public static class CompositionCompleteness
{
    private const string MineralCategory = "Vitamin/Mineral";
    private const string CalfLiquidCategory = "Calf Liquid Feed";

    private static readonly FeedNutrient[] Fractions = [FeedNutrient.Fd_CPARU, FeedNutrient.Fd_CPBRU, FeedNutrient.Fd_CPCRU, FeedNutrient.Fd_KdRUP];

    private static readonly FeedNutrient[] AminoAcidColumns =
    [
        FeedNutrient.Fd_Arg_CP, FeedNutrient.Fd_His_CP, FeedNutrient.Fd_Ile_CP, FeedNutrient.Fd_Leu_CP, FeedNutrient.Fd_Lys_CP,
        FeedNutrient.Fd_Met_CP, FeedNutrient.Fd_Phe_CP, FeedNutrient.Fd_Thr_CP, FeedNutrient.Fd_Trp_CP, FeedNutrient.Fd_Val_CP,
    ];

    private static readonly FeedNutrient[] ProteinColumns =
        [.. Fractions, FeedNutrient.Fd_dcRUP, FeedNutrient.Fd_NPN_CP, FeedNutrient.Fd_NDFIP, .. AminoAcidColumns];

    private static readonly FeedNutrient[] OrganicColumns =
    [
        FeedNutrient.Fd_ADF, FeedNutrient.Fd_NDF, FeedNutrient.Fd_Lg, FeedNutrient.Fd_CP, FeedNutrient.Fd_St, FeedNutrient.Fd_dcSt,
        FeedNutrient.Fd_FA, FeedNutrient.Fd_DNDF48_NDF, .. ProteinColumns,
    ];

    private static readonly FeedNutrient[] MineralAndVitaminColumns =
    [
        FeedNutrient.Fd_Ca, FeedNutrient.Fd_P, FeedNutrient.Fd_Na, FeedNutrient.Fd_Cl, FeedNutrient.Fd_K, FeedNutrient.Fd_Mg, FeedNutrient.Fd_S,
        FeedNutrient.Fd_Co, FeedNutrient.Fd_Cu, FeedNutrient.Fd_Fe, FeedNutrient.Fd_I, FeedNutrient.Fd_Mn, FeedNutrient.Fd_Se, FeedNutrient.Fd_Zn,
        FeedNutrient.Fd_VitA, FeedNutrient.Fd_VitD, FeedNutrient.Fd_VitE,
    ];

    /// <summary>Every column whose blank the policy decides, in the order it decides them (wholes before their parts).</summary>
    public static IReadOnlyList<FeedNutrient> ModelColumns { get; } =
    [
        FeedNutrient.Fd_DM, FeedNutrient.Fd_Conc, FeedNutrient.Fd_CP, FeedNutrient.Fd_NDF, FeedNutrient.Fd_Ash, FeedNutrient.Fd_St,
        FeedNutrient.Fd_ADF, FeedNutrient.Fd_Lg, FeedNutrient.Fd_dcSt, FeedNutrient.Fd_FA, FeedNutrient.Fd_DNDF48_NDF, .. ProteinColumns,
        .. MineralAndVitaminColumns,
    ];

    /// <summary>What each column enters, by the model's equations (NASEM 2021 Ch. 2, 3, 6, 7, 8).</summary>
    public static IReadOnlyList<string> Touches(FeedNutrient column) => column switch
    {
        FeedNutrient.Fd_DM => ["as-fed intake"],
        FeedNutrient.Fd_Conc => ["DMI", "RUP", "MP"],
        FeedNutrient.Fd_CP => ["CP", "RUP", "MP", "digestible AA", "DE"],
        FeedNutrient.Fd_NDF => ["NDF", "DMI", "DE", "microbial protein"],
        FeedNutrient.Fd_ADF => ["DMI"],
        FeedNutrient.Fd_Lg or FeedNutrient.Fd_Ash or FeedNutrient.Fd_DNDF48_NDF => ["DE"],
        FeedNutrient.Fd_St or FeedNutrient.Fd_dcSt => ["DE", "microbial protein"],
        FeedNutrient.Fd_FA => ["DE"],
        FeedNutrient.Fd_NPN_CP or FeedNutrient.Fd_CPARU or FeedNutrient.Fd_CPBRU or FeedNutrient.Fd_CPCRU or FeedNutrient.Fd_KdRUP =>
            ["RUP", "MP", "digestible AA", "DE"],
        FeedNutrient.Fd_dcRUP => ["MP", "digestible AA", "DE"],
        FeedNutrient.Fd_NDFIP => ["N-free NDF"],
        FeedNutrient.Fd_VitA => ["vitamin A"],
        FeedNutrient.Fd_VitD => ["vitamin D"],
        FeedNutrient.Fd_VitE => ["vitamin E"],
        _ when AminoAcidColumns.Contains(column) => ["digestible AA"],
        _ => [ElementOf(column)],
    };

    /// <summary>Korean names of the results in <see cref="Touches"/>.</summary>
    public static string ResultKorean(string result) => result switch
    {
        "as-fed intake" => "원물 섭취량",
        "DMI" => "건물섭취량",
        "CP" => "조단백질",
        "RUP" => "반추위 비분해단백질(RUP)",
        "MP" => "대사단백질(MP)",
        "digestible AA" => "소화 아미노산",
        "DE" => "가소화에너지(DE)",
        "microbial protein" => "미생물단백질",
        "N-free NDF" => "질소 제외 NDF",
        "vitamin A" => "비타민 A",
        "vitamin D" => "비타민 D",
        "vitamin E" => "비타민 E",
        _ => result,
    };

    /// <summary>A short name of a column for people, English and Korean.</summary>
    public static (string English, string Korean) ColumnName(FeedNutrient column) => column switch
    {
        FeedNutrient.Fd_DM => ("dry matter", "건물"),
        FeedNutrient.Fd_Conc => ("concentrate share", "농후사료 비율"),
        FeedNutrient.Fd_CP => ("CP", "조단백질"),
        FeedNutrient.Fd_NDF => ("NDF", "NDF"),
        FeedNutrient.Fd_ADF => ("ADF", "ADF"),
        FeedNutrient.Fd_Lg => ("lignin", "리그닌"),
        FeedNutrient.Fd_Ash => ("ash", "조회분"),
        FeedNutrient.Fd_St => ("starch", "전분"),
        FeedNutrient.Fd_dcSt => ("starch digestibility", "전분 소화율"),
        FeedNutrient.Fd_FA => ("fatty acids", "지방산"),
        FeedNutrient.Fd_CFat => ("ether extract", "조지방"),
        FeedNutrient.Fd_DNDF48_NDF => ("48-h NDF digestibility", "48시간 NDF 소화율"),
        FeedNutrient.Fd_CPARU => ("protein fraction A", "단백질 A 분획"),
        FeedNutrient.Fd_CPBRU => ("protein fraction B", "단백질 B 분획"),
        FeedNutrient.Fd_CPCRU => ("protein fraction C", "단백질 C 분획"),
        FeedNutrient.Fd_KdRUP => ("degradation rate of fraction B", "B 분획 분해속도"),
        FeedNutrient.Fd_dcRUP => ("RUP digestibility", "RUP 소화율"),
        FeedNutrient.Fd_NPN_CP => ("NPN", "비단백태질소(NPN)"),
        FeedNutrient.Fd_NDFIP => ("NDF-insoluble CP", "NDF 불용성 단백질"),
        FeedNutrient.Fd_VitA => ("vitamin A", "비타민 A"),
        FeedNutrient.Fd_VitD => ("vitamin D", "비타민 D"),
        FeedNutrient.Fd_VitE => ("vitamin E", "비타민 E"),
        _ when AminoAcidColumns.Contains(column) => (ElementOf(column), ElementOf(column)),
        _ => (ElementOf(column), ElementOf(column)),
    };

    private static string ElementOf(FeedNutrient column)
    {
        var name = column.ToString()[3..];
        return name.EndsWith("_CP", StringComparison.Ordinal) ? name[..^3] : name;
    }

    private static readonly ConditionalWeakTable<Feed, CompletedFeed> Cache = new();

    /// <summary>The feed with every blank the model uses decided by the policy (cached per feed instance).</summary>
    public static CompletedFeed Complete(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return Cache.GetValue(feed, static f => CompleteFrom(f, FeedLibrary.Nasem));
    }

    /// <summary>As <see cref="Complete(Feed)"/>, imputing from the feeds of <paramref name="donors"/>.</summary>
    public static CompletedFeed CompleteFrom(Feed feed, FeedLibrary donors)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(donors);
        var values = new Dictionary<FeedNutrient, double>();
        var gaps = new List<CompositionGap>();
        double Current(FeedNutrient n) => values.TryGetValue(n, out var v) ? v : feed[n];

        void Fill(FeedNutrient column, GapTreatment treatment, double value, (string English, string Korean) source)
        {
            values[column] = value;
            gaps.Add(new CompositionGap(column, treatment, value, source.English, Touches(column), source.Korean));
        }

        // A mineral or NPN source (ash + CP ≥ 90 % DM: limestone, ammonium salts) has no fibre, starch or fat; a premix
        // with ash 0 and blank organic columns (the library's vitamin D and E premixes) has a carrier of unknown make-up,
        // imputed from another premix rather than counted as 100 % digestible residual organic matter.
        // A feed of at least half ash is a mineral source whatever its category (a farm's own premix of ash and vitamins).
        var mineral = (feed.Category == MineralCategory && feed.OrZero(FeedNutrient.Fd_Ash) + feed.OrZero(FeedNutrient.Fd_CP) >= 90)
                      || feed.OrZero(FeedNutrient.Fd_Ash) >= 50;
        var npnSource = Current(FeedNutrient.Fd_NPN_CP) >= 100;
        var singleAminoAcid = feed.Category == "Additive" && feed.Name.StartsWith("Rumen Protected", StringComparison.OrdinalIgnoreCase);
        foreach (var column in ModelColumns.Where(c => double.IsNaN(feed[c])))
        {
            var zero = (feed.Category == MineralCategory || mineral) && MineralAndVitaminColumns.Contains(column)
                ? ("mineral source or premix: carries what its formula lists", "광물질·프리믹스: 표기된 성분만 함유")
                : TrueZeroReason(column, mineral, npnSource, singleAminoAcid, Current);
            if (zero is { } reason)
            {
                Fill(column, GapTreatment.TrueZero, 0, reason);
                continue;
            }

            if (MineralAndVitaminColumns.Contains(column))
            {
                Fill(column, GapTreatment.Unknown, 0, ("not in the feed's analysis; assumed 0 (supply under-stated, not over-stated)", "분석값 없음; 0으로 가정 (공급량이 과대가 아닌 과소 평가됨)"));
                continue;
            }

            // Columns imputed together keep one donor so that A + B + C stay 100 % of CP and the AA profile stays one feed's.
            FeedNutrient[] group = Fractions.Contains(column) ? Fractions : AminoAcidColumns.Contains(column) ? AminoAcidColumns : [column];
            if (group.Length > 1 && column != group.First(g => double.IsNaN(feed[g])))
            {
                continue;
            }

            // The primary analyses are imputed only from the feed's own category: without one, "nearest in CP and NDF" has
            // nothing to measure and any donor would be arbitrary.
            var primary = column is FeedNutrient.Fd_DM or FeedNutrient.Fd_Conc or FeedNutrient.Fd_CP or FeedNutrient.Fd_NDF or FeedNutrient.Fd_Ash;
            var donor = primary && !donors.Feeds.Any(d => d.Category == feed.Category && feed.Category.Length > 0) ? null : Donor(feed, group, donors, Current);
            if (donor is null)
            {
                foreach (var g in group.Where(g => double.IsNaN(feed[g])))
                {
                    Fill(g, GapTreatment.Unknown, 0, ("no library feed of the same category or type has it; assumed 0", "같은 범주·유형의 라이브러리 사료에도 값 없음; 0으로 가정"));
                }

                continue;
            }

            var donorText = $"'{donor.Name}' ({donor.Source}, {(donor.Category.Length > 0 ? donor.Category : donor.Type.ToString())})";
            foreach (var g in group.Where(g => double.IsNaN(feed[g])))
            {
                var (value, ratio, whole) = Scaled(g, feed, donor, Current);
                Fill(g, GapTreatment.Imputed, value, ratio is { } r
                    ? (string.Create(CultureInfo.InvariantCulture, $"{r * 100:0.#} % of {ColumnName(whole).English}, the proportion of similar library feed {donorText}"),
                       string.Create(CultureInfo.InvariantCulture, $"유사 사료 {donorText}의 비율: {ColumnName(whole).Korean}의 {r * 100:0.#} %"))
                    : ($"similar library feed {donorText}", $"유사 사료 {donorText}"));
            }
        }

        var completed = gaps.Count == 0 ? feed : feed.With(values);
        return new CompletedFeed(feed, completed, gaps);
    }

    /// <summary>Why a blank is a true zero for this feed, or null when it is not.</summary>
    private static (string English, string Korean)? TrueZeroReason(FeedNutrient column, bool mineral, bool npnSource, bool singleAminoAcid, Func<FeedNutrient, double> current)
    {
        if (mineral && OrganicColumns.Contains(column))
        {
            return ("mineral or NPN source: no organic matter of this kind", "광물질·NPN 원료: 해당 유기물 없음");
        }

        if (ProteinColumns.Contains(column) && current(FeedNutrient.Fd_CP) == 0)
        {
            return ("no crude protein to partition", "조단백질 없음");
        }

        if (AminoAcidColumns.Contains(column) && (npnSource || singleAminoAcid))
        {
            return npnSource
                ? ("NPN source: no amino acids", "NPN 원료: 아미노산 없음")
                : ("single protected amino acid: the other amino acids are absent", "단일 보호 아미노산 제품: 다른 아미노산 없음");
        }

        return column switch
        {
            FeedNutrient.Fd_dcSt when current(FeedNutrient.Fd_St) == 0 => ("no starch to digest", "전분 없음"),
            FeedNutrient.Fd_ADF or FeedNutrient.Fd_Lg or FeedNutrient.Fd_NDFIP or FeedNutrient.Fd_DNDF48_NDF when current(FeedNutrient.Fd_NDF) == 0 => ("no NDF", "NDF 없음"),
            FeedNutrient.Fd_KdRUP when current(FeedNutrient.Fd_CPBRU) == 0 => ("no protein fraction B to degrade", "분해될 B 분획 없음"),
            _ => null,
        };
    }

    /// <summary>
    /// The most similar library feed that has every column of <paramref name="group"/>: same category, else same
    /// type (forage or concentrate); nearest in CP, then NDF (distance |ΔCP| + |ΔNDF| / 2, % DM); ties by name.
    /// Mineral sources donate only to mineral sources.
    /// </summary>
    private static Feed? Donor(Feed feed, FeedNutrient[] group, FeedLibrary donors, Func<FeedNutrient, double> current)
    {
        var cp = current(FeedNutrient.Fd_CP);
        var ndf = current(FeedNutrient.Fd_NDF);
        var candidates = donors.Feeds
            .Where(d => d.Id != feed.Id && (d.Category == MineralCategory) == (feed.Category == MineralCategory) && group.All(g => double.IsFinite(d[g])))
            .ToList();
        var sameCategory = candidates.Where(d => feed.Category.Length > 0 && d.Category == feed.Category).ToList();
        // No calf liquid feed of the NASEM library has ruminal protein fractions: the library's dairy products that have
        // them (dry and wet whey, Animal Protein) are the similar feeds, not the nearest feed in CP of any category.
        var dairyProducts = feed.Category == CalfLiquidCategory
            ? candidates.Where(d => d.Name.Contains("whey", StringComparison.OrdinalIgnoreCase) || d.Name.Contains("milk", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        var premixes = feed.Name.Contains("premix", StringComparison.OrdinalIgnoreCase)
            ? sameCategory.Where(d => d.Name.Contains("premix", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        var pool = premixes.Count > 0 ? premixes
            : sameCategory.Count > 0 ? sameCategory
            : dairyProducts.Count > 0 ? dairyProducts
            : candidates.Where(d => d.Type == feed.Type).ToList();
        double Distance(Feed d) => (double.IsNaN(cp) ? 0 : Math.Abs(d.OrZero(FeedNutrient.Fd_CP) - cp))
                                   + (double.IsNaN(ndf) ? 0 : Math.Abs(d.OrZero(FeedNutrient.Fd_NDF) - ndf) / 2);
        return pool.OrderBy(Distance).ThenBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>A donor's value for <paramref name="column"/>; parts of a whole keep the donor's proportion of that whole.</summary>
    private static (double Value, double? Ratio, FeedNutrient Whole) Scaled(FeedNutrient column, Feed feed, Feed donor, Func<FeedNutrient, double> current)
    {
        var whole = column switch
        {
            FeedNutrient.Fd_ADF or FeedNutrient.Fd_Lg => FeedNutrient.Fd_NDF,
            FeedNutrient.Fd_NDFIP => FeedNutrient.Fd_CP,
            FeedNutrient.Fd_FA => FeedNutrient.Fd_CFat,
            _ => (FeedNutrient?)null,
        };
        if (whole is { } w && double.IsFinite(current(w)) && donor[w] > 0)
        {
            var ratio = donor[column] / donor[w];
            return (ratio * current(w), ratio, w);
        }

        return (donor[column], null, column);
    }
}
