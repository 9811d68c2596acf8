using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.LiveHerd;

/// <summary>The demo farm (<see cref="DemoFarm"/>) set up by a new owner of the API under test.</summary>
public sealed record HerdApi(HttpClient Owner, Guid FarmId, Guid GroupId, string DeviceKey, string OwnerEmail)
{
    public static async Task<HerdApi> CreateAsync(CnucnmApiFactory factory, bool withRation = true)
    {
        var (owner, email) = await factory.CreateUserClientAsync("herd");
        var (farmId, groupId, deviceKey) = await DemoFarm.SeedAsync(owner, "천안 목장", withRation);
        return new HerdApi(owner, farmId, groupId, deviceKey, email);
    }

    public HttpClient DeviceClient(CnucnmApiFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", DeviceKey);
        return client;
    }
}
