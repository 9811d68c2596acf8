namespace Cnucnm.Nutrition.Feeds.LabAnalyses;

/// <summary>
/// Column headers of common NIR and wet-chemistry feed reports (Dairy One, Cumberland Valley, Rock River, the
/// Korean NIR services) and the NASEM feed column each one is. Every value is on a DM basis (% DM, mg/kg DM)
/// except dry matter (% as fed) and NDF digestibility (% of NDF). Headers are matched compacted (case, spaces,
/// units in brackets and punctuation ignored): "CP (%DM)", "Crude Protein", "cp" are one column.
/// </summary>
public static class LabAnalysisColumns
{
    /// <summary>Identification columns (not nutrients).</summary>
    public static readonly IReadOnlyList<string> SampleColumns = ["sample", "sampleid", "lab id", "labid"];

    public static readonly IReadOnlyList<string> DateColumns = ["date", "sampledate", "sampled", "analysed", "analyzed", "reportdate"];

    private static readonly (string[] Headers, FeedNutrient Nutrient)[] Nutrients =
    [
        (["dm", "drymatter", "dmaf", "건물"], FeedNutrient.Fd_DM),
        (["cp", "crudeprotein", "조단백질", "조단백"], FeedNutrient.Fd_CP),
        (["andf", "ndf", "andfom", "neutraldetergentfiber", "neutraldetergentfibre"], FeedNutrient.Fd_NDF),
        (["adf", "aciddetergentfiber", "aciddetergentfibre"], FeedNutrient.Fd_ADF),
        (["lignin", "adl", "lg"], FeedNutrient.Fd_Lg),
        (["starch", "전분"], FeedNutrient.Fd_St),
        (["fat", "crudefat", "ee", "etherextract", "조지방"], FeedNutrient.Fd_CFat),
        (["tfa", "fa", "fattyacids", "totalfattyacids"], FeedNutrient.Fd_FA),
        (["ash", "crudeash", "조회분"], FeedNutrient.Fd_Ash),
        (["wsc", "sugar", "sugars", "esc"], FeedNutrient.Fd_WSC),
        (["ndicp", "ndfcp", "ndfip"], FeedNutrient.Fd_NDFIP),
        (["adicp", "adfcp", "adfip"], FeedNutrient.Fd_ADFIP),
        (["ndfd48", "ndfd48h", "ndfd"], FeedNutrient.Fd_DNDF48_NDF),
        (["ca", "calcium"], FeedNutrient.Fd_Ca),
        (["p", "phosphorus"], FeedNutrient.Fd_P),
        (["mg", "magnesium"], FeedNutrient.Fd_Mg),
        (["k", "potassium"], FeedNutrient.Fd_K),
        (["na", "sodium"], FeedNutrient.Fd_Na),
        (["cl", "chloride"], FeedNutrient.Fd_Cl),
        (["s", "sulfur", "sulphur"], FeedNutrient.Fd_S),
        (["zn", "zinc"], FeedNutrient.Fd_Zn),
        (["cu", "copper"], FeedNutrient.Fd_Cu),
        (["mn", "manganese"], FeedNutrient.Fd_Mn),
        (["fe", "iron"], FeedNutrient.Fd_Fe),
    ];

    private static readonly Dictionary<string, FeedNutrient> ByHeader = Nutrients
        .SelectMany(n => n.Headers.Select(h => (Header: FeedSearchText.Compact(h), n.Nutrient)))
        .ToDictionary(h => h.Header, h => h.Nutrient, StringComparer.Ordinal);

    /// <summary>The header without bracketed units ("CP (%DM)" → "cp"), compacted.</summary>
    public static string Key(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var bracket = header.IndexOfAny(['(', '[']);
        return FeedSearchText.Compact(bracket > 0 ? header[..bracket] : header);
    }

    /// <summary>The NASEM column of a report header: a known report name or a NASEM name itself (Fd_CP).</summary>
    public static bool TryNutrient(string header, out FeedNutrient nutrient) =>
        ByHeader.TryGetValue(Key(header), out nutrient) || FeedNutrients.TryParse(header.Trim(), out nutrient);

    public static bool IsSample(string header) => SampleColumns.Select(FeedSearchText.Compact).Contains(Key(header));

    public static bool IsDate(string header) => DateColumns.Select(FeedSearchText.Compact).Contains(Key(header));
}
