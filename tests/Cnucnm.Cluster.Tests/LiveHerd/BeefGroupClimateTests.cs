using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Contracts.Rations;
using Cnucnm.Formulation;
using Cnucnm.Formulation.Beef;
using Cnucnm.Grains.Nutrition;
using Cnucnm.Nutrition.Beef;
using DietEntry = Cnucnm.Nutrition.Dairy.DietEntry;
using Cnucnm.Nutrition.Feeds;

namespace Cnucnm.Cluster.Tests.LiveHerd;

/// <summary>A beef group's ration is formulated in its farm's climate: the KMA normals of the farm's province for the month on the
/// farm's calendar, brought down with the farm's profile (the ration never asks its farm).</summary>
[Collection(ClusterCollection.Name)]
public sealed class BeefGroupClimateTests(ClusterFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Hanwoo breeding cows 250 days pregnant (formulated on NRC 2000: the KFS cow chapters are not available), no
    /// temperature of their own.</summary>
    private static readonly GroupInputs PregnantCows = new(
        Breed.Hanwoo, PhysiologicalState.BeefCow, HeadCount: 20, BodyWeightKg: 500, BodyConditionScore: 5, MatureBodyWeightKg: null,
        AgeDays: 1800, Parity: 2, DaysInMilk: null, DaysPregnant: 250, MilkKgPerDay: null, MilkFatPercent: null, MilkTrueProteinPercent: null,
        MilkLactosePercent: null, TargetGainKgPerDay: 0, GroupEnvironment.FarmClimate(), TargetDryMatterIntakeKg: null);

    /// <summary>1 January 2027, 01:00 in Seoul: still December in UTC, so the month must come from the farm's time zone.</summary>
    private static readonly DateTimeOffset NewYearInSeoul = new(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_Hanwoo_group_in_Gangwon_in_January_is_formulated_at_the_KMA_normals_with_more_maintenance_than_without_a_province()
    {
        var formulator = new GroupFormulator(new FarmFeedModels(), new FormulationPoolRunner(fixture.Grains));
        var gangwon = Farm("KR-51");
        var nowhere = Farm(null);

        var cold = await formulator.FormulateAsync(PregnantCows, gangwon, Guid.NewGuid(), Feeds, Settings, null, NewYearInSeoul, Ct);
        var neutral = await formulator.FormulateAsync(PregnantCows, nowhere, Guid.NewGuid(), Feeds, Settings, null, NewYearInSeoul, Ct);

        Assert.True(cold.Feasible, cold.Explanation);
        Assert.True(neutral.Feasible, neutral.Explanation);
        // The answer states the temperatures used and why: Chuncheon's normals for January and December (KMA 1991–2020).
        Assert.True(KoreanClimateNormals.TryGet("KR-51", out var chuncheon));
        var used = cold.Response!.Animal!.Environment!;
        Assert.Equal(("kmaNormal", "kmaNormal", "KR-51", 1), (used.TemperatureSource, used.PreviousMonthTemperatureSource, used.Province, used.Month));
        Assert.Equal(chuncheon.MeanCelsius(1), used.TemperatureCelsius);
        Assert.Equal(chuncheon.MeanCelsius(12), used.PreviousMonthTemperatureCelsius);
        Assert.Contains("Chuncheon", used.Note, StringComparison.Ordinal);
        var defaults = neutral.Response!.Animal!.Environment!;
        Assert.Equal((15.0, "default", 20.0, "default"), (defaults.TemperatureCelsius, defaults.TemperatureSource,
            defaults.PreviousMonthTemperatureCelsius, defaults.PreviousMonthTemperatureSource));

        // NRC (2000) Ch. 1: NEm = SBW^0.75 × (a1 × BE × L × COMP + a2), a2 = 0.0007 × (20 − T_prev); a Hanwoo cow at BCS 5 has
        // BE = L = COMP = 1 (shrunk weight less the conceptus). Without a province: a2 = 0 at the 20 °C default. In Gangwon at
        // Chuncheon's December normal (−2.0 °C) a2 adds 0.0007 × 22 Mcal/kg^0.75, and any cold stress at January's normal comes on top.
        var (neutralMaintenance, maternalWeight) = Maintenance(formulator, nowhere);
        var (coldMaintenance, _) = Maintenance(formulator, gangwon);
        var metabolicWeight = Math.Pow(maternalWeight, 0.75);
        Assert.Equal(0.077 * metabolicWeight, neutralMaintenance, 6);
        var acclimatization = 0.0007 * (20 - chuncheon.MeanCelsius(12)) * metabolicWeight;
        Assert.True(coldMaintenance >= neutralMaintenance + acclimatization - 1e-9,
            $"{coldMaintenance:0.000} Mcal NEm/d in Gangwon, {neutralMaintenance:0.000} without a province, acclimatization {acclimatization:0.000}");
    }

    [Fact]
    public void A_group_that_states_its_temperature_keeps_it_and_takes_only_the_previous_month_from_the_province()
    {
        var formulator = new GroupFormulator(new FarmFeedModels(), new FormulationPoolRunner(fixture.Grains));
        var stated = PregnantCows with { Environment = GroupEnvironment.Housed(4) };

        var (request, problem) = formulator.BuildRequest(stated, Farm("KR-51"), Guid.NewGuid(), Feeds, Settings, null, NewYearInSeoul);

        Assert.Null(problem);
        var used = BeefAnimalDescriptions.DescribeEnvironment(request!.Beef!.Environment);
        Assert.Equal((4.0, "request", "kmaNormal", 1), (used.TemperatureCelsius, used.TemperatureSource, used.PreviousMonthTemperatureSource, used.Month));
    }

    /// <summary>NEm required (Mcal/d) and the maternal shrunk weight (kg) of the group's beef animal as the group formulator builds it,
    /// on one fixed diet.</summary>
    private static (double NetEnergyMcal, double MaternalShrunkWeightKg) Maintenance(GroupFormulator formulator, FarmProfile farm)
    {
        var (request, problem) = formulator.BuildRequest(PregnantCows, farm, Guid.NewGuid(), Feeds, Settings, null, NewYearInSeoul);
        Assert.Null(problem);
        var (animal, _, errors) = BeefAnimals.Resolve(request!.Beef!);
        Assert.Empty(errors);
        Assert.True(FeedLibrary.TryFind("kr:693", out var straw));
        Assert.True(FeedLibrary.TryFind("kr:611", out var concentrate));
        var result = BeefModel.Evaluate(new BeefInput(animal!, [new DietEntry(straw, 6), new DietEntry(concentrate, 2)]));
        return (result.Energy.MaintenanceNetEnergyMcal, result.Body.ShrunkBodyWeightKg - result.Body.ConceptusWeightKg);
    }

    private static FarmProfile Farm(string? province) =>
        new("Hoengseong Hanwoo", new FarmLocation("Gangwon", "KR", null, null, province), "KRW", ClimateDefaults.Temperate, "Asia/Seoul");

    private static readonly IReadOnlyList<FarmFeed> Feeds = [.. KoreanBeefFeeds.All.Select(f =>
    {
        Assert.True(FeedLibrary.TryFind(f.LibraryId, out var library));
        return new FarmFeed(new FarmFeedDefinition(f.LibraryId.Replace(':', '-'), library.Name, f.LibraryId, library.DryMatterPercent,
            new Dictionary<string, double>(), f.Role == "roughage"), f.PricePerKgAsFed, [], null, null);
    })];

    private static readonly FormulationSettings Settings = new(
        [.. KoreanBeefFeeds.All.Select(f => new CandidateFeed(f.LibraryId.Replace(':', '-'), 0, f.MaxKgDm, null))], 5, null, null, null, null);
}
