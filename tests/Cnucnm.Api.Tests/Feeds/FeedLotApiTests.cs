using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;
using Cnucnm.Contracts.Groups;
using Cnucnm.Grains.Rations;
using Microsoft.Extensions.DependencyInjection;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Feeds;

/// <summary>A feed lot shared by two farms: the blast radius of its lab analysis (every ration using it, before and after by the
/// full model), applying it everywhere, and who may see and apply it.</summary>
public sealed class FeedLotApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Report = """
        Sample ID,Date,DM (%),CP (%DM),aNDF (%DM),ADF (%DM),Lignin (%DM),Starch (%DM)
        PIT-2 front,2026-11-20,33,9.5,41,25,2.9,33
        """;

    /// <summary>The report's values by NASEM name, written out by hand (DM in % as fed, the rest % DM).</summary>
    private static readonly Dictionary<string, double> Analysed = new()
    {
        ["Fd_CP"] = 9.5, ["Fd_NDF"] = 41, ["Fd_ADF"] = 25, ["Fd_Lg"] = 2.9, ["Fd_St"] = 33,
    };

    /// <summary>KRW per kg as fed of each farm feed (HerdApi's price list per tonne ÷ 1000).</summary>
    private static readonly Dictionary<string, double> PricePerKgAsFed = DemoFarm.Feeds.ToDictionary(f => f.Id, f => (double)f.Price / 1000);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_lists_all_three_rations_on_two_farms_with_before_and_after_equal_to_a_direct_full_model_evaluation()
    {
        var shared = await SharedLotAsync();

        var preview = await DemoFarm.Ok(await shared.FarmA.Owner.PostAsJsonAsync(shared.Url("preview"), new { csv = Report }, Ct));

        var effect = Assert.Single(preview.GetProperty("analyses").EnumerateArray());
        Assert.Equal(0, effect.GetProperty("farmsNotShown").GetInt32());
        var rations = effect.GetProperty("rations").EnumerateArray().ToList();
        Assert.Equal(
            new[] { shared.FarmA.GroupId, shared.SecondGroupA, shared.FarmB.GroupId }.Order(),
            rations.Select(r => r.GetProperty("groupId").GetGuid()).Order());
        Assert.Equal(2, rations.Select(r => r.GetProperty("farmId").GetGuid()).Distinct().Count());
        foreach (var ration in rations)
        {
            await AssertMatchesDirectEvaluationAsync(ration);
        }

        // Nothing changed: the lot and both farm feeds keep 35 % DM.
        var lot = await DemoFarm.Ok(await shared.FarmA.Owner.GetAsync($"/api/v1/farms/{shared.FarmA.FarmId}/lots/{shared.LotId}", Ct));
        Assert.Equal(35, lot.GetProperty("dryMatterPercent").GetDouble());
        Assert.Equal(35, (await FarmFeedAsync(shared.FarmA.Owner, shared.FarmB.FarmId)).GetProperty("dryMatterPercent").GetDouble());
    }

    [Fact]
    public async Task Applying_gives_every_farm_feed_of_the_lot_the_analysis_and_re_evaluates_all_three_rations()
    {
        var shared = await SharedLotAsync();
        var preview = await DemoFarm.Ok(await shared.FarmA.Owner.PostAsJsonAsync(shared.Url("preview"), new { csv = Report }, Ct));
        var previewed = preview.GetProperty("analyses")[0].GetProperty("rations").EnumerateArray()
            .ToDictionary(r => r.GetProperty("groupId").GetGuid(), r => r.GetProperty("after"));

        var applied = await DemoFarm.Ok(await shared.FarmA.Owner.PostAsJsonAsync(shared.Url("apply"), new { csv = Report, laboratory = "NLRI feed lab" }, Ct));

        var rations = applied.GetProperty("rations").EnumerateArray().ToList();
        Assert.Equal(3, rations.Count);
        foreach (var ration in rations)
        {
            // The stored ration, re-evaluated with the lot's new values, is what the preview said it would be.
            var reEvaluated = ration.GetProperty("reEvaluated");
            var after = previewed[ration.GetProperty("groupId").GetGuid()];
            Assert.Equal(after.GetProperty("costPerHeadPerDay").GetDecimal(), reEvaluated.GetProperty("costPerHeadPerDay").GetDecimal());
            Assert.Equal(Supplied(after), Supplied(reEvaluated));
            Assert.NotEqual(JsonValueKind.Null, ration.GetProperty("reformulation").ValueKind);
        }

        foreach (var farmId in new[] { shared.FarmA.FarmId, shared.FarmB.FarmId })
        {
            var feed = await FarmFeedAsync(shared.FarmA.Owner, farmId);
            Assert.Equal((33.0, 9.5), (feed.GetProperty("dryMatterPercent").GetDouble(), feed.GetProperty("composition").GetProperty("Fd_CP").GetDouble()));
        }

        var lot = applied.GetProperty("lot");
        var source = lot.GetProperty("sources").GetProperty("Fd_CP");
        Assert.Equal(("labAnalysis", "2026-11-20"), (source.GetProperty("kind").GetString(), source.GetProperty("on").GetString()));
        Assert.Equal("PIT-2 front, NLRI feed lab", source.GetProperty("reference").GetString());
        Assert.Single(lot.GetProperty("analyses").EnumerateArray());
    }

    [Fact]
    public async Task A_member_of_one_farm_sees_only_its_rations_and_may_not_apply_an_analysis_that_reaches_the_other_farm()
    {
        var shared = await SharedLotAsync();
        var (nutritionist, email) = await api.Factory.CreateUserClientAsync("lot-nutritionist");
        await DemoFarm.AddMemberAsync(shared.FarmA.Owner, shared.FarmA.FarmId, nutritionist, email, "nutritionist");

        var preview = await DemoFarm.Ok(await nutritionist.PostAsJsonAsync(shared.Url("preview"), new { csv = Report }, Ct));
        var effect = preview.GetProperty("analyses")[0];
        Assert.Equal(1, effect.GetProperty("farmsNotShown").GetInt32());
        Assert.All(effect.GetProperty("rations").EnumerateArray(), r => Assert.Equal(shared.FarmA.FarmId, r.GetProperty("farmId").GetGuid()));
        Assert.Equal(2, effect.GetProperty("rations").GetArrayLength());
        var lot = await DemoFarm.Ok(await nutritionist.GetAsync($"/api/v1/farms/{shared.FarmA.FarmId}/lots/{shared.LotId}", Ct));
        Assert.DoesNotContain(lot.GetProperty("uses").EnumerateArray(), u => u.GetProperty("farmId").GetGuid() == shared.FarmB.FarmId);

        var apply = await nutritionist.PostAsJsonAsync(shared.Url("apply"), new { csv = Report }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, apply.StatusCode);
        Assert.Equal(35, (await FarmFeedAsync(shared.FarmA.Owner, shared.FarmB.FarmId)).GetProperty("dryMatterPercent").GetDouble());
    }

    [Fact]
    public async Task A_farm_feed_may_point_only_to_a_lot_of_a_farm_where_the_caller_edits_feeds()
    {
        var shared = await SharedLotAsync();
        var stranger = await HerdApi.CreateAsync(api.Factory, withRation: false);

        var response = await stranger.Owner.PutAsJsonAsync($"/api/v1/farms/{stranger.FarmId}/feeds/corn-silage",
            new { name = "Borrowed silage", lotId = shared.LotId }, Ct);

        await AssertErrorsAsync(response, "lotId");

        // A viewer of the lot's farm may not bind the lot to a farm of their own either: the owner farm's
        // nutritionists would then need rights on that farm to apply analyses to their own lot.
        await DemoFarm.AddMemberAsync(shared.FarmA.Owner, shared.FarmA.FarmId, stranger.Owner, stranger.OwnerEmail, "viewer");
        var asViewer = await stranger.Owner.PutAsJsonAsync($"/api/v1/farms/{stranger.FarmId}/feeds/corn-silage",
            new { name = "Borrowed silage", lotId = shared.LotId }, Ct);
        await AssertErrorsAsync(asViewer, "lotId");
    }

    [Fact]
    public async Task A_lot_with_bad_fields_is_refused_naming_each_field()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);

        var response = await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/lots", new
        {
            name = "",
            libraryFeedId = "No such feed",
            dryMatterPercent = 120,
            producedOn = "2026-10-01",
            receivedOn = "2026-09-01",
            supplier = new string('x', 201),
        }, Ct);

        await AssertErrorsAsync(response, "name", "dryMatterPercent", "receivedOn", "supplier");
        var unknownFeed = await herd.Owner.PostAsJsonAsync($"/api/v1/farms/{herd.FarmId}/lots",
            new { name = "Pit 3", libraryFeedId = "No such feed", dryMatterPercent = 35 }, Ct);
        await AssertErrorsAsync(unknownFeed, "libraryFeedId");
    }

    [Fact]
    public async Task An_inconsistent_lot_analysis_is_refused_with_its_row_and_column_and_a_lot_feed_takes_values_and_analyses_only_from_the_lot()
    {
        var shared = await SharedLotAsync();

        var inconsistent = await shared.FarmA.Owner.PostAsJsonAsync(shared.Url("preview"), new { csv = "DM,NDF,ADF\n33,30,35\n" }, Ct);
        var longLaboratory = await shared.FarmA.Owner.PostAsJsonAsync(shared.Url("preview"), new { csv = Report, laboratory = new string('x', 201) }, Ct);
        var ownValuesOnLotFeed = await shared.FarmA.Owner.PutAsJsonAsync($"/api/v1/farms/{shared.FarmA.FarmId}/feeds/corn-silage",
            new { name = "Corn silage, pit 2", lotId = shared.LotId, dryMatterPercent = 30 }, Ct);
        var onFarmFeed = await shared.FarmA.Owner.PostAsJsonAsync(
            $"/api/v1/farms/{shared.FarmA.FarmId}/feeds/corn-silage/lab-analyses/preview", new { csv = Report }, Ct);

        await AssertErrorsAsync(inconsistent, "csv.row2.ADF");
        await AssertErrorsAsync(longLaboratory, "laboratory");
        await AssertErrorsAsync(ownValuesOnLotFeed, "lotId");
        await AssertErrorsAsync(onFarmFeed, "feedId");
    }

    /// <summary>Farm A (two pens) and farm B (one pen), each feeding corn silage that is the same lot of farm A;
    /// farm A's owner is a nutritionist on farm B.</summary>
    private async Task<SharedLot> SharedLotAsync()
    {
        var farmA = await HerdApi.CreateAsync(api.Factory);
        var farmB = await HerdApi.CreateAsync(api.Factory);
        await DemoFarm.AddMemberAsync(farmB.Owner, farmB.FarmId, farmA.Owner, farmA.OwnerEmail, "nutritionist");
        var second = await DemoFarm.Ok(await farmA.Owner.PostAsJsonAsync($"/api/v1/farms/{farmA.FarmId}/groups", DemoFarm.LactatingPen("Fresh pen"), Ct));
        var secondId = second.GetProperty("id").GetGuid();
        await DemoFarm.Ok(await farmA.Owner.PutAsJsonAsync($"/api/v1/farms/{farmA.FarmId}/groups/{secondId}/ration", new
        {
            items = new[]
            {
                new { feedId = "alfalfa", kgDryMatterPerHead = 6.5 },
                new { feedId = "canola-meal", kgDryMatterPerHead = 5.9 },
                new { feedId = "corn-silage", kgDryMatterPerHead = 7.8 },
                new { feedId = "hm-corn", kgDryMatterPerHead = 3.6 },
            },
            reason = "fresh cows",
        }, Ct));

        var created = await farmA.Owner.PostAsJsonAsync($"/api/v1/farms/{farmA.FarmId}/lots", new
        {
            name = "Pit 2 corn silage",
            libraryFeedId = "Corn silage, typical",
            dryMatterPercent = 35,
            isForage = true,
            producedOn = "2026-09-10",
            receivedOn = "2026-11-01",
            supplier = "Cheonan co-op",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lotId = (await DemoFarm.Ok(created)).GetProperty("lotId").GetGuid();
        foreach (var farm in new[] { farmA, farmB })
        {
            await DemoFarm.Ok(await farmA.Owner.PutAsJsonAsync($"/api/v1/farms/{farm.FarmId}/feeds/corn-silage", new { name = "Corn silage, pit 2", lotId }, Ct));
        }

        return new SharedLot(farmA, farmB, secondId, lotId);
    }

    /// <summary>Before and after against the nutrition model called directly: the farm's feeds as stored (before) and with the
    /// report's values written out by hand (after); cost from the price list, kg as fed = kg DM ÷ DM.</summary>
    private async Task AssertMatchesDirectEvaluationAsync(JsonElement ration)
    {
        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        var evaluator = api.Factory.Services.GetRequiredService<IRationEvaluator>();
        var farmId = ration.GetProperty("farmId").GetGuid();
        var farm = (await grains.Farm(farmId).GetAsync(Ct))!;
        var inputs = (await grains.GetGrain<IAnimalGroupGrain>(ration.GetProperty("groupId").GetGuid()).GetAsync(Ct))!.Inputs;
        var feeds = await grains.Farm(farmId).GetFeedsAsync(null, Ct);
        var silage = feeds.Single(f => f.Definition.FeedId == "corn-silage");
        Assert.Equal(35, silage.Definition.DryMatterPercent);
        var analysedSilage = silage with
        {
            Definition = silage.Definition with { DryMatterPercent = 33, Composition = new Dictionary<string, double>(Analysed) },
        };

        foreach (var (side, silageFeed, silageDm) in new[] { ("before", silage, 0.35), ("after", analysedSilage, 0.33) })
        {
            var version = ration.GetProperty(side);
            var amounts = version.GetProperty("items").EnumerateArray()
                .Select(i => (FeedId: i.GetProperty("feedId").GetString()!, KgDm: i.GetProperty("kgDryMatterPerHead").GetDouble())).ToList();
            var model = amounts.Select(a => new RationFeedAmount(a.FeedId == "corn-silage" ? silageFeed : feeds.Single(f => f.Definition.FeedId == a.FeedId), a.KgDm)).ToList();
            var (expected, _, problem) = evaluator.Evaluate(inputs, farm.Profile, farmId, model, DateTimeOffset.UtcNow);
            Assert.Null(problem);
            var reported = version.GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("nutrient").GetString()!);
            Assert.Equal(expected.Count, reported.Count);
            foreach (var balance in expected)
            {
                Assert.Equal(balance.Required, reported[balance.Nutrient].GetProperty("required").GetDouble(), 9);
                Assert.Equal(balance.Supplied, reported[balance.Nutrient].GetProperty("supplied").GetDouble(), 9);
            }

            var dryMatter = DemoFarm.Feeds.ToDictionary(f => f.Id, f => f.DryMatterPercent / 100);
            dryMatter["corn-silage"] = silageDm;
            var cost = amounts.Sum(a => a.KgDm / dryMatter[a.FeedId] * PricePerKgAsFed[a.FeedId]);
            Assert.Equal(cost, (double)version.GetProperty("costPerHeadPerDay").GetDecimal(), 6);
        }

        // The analysis changes the ration: less DM in the silage means more as fed and a different protein supply.
        Assert.NotEqual(Supplied(ration.GetProperty("before")), Supplied(ration.GetProperty("after")));
    }

    private static Dictionary<string, double> Supplied(JsonElement version) =>
        version.GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("nutrient").GetString()!, b => b.GetProperty("supplied").GetDouble());

    private static async Task<JsonElement> FarmFeedAsync(HttpClient client, Guid farmId) =>
        (await DemoFarm.Ok(await client.GetAsync($"/api/v1/farms/{farmId}/feeds", Ct))).EnumerateArray()
            .Single(f => f.GetProperty("definition").GetProperty("feedId").GetString() == "corn-silage").GetProperty("definition");

    private static async Task AssertErrorsAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.All(fields, f => Assert.True(errors.TryGetProperty(f, out _), $"no error for {f}: {errors}"));
    }

    private sealed record SharedLot(HerdApi FarmA, HerdApi FarmB, Guid SecondGroupA, Guid LotId)
    {
        public string Url(string action) => $"/api/v1/farms/{FarmA.FarmId}/lots/{LotId}/lab-analyses/{action}";
    }
}
