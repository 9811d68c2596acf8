using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.Feeds.LabAnalyses;

namespace Cnucnm.Nutrition.Tests.Feeds;

/// <summary>Imports report the blank cells the model needs, per row and column, with the completeness policy (issue 25).</summary>
public sealed class ImportGapTests
{
    [Fact]
    public void Korean_import_reports_each_accepted_rows_imputed_columns_by_line()
    {
        var report = FeedLibrary.KoreanImportReport;

        Assert.NotNull(report.Gaps);
        // The source has no ADF column: every accepted feed with NDF gets ADF from a similar NASEM feed, reported on its line.
        var first = report.Library.Feeds[0];
        var adf = Assert.Single(report.Gaps, g => g.FeedId == first.Id && g.Column == "Fd_ADF");
        Assert.Equal("Imputed", adf.Treatment);
        Assert.True(adf.Row >= 2, $"row {adf.Row}");
        Assert.Contains("similar library feed", adf.Source, StringComparison.Ordinal);
        Assert.All(report.Gaps, g => Assert.NotEqual("TrueZero", g.Treatment));
    }

    [Fact]
    public void A_lab_analysis_of_oat_silage_without_NPN_reports_the_imputed_NPN_on_its_row()
    {
        var oat = FeedLibrary.Nasem.Get("Oat silage, mid-maturity");
        var (analyses, errors) = LabAnalysisImport.ReadCsv("DM,CP,Fd_Se\n34.2,13.1,0.08\n", oat);
        Assert.True(errors.Count == 0, string.Join("; ", errors));

        var gaps = LabAnalysisImport.Gaps(oat, Assert.Single(analyses));

        var npn = Assert.Single(gaps, g => g.Column == "Fd_NPN_CP");
        Assert.Equal(2, npn.Row);
        Assert.Equal("Imputed", npn.Treatment);
        // Se was analysed: no longer unknown; Co and I still are.
        Assert.DoesNotContain(gaps, g => g.Column == "Fd_Se");
        Assert.Contains(gaps, g => g.Column == "Fd_Co" && g.Treatment == "Unknown");
        Assert.StartsWith("row 2 (Oat silage, mid-maturity), Fd_NPN_CP: blank, imputed 0 % of CP", npn.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_feed_of_its_own_reports_the_minerals_it_did_not_give_as_unknown()
    {
        var (feed, errors) = UserFeeds.Create(new UserFeedDefinition("farm-hay", "Farm hay", null, "Grass/Legume Forage", FeedType.Forage,
            CompositionBasis.DryMatter, 88, new Dictionary<string, double> { ["Fd_CP"] = 12, ["Fd_NDF"] = 60, ["Fd_ADF"] = 38, ["Fd_Ash"] = 8 }, null));
        Assert.Empty(errors);

        var gaps = UserFeeds.Gaps(feed!);

        Assert.Contains(gaps, g => g.Column == "Fd_Ca" && g.Treatment == "Unknown" && g.Row == 0);
        Assert.Contains(gaps, g => g.Column == "Fd_CPARU" && g.Treatment == "Imputed" && g.Source.Contains("Grass/Legume Forage", StringComparison.Ordinal));
    }
}
