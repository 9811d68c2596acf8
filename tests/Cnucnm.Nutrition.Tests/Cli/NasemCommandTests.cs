using System.Text.Json;
using System.Text.Json.Nodes;
using Cnucnm.Cli;

namespace Cnucnm.Nutrition.Tests.Cli;

/// <summary><c>cnucnm nasem</c> through the same entry point as the executable.</summary>
public sealed class NasemCommandTests
{
    private static readonly string Demo = Path.Combine(AppContext.BaseDirectory, "Data", "reference", "lactating_cow_test.input.json");

    private static (int Code, string Out, string Error) Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonObject DemoJson() => JsonNode.Parse(File.ReadAllText(Demo))!.AsObject();

    private static void NoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_file_prints_the_required_nasem_keys_with_amino_acids_as_objects()
    {
        var (code, output, error) = Run("", "nasem", Demo);

        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!.AsObject();
        foreach (var key in new[] { "Dt_DMIn", "An_MEIn", "Trg_MEuse", "An_MPIn_g", "An_MPuse_g_Trg", "Mlk_Prod_comp", "Mlk_Prod_NEalow", "Mlk_Prod_MPalow",
                     "An_Ca_req", "Abs_CaIn", "An_VitE_req", "An_WaIn", "CH4out_g", "Abs_EAA_g", "Trg_AbsEAA_g", "Du_idMiTP_g" })
        {
            Assert.True(json.ContainsKey(key), key);
        }

        var absorbed = json["Abs_AA_g"]!.AsObject();
        Assert.Equal(["Arg", "His", "Ile", "Leu", "Lys", "Met", "Phe", "Thr", "Trp", "Val"], absorbed.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2565.214, json["An_MPIn_g"]!.GetValue<double>(), 0.01);
        Assert.Equal(9, json["Trg_AbsAA_g"]!.AsObject().Count);
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        var (code, output, _) = Run(File.ReadAllText(Demo), "nasem", "-");

        Assert.Equal(0, code);
        Assert.Equal(59.976, JsonNode.Parse(output)!["An_MEIn"]!.GetValue<double>(), 0.01);
    }

    [Fact]
    public void Table_format_prints_grouped_labelled_values_with_units()
    {
        var (code, output, _) = Run("", "nasem", Demo, "--format", "table");

        Assert.Equal(0, code);
        Assert.Contains("Energy requirements", output, StringComparison.Ordinal);
        Assert.Contains("Macro minerals", output, StringComparison.Ordinal);
        Assert.Matches(@"Metabolizable energy\s+59\.976\s+Mcal/d\s+\(An_MEIn\)", output);
        Assert.Matches(@"MP supply\s+2565\.214\s+g/d\s+\(An_MPIn_g\)", output);
        Assert.Matches(@"Lys\s+188\.6\s+148\.5", output);
    }

    [Fact]
    public void Unknown_keys_are_named()
    {
        var input = DemoJson();
        input["animal_input"]!["An_Weight"] = 600;
        input["equation_selection"]!["DMI_eqn"] = 0;
        input["extra"] = 1;

        var (code, _, error) = Run(input.ToJsonString(), "nasem", "-");

        Assert.NotEqual(0, code);
        Assert.Contains("animal_input.An_Weight", error, StringComparison.Ordinal);
        Assert.Contains("equation_selection.DMI_eqn", error, StringComparison.Ordinal);
        Assert.Contains("extra", error, StringComparison.Ordinal);
        NoStackTrace(error);
    }

    [Fact]
    public void Missing_required_inputs_are_named()
    {
        var input = DemoJson();
        input["animal_input"]!.AsObject().Remove("An_BW");
        input["equation_selection"]!.AsObject().Remove("MiN_eqn");

        var (code, _, error) = Run(input.ToJsonString(), "nasem", "-");

        Assert.NotEqual(0, code);
        Assert.Contains("animal_input.An_BW: is required", error, StringComparison.Ordinal);
        Assert.Contains("equation_selection.MiN_eqn: is required", error, StringComparison.Ordinal);
        NoStackTrace(error);
    }

    [Fact]
    public void Unknown_feed_names_suggest_the_closest_names()
    {
        var input = DemoJson();
        input["diet"]![0]!["Feedstuff"] = "Corn silag typical";

        var (code, _, error) = Run(input.ToJsonString(), "nasem", "-");

        Assert.NotEqual(0, code);
        Assert.Contains("diet[0].Feedstuff", error, StringComparison.Ordinal);
        Assert.Contains("Corn silage, typical", error, StringComparison.Ordinal);
        NoStackTrace(error);
    }

    [Theory]
    [InlineData("An_BW", 0, "animal_input.An_BW")]
    [InlineData("An_BW", -600, "animal_input.An_BW")]
    [InlineData("An_LactDay", -1, "animal_input.An_LactDay")]
    [InlineData("An_GestDay", -5, "animal_input.An_GestDay")]
    [InlineData("An_AgeDay", -30, "animal_input.An_AgeDay")]
    [InlineData("Trg_MilkFatp", 120, "animal_input.Trg_MilkFatp")]
    [InlineData("Trg_MilkTPp", 101, "animal_input.Trg_MilkTPp")]
    public void Out_of_range_values_exit_non_zero_naming_the_field(string key, double value, string field)
    {
        var input = DemoJson();
        input["animal_input"]![key] = value;

        var (code, _, error) = Run(input.ToJsonString(), "nasem", "-");

        Assert.NotEqual(0, code);
        Assert.Contains(field, error, StringComparison.Ordinal);
        NoStackTrace(error);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"animal_input\": 3, \"equation_selection\": {}, \"diet\": {}}")]
    public void Malformed_documents_exit_non_zero_without_a_stack_trace(string text)
    {
        var (code, output, error) = Run(text, "nasem", "-");

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.StartsWith("cnucnm nasem:", error, StringComparison.Ordinal);
        NoStackTrace(error);
    }

    [Fact]
    public void Non_zero_infusions_and_negative_amounts_are_refused()
    {
        var input = DemoJson();
        input["infusion_input"] = new JsonObject { ["Inf_Lys_g"] = 20, ["Inf_Location"] = "Rumen" };
        input["diet"]![1]!["kg_DM_per_d"] = -2;

        var (code, _, error) = Run(input.ToJsonString(), "nasem", "-");

        Assert.NotEqual(0, code);
        Assert.Contains("infusion_input.Inf_Lys_g", error, StringComparison.Ordinal);
        Assert.Contains("diet[1].kg_DM_per_d", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_and_bad_options_are_usage_errors()
    {
        var (missing, _, error) = Run("", "nasem", "/no/such/file.json");
        Assert.NotEqual(0, missing);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);

        Assert.Equal(2, Run("", "nasem", Demo, "--format", "xml").Code);
        Assert.Equal(2, Run("", "nasem").Code);
        Assert.Equal(0, Run("", "nasem", "--help").Code);
    }

    [Fact]
    public void Every_example_in_docs_runs()
    {
        var examples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "nasem-*.json");
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var (code, output, error) = Run("", "nasem", example);
            Assert.True(code == 0, $"{example}: {error}");
            Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("Trg_MEuse").GetDouble() > 0);
        }
    }
}
