using Cnucnm.Cli;

namespace Cnucnm.Analytics.Tests.Cli;

/// <summary>docs/analytics.md shows the output of <c>cnucnm backtest-intake --seed 1</c> as it is today.</summary>
public sealed class BacktestDocTests
{
    [Fact]
    public void The_backtest_table_in_the_docs_is_the_current_output_of_the_backtest_command()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "analytics.md")).ReplaceLineEndings("\n");
        const string begin = "<!-- backtest-intake:begin -->\n";
        const string end = "<!-- backtest-intake:end -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, "docs/analytics.md has no backtest-intake block");

        var output = new StringWriter();
        Assert.Equal(0, CliApp.Run(["backtest-intake", "--seed", "1"], new StringReader(""), output, new StringWriter()));

        Assert.Equal(output.ToString().ReplaceLineEndings("\n"), doc[(start + begin.Length)..stop]);
    }
}
