using System.Globalization;

namespace Cnucnm.Nutrition.Feeds;

/// <summary>A row of an imported table that was rejected, or a value that was changed, with where it is.</summary>
/// <param name="Row">Line number in the CSV file (the header is line 1).</param>
/// <param name="FeedId">The row's feed number (Feed_ID).</param>
/// <param name="FeedName">The row's feed name as written.</param>
/// <param name="Column">The column whose value is impossible (as written in the header).</param>
/// <param name="Value">The offending value.</param>
/// <param name="Problem">Why the row is rejected.</param>
public sealed record FeedImportIssue(int Row, string FeedId, string FeedName, string Column, double Value, string Problem)
{
    public override string ToString() => $"row {Row} (feed {FeedId} {FeedName}), column '{Column}' = {Value.ToString("G6", CultureInfo.InvariantCulture)}: {Problem}";
}

/// <summary>The outcome of an import: the accepted feeds, every rejected row with its reason, and every blank cell of an
/// accepted row that the model needs, with the value the composition-completeness policy uses (docs/science.md).</summary>
public sealed record FeedImportReport(FeedLibrary Library, int RowsRead, IReadOnlyList<FeedImportIssue> Rejections,
    IReadOnlyList<CompositionImportGap>? Gaps = null)
{
    /// <summary>Rows rejected (a row may have several issues).</summary>
    public int RowsRejected => Rejections.Select(r => r.Row).Distinct().Count();
}

/// <summary>
/// Imports the Korean feed library (KoreanFeedLibrary_convert.csv: 97 columns, CNCPS composition
/// on a DM basis, UTF-8) into the NASEM composition model. The column mapping and its
/// approximations are documented in docs/feeds.md. Impossible rows are rejected with the row and
/// column named: DM ≤ 0, TDN &gt; 100 % DM, NDF &gt; 100 % DM, concentrate + forage ≠ 100 %, soluble
/// protein &gt; 100 % CP, soluble + NDF-insoluble protein &gt; 100 % CP, ADICP &gt; NDICP, and
/// NDF (N-free) + CP + fat + ash &gt; 102 % DM (feeds whose CP is mostly NPN are CP equivalents and exempt).
/// </summary>
public static class KoreanFeedImport
{
    /// <summary>Passage rates for the RUP estimate behind the intestinal digestibility, %/h (NASEM 2021 Ch. 6).</summary>
    private const double KpForage = 4.87, KpConcentrate = 5.28;

    public static FeedImportReport Import(string csvText, string libraryName = "Korean feed library")
    {
        var rows = CsvText.Parse(csvText.TrimStart('\uFEFF'));
        if (rows.Count == 0)
        {
            return new FeedImportReport(new FeedLibrary(libraryName, []), 0, []);
        }

        var header = rows[0].Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i], i);
        }

        string[] required = ["Feed_ID", "Feed_name", "DM(%AF)", "NDF (%DM)", "CP (%DM)", "TDN (%DM)", "Concentrate(%)", "Forage(%)"];
        var missing = required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"Not a Korean feed library: missing column(s) {string.Join(", ", missing)}.");
        }

        var feeds = new List<Feed>();
        var rejections = new List<FeedImportIssue>();
        var gaps = new List<CompositionImportGap>();
        var read = 0;
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = rows[r];
            if (cells.Length == 1 && string.IsNullOrWhiteSpace(cells[0]))
            {
                continue;
            }

            read++;
            var line = r + 1;
            var row = new Row(cells, index, line);
            var issues = Check(row);
            if (issues.Count > 0)
            {
                rejections.AddRange(issues);
                continue;
            }

            var feed = ToFeed(row);
            feeds.Add(feed);
            gaps.AddRange(CompositionImportGap.Of(line, feed));
        }

        return new FeedImportReport(new FeedLibrary(libraryName, feeds), read, rejections, gaps);
    }

    private sealed class Row(string[] cells, Dictionary<string, int> index, int line)
    {
        public int Line { get; } = line;

        public string Id => Text("Feed_ID");

        public string Name => Text("Feed_name");

        public string Text(string column) => index.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";

        /// <summary>The value of a column; blank cells are 0 in this edition of the library (NaN when the column is absent).</summary>
        public double this[string column]
        {
            get
            {
                if (!index.TryGetValue(column, out var i) || i >= cells.Length)
                {
                    return double.NaN;
                }

                var text = cells[i].Trim();
                return text.Length == 0 ? 0 : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
            }
        }

        public FeedImportIssue Issue(string column, string problem) => new(Line, Id, Name, column, this[column], problem);
    }

    private static List<FeedImportIssue> Check(Row row)
    {
        var issues = new List<FeedImportIssue>();
        foreach (var column in new[] { "DM(%AF)", "NDF (%DM)", "CP (%DM)", "TDN (%DM)", "Concentrate(%)", "Forage(%)" })
        {
            if (double.IsNaN(row[column]))
            {
                issues.Add(row.Issue(column, "is not a number"));
            }
        }

        if (issues.Count > 0)
        {
            return issues;
        }

        if (row["DM(%AF)"] <= 0)
        {
            issues.Add(row.Issue("DM(%AF)", "dry matter must be above 0 % as fed"));
        }

        if (row["DM(%AF)"] > 100)
        {
            issues.Add(row.Issue("DM(%AF)", "dry matter cannot exceed 100 % as fed"));
        }

        if (row["TDN (%DM)"] > 100)
        {
            issues.Add(row.Issue("TDN (%DM)", "TDN cannot exceed 100 % of DM"));
        }

        if (row["NDF (%DM)"] > 100)
        {
            issues.Add(row.Issue("NDF (%DM)", "NDF cannot exceed 100 % of DM"));
        }

        if (Math.Abs(row["Concentrate(%)"] + row["Forage(%)"] - 100) > 0.5)
        {
            issues.Add(row.Issue("Forage(%)", $"concentrate ({row["Concentrate(%)"].ToString(CultureInfo.InvariantCulture)} %) and forage must add up to 100 %"));
        }

        foreach (var column in new[] { "Lignin (%NDF)", "Sol-P (%CP)", "NPN (%Sol-P)", "NDICP (%CP)", "ADICP (%CP)", "Starch (%NSC)", "Crude fat (%DM)", "Crude ash (%DM)" })
        {
            var value = row[column];
            if (value < 0 || value > 100)
            {
                issues.Add(row.Issue(column, "a percentage must be between 0 and 100"));
            }
        }

        var solubleCp = row["Sol-P (%CP)"];
        var ndicp = row["NDICP (%CP)"];
        if (solubleCp <= 100 && ndicp <= 100 && solubleCp + ndicp > 100.5)
        {
            issues.Add(row.Issue("NDICP (%CP)", $"soluble ({solubleCp.ToString("G4", CultureInfo.InvariantCulture)} % CP) and NDF-insoluble protein cannot exceed 100 % of CP"));
        }

        if (row["ADICP (%CP)"] > ndicp + 0.01)
        {
            issues.Add(row.Issue("ADICP (%CP)", $"ADF-insoluble protein cannot exceed NDF-insoluble protein ({ndicp.ToString("G4", CultureInfo.InvariantCulture)} % CP)"));
        }

        var cp = row["CP (%DM)"];
        var npnShareOfCp = solubleCp * row["NPN (%Sol-P)"] / 100;
        if (npnShareOfCp < 50 && cp <= 100)
        {
            var proximate = row["NDF (%DM)"] - ndicp * cp / 100 + cp + row["Crude fat (%DM)"] + row["Crude ash (%DM)"];
            if (proximate > 102)
            {
                issues.Add(row.Issue("Crude ash (%DM)", $"N-free NDF + CP + fat + ash = {proximate.ToString("F1", CultureInfo.InvariantCulture)} % of DM exceeds 100 %"));
            }
        }

        return issues;
    }

    private static Feed ToFeed(Row row)
    {
        var (english, korean) = SplitNames(row.Name);
        var forage = row["Forage(%)"];
        var v = new Dictionary<FeedNutrient, double>();
        void Set(FeedNutrient n, double value)
        {
            if (double.IsFinite(value))
            {
                v[n] = value;
            }
        }

        var ndf = row["NDF (%DM)"];
        var cp = row["CP (%DM)"];
        var fat = row["Crude fat (%DM)"];
        var ash = row["Crude ash (%DM)"];
        var solubleCp = row["Sol-P (%CP)"];
        var npnCp = solubleCp * row["NPN (%Sol-P)"] / 100;
        var ndicpCp = row["NDICP (%CP)"];
        var adicpCp = row["ADICP (%CP)"];
        Set(FeedNutrient.Fd_DM, row["DM(%AF)"]);
        Set(FeedNutrient.Fd_Conc, row["Concentrate(%)"]);
        Set(FeedNutrient.Fd_NDF, ndf);
        Set(FeedNutrient.Fd_Lg, row["Lignin (%NDF)"] * ndf / 100);
        Set(FeedNutrient.Fd_CP, cp);
        Set(FeedNutrient.Fd_NPN_CP, npnCp);
        Set(FeedNutrient.Fd_NDFIP, ndicpCp * cp / 100);
        Set(FeedNutrient.Fd_ADFIP, adicpCp * cp / 100);
        // Starch: % of non-structural carbohydrate, NSC = 100 − CP − (NDF − NDICP) − fat − ash (CNCPS).
        var nsc = Math.Max(0, 100 - cp - (ndf - ndicpCp * cp / 100) - fat - ash);
        Set(FeedNutrient.Fd_St, row["Starch (%NSC)"] * nsc / 100);
        Set(FeedNutrient.Fd_dcSt, 91); // median of the NASEM library (forages and concentrates alike)
        Set(FeedNutrient.Fd_CFat, fat);
        // Fatty acids ≈ ether extract − 1 (NRC 2001 p. 14; NASEM 2021 Ch. 4 uses measured FA where available).
        Set(FeedNutrient.Fd_FA, Math.Max(0, fat - 1));
        Set(FeedNutrient.Fd_Ash, ash);

        // Protein: CNCPS A + B1 (soluble) → NASEM A; C = ADICP; B = the rest, degraded at the pool-weighted
        // rate of B2 and B3 (NASEM 2021 Ch. 6 uses in situ A, B, C and kd of B).
        if (cp > 0)
        {
            var a = Math.Min(100, solubleCp);
            var c = adicpCp;
            var b = Math.Max(0, 100 - a - c);
            var b3 = Math.Max(0, ndicpCp - adicpCp);
            var b2 = Math.Max(0, b - b3);
            var kdB2 = row["Protein-B2 (%/hr)"];
            var kdB3 = row["Protein-B3 (%/hr)"];
            var kd = b2 + b3 > 0 ? (b2 * kdB2 + b3 * kdB3) / (b2 + b3) : 0;
            Set(FeedNutrient.Fd_CPARU, a);
            Set(FeedNutrient.Fd_CPBRU, b);
            Set(FeedNutrient.Fd_CPCRU, c);
            Set(FeedNutrient.Fd_KdRUP, kd);
            // Intestinal digestibility of RUP: the escaping B2, B3 and C weighted by their CNCPS intestinal digestibilities.
            var kp = forage >= 50 ? KpForage : KpConcentrate;
            var escB2 = b2 * kp / (kdB2 + kp);
            var escB3 = b3 * kp / (kdB3 + kp);
            var escaped = escB2 + escB3 + c;
            if (escaped > 0)
            {
                Set(FeedNutrient.Fd_dcRUP, (escB2 * row["ID-Protein-B2 (%)"] + escB3 * row["ID-Protein-B3 (%)"] + c * row["ID-Protein-C (%)"]) / escaped);
            }
        }

        // Essential amino acids: % of undegraded protein in the library, taken as % of CP (no CP profile is given).
        (string Column, FeedNutrient Nutrient)[] aminoAcids =
        [
            ("Arginine (%UIP)", FeedNutrient.Fd_Arg_CP), ("Histidine (%UIP)", FeedNutrient.Fd_His_CP), ("Isoleucine (%UIP)", FeedNutrient.Fd_Ile_CP),
            ("Leucine (%UIP)", FeedNutrient.Fd_Leu_CP), ("Lysine (%UIP)", FeedNutrient.Fd_Lys_CP), ("Methionine (%UIP)", FeedNutrient.Fd_Met_CP),
            ("Phenylalanine (%UIP)", FeedNutrient.Fd_Phe_CP), ("Threonine (%UIP)", FeedNutrient.Fd_Thr_CP), ("Tryptophan (%UIP)", FeedNutrient.Fd_Trp_CP),
            ("Valine (%UIP)", FeedNutrient.Fd_Val_CP),
        ];
        foreach (var (column, nutrient) in aminoAcids)
        {
            Set(nutrient, row[column]);
        }

        // Minerals, % DM; the Na column is headed "0 (%)" in this edition.
        Set(FeedNutrient.Fd_Ca, row["Ca (%)"]);
        Set(FeedNutrient.Fd_P, row["P (%)"]);
        Set(FeedNutrient.Fd_Mg, row["Mg (%)"]);
        Set(FeedNutrient.Fd_Cl, row["Cl (%)"]);
        Set(FeedNutrient.Fd_K, row["K (%)"]);
        Set(FeedNutrient.Fd_Na, double.IsNaN(row["Na (%)"]) ? row["0 (%)"] : row["Na (%)"]);
        Set(FeedNutrient.Fd_S, row["S (%)"]);
        Set(FeedNutrient.Fd_Co, row["Co (mg/kg)"]);
        Set(FeedNutrient.Fd_Cu, row["Cu (mg/kg)"]);
        Set(FeedNutrient.Fd_I, row["I (mg/kg)"]);
        Set(FeedNutrient.Fd_Fe, row["Fe (mg/kg)"]);
        Set(FeedNutrient.Fd_Mn, row["Mn (mg/kg)"]);
        Set(FeedNutrient.Fd_Se, row["Se (mg/kg)"]);
        Set(FeedNutrient.Fd_Zn, row["Zn (mg/kg)"]);
        // Vitamins A and D are in 1000 IU/kg DM; E in IU/kg DM.
        Set(FeedNutrient.Fd_VitA, row["Vit A (1000 IU/kg)"] * 1000);
        Set(FeedNutrient.Fd_VitD, row["Vit D (1000 IU/kg)"] * 1000);
        Set(FeedNutrient.Fd_VitE, row["Vit E (IU/kg)"]);

        // Absorption: the library's bioavailability fractions are the NASEM absorption coefficients.
        var mineral = IsMineral(row);
        Set(FeedNutrient.Fd_acCa_input, row["Ca-Bio"]);
        Set(FeedNutrient.Fd_acPtot_input, row["P-Bio"]);
        Set(FeedNutrient.Fd_acMg_input, row["Mg-Bio"]);
        Set(FeedNutrient.Fd_acCl_input, row["Cl-Bio"]);
        Set(FeedNutrient.Fd_acK_input, row["K-Bio"]);
        Set(FeedNutrient.Fd_acNa_input, double.IsNaN(row["Na-Bio"]) ? row["0-Bio"] : row["Na-Bio"]);
        Set(FeedNutrient.Fd_acCu_input, row["Cu-Bio"]);
        Set(FeedNutrient.Fd_acFe_input, row["Fe-Bio"]);
        Set(FeedNutrient.Fd_acMn_input, row["Mn-Bio"]);
        Set(FeedNutrient.Fd_acZn_input, row["Zn-Bio"]);
        // P of plant and animal feeds is organic (absorbed 0.68), of mineral sources inorganic (NASEM 2021 Ch. 7).
        Set(FeedNutrient.Fd_Pinorg_P, mineral ? 100 : 0);
        Set(FeedNutrient.Fd_Porg_P, mineral ? 0 : 100);

        var written = row.Text("Catergory") is { Length: > 0 } text ? text : row.Text("Category");
        var category = NasemCategory(written, mineral, row["Crude fat (%DM)"]);
        return new Feed($"kr:{row.Id}", english ?? korean ?? row.Name, korean, category.Length > 0 ? category : forage >= 50 ? "Forage" : "Concentrate",
            forage >= 50 ? FeedType.Forage : FeedType.Concentrate, FeedSource.KoreanLibrary, v);
    }

    /// <summary>Feeds without energy ("Non calory": minerals, NPN, additives) behave as the NASEM Vitamin/Mineral category.</summary>
    private static bool IsMineral(Row row) =>
        string.Equals(row.Text("Catergory"), "Non calory", StringComparison.OrdinalIgnoreCase);

    /// <summary>The NASEM category where the model treats a category specially; otherwise the library's own text
    /// (international feed numbers and blanks become Forage or Concentrate).</summary>
    private static string NasemCategory(string written, bool mineral, double fatPercent)
    {
        if (mineral)
        {
            return "Vitamin/Mineral";
        }

        if (string.Equals(written, "Fat", StringComparison.OrdinalIgnoreCase) && fatPercent >= 50)
        {
            return "Fat Supplement";
        }

        return written.Length == 0 || written.Any(char.IsDigit) ? "" : written;
    }

    /// <summary>Splits a name into its English (Latin letters) and Korean (Hangul) forms; a name in one script has one form.</summary>
    internal static (string? English, string? Korean) SplitNames(string name)
    {
        var trimmed = name.Trim();
        var hangul = trimmed.Any(IsHangul);
        var latinLetters = trimmed.Count(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');
        if (!hangul)
        {
            return (trimmed, null);
        }

        // Mixed names such as "보호대두박 (protected SBM)" keep the whole text as the Korean name and the Latin part as English.
        var english = latinLetters >= 3
            ? new string([.. trimmed.Where(c => !IsHangul(c))]).Trim(' ', '(', ')', '-', '_', '/').Trim()
            : null;
        return (string.IsNullOrWhiteSpace(english) ? null : english, trimmed);
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';
}
