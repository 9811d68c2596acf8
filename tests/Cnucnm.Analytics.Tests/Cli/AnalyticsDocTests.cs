using Cnucnm.Cli;

namespace Cnucnm.Analytics.Tests.Cli;

/// <summary>docs/analytics.md shows the output of <c>cnucnm analytics-demo</c> as it is today.</summary>
public sealed class AnalyticsDocTests
{
    [Fact]
    public void The_worked_examples_in_the_docs_are_the_current_output_of_the_demo_command()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "analytics.md")).ReplaceLineEndings("\n");
        const string begin = "<!-- analytics-demo:begin -->\n";
        const string end = "<!-- analytics-demo:end -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal);
        var stop = doc.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, "docs/analytics.md has no analytics-demo block");

        var output = new StringWriter();
        Assert.Equal(0, CliApp.Run(["analytics-demo"], new StringReader(""), output, new StringWriter()));

        Assert.Equal(output.ToString().ReplaceLineEndings("\n"), doc[(start + begin.Length)..stop]);
    }
}
