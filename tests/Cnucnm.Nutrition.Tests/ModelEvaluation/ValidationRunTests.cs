using Cnucnm.Nutrition.ModelEvaluation;

namespace Cnucnm.Nutrition.Tests.ModelEvaluation;

/// <summary>The 156 published cases of data/validation through the dairy and beef models.</summary>
public sealed class ValidationRunTests
{
    internal static string DataFolder => Path.Combine(AppContext.BaseDirectory, "validation", "data");

    private static readonly Lazy<IReadOnlyList<ValidationCase>> Cases = new(() => ValidationCaseReader.Read(
        File.ReadAllText(Path.Combine(DataFolder, ValidationCaseReader.AnimalFileName)),
        File.ReadAllText(Path.Combine(DataFolder, ValidationCaseReader.DietFileName))));

    private static readonly Lazy<ValidationOutcome> Outcome = new(() => ValidationRun.Run(Cases.Value));

    [Fact]
    public void The_database_holds_156_cases_with_the_origin_studys_breed_and_type_counts()
    {
        // origin-model.md section 5.2: breed_code 1/2/3 = 13/133/10, animal_type 0/1/2 = 51/57/48; cases 13 and 14 have no diet.
        var cases = Cases.Value;
        Assert.Equal(156, cases.Count);
        Assert.Equal([13, 133, 10], [.. new[] { 1, 2, 3 }.Select(code => cases.Count(c => c.BreedCode == code))]);
        Assert.Equal([51, 57, 48], [.. new[] { 0, 1, 2 }.Select(type => cases.Count(c => c.AnimalType == type))]);
        Assert.Equal([13, 14], [.. cases.Where(c => c.Diet.Count == 0).Select(c => c.Number)]);
        Assert.Equal(76, cases.SelectMany(c => c.Diet).Select(d => d.FeedId).Distinct().Count());
    }

    [Fact]
    public void Every_usable_case_produces_a_prediction_and_every_other_case_is_listed_with_its_reason()
    {
        var outcome = Outcome.Value;
        Assert.Equal(156, outcome.Predictions.Count + outcome.Skipped.Count);
        Assert.Equal(outcome.Predictions.Select(p => p.Number).Concat(outcome.Skipped.Select(s => s.Number)).Order(), Cases.Value.Select(c => c.Number).Order());
        Assert.All(outcome.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));

        // Usable = has a diet, measured DMI and weight, and an animal class: each such case has finite predictions for what was measured.
        var usable = Cases.Value.Where(c => c.Diet.Count > 0 && c.ObservedDryMatterIntakeKg > 0 && ValidationRun.Classify(c).Class is not null).ToList();
        Assert.Equal(usable.Select(c => c.Number), outcome.Predictions.Select(p => p.Number));
        Assert.All(outcome.Predictions, p =>
        {
            Assert.True(double.IsFinite(p.PredictedDryMatterIntakeKg) && p.PredictedDryMatterIntakeKg > 0, $"case {p.Number}: DMI {p.PredictedDryMatterIntakeKg}");
            if (p.ObservedGainKgPerDay is not null)
            {
                Assert.True(double.IsFinite(p.EnergyAllowableGainKgPerDay) && double.IsFinite(p.ProteinAllowableGainKgPerDay), $"case {p.Number}: gain");
            }

            if (p.ObservedMilkKgPerDay is not null)
            {
                Assert.True(p.EnergyAllowableMilkKgPerDay is { } ne && double.IsFinite(ne) && p.ProteinAllowableMilkKgPerDay is { } mp && double.IsFinite(mp),
                    $"case {p.Number}: milk");
            }
        });

        // Every diet feed is found: the fats rejected only for tabular TDN > 100 % come in with that column cleared.
        Assert.DoesNotContain(outcome.Skipped, s => s.Reason.Contains("feed library", StringComparison.Ordinal));
        Assert.Contains("kr:72", ValidationFeeds.TdnClearedFeedIds);
    }

    [Fact]
    public void Cases_without_diet_milk_composition_or_with_contradictory_records_are_not_run()
    {
        var reasons = Outcome.Value.Skipped.ToDictionary(s => s.Number, s => s.Reason);

        Assert.StartsWith("no diet", reasons[13], StringComparison.Ordinal);
        Assert.StartsWith("no diet", reasons[14], StringComparison.Ordinal);
        // Cases 129–131: lactating cows with milk fat and protein recorded as 0.
        Assert.Contains("milk yield, fat or protein is not recorded", reasons[129], StringComparison.Ordinal);
        // Case 149: a "heifer" without milk eating 19.8 kg DM at 561 kg BW (3.5 %) while losing 0.43 kg/d.
        Assert.Contains("3.5 % of BW", reasons[149], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_class_is_evaluated_by_its_model_with_the_recorded_intake_and_diet()
    {
        var byNumber = Outcome.Value.Predictions.ToDictionary(p => p.Number);

        Assert.Equal(AnimalClass.HolsteinHeifer, byNumber[1].Class);
        Assert.Equal(AnimalClass.LactatingCow, byNumber[5].Class);
        Assert.Equal(AnimalClass.CrossbredSteer, byNumber[56].Class);
        Assert.Equal(AnimalClass.HolsteinSteer, byNumber[62].Class);
        Assert.Equal(AnimalClass.BreedCode3Steer, byNumber[65].Class);
        Assert.Equal(AnimalClass.HanwooSteer, byNumber[104].Class);
        Assert.Equal("JFS 2008 steer", byNumber[104].IntakeEquation);
        Assert.Equal("NASEM Eq. 2-1", byNumber[5].IntakeEquation);
        // A cow's ADG recorded as 0 is "not measured"; a lactating cow carries her measured milk.
        Assert.Null(byNumber[30].ObservedGainKgPerDay);
        Assert.Equal(33.2, byNumber[30].ObservedMilkKgPerDay);
    }

    /// <summary>Case 104 by hand: a 576.2 kg Hanwoo steer gaining 1.58 kg/d; Japanese Feeding Standard steer equation
    /// −3.481 + 2.668 × 1.58 + 0.04548 × 576.2 − 7.207e-5 × 576.2² + 3.867e-8 × 576.2³ = 10.410 kg DM/d, × 0.9998 at 15 °C = 10.408
    /// kg DM/d (temperature factor 1.0433 − 0.0044 × 15 + 0.0001 × 15² = 0.9998).</summary>
    [Fact]
    public void The_hanwoo_intake_prediction_of_case_104_is_the_japanese_standard_equation()
    {
        var p = Outcome.Value.Predictions.Single(x => x.Number == 104);
        const double bw = 576.2;
        var expected = (-3.481 + 2.668 * 1.58 + 0.04548 * bw - 7.207e-5 * bw * bw + 3.867e-8 * bw * bw * bw) * 0.9998;

        Assert.Equal(10.408, expected, 3);
        Assert.Equal(expected, p.PredictedDryMatterIntakeKg, 6);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_reported_with_file_row_and_column()
    {
        const string animals = "No,1\nTarget_DMI,abc\n";
        var error = Assert.Throws<FormatException>(() => ValidationCaseReader.Read(animals, "No,1\nFeed_ID,0\n4,100\n"));
        Assert.Contains("row 'breed_code' is missing", error.Message, StringComparison.Ordinal);

        var full = File.ReadAllText(Path.Combine(DataFolder, ValidationCaseReader.AnimalFileName)).Replace("FBW,189.6,", "FBW,heavy,", StringComparison.Ordinal);
        error = Assert.Throws<FormatException>(() => ValidationCaseReader.Read(full, File.ReadAllText(Path.Combine(DataFolder, ValidationCaseReader.DietFileName))));
        Assert.Equal("CNU_CNM_database_input_beta.csv: row 7 ('FBW'), column 2: 'heavy' is not a number.", error.Message);
    }
}
