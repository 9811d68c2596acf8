using Cnucnm.Nutrition.Feeds;
using Cnucnm.Nutrition.Feeds.LabAnalyses;

namespace Cnucnm.Nutrition.Tests.Feeds;

public sealed class LabAnalysisImportTests
{
    private static readonly Feed CornSilage = TestData.Nasem("Corn silage, typical");

    [Fact]
    public void A_nir_report_is_read_by_its_common_headers_on_a_dm_basis()
    {
        const string csv = """
            Sample ID,Date,DM (%),CP (%DM),aNDF (%DM),ADF (%DM),Lignin (%DM),Starch (%DM),Crude Fat (%DM),Ash (%DM)
            PIT-2 front,2026-11-20,33.1,7.9,41.2,25.3,2.9,33.0,3.2,3.9
            PIT-2 back,2026.11.21,35.4,8.2,39.8,24.1,2.7,35.5,3.1,3.7
            """;

        var (analyses, errors) = LabAnalysisImport.ReadCsv(csv, CornSilage);

        Assert.Empty(errors);
        Assert.Equal(2, analyses.Count);
        var first = analyses[0];
        Assert.Equal((2, "PIT-2 front", new DateOnly(2026, 11, 20)), (first.Row, first.SampleId, first.SampledOn));
        Assert.Equal(33.1, first.Values[FeedNutrient.Fd_DM]);
        Assert.Equal(41.2, first.Values[FeedNutrient.Fd_NDF]);
        Assert.Equal(2.9, first.Values[FeedNutrient.Fd_Lg]);
        Assert.Equal(new DateOnly(2026, 11, 21), analyses[1].SampledOn);
    }

    [Theory]
    [InlineData("0", "dry matter must be more than 0")]
    [InlineData("100.5", "dry matter must be more than 0")]
    [InlineData("-3", "dry matter must be more than 0")]
    public void Dry_matter_outside_0_to_100_is_an_error_at_its_row_and_column(string dm, string message)
    {
        var (analyses, errors) = LabAnalysisImport.ReadCsv($"Sample,DM,CP\nA,35,8\nB,{dm},8\n", CornSilage);

        Assert.Empty(analyses);
        var error = Assert.Single(errors);
        Assert.Equal((3, "DM"), (error.Row, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndf_below_adf_and_adf_below_lignin_are_errors_naming_the_column_as_written()
    {
        const string csv = "Sample,DM %,NDF (%DM),ADF (%DM),Lignin (%DM)\nA,35,30,32,3\nB,35,42,25,27\n";

        var (analyses, errors) = LabAnalysisImport.ReadCsv(csv, CornSilage);

        Assert.Empty(analyses);
        Assert.Equal(2, errors.Count);
        Assert.Equal((2, "ADF (%DM)"), (errors[0].Row, errors[0].Column));
        Assert.Contains("cannot exceed Fd_NDF", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((3, "Lignin (%DM)"), (errors[1].Row, errors[1].Column));
        Assert.Contains("cannot exceed Fd_ADF", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Proximate_constituents_above_the_dry_matter_are_an_error()
    {
        var (_, errors) = LabAnalysisImport.ReadCsv("DM,CP,NDF,Starch,Ash,Fat\n35,20,50,30,8,5\n", CornSilage);

        Assert.Contains(errors, e => e.Row == 2 && e.Message.Contains("more than 100 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_out_of_range_not_numbers_bad_dates_and_unknown_columns_are_each_reported()
    {
        var (_, unknown) = LabAnalysisImport.ReadCsv("DM,CP,Colour\n35,8,green\n", CornSilage);
        Assert.Equal((1, "Colour"), (Assert.Single(unknown).Row, unknown[0].Column));

        var (_, cells) = LabAnalysisImport.ReadCsv("DM,CP,NDF,Date\n35,abc,140,2026-13-01\n", CornSilage);
        Assert.Equal(["CP", "Date", "NDF"], cells.Select(e => e.Column).Order(StringComparer.Ordinal).ToArray());
        Assert.All(cells, e => Assert.Equal(2, e.Row));
        Assert.Contains(cells, e => e.Column == "NDF" && e.Message.Contains("at most 100", StringComparison.Ordinal));

        var (_, noDm) = LabAnalysisImport.ReadCsv("CP,NDF\n8,40\n", CornSilage);
        Assert.Contains(noDm, e => e.Row == 1 && e.Message.Contains("dry matter column is required", StringComparison.Ordinal));

        var (_, twice) = LabAnalysisImport.ReadCsv("DM,CP,Crude protein\n35,8,8\n", CornSilage);
        Assert.Contains(twice, e => e.Column == "Crude protein" && e.Message.Contains("same nutrient", StringComparison.Ordinal));
    }

    [Fact]
    public void The_change_from_the_current_values_is_given_per_analysed_nutrient()
    {
        var (analyses, _) = LabAnalysisImport.ReadCsv("DM,CP,NDF\n33,9.1,41\n", CornSilage);

        var changes = LabAnalysisImport.Changes(CornSilage, analyses[0]).ToDictionary(c => c.Nutrient);

        var cp = changes["Fd_CP"];
        Assert.Equal(CornSilage[FeedNutrient.Fd_CP], cp.Current);
        Assert.Equal(9.1 - CornSilage[FeedNutrient.Fd_CP], cp.Difference!.Value, 9);
        Assert.Equal((9.1 - CornSilage[FeedNutrient.Fd_CP]) / CornSilage[FeedNutrient.Fd_CP] * 100, cp.RelativeChangePercent!.Value, 9);
        Assert.Equal("% DM", cp.Unit);
        Assert.Equal("% as fed", changes["Fd_DM"].Unit);
        Assert.Equal(3, changes.Count);
        var applied = LabAnalysisImport.Apply(CornSilage, analyses[0].Values);
        Assert.Equal(41, applied[FeedNutrient.Fd_NDF]);
        Assert.Equal(CornSilage[FeedNutrient.Fd_Lys_CP], applied[FeedNutrient.Fd_Lys_CP]);
    }
}
