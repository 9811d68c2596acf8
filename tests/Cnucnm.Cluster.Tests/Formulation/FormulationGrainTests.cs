using Cnucnm.Contracts.Formulation;
using Cnucnm.Formulation;

namespace Cnucnm.Cluster.Tests.Formulation;

/// <summary>The formulation pool: library requests and answers across the Orleans wire.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FormulationGrainTests(ClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_requests_answer_as_the_library_does()
    {
        var requests = Enumerable.Range(1, 20).Select(seed => SyntheticRations.Explicit(seed, 30, 30)).ToList();
        // And one that cannot be met: 80 kg DM from feeds capped at 1 kg each.
        var tight = SyntheticRations.Explicit(21, 15, 20) with { DryMatterIntakeKg = new Bounds(80, 81) };
        requests.Add(tight with { Feeds = [.. tight.Feeds!.Select(f => f with { MaxKgDm = 1 })] });

        var answers = await Task.WhenAll(requests.Select(r => fixture.Grains.GetGrain<IFormulationGrain>(0).FormulateAsync(r, Ct)));

        foreach (var (request, answer) in requests.Zip(answers))
        {
            var expected = RationFormulator.Formulate(request);
            Assert.Equal(expected.Status, answer.Status);
            Assert.Equal(expected.CostPerDay ?? -1, answer.CostPerDay ?? -1, 9);
            Assert.Equal(expected.Explanation?.Summary, answer.Explanation?.Summary);
        }

        Assert.Contains(answers, a => a.Status == FormulationStatus.Infeasible);
    }

    [Fact]
    public async Task An_invalid_request_comes_back_with_its_field_errors()
    {
        var answer = await fixture.Grains.GetGrain<IFormulationGrain>(0).FormulateAsync(new FormulationRequest([]), Ct);

        Assert.Equal(FormulationStatus.Invalid, answer.Status);
        Assert.Contains(answer.Errors!, e => e.Field == "feeds");
    }
}
