using System.Runtime.CompilerServices;

namespace Cnucnm.Api.Security;

/// <summary>
/// The one route group of a farm's resources, <c>/api/v1/farms/{farmId}</c>, as eShop keeps one group per scope: it carries the
/// baseline farm authorization (<see cref="FarmMembershipRequirement"/>: the caller belongs to the farm of the route, else 404),
/// so a farm-scoped module neither repeats the prefix nor forgets the check. Each route still states the permission it needs
/// (<see cref="Policies.Farm"/>); modules map their own sub-groups (with their tags) under it.
/// </summary>
public static class FarmRoutes
{
    public const string Prefix = "/api/v1/farms/{farmId:guid}";

    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, RouteGroupBuilder> Groups = [];

    /// <summary>The farm's route group of this application (made on first use, then shared by every module).</summary>
    public static RouteGroupBuilder Farm(this IEndpointRouteBuilder endpoints) =>
        Groups.GetValue(endpoints, e => e.MapGroup(Prefix).RequireAuthorization(FarmMembershipRequirement.Policy));
}
