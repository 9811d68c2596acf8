using System.Globalization;
using System.Text;
using Cnucnm.Nutrition.ModelEvaluation;

namespace Cnucnm.Cli.ModelEvaluation;

/// <summary>The generated part of docs/validation.md: statistics per comparison and class, plot links, every case's
/// predictions, the cases that could not run and why. Deterministic text (no dates), so a test can regenerate and compare.</summary>
public static class ValidationMarkdown
{
    public const string BeginMarker = "<!-- BEGIN cnucnm validate: generated, do not edit by hand -->";
    public const string EndMarker = "<!-- END cnucnm validate -->";

    /// <summary>Folder of the plots, relative to the markdown file.</summary>
    public const string PlotFolder = "validation";

    public static string Generate(ValidationOutcome outcome, IReadOnlyList<ComparisonRow> rows)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(rows);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line(BeginMarker);
        Line(Invariant($"Cases in the database: {outcome.CaseCount}; evaluated: {outcome.Predictions.Count}; not run: {outcome.Skipped.Count} (listed under *Cases not run*)."));
        Line();
        Line("Counts per class (model): " + string.Join("; ", Enum.GetValues<AnimalClass>()
            .Select(c => (Class: c, Count: outcome.Predictions.Count(p => p.Class == c))).Where(x => x.Count > 0)
            .Select(x => Invariant($"{x.Class.Label()} {x.Count} ({x.Class.Model()})"))) + ".");
        Line();
        Line("Columns: n pairs; means of observed (O) and predicted (P); mean bias P − O; RMSPE = √(Σ(O − P)²/n) and as % of the observed mean; "
             + "its decomposition into mean bias, slope (regression of O on P differing from 1) and random error, % of MSPE (Tedeschi 2006); "
             + "Pearson r; Lin's (1989) concordance correlation coefficient (CCC).");
        foreach (var comparison in ValidationSummary.All)
        {
            var table = rows.Where(r => r.Comparison == comparison).ToList();
            if (table.Count == 0)
            {
                continue;
            }

            Line();
            Line("### " + comparison.Label());
            Line();
            Line("| Class | n | Mean O | Mean P | Bias P − O | RMSPE | RMSPE % | Mean % | Slope % | Random % | r | CCC |");
            Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in table)
            {
                var s = row.Statistics;
                Line(Invariant($"| {(row.Class is { } c ? c.Label() : "**All**")} | {s.Count} | {F(s.MeanObserved, 2)} | {F(s.MeanPredicted, 2)} | {F(s.MeanBias, 2)} | {F(s.Rmspe, 2)} | {F(s.RmspePercentOfObservedMean, 1)} | {F(s.MeanBiasPercentOfMspe, 1)} | {F(s.SlopePercentOfMspe, 1)} | {F(s.RandomPercentOfMspe, 1)} | {F(s.PearsonR, 2)} | {F(s.ConcordanceCorrelation, 2)} |"));
            }

            Line();
            Line($"![Observed vs predicted: {comparison.Label()}]({PlotFolder}/{comparison.Slug()}.svg)");
        }

        var hanwoo = HanwooModelComparison.Compare(outcome.Predictions);
        if (hanwoo.Count > 0)
        {
            Line();
            Line("### Hanwoo steers under both requirement models");
            Line();
            Line(Invariant($"Live-gain basis: KFS allowable gains invert the standard's requirement equations at the measured intake (ME from the diet's TDN, CP intake); NRC 2000 allowable shrunk gains ÷ 0.96. Brackets: percentile bootstrap 95 % intervals, {hanwoo[0].Intervals.Resamples} resamples of the cases, fixed seed."));
            Line();
            Line("| Quantity | Model | n | Mean O | Mean P | Bias P − O [95 % CI] | RMSPE [95 % CI] | RMSPE % | CCC [95 % CI] |");
            Line("|---|---|---:|---:|---:|---|---|---:|---|");
            foreach (var row in hanwoo)
            {
                var s = row.Statistics;
                var ci = row.Intervals;
                Line(Invariant($"| {row.Quantity} | {row.Model} | {s.Count} | {F(s.MeanObserved, 2)} | {F(s.MeanPredicted, 2)} | {F(s.MeanBias, 2)} [{F(ci.MeanBias.Lower, 2)}, {F(ci.MeanBias.Upper, 2)}] | {F(s.Rmspe, 2)} [{F(ci.Rmspe.Lower, 2)}, {F(ci.Rmspe.Upper, 2)}] | {F(s.RmspePercentOfObservedMean, 1)} | {F(s.ConcordanceCorrelation, 2)} [{F(ci.Concordance.Lower, 2)}, {F(ci.Concordance.Upper, 2)}] |"));
            }

            Line();
            Line("| No | BW kg | ADG O | KFS ADG ME | KFS ADG CP | NRC ADG ME (live) | NRC ADG MP (live) |");
            Line("|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var p in outcome.Predictions.Where(p => p.Kfs is not null))
            {
                var k = p.Kfs!;
                Line(Invariant($"| {p.Number} | {F(k.BodyWeightKg, 0)} | {F(p.ObservedGainKgPerDay, 2)} | {F(k.EnergyAllowableGainKgPerDay, 2)} | {F(k.ProteinAllowableGainKgPerDay, 2)} | {F(k.NrcEnergyAllowableLiveGainKgPerDay, 2)} | {F(k.NrcProteinAllowableLiveGainKgPerDay, 2)} |"));
            }
        }

        Line();
        Line("### Predictions per case");
        Line();
        Line("DMI in kg DM/d, gains and milk in kg/d; allowable values at the measured DMI. – : not measured (cows' ADG recorded as 0) or not defined.");
        Line();
        Line("| No | Class | DMI equation | DMI O | DMI P | ADG O | ADG ME | ADG MP | Milk O | Milk NE | Milk MP |");
        Line("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in outcome.Predictions)
        {
            Line(Invariant($"| {p.Number} | {p.Class.Label()} | {p.IntakeEquation} | {F(p.ObservedDryMatterIntakeKg, 2)} | {F(p.PredictedDryMatterIntakeKg, 2)} | {F(p.ObservedGainKgPerDay, 2)} | {F(p.EnergyAllowableGainKgPerDay, 2)} | {F(p.ProteinAllowableGainKgPerDay, 2)} | {F(p.ObservedMilkKgPerDay, 1)} | {F(p.EnergyAllowableMilkKgPerDay, 1)} | {F(p.ProteinAllowableMilkKgPerDay, 1)} |"));
        }

        Line();
        Line("### Cases not run");
        Line();
        Line("| No | Reason |");
        Line("|---:|---|");
        foreach (var s in outcome.Skipped)
        {
            Line(Invariant($"| {s.Number} | {s.Reason.Replace("|", "\\|", StringComparison.Ordinal)} |"));
        }

        var cowsWithoutGain = outcome.Predictions.Where(p => p.ObservedGainKgPerDay is null).Select(p => p.Number).ToList();
        if (cowsWithoutGain.Count > 0)
        {
            Line();
            Line(Invariant($"Evaluated, but left out of the ADG comparisons because the cow's ADG is recorded as 0 (the file's code for \"not measured\"): {cowsWithoutGain.Count} cases, {string.Join(", ", cowsWithoutGain)}."));
        }

        Line(EndMarker);
        return md.ToString();
    }

    /// <summary>Replaces the generated section of <paramref name="existing"/> (or returns the section alone when there is no file).</summary>
    public static string Merge(string? existing, string generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        if (existing is null)
        {
            return generated;
        }

        var begin = existing.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new CliException($"the output file exists but has no generated section ({BeginMarker} … {EndMarker}); give a new file or add the markers.");
        }

        var after = end + EndMarker.Length;
        if (after < existing.Length && existing[after] == '\n')
        {
            after++;
        }

        return existing[..begin] + generated + existing[after..];
    }

    /// <summary>The generated section of a file's text, or null.</summary>
    public static string? Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : text[begin..(end + EndMarker.Length)] + "\n";
    }

    private static string F(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
