using CsCheck;

namespace Cnucnm.Formulation.Tests;

/// <summary>Properties of every optimal ration, over generated explicit requests.</summary>
public sealed class PropertyTests
{
    private const double Tolerance = 1e-6;

    private static readonly Gen<FormulationRequest> Requests =
        Gen.Select(Gen.Int[1, 100_000], Gen.Int[3, 40], Gen.Int[2, 30], (seed, feeds, rows) => SyntheticRations.Explicit(seed, feeds, rows));

    [Fact]
    public void An_optimal_ration_meets_every_bound_of_its_request() =>
        Requests.Sample(request =>
        {
            var response = RationFormulator.Formulate(request);
            if (response.Status != FormulationStatus.Optimal)
            {
                return response.Status == FormulationStatus.Infeasible;
            }

            var x = request.Feeds!.ToDictionary(f => f.Id!, f => response.Feeds!.Single(r => r.Id == f.Id).KgDm);
            var dm = x.Values.Sum();
            bool Within(double value, Bounds? bounds, double scale) =>
                bounds is null || ((bounds.Min is not { } min || value >= min - Tolerance * scale) && (bounds.Max is not { } max || value <= max + Tolerance * scale));

            return request.Feeds!.All(f => Within(x[f.Id!], new Bounds(f.MinKgDm, f.MaxKgDm), 1))
                   && Within(dm, request.DryMatterIntakeKg, dm)
                   && request.Nutrients!.All(n =>
                   {
                       var perDay = request.Feeds!.Sum(f => f.Composition![n.Name!] * x[f.Id!]);
                       return Within(perDay, n.PerDay, Math.Max(1, Math.Abs(perDay))) && Within(perDay / dm, n.PerKgDm, Math.Max(1, Math.Abs(perDay / dm)));
                   })
                   && request.Ratios!.All(r => Within(r.Feeds!.Sum(id => x[id]) / dm, new Bounds(r.MinShareOfDm, r.MaxShareOfDm), 1));
        }, iter: 150);

    [Fact]
    public void Raising_a_price_never_lowers_the_optimal_cost() =>
        Gen.Select(Requests, Gen.Double[1.01, 3.0], Gen.Int[0, 1000]).Sample((request, factor, pick) =>
        {
            var before = RationFormulator.Formulate(request);
            if (before.Status != FormulationStatus.Optimal)
            {
                return true;
            }

            var j = pick % request.Feeds!.Count;
            var feeds = request.Feeds.Select((f, i) => i != j ? f
                : f with { PricePerTonneAsFed = f.PricePerTonneAsFed * factor, PricePerKgDm = f.PricePerKgDm * factor }).ToList();
            var after = RationFormulator.Formulate(request with { Feeds = feeds });
            return after.Status == FormulationStatus.Optimal && after.CostPerDay >= before.CostPerDay - 1e-9 * Math.Max(1, before.CostPerDay!.Value);
        }, iter: 100);

    [Fact]
    public void Cost_is_the_sum_of_each_feed_as_fed_times_its_price() =>
        Requests.Sample(request =>
        {
            var response = RationFormulator.Formulate(request);
            if (response.Status != FormulationStatus.Optimal)
            {
                return true;
            }

            var cost = request.Feeds!.Sum(f =>
            {
                var kgDm = response.Feeds!.Single(r => r.Id == f.Id).KgDm;
                return f.PricePerKgDm is { } perKgDm ? kgDm * perKgDm : kgDm / (f.DryMatterPercent!.Value / 100) * f.PricePerTonneAsFed!.Value / 1000;
            });
            return Math.Abs(cost - response.CostPerDay!.Value) <= 1e-9 * Math.Max(1, cost);
        }, iter: 100);
}
