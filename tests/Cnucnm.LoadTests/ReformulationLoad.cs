using System.Diagnostics;
using System.Globalization;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cnucnm.LoadTests;

/// <summary>
/// A price change across a farm's groups (issue 21): a silo in this process (the embedded profile: in-memory state, so the
/// figure is the grains' and the formulation pool's work, not PostgreSQL's), a farm on the automatic policy with
/// <see cref="LoadOptions.Groups"/> lactating pens whose formulation candidates include canola meal, and
/// <see cref="LoadOptions.Readings"/> price changes of canola meal, alternately 30 % up and down (beyond the farm's 5 %
/// threshold, so every change re-formulates every group). Each change is timed from the call to the farm until every group's
/// ration is brought up to date (the farm answers after its ration work). Uses only calls that exist before and after the
/// data-flows-down change, so the same source runs against both for a same-run baseline.
/// </summary>
public static class ReformulationLoad
{
    private const string PricedFeed = "canola-meal";

    /// <summary>The NASEM (2021) demo cow's feeds (as in the cluster tests' live-herd scenario), DM % and KRW per tonne as fed.</summary>
    private static readonly (string Id, string Library, double DryMatterPercent, bool Forage, decimal PricePerTonne)[] Feeds =
    [
        ("corn-silage", "Corn silage, typical", 35, true, 90_000),
        ("alfalfa", "Alfalfa meal", 90, true, 420_000),
        ("canola-meal", "Canola meal", 89, false, 560_000),
        ("hm-corn", "Corn grain HM, coarse grind", 72, false, 330_000),
    ];

    /// <summary>The cluster tests' protein and mineral supplements (GroupFormulationTests), with their caps in kg DM per head.</summary>
    private static readonly (string Id, string Library, double DryMatterPercent, decimal PricePerTonne, double MaxKgDm)[] Supplements =
    [
        ("soybean-meal", "Soybean meal, solvent 48CP", 89, 700_000, 6), ("limestone", "Limestone", 99, 120_000, 0.5),
        ("dical", "Calcium phosphate (di)", 97, 900_000, 0.3), ("salt", "Sodium chloride (salt)", 99, 150_000, 0.15),
        ("mgo", "Magnesium oxide", 98, 700_000, 0.1), ("bicarb", "Sodium bicarbonate", 99, 450_000, 0.3),
        ("k-carbonate", "Potassium carbonate", 99, 1_200_000, 0.3), ("cu", "Copper sulfate (5H2O)", 99, 9_000_000, 0.002),
        ("zn", "Zinc sulfate (H2O)", 99, 3_000_000, 0.005), ("mn", "Manganese sulfate (H2O)", 99, 3_000_000, 0.005),
        ("co", "Cobalt carbonate", 99, 60_000_000, 0.0005), ("eddi", "EDDI", 99, 90_000_000, 0.0005),
        ("se", "Selenium yeast, generic", 95, 15_000_000, 0.01), ("fe", "Ferrous sulfate (H2O)", 99, 1_500_000, 0.005),
    ];

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var host = await InProcessSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Cnucnm:Profile"] = "Embedded",
            ["Cnucnm:ClusterId"] = $"reform-{Guid.NewGuid():N}"[..16],
            ["Cnucnm:Silo:SiloPort"] = "5721",
            ["Cnucnm:Silo:GatewayPort"] = "5722",
            ["Cnucnm:Silo:AdvertisedAddress"] = "127.0.0.1",
        }, cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var (farmId, groupIds) = await CreateFarmAsync(grains, options.Groups, cancellationToken);
            var farm = grains.Farm(farmId);

            // The first change formulates every group's first ration (and warms the solver): not counted.
            await SetCanolaPriceAsync(farm, 1.3m, cancellationToken);
            var latencies = new List<double>();
            for (var i = 0; i < options.Readings; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await SetCanolaPriceAsync(farm, i % 2 == 0 ? 1m : 1.3m, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            // Every group was re-formulated by each change: its history holds a version per change that moved its amounts, and
            // its current ration was made by a price change.
            var rations = await Task.WhenAll(groupIds.Select(g => grains.Ration(g).GetAsync(cancellationToken)));
            var byPriceChange = rations.Count(r => r.Current?.Cause.Kind == RationChangeKind.PriceChange);
            Console.WriteLine(string.Join("; ", rations.GroupBy(r => $"current {r.Current?.Cause.Kind.ToString() ?? "none"} v{r.Current?.Version}, suggestion {r.Suggestion is not null}")
                .Select(g => $"{g.Count()} × {g.Key}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{options.Groups} groups, {options.Readings} price changes; {byPriceChange} of {rations.Length} current rations made by a price change"));
            Console.WriteLine($"price change to every ration up to date: {new Stats(latencies)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean {latencies.Average():0.0} ms"));
            return byPriceChange == rations.Length ? 0 : 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static Task<FarmFeedResult> SetCanolaPriceAsync(IFarmGrain farm, decimal factor, CancellationToken cancellationToken) =>
        farm.SetPriceAsync(PricedFeed, new FeedPrice(new DateOnly(2026, 1, 1), Feeds.Single(f => f.Id == PricedFeed).PricePerTonne * factor,
            PriceBasis.PerTonneAsFed, "load"), "load", cancellationToken);

    private static async Task<(Guid FarmId, List<Guid> GroupIds)> CreateFarmAsync(IGrainFactory grains, int groups, CancellationToken cancellationToken)
    {
        var farmId = Guid.NewGuid();
        var farm = grains.Farm(farmId);
        await farm.CreateAsync(new FarmProfile("Re-formulation load farm", new FarmLocation("Chungcheongnam-do", "KR", null, null), "KRW",
            ClimateDefaults.Temperate, "Asia/Seoul"), "load", cancellationToken);
        await farm.SetPolicyAsync(FarmPolicy.Default with { Reformulation = ReformulationPolicy.Automatic }, "load", cancellationToken);
        foreach (var feed in Feeds)
        {
            await farm.PutFeedAsync(new FarmFeedDefinition(feed.Id, feed.Library, feed.Library, feed.DryMatterPercent, new Dictionary<string, double>(), feed.Forage),
                "load", cancellationToken: cancellationToken);
            await farm.SetPriceAsync(feed.Id, new FeedPrice(new DateOnly(2026, 1, 1), feed.PricePerTonne, PriceBasis.PerTonneAsFed, "load"), "load",
                cancellationToken);
        }

        foreach (var feed in Supplements)
        {
            await farm.PutFeedAsync(new FarmFeedDefinition(feed.Id, feed.Library, feed.Library, feed.DryMatterPercent, new Dictionary<string, double>(), false),
                "load", cancellationToken: cancellationToken);
            await farm.SetPriceAsync(feed.Id, new FeedPrice(new DateOnly(2026, 1, 1), feed.PricePerTonne, PriceBasis.PerTonneAsFed, "load"), "load",
                cancellationToken);
        }

        // The farm's own vitamin premix (no library feed): IU per kg DM, as in the cluster tests.
        await farm.PutFeedAsync(new FarmFeedDefinition("vitamins", "Vitamin ADE premix", null, 95,
            new Dictionary<string, double> { ["Fd_Ash"] = 80, ["Fd_VitA"] = 1_500_000, ["Fd_VitD"] = 400_000, ["Fd_VitE"] = 15_000 }, false), "load",
            cancellationToken: cancellationToken);
        await farm.SetPriceAsync("vitamins", new FeedPrice(new DateOnly(2026, 1, 1), 6_000_000, PriceBasis.PerTonneAsFed, "load"), "load", cancellationToken);
        var settings = new FormulationSettings(
            [.. Feeds.Select(f => new CandidateFeed(f.Id, 0, f.Forage ? 14 : 8, null)), .. Supplements.Select(s => new CandidateFeed(s.Id, 0, s.MaxKgDm, null)),
                new CandidateFeed("vitamins", 0, 0.1, null)],
            5, null, null, null, null);
        var groupIds = new List<Guid>();
        for (var i = 0; i < groups; i++)
        {
            var groupId = Guid.NewGuid();
            // The cluster tests' lactating pen (NASEM 2021 demo cow).
            await grains.Group(groupId).CreateAsync(farmId, $"Pen {i + 1}", new GroupInputs(
                Breed.Holstein, PhysiologicalState.LactatingCow, HeadCount: 40, BodyWeightKg: 625, BodyConditionScore: 3, MatureBodyWeightKg: 700,
                AgeDays: 821, Parity: 1, DaysInMilk: 100, DaysPregnant: 46, MilkKgPerDay: 25, MilkFatPercent: 4.55, MilkTrueProteinPercent: 3.66,
                MilkLactosePercent: 4.85, TargetGainKgPerDay: 0, GroupEnvironment.Housed(22), TargetDryMatterIntakeKg: null), "load", cancellationToken);
            await grains.Ration(groupId).SetSettingsAsync(settings, "load", cancellationToken);
            groupIds.Add(groupId);
        }

        return (farmId, groupIds);
    }
}
