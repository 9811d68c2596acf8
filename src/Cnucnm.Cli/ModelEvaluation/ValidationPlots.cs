using Cnucnm.Nutrition.ModelEvaluation;
using ScottPlot;

namespace Cnucnm.Cli.ModelEvaluation;

/// <summary>Observed (y) against predicted (x) with the 1:1 line, one colour per animal class, one SVG per comparison
/// (observed on the y axis, as Piñeiro et al. 2008 and Tedeschi 2006 recommend).</summary>
public static class ValidationPlots
{
    /// <summary>Writes <c>{slug}.svg</c> for every comparison with pairs; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<CasePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var comparison in ValidationSummary.All)
        {
            var pairs = predictions.Select(p => (p.Class, Pair: p.Pair(comparison))).Where(x => x.Pair is not null).ToList();
            if (pairs.Count == 0)
            {
                continue;
            }

            var plot = new Plot();
            var all = pairs.SelectMany(x => new[] { x.Pair!.Value.Observed, x.Pair.Value.Predicted }).ToList();
            var margin = Math.Max(0.05 * (all.Max() - all.Min()), 0.1);
            var low = all.Min() - margin;
            var high = all.Max() + margin;
            var identity = plot.Add.Line(low, low, high, high);
            identity.LineColor = Colors.Gray;
            identity.LegendText = "1:1";
            foreach (var group in pairs.GroupBy(x => x.Class).OrderBy(g => g.Key))
            {
                var points = plot.Add.ScatterPoints(group.Select(x => x.Pair!.Value.Predicted).ToArray(), group.Select(x => x.Pair!.Value.Observed).ToArray());
                points.LegendText = $"{group.Key.Label()} (n = {group.Count()})";
                points.MarkerSize = 7;
            }

            plot.Title(comparison.Label());
            plot.XLabel("Predicted");
            plot.YLabel("Observed");
            plot.Axes.SetLimits(low, high, low, high);
            plot.ShowLegend(Edge.Right); // outside the data area: no point hidden
            var path = Path.Combine(folder, comparison.Slug() + ".svg");
            plot.SaveSvg(path, 960, 600);
            written.Add(path);
        }

        return written;
    }
}
