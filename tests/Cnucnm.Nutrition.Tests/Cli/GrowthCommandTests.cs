using System.Text.Json.Nodes;
using Cnucnm.Cli;
using Cnucnm.Nutrition.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Nutrition.Tests.Cli;

/// <summary><c>cnucnm growth</c> through the same entry point as the executable.</summary>
public sealed class GrowthCommandTests
{
    private const string Plan = """
        {"animal": {"breed": "hanwoo", "sex": "steer", "bodyWeightKg": 550, "ageMonths": 22, "targetGainKgPerDay": 0.9},
         "phases": [{"name": "fattening", "durationDays": 10, "dryMatterIntakeKgPerDay": 7.8,
                     "feeds": [{"feed": "Corn grain dry, fine grind", "percentOfDryMatter": 70.5128205128205, "pricePerKgAsFed": 400},
                               {"feed": "Soybean meal, solvent 48CP", "percentOfDryMatter": 10.2564102564103, "pricePerKgAsFed": 700},
                               {"feed": "Wheat straw", "percentOfDryMatter": 19.2307692307692, "pricePerKgAsFed": 150}]}]}
        """;

    private static (int Code, string Out, string Error) Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Prints_the_trajectory_and_summary_of_the_library_simulation_as_camel_case_json()
    {
        var (code, output, error) = Run(Plan, "growth", "-");

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(10, json["steps"]!.AsArray().Count);
        Assert.Equal(10, json["summary"]!["days"]!.GetValue<int>());
        Assert.Equal("planCompleted", json["summary"]!["stop"]!.GetValue<string>());
        // The same plan run directly: the first day's gain is the beef model's answer for the 550 kg Hanwoo steer on 7.8 kg DM.
        var direct = BeefModel.Evaluate(new BeefInput(BeefAnimal.Create(BeefBreeds.Hanwoo, BeefSex.Steer, 550, 22, 0.9),
        [
            new DietEntry(FeedLibrary.Nasem.Get("Corn grain dry, fine grind"), 5.5), new DietEntry(FeedLibrary.Nasem.Get("Soybean meal, solvent 48CP"), 0.8),
            new DietEntry(FeedLibrary.Nasem.Get("Wheat straw"), 1.5),
        ]));
        Assert.Equal(direct.Allowable.PredictedGainKgPerDay, json["steps"]![0]!["gainKgPerDay"]!.GetValue<double>(), 6);
        Assert.Equal(7.8, json["steps"]![0]!["dryMatterIntakeKgPerDay"]!.GetValue<double>(), 6);
        Assert.True(json["summary"]!["hotCarcassWeightKg"]!.GetValue<double>() > 300);
    }

    [Fact]
    public void Every_invalid_field_is_listed_with_exit_code_1_and_no_stack_trace()
    {
        const string bad = """{"animal": {"breed": "wagyu", "sex": "steer", "bodyWeightKg": -1, "ageMonths": 16}, "phases": [{"name": "x", "feeds": [{"feed": "No such feed", "percentOfDryMatter": 120}]}]}""";
        var (code, output, error) = Run(bad, "growth", "-");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("animal.breed", error, StringComparison.Ordinal);
        Assert.Contains("animal.bodyWeightKg", error, StringComparison.Ordinal);
        Assert.Contains("phases[0].feeds[0].feed", error, StringComparison.Ordinal);
        Assert.Contains("phases[0].feeds[0].percentOfDryMatter", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_and_a_missing_file_are_reported_without_a_stack_trace()
    {
        var (code, _, error) = Run("{\"animal\": ", "growth", "-");
        Assert.NotEqual(0, code);
        Assert.Contains("not valid JSON", error, StringComparison.Ordinal);

        var (missingCode, _, missingError) = Run("", "growth", "no-such-plan.json");
        Assert.NotEqual(0, missingCode);
        Assert.Contains("does not exist", missingError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error + missingError, StringComparison.Ordinal);
    }
}
