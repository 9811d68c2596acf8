using System.Globalization;
using Cnucnm.Analytics.Intake;
using Cnucnm.Analytics.Lactation;
using Cnucnm.Analytics.Simulation;
using Cnucnm.Nutrition.Dairy;

namespace Cnucnm.Cli.Commands;

/// <summary>
/// <c>cnucnm backtest-intake [--seed N] [--pens N]</c>: rolling-origin backtest of the adaptive intake predictor against the
/// NASEM (2021) equation alone and a naive last-week mean, on simulated pens (the demo farm's simulator), printed as Markdown
/// (the table of docs/analytics.md).
/// <para>Each pen is a cohort of Holstein cows whose days in milk advance through the 300 simulated days; its model DMI is NASEM
/// (2021) Eq. 2-1 (animal factors) of the pen's mean cow: parity 1 the NASEM demo cow (625 kg, BCS 3), parity 2–3 650 kg, BCS 3;
/// milk on the Wood shape of docs/analytics.md (a = 15, first lactation 80 % of it, b = 0.25, c = 0.004), milk NE from
/// NASEM (2021) Eq. 3-14 at 3.8 % fat, 3.1 % true protein and 4.85 % lactose (the API's defaults). The pen eats the model's DMI
/// × a true ratio under three scenarios (<see cref="PenIntakeScenario"/>).</para>
/// </summary>
public sealed class BacktestIntakeCommand : ICliCommand
{
    public const int DefaultSeed = 1;
    public const int DefaultPens = 20;
    public const int SimulatedDays = 300;
    public const int OriginStepDays = 7;

    public static readonly int[] Horizons = [1, 3, 7, 14, 28];

    public string Name => "backtest-intake";

    public string Summary => "Rolling-origin backtest of adaptive intake vs the NASEM equation and a last-week mean on simulated pens (Markdown).";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            console.Out.WriteLine("usage: cnucnm backtest-intake [--seed N] [--pens N]");
            console.Out.WriteLine($"  Simulates N pens (default {DefaultPens}) per scenario for {SimulatedDays} days (seed {DefaultSeed} unless given) and scores, from");
            console.Out.WriteLine($"  an origin every {OriginStepDays} days, each method's forecast of the days it has not seen: MAE, bias and n per horizon.");
            return 0;
        }

        var seed = DefaultSeed;
        var pens = DefaultPens;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--seed" or "--pens" && i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                if (args[i] == "--seed") seed = parsed; else pens = parsed;
                i++;
            }
            else
            {
                throw new CliException(args[i] is "--seed" or "--pens" ? $"{args[i]} needs a positive integer." : $"unknown argument '{args[i]}'.", 2);
            }
        }

        var output = console.Out;
        void Line(FormattableString text) => output.WriteLine(FormattableString.Invariant(text));
        Line($"Simulated pens, seed {seed} (`cnucnm backtest-intake --seed {seed}`): {pens} Holstein pens per scenario, {SimulatedDays} days each, an origin every");
        Line($"{OriginStepDays} days; MAE and bias (forecast − observed) in kg DM/head/d, n forecasts; the best MAE of each row in bold.");
        var noise = new SeededNoise(seed);
        foreach (var (title, scenario) in Scenarios())
        {
            var simulated = Enumerable.Range(0, pens).Select(_ => SimulatePen(scenario(noise), noise)).ToList();
            var rows = IntakeBacktest.Run(simulated, Horizons, OriginStepDays);
            output.WriteLine();
            Line($"**{title}**");
            output.WriteLine();
            output.WriteLine("| horizon (days) | n | MAE NASEM | MAE adaptive | MAE last week | bias NASEM | bias adaptive | bias last week |");
            output.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var horizon in Horizons)
            {
                var model = rows.Single(r => r.HorizonDays == horizon && r.Method == IntakeForecastMethod.Model);
                var adaptive = rows.Single(r => r.HorizonDays == horizon && r.Method == IntakeForecastMethod.Adaptive);
                var naive = rows.Single(r => r.HorizonDays == horizon && r.Method == IntakeForecastMethod.NaiveLastWeek);
                var best = Math.Min(model.MeanAbsoluteErrorKg, Math.Min(adaptive.MeanAbsoluteErrorKg, naive.MeanAbsoluteErrorKg));
                string Mae(IntakeBacktestRow r) => r.MeanAbsoluteErrorKg == best
                    ? string.Create(CultureInfo.InvariantCulture, $"**{r.MeanAbsoluteErrorKg:0.000}**")
                    : r.MeanAbsoluteErrorKg.ToString("0.000", CultureInfo.InvariantCulture);
                var n = model.Count == naive.Count ? $"{model.Count}" : $"{model.Count} ({naive.Count} last week)";
                Line($"| {horizon} | {n} | {Mae(model)} | {Mae(adaptive)} | {Mae(naive)} | {model.BiasKg:+0.000;-0.000} | {adaptive.BiasKg:+0.000;-0.000} | {naive.BiasKg:+0.000;-0.000} |");
            }
        }

        return 0;
    }

    /// <summary>The true-ratio scenarios: the predictor's own assumptions (a drifting bias), a steady bias, a book that is right
    /// (what adapting costs when there is nothing to learn), and a drifting bias with a ±10 % step on day 120 (a ration change, a
    /// heat wave).</summary>
    private static IEnumerable<(string Title, Func<SeededNoise, PenIntakeScenario> Scenario)> Scenarios() =>
    [
        ("Drifting bias: start N(1, 0.08), drift 0.003/day, 6 % day-to-day, 3 % sensor gaps", n => PenIntakeScenario.Typical(n.Normal(1, 0.08))),
        ("Steady bias: start N(1, 0.08), no drift, 6 % day-to-day, 3 % sensor gaps", n => PenIntakeScenario.Typical(n.Normal(1, 0.08)) with { RatioDriftPerDay = 0 }),
        ("Unbiased book: the pen eats the model's DMI (ratio 1, no drift), 6 % day-to-day, 3 % sensor gaps", _ => PenIntakeScenario.Typical(1) with { RatioDriftPerDay = 0 }),
        ("Step change: drifting bias plus a ±0.10 step on day 120", n => PenIntakeScenario.Typical(n.Normal(1, 0.08))
            with { StepChanges = [(120, n.Chance(0.5) ? 0.10 : -0.10)] }),
    ];

    /// <summary>One cohort pen: NASEM (2021) Eq. 2-1 of its mean cow on each day, then the simulator's observed intake.</summary>
    private static IReadOnlyList<SimulatedIntakeDay> SimulatePen(PenIntakeScenario scenario, SeededNoise noise)
    {
        var parity = noise.Between(1, 4);
        var (bodyWeightKg, bodyConditionScore) = parity == 1 ? (625.0, 3.0) : (650.0, 3.0);
        var cow = new WoodCurve(15 * (parity == 1 ? 0.8 : 1.0), 0.25, 0.004);
        var milkNetEnergyMcalPerKg = Lactation.MilkNetEnergyMcalPerKg(3.8, 3.1, 4.85);
        var firstDaysInMilk = noise.Between(5, 60);
        var start = new DateOnly(2026, 1, 1);
        var model = Enumerable.Range(0, SimulatedDays).Select(day =>
        {
            var dim = firstDaysInMilk + day;
            var netEnergy = cow.MilkKgPerDay(dim) * milkNetEnergyMcalPerKg;
            return (start.AddDays(day), DryMatterIntake.LactatingAnimalFactorsKg(parity, netEnergy, bodyWeightKg, bodyConditionScore, dim));
        }).ToList();
        return PenIntakeSimulator.Simulate(model, scenario, noise);
    }
}
