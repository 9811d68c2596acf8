using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;

namespace Cnucnm.Api.Feeds;

/// <summary>The caller's role on the farms a feed lot reaches (an administrator holds every permission everywhere).</summary>
public sealed class LotAccess(IFarmMembershipStore memberships, ClaimsPrincipal user)
{
    private readonly Dictionary<Guid, FarmRole?> _roles = [];

    public async Task<bool> AllowsAsync(Guid farmId, FarmPermission permission, CancellationToken cancellationToken)
    {
        if (user.HasClaim(CnucnmClaims.Role, GlobalRoles.Admin))
        {
            return true;
        }

        if (!_roles.TryGetValue(farmId, out var role))
        {
            role = user.GetUserId() is { } userId ? await memberships.GetRoleAsync(farmId, userId, cancellationToken) : null;
            _roles[farmId] = role;
        }

        return role is { } r && r.Allows(permission);
    }
}
