using System.Collections.Concurrent;
using System.Globalization;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// Animal mode is least-cost over the full model, not merely feasible: on 200 generated requests (lactating Holstein
/// and Jersey cows, far-off and close-up dry cows, heifers; 8–60 feeds with rumen-protected amino acids and minerals),
/// an independent multi-start search (<see cref="FullModelSearch"/>: 10 random starting mixes and our own answer as an
/// eleventh start, small trust regions, slopes by finite differences of the full model, HiGHS for its LPs) finds no confirmed ration more
/// than 0.2 % cheaper than ours, and none where ours is infeasible.
/// </summary>
public sealed class LeastCostAcceptanceTests
{
    private const double AllowedGap = 0.002;
    private const int Cases = 200;

    // 200 cases in 1.5–3 min on 2 cores (load 2–20); in CI with the rest of the suite. The distribution it prints is tabulated
    // in docs/formulation.md ("Least-cost acceptance").
    [Fact]
    public void No_independent_search_finds_a_confirmed_ration_cheaper_than_ours_by_more_than_a_fifth_of_a_percent()
    {
        var outcomes = new ConcurrentBag<(int Seed, string Kind, int Feeds, string Ours, double? OurCost, double? SearchCost, bool OursConfirmedBySearch)>();
        Parallel.For(1, Cases + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var c = AnimalCases.Generate(seed);
            var ours = RationFormulator.Formulate(c.Request);
            var search = new FullModelSearch(c);
            double[]? ourRation = ours.Status == FormulationStatus.Optimal ? [.. ours.Feeds!.Select(f => f.KgDm)] : null;
            var best = search.Search(10, seed, ourRation is null ? null : [ourRation]);
            var confirmed = ourRation is not null && search.Confirmed(ourRation);
            outcomes.Add((seed, c.Kind, c.Feeds.Length, ours.Status == FormulationStatus.Optimal && ours.Animal!.ConfirmedByFullModel ? "confirmed" : ours.Status.ToString(),
                ours.CostPerDay, best, confirmed));
        });

        var output = TestContext.Current.TestOutputHelper;
        var gaps = new List<double>();
        var failures = new List<string>();
        foreach (var o in outcomes.OrderBy(o => o.Seed))
        {
            if (o.Ours == "confirmed")
            {
                if (!o.OursConfirmedBySearch)
                {
                    failures.Add($"seed {o.Seed} ({o.Kind}, {o.Feeds} feeds): our ration is not confirmed by the independent check");
                }

                var gap = o.SearchCost is { } s ? (o.OurCost!.Value - s) / o.OurCost.Value : 0;
                gaps.Add(gap);
                if (gap > AllowedGap)
                {
                    failures.Add($"seed {o.Seed} ({o.Kind}, {o.Feeds} feeds): ours {o.OurCost:F4}, search {o.SearchCost:F4} ({gap:P2} cheaper)");
                }
            }
            else if (o.SearchCost is { } found)
            {
                failures.Add($"seed {o.Seed} ({o.Kind}, {o.Feeds} feeds): ours {o.Ours}, search found a confirmed ration at {found:F4}");
            }
        }

        static string Distribution(List<double> gaps)
        {
            gaps.Sort();
            double Quantile(double q) => gaps[(int)Math.Min(gaps.Count - 1, Math.Floor(q * gaps.Count))];
            return gaps.Count == 0 ? "n 0" : string.Create(CultureInfo.InvariantCulture,
                $"n {gaps.Count}, min {Quantile(0):P3}, median {Quantile(0.5):P3}, 90th {Quantile(0.9):P3}, max {Quantile(1):P3}");
        }

        output?.WriteLine($"gap (ours − search) ÷ ours, confirmed rations: {Distribution(gaps)}; ours cheaper than every start's best in {gaps.Count(g => g < -1e-6)}; " +
                          $"infeasible {outcomes.Count(o => o.Ours == "Infeasible")} (the search confirmed a ration on {outcomes.Count(o => o.Ours == "Infeasible" && o.SearchCost is not null)} of those)");
        foreach (var kind in outcomes.GroupBy(o => o.Kind).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var confirmed = kind.Where(o => o.Ours == "confirmed").ToList();
            output?.WriteLine($"{kind.Key}: {kind.Count()} cases, {confirmed.Count} confirmed, gap {Distribution([.. confirmed.Select(o => o.SearchCost is { } s ? (o.OurCost!.Value - s) / o.OurCost.Value : 0)])}");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // The cases exercise every class and mostly have a ration.
        Assert.True(gaps.Count >= Cases * 3 / 4, $"only {gaps.Count} of {Cases} have a confirmed ration");
        Assert.All(outcomes.GroupBy(o => o.Kind), kind => Assert.True(kind.Count(o => o.Ours == "confirmed") >= kind.Count() / 2, $"{kind.Key}: few confirmed"));
    }
}
