using Cnucnm.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cnucnm.Api.Tests.Security;

/// <summary>Every farm-scoped route carries the farm's baseline authorization (the caller belongs to the farm of the route) once,
/// from the farm route group, besides the permission it states.</summary>
public sealed class FarmRouteGroupTests : IAsyncLifetime
{
    private readonly EmbeddedProfileTests.EmbeddedApi _api = new();

    public ValueTask InitializeAsync()
    {
        _ = _api.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public void Every_route_with_a_farm_id_requires_membership_of_that_farm_and_states_its_permission()
    {
        var farmRoutes = _api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == "farmId") && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .ToList();

        Assert.True(farmRoutes.Count > 50, $"only {farmRoutes.Count} farm routes found");
        foreach (var route in farmRoutes)
        {
            Assert.True(route.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count(p => ReferenceEquals(p, FarmMembershipRequirement.Policy)) == 1,
                $"{route.RoutePattern.RawText} does not carry the farm membership policy exactly once");
            Assert.Contains(route.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy?.StartsWith("farm:", StringComparison.Ordinal) == true);
        }
    }
}
