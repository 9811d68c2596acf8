using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Feeds;

public sealed class FeedConsistencyTests
{
    private static Feed CornSilage(Dictionary<FeedNutrient, double> overrides) => TestData.Nasem("Corn silage, typical").With(overrides);

    [Fact]
    public void Library_values_that_contradict_each_other_are_not_reported_against_other_entered_values()
    {
        // NASEM (2021) gives brewers yeast ADF and lignin above its NDF (separate analyses in the table).
        var yeast = TestData.Nasem("Brewers yeast, dry");
        Assert.NotEmpty(FeedConsistency.Check(yeast));

        Assert.Empty(FeedConsistency.Check(yeast.With(new Dictionary<FeedNutrient, double> { [FeedNutrient.Fd_Ca] = 0.2 }), [FeedNutrient.Fd_Ca]));
        Assert.Contains(FeedConsistency.Check(yeast, [FeedNutrient.Fd_NDF]), p => p.Part == FeedNutrient.Fd_ADF);
    }

    [Theory]
    [InlineData(FeedNutrient.Fd_ADF, 50.0, FeedNutrient.Fd_NDF)]   // NDF 40: ADF is part of NDF
    [InlineData(FeedNutrient.Fd_Lg, 30.0, FeedNutrient.Fd_ADF)]    // ADF 25: lignin is part of ADF
    [InlineData(FeedNutrient.Fd_NDFIP, 9.0, FeedNutrient.Fd_CP)]   // CP 8: NDF-insoluble protein is part of CP
    [InlineData(FeedNutrient.Fd_FA, 5.0, FeedNutrient.Fd_CFat)]    // fat 3: fatty acids are part of ether extract
    public void A_part_larger_than_its_whole_is_reported_against_the_part(FeedNutrient part, double value, FeedNutrient whole)
    {
        var feed = CornSilage(new() { [FeedNutrient.Fd_NDF] = 40, [FeedNutrient.Fd_ADF] = 25, [FeedNutrient.Fd_Lg] = 3, [FeedNutrient.Fd_CP] = 8,
            [FeedNutrient.Fd_NDFIP] = 1, [FeedNutrient.Fd_ADFIP] = 0.5, [FeedNutrient.Fd_CFat] = 3, [FeedNutrient.Fd_FA] = 2, [part] = value });

        var problem = Assert.Single(FeedConsistency.Check(feed));
        Assert.Equal(part, problem.Part);
        Assert.Equal(whole, problem.Other);
    }

    [Fact]
    public void Lignin_above_both_adf_and_ndf_is_one_problem()
    {
        var feed = CornSilage(new() { [FeedNutrient.Fd_NDF] = 40, [FeedNutrient.Fd_ADF] = 25, [FeedNutrient.Fd_Lg] = 45 });

        var problem = Assert.Single(FeedConsistency.Check(feed));
        Assert.Equal((FeedNutrient.Fd_Lg, FeedNutrient.Fd_ADF), (problem.Part, problem.Other));
    }

    [Fact]
    public void Protein_fractions_must_add_up_to_100_percent_of_cp_unless_the_feed_has_no_protein()
    {
        var wrong = CornSilage(new() { [FeedNutrient.Fd_CPARU] = 40, [FeedNutrient.Fd_CPBRU] = 40, [FeedNutrient.Fd_CPCRU] = 5 });
        var noProtein = CornSilage(new() { [FeedNutrient.Fd_CP] = 0, [FeedNutrient.Fd_NDFIP] = 0, [FeedNutrient.Fd_ADFIP] = 0,
            [FeedNutrient.Fd_CPARU] = 40, [FeedNutrient.Fd_CPBRU] = 40, [FeedNutrient.Fd_CPCRU] = 5 });

        Assert.Contains(FeedConsistency.Check(wrong), p => p.Part == FeedNutrient.Fd_CPBRU && p.Message.Contains("85.0", StringComparison.Ordinal));
        Assert.DoesNotContain(FeedConsistency.Check(noProtein), p => p.Part == FeedNutrient.Fd_CPBRU);
    }

    [Fact]
    public void Inorganic_and_organic_phosphorus_must_add_up_to_100_percent_of_p()
    {
        var feed = CornSilage(new() { [FeedNutrient.Fd_Pinorg_P] = 30, [FeedNutrient.Fd_Porg_P] = 30 });

        Assert.Contains(FeedConsistency.Check(feed), p => p.Part == FeedNutrient.Fd_Porg_P);
    }

    [Fact]
    public void Proximate_constituents_above_the_dry_matter_are_reported_beyond_the_assay_tolerance()
    {
        // N-free NDF 40 + CP 8 + fat 3 + ash 4 + starch 46 = 101 (within 2 %), then 104.
        var within = CornSilage(new() { [FeedNutrient.Fd_NDF] = 41, [FeedNutrient.Fd_NDFIP] = 1, [FeedNutrient.Fd_CP] = 8, [FeedNutrient.Fd_CFat] = 3,
            [FeedNutrient.Fd_FA] = 2, [FeedNutrient.Fd_Ash] = 4, [FeedNutrient.Fd_St] = 46 });
        var beyond = within.With(new Dictionary<FeedNutrient, double> { [FeedNutrient.Fd_St] = 49 });

        Assert.DoesNotContain(FeedConsistency.Check(within), p => p.Part == FeedNutrient.Fd_DM);
        Assert.Contains(FeedConsistency.Check(beyond), p => p.Part == FeedNutrient.Fd_DM && p.Message.Contains("104.0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fatty_acid_profile_above_100_percent_of_fa_is_reported()
    {
        var feed = CornSilage(new() { [FeedNutrient.Fd_C160_FA] = 60, [FeedNutrient.Fd_C182_FA] = 60 });

        Assert.Contains(FeedConsistency.Check(feed), p => p.Part == FeedNutrient.Fd_OtherFA_FA);
    }
}
