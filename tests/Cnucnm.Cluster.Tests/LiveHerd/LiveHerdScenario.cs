using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;

namespace Cnucnm.Cluster.Tests.LiveHerd;

/// <summary>A dairy farm with four priced feeds and a pen of lactating Holsteins on a ration, built through the grains.</summary>
public sealed record LiveHerdScenario(Guid FarmId, Guid GroupId)
{
    public static readonly FarmProfile Profile = new(
        "Cheonan Dairy", new FarmLocation("Chungcheongnam-do", "KR", 36.8, 127.1), "KRW", ClimateDefaults.Temperate, "Asia/Seoul");

    /// <summary>The NASEM (2021) demo cow's feeds, with farm ids, DM % as fed and prices (KRW per tonne as fed).</summary>
    public static readonly (string Id, string Library, double DryMatterPercent, bool Forage, decimal PricePerTonne)[] Feeds =
    [
        ("corn-silage", "Corn silage, typical", 35, true, 90_000),
        ("alfalfa", "Alfalfa meal", 90, true, 420_000),
        ("canola-meal", "Canola meal", 89, false, 560_000),
        ("hm-corn", "Corn grain HM, coarse grind", 72, false, 330_000),
    ];

    /// <summary>The demo ration per head, kg DM.</summary>
    public static readonly IReadOnlyList<(string FeedId, double KgDm)> DemoRation =
        [("alfalfa", 8.21), ("canola-meal", 6.73), ("corn-silage", 5.47), ("hm-corn", 4.11)];

    public static readonly GroupInputs LactatingPen = new(
        Breed.Holstein, PhysiologicalState.LactatingCow, HeadCount: 40, BodyWeightKg: 625, BodyConditionScore: 3, MatureBodyWeightKg: 700,
        AgeDays: 821, Parity: 1, DaysInMilk: 100, DaysPregnant: 46, MilkKgPerDay: 25, MilkFatPercent: 4.55, MilkTrueProteinPercent: 3.66,
        MilkLactosePercent: 4.85, TargetGainKgPerDay: 0, GroupEnvironment.Housed(22), TargetDryMatterIntakeKg: null);

    public static async Task<LiveHerdScenario> CreateAsync(IGrainFactory grains, FarmPolicy? policy = null, bool withRation = true)
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = new LiveHerdScenario(Guid.NewGuid(), Guid.NewGuid());
        var farm = grains.Farm(scenario.FarmId);
        await farm.CreateAsync(Profile, "owner", ct);
        await farm.SetPolicyAsync(policy ?? FarmPolicy.Default, "owner", ct);
        foreach (var feed in Feeds)
        {
            await farm.PutFeedAsync(new FarmFeedDefinition(feed.Id, feed.Library, feed.Library, feed.DryMatterPercent,
                new Dictionary<string, double>(), feed.Forage), "owner", cancellationToken: ct);
            await farm.SetPriceAsync(feed.Id, new FeedPrice(new DateOnly(2026, 1, 1), feed.PricePerTonne, PriceBasis.PerTonneAsFed, "co-op"), "owner", ct);
        }

        await grains.GetGrain<IAnimalGroupGrain>(scenario.GroupId).CreateAsync(scenario.FarmId, "High pen", LactatingPen, "owner", ct);
        if (withRation)
        {
            await scenario.Ration(grains).SetRationAsync(await scenario.RationInputsAsync(grains),
                [.. DemoRation.Select(r => new RationItem(r.FeedId, r.FeedId, r.KgDm, 0, null))],
                new RationChangeCause(RationChangeKind.Manual, "nutritionist", "initial ration"), null, ct);
        }

        return scenario;
    }

    public IAnimalGroupGrain Group(IGrainFactory grains) => grains.GetGrain<IAnimalGroupGrain>(GroupId);

    public IRationGrain Ration(IGrainFactory grains) => grains.GetGrain<IRationGrain>(GroupId);

    /// <summary>What the ration needs, as the group brings it (the ration never calls the group or farm back).</summary>
    public async Task<RationInputs> RationInputsAsync(IGrainFactory grains) =>
        await Group(grains).GetRationInputsAsync(TestContext.Current.CancellationToken) ?? throw new InvalidOperationException("no group");
}
