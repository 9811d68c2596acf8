using Cnucnm.Contracts;
using Cnucnm.Contracts.Farms;

namespace Cnucnm.Cluster.Tests.Farms;

[Collection(ClusterCollection.Name)]
public sealed class FarmGrainTests(ClusterFixture fixture)
{
    private static readonly FarmProfile Profile = new(
        "충남 한우농장", new FarmLocation("Chungcheongnam-do", "KR", 36.6, 126.8), "KRW", ClimateDefaults.Temperate, "Asia/Seoul");

    [Fact]
    public async Task Created_farm_is_read_back()
    {
        var farmId = Guid.NewGuid();
        var created = await fixture.Grains.Farm(farmId).CreateAsync(Profile, "tester", TestContext.Current.CancellationToken);

        var read = await fixture.Grains.Farm(farmId).GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal(FarmOutcome.Created, created.Outcome);
        Assert.NotNull(read);
        Assert.Equal(Profile, read.Profile);
        Assert.Equal("tester", read.CreatedBy);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Creating_an_existing_farm_is_a_conflict_and_keeps_the_first_profile()
    {
        var farm = fixture.Grains.Farm(Guid.NewGuid());
        await farm.CreateAsync(Profile, "first", TestContext.Current.CancellationToken);

        var second = await farm.CreateAsync(Profile with { Name = "other" }, "second", TestContext.Current.CancellationToken);

        Assert.Equal(FarmOutcome.AlreadyExists, second.Outcome);
        Assert.Equal(Profile.Name, second.Farm!.Profile.Name);
    }

    [Fact]
    public async Task Unknown_farm_reads_as_null_and_cannot_be_updated()
    {
        var farm = fixture.Grains.Farm(Guid.NewGuid());

        Assert.Null(await farm.GetAsync(TestContext.Current.CancellationToken));
        Assert.Equal(FarmOutcome.NotFound, (await farm.UpdateProfileAsync(Profile, "x", TestContext.Current.CancellationToken)).Outcome);
    }

    [Fact]
    public async Task Profile_update_bumps_the_version()
    {
        var farm = fixture.Grains.Farm(Guid.NewGuid());
        await farm.CreateAsync(Profile, "tester", TestContext.Current.CancellationToken);

        var updated = await farm.UpdateProfileAsync(Profile with { Currency = "USD" }, "tester", TestContext.Current.CancellationToken);

        Assert.Equal(2, updated.Farm!.Version);
        Assert.Equal("USD", updated.Farm.Profile.Currency);
    }
}
