using System.Globalization;
using Cnucnm.Formulation.Beef;
using Cnucnm.Nutrition.Dairy;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Cli.Commands;

/// <summary><c>cnucnm audit-feeds [--library nasem|korean|beef-candidates]</c>: every library feed (or the Korean default
/// candidate feeds of beef groups, <see cref="KoreanBeefFeeds"/>) alone through the NASEM model
/// (<see cref="FeedLibraryAudit"/>); prints the markdown table of docs/feeds.md ("Library audit"): each feed that needed
/// imputation or has an unknown value, and each feed that fails a check. Exit code 1 when any feed fails.</summary>
public sealed class AuditFeedsCommand : ICliCommand
{
    public string Name => "audit-feeds";

    public string Summary => "Run every library feed alone through the NASEM model; list imputed values and implausible contributions (docs/feeds.md).";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            console.Out.WriteLine("usage: cnucnm audit-feeds [--library nasem|korean|beef-candidates]   (default nasem)");
            console.Out.WriteLine("  Prints a markdown table; exit code 1 when a feed fails a check (finite, DE/GE, RUP within CP, MP, tabular DE).");
            return 0;
        }

        var library = "nasem";
        for (var i = 0; i < args.Count; i++)
        {
            library = args[i] == "--library" && i + 1 < args.Count ? args[++i] : throw new CliException($"unknown option '{args[i]}'.", 2);
        }

        var feeds = library switch
        {
            "nasem" => FeedLibrary.Nasem.Feeds,
            "korean" => FeedLibrary.Korean.Feeds,
            "beef-candidates" => [.. KoreanBeefFeeds.All.Select(c => FeedLibrary.Korean.Get(c.LibraryId))],
            _ => throw new CliException($"unknown library '{library}': use nasem, korean or beef-candidates.", 2),
        };
        var lines = FeedLibraryAudit.Run(feeds, FeedLibraryAudit.BuiltInTabularDe);
        var listed = lines.Where(l => l.Reported.Count > 0 || l.Problems.Count > 0).ToList();
        var o = console.Out;
        var imputedCount = lines.Count(l => l.Reported.Any(g => g.Treatment == GapTreatment.Imputed));
        var unknownCount = lines.Count(l => l.Reported.Any(g => g.Treatment == GapTreatment.Unknown));
        o.WriteLine(Invariant($"{lines.Count} feeds; {imputedCount} with imputed values, {unknownCount} with unknown values (assumed 0), {lines.Count(l => l.Problems.Count > 0)} failing a check."));
        o.WriteLine();
        o.WriteLine("| Feed | Category | Imputed (source) | Unknown, assumed 0 | DE/GE | base DE (table), Mcal/kg | RUP % CP | MP g/kg DM | Check |");
        o.WriteLine("|---|---|---|---|---:|---:|---:|---:|---|");
        foreach (var l in listed)
        {
            var imputed = string.Join("; ", l.Reported.Where(g => g.Treatment == GapTreatment.Imputed).GroupBy(g => g.Source)
                .Select(s => $"{string.Join(", ", Short(s))} ({s.Key})"));
            var unknown = string.Join(", ", Short(l.Reported.Where(g => g.Treatment == GapTreatment.Unknown)));
            var table = l.TabularDigestibleEnergyMcalPerKg is { } t ? Invariant($" ({t:0.00})") : "";
            o.WriteLine(Invariant($"| {l.Feed.Name} | {l.Feed.Category} | {imputed} | {unknown} | {l.DigestibleOverGross:0.00} | {l.BaseDigestibleEnergyMcalPerKg:0.00}{table} | {l.RupPercentCp:0.0} | {l.MetabolizableProteinGramsPerKg:0} | {(l.Problems.Count == 0 ? "ok" : string.Join("; ", l.Problems))} |"));
        }

        return lines.Any(l => l.Problems.Count > 0) ? 1 : 0;
    }

    /// <summary>Column names without the Fd_ prefix; a whole amino acid profile as "AA".</summary>
    private static IEnumerable<string> Short(IEnumerable<CompositionGap> gaps)
    {
        var list = gaps.ToList();
        var aminoAcids = list.Where(g => g.Touches is ["digestible AA"] && g.Column.ToString().EndsWith("_CP", StringComparison.Ordinal)).ToList();
        foreach (var g in list.Except(aminoAcids))
        {
            yield return g.Treatment == GapTreatment.Imputed ? Invariant($"{g.Column.ToString()[3..]} {g.ValueUsed:0.##}") : g.Column.ToString()[3..];
        }

        if (aminoAcids.Count > 0)
        {
            yield return "AA";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
