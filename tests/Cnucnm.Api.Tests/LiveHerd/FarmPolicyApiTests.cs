using System.Net;
using System.Net.Http.Json;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>The farm's ration policy over HTTP (issue 19): every member reads it, owners and managers change it, others get 404.</summary>
public sealed class FarmPolicyApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_reads_the_policy_an_owner_set_and_a_stranger_gets_404()
    {
        var herd = await HerdApi.CreateAsync(api.Factory, withRation: false);
        var policy = await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/policy", Ct));
        Assert.Equal("suggest", policy.GetProperty("reformulation").GetString());

        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/policy", new
        {
            reformulation = "automatic", priceChangeThresholdPercent = 7, intakeDeviationThresholdPercent = 10, intakeWindowDays = 3,
            intakeDropThresholdPercent = 15, nutrientTolerancePercent = 5, sensorSilenceMinutes = 120, inventoryWarningDays = 5,
        }, Ct));

        var (viewer, viewerEmail) = await api.Factory.CreateUserClientAsync("viewer");
        await DemoFarm.AddMemberAsync(herd.Owner, herd.FarmId, viewer, viewerEmail, "viewer");
        var read = await DemoFarm.Ok(await viewer.GetAsync($"/api/v1/farms/{herd.FarmId}/policy", Ct));
        Assert.Equal("automatic", read.GetProperty("reformulation").GetString());
        Assert.Equal(7, read.GetProperty("priceChangeThresholdPercent").GetDouble());
        // Reading is not changing: the viewer may not set it.
        var put = await viewer.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/policy", new { reformulation = "suggest" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        var (stranger, _) = await api.Factory.CreateUserClientAsync("stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/farms/{herd.FarmId}/policy", Ct)).StatusCode);
    }
}
