using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Feeds;

public sealed class KoreanFeedImportTests
{
    private static FeedImportReport Report => FeedLibrary.KoreanImportReport;

    [Fact]
    public void The_built_in_library_keeps_913_of_982_rows_and_rejects_69()
    {
        // Counted independently from the CSV (pandas): DM 0 (8), TDN > 100 (36), NDF > 100 (1), concentrate + forage ≠ 100 (3),
        // soluble protein > 100 % CP (3, urea), soluble + NDICP > 100 % CP (4), ADICP > NDICP (13), proximate sum > 102 % for
        // feeds not mostly NPN (4), with overlaps: 69 distinct rows.
        Assert.Equal(982, Report.RowsRead);
        Assert.Equal(69, Report.RowsRejected);
        Assert.Equal(913, FeedLibrary.Korean.Count);
        Assert.Equal(3, Report.Rejections.Count(r => r.Column == "Sol-P (%CP)"));
        Assert.Equal(4, Report.Rejections.Count(r => r.Column == "NDICP (%CP)"));
        Assert.Equal(4, Report.Rejections.Count(r => r.Column == "Crude ash (%DM)"));
        Assert.Equal(8, Report.Rejections.Count(r => r.Column == "DM(%AF)"));
        Assert.Equal(36, Report.Rejections.Count(r => r.Column == "TDN (%DM)"));
        Assert.Equal(1, Report.Rejections.Count(r => r.Column == "NDF (%DM)"));
        Assert.Equal(3, Report.Rejections.Count(r => r.Column == "Forage(%)"));
        Assert.Equal(13, Report.Rejections.Count(r => r.Column == "ADICP (%CP)"));
    }

    [Fact]
    public void Rejections_name_the_row_and_the_column()
    {
        // ID 829 호맥사일리지수잉기 (rye silage) has NDF 128 % DM; it is line 830 of the file (header on line 1).
        var ndf = Assert.Single(Report.Rejections, r => r.Column == "NDF (%DM)");
        Assert.Equal(830, ndf.Row);
        Assert.Equal("829", ndf.FeedId);
        Assert.Equal("호맥사일리지수잉기", ndf.FeedName);
        Assert.Equal(128.425197, ndf.Value, 5);
        Assert.Contains("row 830", ndf.ToString(), StringComparison.Ordinal);
        Assert.Contains("'NDF (%DM)'", ndf.ToString(), StringComparison.Ordinal);

        // Pangola hay with TDN 5075.
        Assert.Contains(Report.Rejections, r => r.Column == "TDN (%DM)" && r.FeedId == "473" && r.Value > 5000);
        Assert.False(FeedLibrary.Korean.TryGet("kr:829", out _));
    }

    [Fact]
    public void Impossible_rows_of_a_small_table_are_reported_with_row_and_column()
    {
        var header = FeedLibrary.ReadResource("KoreanFeedLibrary_convert.csv").Split('\n')[0].TrimEnd('\r').TrimStart('\uFEFF');
        var columns = header.Split(',');
        string Row(int id, string name, Dictionary<string, string> values) =>
            string.Join(',', columns.Select((c, i) => i == 0 ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : i == 1 ? name : values.GetValueOrDefault(c, "0")));
        var good = new Dictionary<string, string> { ["Concentrate(%)"] = "100", ["DM(%AF)"] = "88", ["NDF (%DM)"] = "10", ["CP (%DM)"] = "9", ["TDN (%DM)"] = "85", ["Crude ash (%DM)"] = "1.5" };
        var csv = string.Join('\n', header,
            Row(1, "옥수수 (corn grain)", good),
            Row(2, "dry zero", new(good) { ["DM(%AF)"] = "0" }),
            Row(3, "fraction", new(good) { ["Concentrate(%)"] = "60", ["Forage(%)"] = "60" }),
            Row(4, "sum", new(good) { ["NDF (%DM)"] = "60", ["CP (%DM)"] = "30", ["Crude ash (%DM)"] = "20" }));

        var report = KoreanFeedImport.Import(csv);

        Assert.Equal(4, report.RowsRead);
        var feed = Assert.Single(report.Library.Feeds);
        Assert.Equal("kr:1", feed.Id);
        Assert.Equal("corn grain", feed.Name);
        Assert.Equal("옥수수 (corn grain)", feed.NameKorean);
        Assert.Collection(report.Rejections.OrderBy(r => r.Row),
            r => Assert.Equal((3, "DM(%AF)"), (r.Row, r.Column)),
            r => Assert.Equal((4, "Forage(%)"), (r.Row, r.Column)),
            r => Assert.Equal((5, "Crude ash (%DM)"), (r.Row, r.Column)));
    }

    [Fact]
    public void Cncps_columns_map_to_the_nasem_composition_model()
    {
        // ID 701 보호대두박 (protected soybean meal): NDF 16.2, lignin 1.2 % NDF, CP 48.9, Sol-P 8 % CP, NPN 65 % of Sol-P,
        // NDICP 10 % CP, ADICP 1.74 % CP, starch 90 % NSC, fat 5.3, ash 6.5, Lys 5.77 % UIP, Ca 0.27 %, Vit A 0 (1000 IU/kg).
        var feed = FeedLibrary.Korean.Get("kr:701");
        Assert.Equal("보호대두박", feed.NameKorean);
        Assert.Equal(CompositionBasis.DryMatter, feed.Basis);
        Assert.Equal("Korean feed library", feed.Source);
        Assert.Equal(89.7, feed.DryMatterPercent, 9);
        Assert.Equal(1.2 * 16.2 / 100, feed.Get("Fd_Lg"), 9);
        Assert.Equal(8 * 65 / 100.0, feed.Get("Fd_NPN_CP"), 9);
        Assert.Equal(10 * 48.9 / 100, feed.Get("Fd_NDFIP"), 9);
        var nsc = 100 - 48.9 - (16.2 - 10 * 48.9 / 100) - 5.3 - 6.5;
        Assert.Equal(90 * nsc / 100, feed.Get("Fd_St"), 9);
        Assert.Equal(5.3 - 1, feed.Get("Fd_FA"), 9);
        Assert.Equal(8, feed.Get("Fd_CPARU"), 9);
        Assert.Equal(1.74, feed.Get("Fd_CPCRU"), 9);
        Assert.Equal(100 - 8 - 1.74, feed.Get("Fd_CPBRU"), 9);
        Assert.Equal(5.77, feed.Get("Fd_Lys_CP"), 9);
        Assert.Equal(0.27, feed.Get("Fd_Ca"), 9);
        Assert.Equal(FeedType.Concentrate, feed.Type);
    }

    [Fact]
    public void Korean_feeds_evaluate_in_the_dairy_model()
    {
        var corn = FeedLibrary.Korean.Feeds.First(f => f.NameKorean is not null && f.Get("Fd_St") > 40);
        var forage = FeedLibrary.Korean.Feeds.First(f => f.Type == FeedType.Forage && f.Get("Fd_CP") > 5);
        var result = Cnucnm.Nutrition.Dairy.DairyModel.Evaluate(new(TestData.Cow(), new(), [new(corn, 8), new(forage, 12), new(TestData.Nasem("Canola meal"), 3)]));
        Assert.All(new[] { "An_MEIn", "An_MPIn_g", "Abs_CaIn", "Abs_PIn" }, k => Assert.True(result.Nasem[k] > 0, k));
    }

    [Fact]
    public void Lookup_by_korean_name_and_closest_names()
    {
        Assert.True(FeedLibrary.Korean.TryGet("보호대두박", out var feed));
        Assert.Equal("kr:701", feed.Id);
        Assert.Contains("보호대두박", FeedLibrary.Korean.ClosestNames("보호대두"));
        Assert.Contains("Corn silage, typical", FeedLibrary.Nasem.ClosestNames("corn silag typical"));
    }
}
