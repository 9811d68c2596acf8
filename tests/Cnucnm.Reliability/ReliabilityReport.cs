using System.Globalization;
using System.Text;

namespace Cnucnm.Reliability;

/// <summary>Figures and pass/fail checks of a run, written as Markdown (docs/reliability.md quotes it).</summary>
public sealed class ReliabilityReport
{
    private readonly StringBuilder _markdown = new();
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public void Heading(string title) => _markdown.Append(CultureInfo.InvariantCulture, $"\n### {title}\n\n| figure | value |\n|---|---|\n");

    public void Figure(string name, FormattableString value) =>
        _markdown.Append(CultureInfo.InvariantCulture, $"| {name} | {value.ToString(CultureInfo.InvariantCulture)} |\n");

    /// <summary>A pass/fail check; a failure fails the run.</summary>
    public void Check(string name, bool passed, FormattableString detail)
    {
        var text = detail.ToString(CultureInfo.InvariantCulture);
        _markdown.Append(CultureInfo.InvariantCulture, $"| {(passed ? "✔" : "✘")} {name} | {text} |\n");
        if (!passed)
        {
            _failures.Add($"{name}: {text}");
        }
    }

    public void Note(string text) => _markdown.Append('\n').Append(text).Append('\n');

    public override string ToString() => _markdown.ToString();
}
