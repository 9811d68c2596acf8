using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Feeds;

/// <summary>The composition-completeness policy (issue 25, docs/science.md "Blank feed composition").</summary>
public sealed class CompositionCompletenessTests
{
    private static DairyInput OneFeed(string name, double kgDm = 20) =>
        new(TestData.Cow(targetDmiKg: kgDm), EquationSelection.Default, [new DietEntry(FeedLibrary.Nasem.Get(name), kgDm)]);

    /// <summary>
    /// NASEM (2021) library values (src/Cnucnm.Nutrition/Data/NASEM_feed_library.csv): Fd_RUP_base (% CP) is
    /// A × 0.064 + B × kp/(kd + kp) + C at the forage passage rate 4.87 %/h, without the RUP equation's intercept
    /// (−0.086 kg/d per 3.39 kg CP intake, NASEM 2021 Ch. 6), which the model adds for every feed (corn silage 32.9 %
    /// tabular, 30.4 % in the model). Fd_dcRUP is % of RUP digested.
    /// </summary>
    [Theory]
    [InlineData("Oat silage, mid-maturity", 41.582, 65)]
    [InlineData("Sorghum-sudangrass silage", 51.481, 55)]
    public void Silage_with_blank_NPN_keeps_its_tabular_RUP_and_digested_RUP(string name, double tabularRupPercentCp, double dcRupPercent)
    {
        var result = DairyModel.Evaluate(OneFeed(name));

        var cpIntake = result["Dt_CPIn"];
        var expectedRup = (tabularRupPercentCp / 100 + ProteinSupply.RupInterceptKg / ProteinSupply.ReferenceCpIntakeKg) * cpIntake;
        var expectedDigestedRup = dcRupPercent / 100 * expectedRup;
        Assert.InRange(result["An_RUPIn"], 0.98 * expectedRup, 1.02 * expectedRup);
        Assert.InRange(result["Dt_idRUPIn"], 0.98 * expectedDigestedRup, 1.02 * expectedDigestedRup);
        // MP = digested RUP + digested microbial true protein (NASEM 2021 Ch. 6): the RUP part is all there.
        Assert.Equal(result["Dt_idRUPIn"] * 1000 + result["Du_idMiTP_g"], result["An_MPIn_g"], 6);
    }

    [Fact]
    public void As_the_software_treats_blanks_oat_silage_loses_its_RUP_which_the_policy_restores()
    {
        // The defect of issue 25, reproduced with the software's treatment, so the fix is measured against it.
        var asSoftware = DairyModel.Evaluate(OneFeed("Oat silage, mid-maturity"), completeComposition: false);
        var completed = DairyModel.Evaluate(OneFeed("Oat silage, mid-maturity"));

        Assert.Equal(0, asSoftware["An_RUPIn"]);
        Assert.InRange(completed["An_RUPIn"], 0.9, 1.1); // 39 % of 2.58 kg CP
        // Issue 25 measured MP 1,116 g/d with the RUP lost. Digested RUP adds ≈ 650 g/d, less the microbial protein the
        // smaller RDP no longer supports: ≈ 1,520 g/d.
        Assert.Equal(1116, asSoftware["An_MPIn_g"], 0);
        Assert.InRange(completed["An_MPIn_g"], 1450, 1600);
    }

    [Fact]
    public void Oat_silage_note_names_the_imputed_NPN_and_the_unknown_trace_minerals_and_vitamins_in_both_languages()
    {
        var result = DairyModel.Evaluate(OneFeed("Oat silage, mid-maturity"));

        var note = Assert.Single(result.CompositionNotes);
        Assert.Equal("nasem:Oat silage, mid-maturity", note.FeedId);
        var npn = Assert.Single(note.Gaps, g => g.Column == FeedNutrient.Fd_NPN_CP);
        Assert.Equal(GapTreatment.Imputed, npn.Treatment);
        Assert.Equal(0, npn.ValueUsed);
        Assert.Contains("Grain Crop Forage", npn.Source, StringComparison.Ordinal);
        Assert.Equal([FeedNutrient.Fd_Co, FeedNutrient.Fd_I, FeedNutrient.Fd_Se, FeedNutrient.Fd_VitA, FeedNutrient.Fd_VitD, FeedNutrient.Fd_VitE],
            note.Gaps.Where(g => g.Treatment == GapTreatment.Unknown).Select(g => g.Column).Order());
        Assert.StartsWith("Oat silage, mid-maturity: NPN = 0 % of CP imputed (similar library feed '", note.English, StringComparison.Ordinal);
        Assert.Contains("Co, I, Se, vitamin A, vitamin D, vitamin E unknown, assumed 0. Touches RUP, MP, digestible AA, DE, Co, I, Se, vitamin A", note.English, StringComparison.Ordinal);
        Assert.Contains("비단백태질소(NPN) = 0 % of CP 대체 추정", note.Korean, StringComparison.Ordinal);
        Assert.Contains("값 없음, 0으로 가정. 영향: 반추위 비분해단백질(RUP), 대사단백질(MP), 소화 아미노산, 가소화에너지(DE)", note.Korean, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_feed_has_no_gaps_and_no_note()
    {
        var corn = FeedLibrary.Nasem.Get("Corn silage, typical");

        var completed = CompositionCompleteness.Complete(corn);

        Assert.Empty(completed.Gaps);
        Assert.Same(corn, completed.Feed);
        Assert.Empty(DairyModel.Evaluate(OneFeed("Corn silage, typical")).CompositionNotes);
    }

    [Fact]
    public void Blanks_a_feed_cannot_contain_are_true_zeros_and_not_reported()
    {
        var sulfate = CompositionCompleteness.Complete(FeedLibrary.Nasem.Get("Ammonium sulfate"));
        var urea = CompositionCompleteness.Complete(FeedLibrary.Nasem.Get("Urea"));
        var protectedMet = CompositionCompleteness.Complete(FeedLibrary.Nasem.Get("Rumen Protected Met"));

        Assert.All(sulfate.Gaps, g => Assert.Equal(GapTreatment.TrueZero, g.Treatment));
        Assert.Contains(sulfate.Gaps, g => g.Column == FeedNutrient.Fd_NDF && g.ValueUsed == 0);
        Assert.Contains(sulfate.Gaps, g => g.Column == FeedNutrient.Fd_KdRUP && g.ValueUsed == 0);
        Assert.All(urea.Gaps.Where(g => g.Column.ToString().EndsWith("_CP", StringComparison.Ordinal)), g => Assert.Equal(GapTreatment.TrueZero, g.Treatment));
        Assert.Equal(GapTreatment.TrueZero, Assert.Single(protectedMet.Gaps, g => g.Column == FeedNutrient.Fd_Lys_CP).Treatment);
        Assert.Empty(CompositionNote.For([sulfate.Original, urea.Original, protectedMet.Original]));
    }

    [Fact]
    public void A_premix_without_organic_analysis_takes_its_carrier_from_another_premix()
    {
        var vitaminD = CompositionCompleteness.Complete(FeedLibrary.Nasem.Get("Vit D premix"));

        var cp = Assert.Single(vitaminD.Gaps, g => g.Column == FeedNutrient.Fd_CP);
        Assert.Equal(GapTreatment.Imputed, cp.Treatment);
        Assert.Contains("premix", cp.Source, StringComparison.OrdinalIgnoreCase);
        // Its vitamin and mineral blanks are what the product does not contain.
        Assert.All(vitaminD.Gaps.Where(g => g.Column is FeedNutrient.Fd_Se or FeedNutrient.Fd_VitE), g => Assert.Equal(GapTreatment.TrueZero, g.Treatment));
    }

    [Fact]
    public void Protein_fractions_come_from_one_donor_and_add_up_to_100()
    {
        var milkReplacer = CompositionCompleteness.Complete(FeedLibrary.Nasem.Get("Milk replacer 20 CP 20 fat"));

        var fractions = milkReplacer.Gaps.Where(g => g.Column is FeedNutrient.Fd_CPARU or FeedNutrient.Fd_CPBRU or FeedNutrient.Fd_CPCRU).ToList();
        Assert.Equal(3, fractions.Count);
        Assert.Single(fractions.Select(g => g.Source).Distinct());
        Assert.Contains("Whey", fractions[0].Source, StringComparison.Ordinal);
        Assert.Equal(100, fractions.Sum(g => g.ValueUsed), 6);
    }

    [Fact]
    public void A_part_of_a_whole_keeps_the_donors_proportion()
    {
        // Fresh whey: FA blank, ether extract 0.7 % DM; the library's milk replacers have FA ≈ 0.96 × ether extract.
        var whey = CompositionCompleteness.Complete(FeedLibrary.Nasem.Get("Whey, fresh"));

        var fa = Assert.Single(whey.Gaps, g => g.Column == FeedNutrient.Fd_FA);
        Assert.InRange(fa.ValueUsed, 0.9 * 0.7, 0.7);
        Assert.Contains("ether extract", fa.Source, StringComparison.Ordinal);
    }
}
