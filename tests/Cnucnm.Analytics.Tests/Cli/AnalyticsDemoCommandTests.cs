using Cnucnm.Cli;

namespace Cnucnm.Analytics.Tests.Cli;

/// <summary><c>cnucnm analytics-demo</c> through the same entry point as the executable.</summary>
public sealed class AnalyticsDemoCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Prints_one_worked_example_per_feature_the_same_on_every_run()
    {
        var (code, output, error) = Run("analytics-demo");
        var (_, again, _) = Run("analytics-demo", "--seed", "2026");

        Assert.True(code == 0, error);
        Assert.Equal(output, again);
        foreach (var section in new[] { "### Lactation curve (Wood 1967)", "### Growth curve (Gompertz) and slow growers",
                     "### Adaptive intake prediction", "### Farm KPIs", "### Intake anomalies" })
        {
            Assert.Contains(section, output, StringComparison.Ordinal);
        }

        Assert.Contains("synthetic", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Flagged: steer-13 (13 animals screened).", output, StringComparison.Ordinal);
        Assert.Contains("| income over feed cost, won/head/d | 23000 | 4800 | 9519 |", output, StringComparison.Ordinal);
        Assert.Contains("1 day(s) flagged", output, StringComparison.Ordinal);
        Assert.Contains("converged: True", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_seed_gives_other_data_and_bad_arguments_exit_2()
    {
        Assert.NotEqual(Run("analytics-demo").Out, Run("analytics-demo", "--seed", "7").Out);

        var (code, _, error) = Run("analytics-demo", "--seed", "x");
        Assert.Equal(2, code);
        Assert.Contains("--seed needs an integer", error, StringComparison.Ordinal);
        Assert.Equal(2, Run("analytics-demo", "--frobnicate").Code);
    }
}
