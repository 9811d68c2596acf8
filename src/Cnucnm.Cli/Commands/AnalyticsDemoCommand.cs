using Cnucnm.Analytics.Anomalies;
using Cnucnm.Analytics.Growth;
using Cnucnm.Analytics.Intake;
using Cnucnm.Analytics.Kpis;
using Cnucnm.Analytics.Lactation;

namespace Cnucnm.Cli.Commands;

/// <summary><c>cnucnm analytics-demo [--seed N]</c>: one worked example of each analytics feature on seeded synthetic
/// data, printed as Markdown (the examples of docs/analytics.md).</summary>
public sealed class AnalyticsDemoCommand : ICliCommand
{
    public const int DefaultSeed = 2026;

    public string Name => "analytics-demo";

    public string Summary => "Worked examples of lactation and growth fits, adaptive intake, KPIs and anomalies on synthetic data (Markdown).";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            console.Out.WriteLine("usage: cnucnm analytics-demo [--seed N]");
            console.Out.WriteLine($"  Generates synthetic milk tests, weighings, pen intakes and feeding records from known parameters (seed {DefaultSeed}");
            console.Out.WriteLine("  unless given), runs each analysis and prints what it recovered beside what was put in, as Markdown.");
            return 0;
        }

        var seed = DefaultSeed;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--seed" && i + 1 < args.Count && int.TryParse(args[i + 1], out var parsed))
            {
                seed = parsed;
                i++;
            }
            else
            {
                throw new CliException(args[i] == "--seed" ? "--seed needs an integer." : $"unknown argument '{args[i]}'.", 2);
            }
        }

        var data = new AnalyticsDemoData(seed);
        var w = new Writer(console.Out);
        w.Line($"Synthetic data, seed {seed} (`cnucnm analytics-demo --seed {seed}`). The data are generated from known parameters");
        w.Line($"with seeded noise: they prove the arithmetic and that each fit recovers what was put in, not that the");
        w.Line($"parameters describe a real herd.");
        Lactation(w, data);
        Growth(w, data);
        Intake(w, data);
        Kpis(w);
        Anomalies(w, data);
        return 0;
    }

    private static void Lactation(Writer w, AnalyticsDemoData data)
    {
        var tests = data.MilkTests();
        var fit = WoodCurveFit.Fit(tests);
        var truth = AnalyticsDemoData.TrueLactation;
        w.Section("Lactation curve (Wood 1967)");
        w.Line($"{tests.Count} test days, DIM 5 to 305 every 10 days, milk = Wood(a = {truth.A}, b = {truth.B}, c = {truth.C}) ± 0.8 kg/d;");
        w.Line($"first tests: {string.Join(", ", tests.Take(4).Select(t => FormattableString.Invariant($"DIM {t.DaysInMilk:0} {t.MilkKgPerDay:0.0} kg")))}.");
        w.Line($"");
        w.Line($"| | a | b | c (1/d) | peak DIM | peak kg/d | 305-d kg |");
        w.Line($"|---|---|---|---|---|---|---|");
        w.Line($"| true | {truth.A:0.000} | {truth.B:0.0000} | {truth.C:0.00000} | {truth.PeakDaysInMilk:0.0} | {truth.PeakMilkKgPerDay:0.00} | {truth.TotalMilkKg():0} |");
        w.Line($"| fitted | {fit.Curve.A:0.000} ± {fit.StandardErrors.A:0.000} | {fit.Curve.B:0.0000} ± {fit.StandardErrors.B:0.0000} | {fit.Curve.C:0.00000} ± {fit.StandardErrors.C:0.00000} | {fit.Curve.PeakDaysInMilk:0.0} | {fit.Curve.PeakMilkKgPerDay:0.00} | {fit.Curve.TotalMilkKg():0} |");
        w.Line($"");
        w.Line($"Fit: R² = {fit.Quality.RSquared:0.0000}, RMSE = {fit.Quality.RootMeanSquareError:0.000} kg/d (noise put in: 0.8), {fit.Quality.Iterations} Levenberg–Marquardt iterations, converged: {fit.Converged}.");
        w.Line($"Projection from DIM 150, kg/d: {string.Join(", ", fit.Curve.Project(150, 28).Where((_, i) => i % 7 == 6).Select(p => FormattableString.Invariant($"DIM {p.DaysInMilk:0} {p.MilkKgPerDay:0.00}")))}.");
    }

    private static void Growth(Writer w, AnalyticsDemoData data)
    {
        var weighings = data.Weighings();
        var fit = GompertzCurveFit.Fit(weighings);
        var truth = AnalyticsDemoData.TrueGrowth;
        w.Section("Growth curve (Gompertz) and slow growers");
        w.Line($"{weighings.Count} weighings, birth to 900 days every 60 days, BW = Gompertz(A = {truth.MatureWeightKg} kg, b = {truth.B:0.0000}, k = {truth.RatePerDay} 1/d) ± 8 kg.");
        w.Line($"");
        w.Line($"| | A (kg) | b | k (1/d) | inflection (d) | days from 500 d to 700 kg |");
        w.Line($"|---|---|---|---|---|---|");
        w.Line($"| true | {truth.MatureWeightKg:0.0} | {truth.B:0.0000} | {truth.RatePerDay:0.00000} | {truth.InflectionAgeDays:0} | {truth.DaysToWeight(500, 700):0} |");
        w.Line($"| fitted | {fit.Curve.MatureWeightKg:0.0} ± {fit.StandardErrors.MatureWeightKg:0.0} | {fit.Curve.B:0.0000} ± {fit.StandardErrors.B:0.0000} | {fit.Curve.RatePerDay:0.00000} ± {fit.StandardErrors.RatePerDay:0.00000} | {fit.Curve.InflectionAgeDays:0} | {fit.Curve.DaysToWeight(500, 700):0} |");
        w.Line($"");
        w.Line($"Fit: R² = {fit.Quality.RSquared:0.0000}, RMSE = {fit.Quality.RootMeanSquareError:0.00} kg (noise put in: 8), converged: {fit.Converged}.");

        var screened = SlowGrowerScreen.Screen(data.FinishingGroup());
        w.Line($"");
        w.Line($"Finishing group: 12 steers gaining 0.95–1.05 kg/d and steer-13 planted at 0.70 kg/d, five monthly weighings ± 3 kg.");
        w.Line($"Flag: ADG below the other animals' mean − {SlowGrowerScreen.DefaultStandardDeviations} SD.");
        w.Line($"");
        w.Line($"| animal | ADG kg/d | others' mean | others' SD | z | slow |");
        w.Line($"|---|---|---|---|---|---|");
        foreach (var a in screened.Where(a => a.IsSlow || a.AnimalId is "steer-01" or "steer-02"))
        {
            w.Line($"| {a.AnimalId} | {a.AverageDailyGainKgPerDay:0.000} | {a.OthersMeanGainKgPerDay:0.000} | {a.OthersGainStandardDeviationKgPerDay:0.000} | {a.ZScore:0.00} | {(a.IsSlow ? "yes" : "no")} |");
        }

        w.Line($"");
        w.Line($"Flagged: {string.Join(", ", screened.Where(a => a.IsSlow).Select(a => a.AnimalId))} ({screened.Count} animals screened).");
    }

    private static void Intake(Writer w, AnalyticsDemoData data)
    {
        var days = data.PenIntake();
        var evaluation = AdaptiveIntakePredictor.Evaluate(days, heldBackDays: 30);
        var options = AdaptiveIntakeOptions.Default;
        w.Section("Adaptive intake prediction");
        w.Line($"90 days of a pen eating {AnalyticsDemoData.TrueIntakeRatio} × the book's DMI (21 kg DM/head/d rising 0.02 kg/d) ± 5 % a day.");
        w.Line($"Options: prior ratio {options.PriorMeanRatio} ± {options.PriorStandardDeviation}, day-to-day SD {options.ObservationStandardDeviation}, drift SD {options.DriftStandardDeviationPerDay}/day.");
        w.Line($"Learned from the first {evaluation.LearningDays} days, then frozen and scored on the {evaluation.HeldBackDays} held-back days:");
        w.Line($"");
        w.Line($"| | MAE kg DM/head/d | RMSPE % |");
        w.Line($"|---|---|---|");
        w.Line($"| book equation | {evaluation.ModelMeanAbsoluteErrorKgPerHeadPerDay:0.000} | {evaluation.ModelRootMeanSquarePercentageError:0.00} |");
        w.Line($"| adapted (× {evaluation.LearnedRatio:0.0000}) | {evaluation.AdaptedMeanAbsoluteErrorKgPerHeadPerDay:0.000} | {evaluation.AdaptedRootMeanSquarePercentageError:0.00} |");
        w.Line($"");
        w.Line($"95 % prediction interval coverage on the held-back days: {evaluation.IntervalCoveragePercent:0.0} %.");
        w.Line($"");
        w.Line($"Model vs adapted vs observed, one step ahead (each day predicted before it is learned):");
        w.Line($"");
        w.Line($"| date | model | adapted | 95 % interval | observed |");
        w.Line($"|---|---|---|---|---|");
        var series = AdaptiveIntakePredictor.OneStepAhead(days);
        foreach (var p in series.Where((_, i) => i is 0 or 1 or 2 or 6 or 13 or 29 or 59 or 89))
        {
            w.Line($"| {p.Date:yyyy-MM-dd} | {p.ModelDryMatterKgPerHeadPerDay:0.00} | {p.AdaptedDryMatterKgPerHeadPerDay:0.00} | {p.AdaptedLower95KgPerHeadPerDay:0.00}–{p.AdaptedUpper95KgPerHeadPerDay:0.00} | {p.ObservedDryMatterKgPerHeadPerDay:0.00} |");
        }
    }

    private static void Kpis(Writer w)
    {
        var periods = AnalyticsDemoData.FeedingPeriods();
        var prices = AnalyticsDemoData.Prices;
        w.Section("Farm KPIs");
        w.Line($"Prices (farm currency, won): milk {prices.MilkPerKg:0}/kg, carcass {prices.CarcassPerKg:0}/kg at {prices.DressingPercent:0} % dressing.");
        w.Line($"");
        w.Line($"| group | head-days | formulated kg | delivered kg | refused kg | DM eaten kg | feed cost | milk kg | gain kg |");
        w.Line($"|---|---|---|---|---|---|---|---|---|");
        foreach (var p in periods)
        {
            w.Line($"| {p.Group} | {p.HeadDays:0} | {p.FormulatedAsFedKg:0} | {p.DeliveredAsFedKg:0} | {p.RefusedAsFedKg:0.0} | {p.ConsumedDryMatterKg:0} | {p.FeedCost:0} | {Show(p.MilkKg, "0")} | {Show(p.LiveWeightGainKg, "0")} |");
        }

        w.Line($"");
        w.Line($"| KPI | {string.Join(" | ", periods.Select(p => p.Group))} | farm |");
        w.Line($"|---|---|---|---|");
        var kpis = periods.Select(p => FeedingKpiCalculator.ForGroup(p, prices)).Append(FeedingKpiCalculator.Combined("farm", periods, prices)).ToList();
        Row(w, "DMI, kg DM/head/d", kpis, k => k.DryMatterIntakeKgPerHeadPerDay, "0.00");
        Row(w, "feed cost, won/head/d", kpis, k => k.FeedCostPerHeadPerDay, "0");
        Row(w, "feed cost, won/kg milk", kpis, k => k.FeedCostPerKgMilk, "0.0");
        Row(w, "feed cost, won/kg gain", kpis, k => k.FeedCostPerKgGain, "0");
        Row(w, "income over feed cost, won/head/d", kpis, k => k.IncomeOverFeedCostPerHeadPerDay, "0");
        Row(w, "feed efficiency, kg milk/kg DM", kpis, k => k.MilkKgPerKgDryMatter, "0.000");
        Row(w, "feed efficiency, kg gain/kg DM", kpis, k => k.GainKgPerKgDryMatter, "0.000");
        Row(w, "refusals, % of delivered", kpis, k => k.RefusalsPercentOfDelivered, "0.00");
        Row(w, "ration compliance, delivered % of formulated", kpis, k => k.RationCompliancePercent, "0.00");
    }

    private static void Anomalies(Writer w, AnalyticsDemoData data)
    {
        var series = data.IntakeWithPlantedDrop();
        var drops = RobustAnomalyDetector.Detect(series, AnomalyDirection.Drop);
        w.Section("Intake anomalies");
        w.Line($"60 days of a pen's DMI around 22 kg DM/head/d ± 0.4 kg, with a 4.5 kg drop planted on {series[40].Date:yyyy-MM-dd}.");
        w.Line($"A day is a drop when 0.6745·(DMI − median)/MAD < −{RobustAnomalyDetector.DefaultThreshold} over the {RobustAnomalyDetector.DefaultWindowDays} days before it.");
        w.Line($"");
        w.Line($"| date | DMI | median of the days before | MAD | robust z |");
        w.Line($"|---|---|---|---|---|");
        foreach (var a in drops)
        {
            w.Line($"| {a.Date:yyyy-MM-dd} | {a.Value:0.00} | {a.RecentMedian:0.00} | {a.RecentMedianAbsoluteDeviation:0.000} | {a.RobustZScore:0.00} |");
        }

        var lowestOther = series.Skip(RobustAnomalyDetector.DefaultWindowDays).Where(d => d.Date != series[40].Date).MinBy(d => d.Value)!;
        w.Line($"");
        w.Line($"{drops.Count} day(s) flagged of {series.Count - RobustAnomalyDetector.DefaultWindowDays} judged; the lowest other day ({lowestOther.Date:yyyy-MM-dd}, {lowestOther.Value:0.00} kg) was not.");
    }

    private static void Row(Writer w, string name, IReadOnlyList<FeedingKpis> kpis, Func<FeedingKpis, double?> value, string format) =>
        w.Line($"| {name} | {string.Join(" | ", kpis.Select(k => Show(value(k), format)))} |");

    private static string Show(double? value, string format) =>
        value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>Writes invariant-culture Markdown lines.</summary>
    private sealed class Writer(TextWriter output)
    {
        public void Line(FormattableString text) => output.WriteLine(FormattableString.Invariant(text));

        public void Section(string title)
        {
            output.WriteLine();
            output.WriteLine($"### {title}");
            output.WriteLine();
        }
    }
}
