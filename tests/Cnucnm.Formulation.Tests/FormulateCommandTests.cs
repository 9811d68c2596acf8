using System.Text.Json;
using Cnucnm.Cli;

namespace Cnucnm.Formulation.Tests;

/// <summary><c>cnucnm formulate</c> through the same entry point as the executable.</summary>
public sealed class FormulateCommandTests
{
    private static (int Code, string Out, string Error) Run(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Request(int seed) => FormulationJson.Write(SyntheticRations.Explicit(seed, 15, 20));

    [Fact]
    public void A_request_on_stdin_prints_the_same_answer_as_the_library()
    {
        var (code, output, error) = Run(Request(7), "formulate", "-");

        Assert.True(code == 0, error);
        var printed = JsonDocument.Parse(output).RootElement;
        var expected = RationFormulator.Formulate(SyntheticRations.Explicit(7, 15, 20));
        Assert.Equal("Optimal", printed.GetProperty("status").GetString());
        Assert.Equal(expected.CostPerDay!.Value, printed.GetProperty("costPerDay").GetDouble(), 9);
    }

    [Fact]
    public void A_Hanwoo_steer_is_formulated_from_the_command_line()
    {
        var request = Beef.ReferencePens.HanwooEarlyFattening450;

        var (code, output, error) = Run(FormulationJson.Write(request), "formulate", "-");

        Assert.True(code == 0, error);
        var printed = JsonDocument.Parse(output).RootElement;
        Assert.Equal("Korean Feeding Standard for Hanwoo (NIAS)", printed.GetProperty("animal").GetProperty("requirementModel").GetString());
        Assert.Equal(RationFormulator.Formulate(request).CostPerDay!.Value, printed.GetProperty("costPerDay").GetDouble(), 6);
    }

    [Fact]
    public void A_file_is_read_like_stdin()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cnucnm-formulate-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Request(8));
        try
        {
            var (code, output, error) = Run("", "formulate", file);

            Assert.True(code == 0, error);
            Assert.Equal(RationFormulator.Formulate(SyntheticRations.Explicit(8, 15, 20)).CostPerDay!.Value,
                JsonDocument.Parse(output).RootElement.GetProperty("costPerDay").GetDouble(), 9);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_batch_answers_one_line_per_request_in_input_order_and_names_bad_lines()
    {
        var lines = Enumerable.Range(1, 40).Select(Request).ToList();
        lines.Insert(10, "{\"feeds\": 5}");

        var (code, output, error) = Run(string.Join('\n', lines), "formulate", "--batch", "-");

        Assert.Equal(1, code);
        var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(41, answers.Count);
        Assert.Equal("Invalid", answers[10].GetProperty("status").GetString());
        Assert.Contains("line 11", error, StringComparison.Ordinal);
        var costs = answers.Where((_, i) => i != 10).Select(a => a.GetProperty("costPerDay").GetDouble()).ToList();
        var expected = Enumerable.Range(1, 40).Select(seed => RationFormulator.Formulate(SyntheticRations.Explicit(seed, 15, 20)).CostPerDay!.Value).ToList();
        Assert.Equal(expected.Count, costs.Count);
        Assert.All(expected.Zip(costs), p => Assert.Equal(p.First, p.Second, 9));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infeasible_request_exits_3_with_the_explanation()
    {
        var request = SyntheticRations.Explicit(3, 15, 20) with { DryMatterIntakeKg = new Bounds(80, 81) };
        request = request with { Feeds = [.. request.Feeds!.Select(f => f with { MaxKgDm = 1 })] };

        var (code, _, error) = Run(FormulationJson.Write(request), "formulate", "-");

        Assert.Equal(3, code);
        Assert.Contains("infeasible", error, StringComparison.Ordinal);
    }
}
