using Cnucnm.Api.Infrastructure;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Cnucnm.Api.Security;

/// <summary>Policy names. Every endpoint states one of these (or AllowAnonymous).</summary>
public static class Policies
{
    /// <summary>Any signed-in person (not a device).</summary>
    public const string User = "user";

    public const string Admin = "admin";

    /// <summary>Orleans dashboard and metrics.</summary>
    public const string Operator = "operator";

    /// <summary>The Orleans dashboard: the operator role, from the dashboard cookie (a browser) or a bearer header (a script).</summary>
    public const string OperatorDashboard = "operator-dashboard";

    /// <summary>A farm's device key (sensor ingestion; the farm comes from the key).</summary>
    public const string Device = "device";

    /// <summary>A person with the permission on the farm named by the route's {farmId}, or a device
    /// key of that farm for <see cref="FarmPermission.IngestReadings"/>.</summary>
    public static string Farm(FarmPermission permission) => $"farm:{permission}";

    private static bool IsOperator(AuthorizationHandlerContext c) =>
        c.User.HasClaim(CnucnmClaims.Role, GlobalRoles.Operator) || c.User.HasClaim(CnucnmClaims.Role, GlobalRoles.Admin);

    public static void Add(AuthorizationOptions options)
    {
        var user = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => !c.User.IsDevice()).Build();
        options.AddPolicy(User, user);
        options.FallbackPolicy = user;
        options.AddPolicy(Device, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsDevice()));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(CnucnmClaims.Role, GlobalRoles.Admin));
        options.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireAssertion(IsOperator));
        options.AddPolicy(OperatorDashboard, p => p.AddAuthenticationSchemes(DashboardAccess.SchemeName, SecuritySetup.SelectorScheme)
            .RequireAuthenticatedUser().RequireAssertion(IsOperator));
        foreach (var permission in Enum.GetValues<FarmPermission>())
        {
            options.AddPolicy(Farm(permission), p => p.RequireAuthenticatedUser().AddRequirements(new FarmPermissionRequirement(permission)));
        }
    }
}

public sealed record FarmPermissionRequirement(FarmPermission Permission) : IAuthorizationRequirement;

/// <summary>The baseline of every route in the farm's route group (<see cref="FarmRoutes"/>): the caller belongs to the farm of
/// the route (a member in any role, an administrator, or a device key of that farm). Each route adds the permission it needs.</summary>
public sealed record FarmMembershipRequirement : IAuthorizationRequirement
{
    /// <summary>The policy the farm's route group carries. An <see cref="AuthorizationPolicy"/> object, not a named policy: the
    /// named policy of each route (<see cref="Policies.Farm"/>) stays the one a route states, and both must pass.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
        .AddRequirements(new FarmMembershipRequirement()).Build();
}

/// <summary>Checks that the caller belongs to the farm of the route. Non-members are told the farm does not exist (404), so farm
/// ids cannot be probed.</summary>
public sealed class FarmMembershipHandler(IFarmMembershipStore memberships, IHttpContextAccessor http)
    : AuthorizationHandler<FarmMembershipRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, FarmMembershipRequirement requirement)
    {
        if (http.HttpContext is not { } httpContext || FarmCaller.FarmId(httpContext) is not { } farmId)
        {
            context.Fail(new AuthorizationFailureReason(this, "route has no farm id"));
            return;
        }

        if (context.User.GetDeviceFarmId() is { } deviceFarm)
        {
            if (deviceFarm == farmId)
            {
                context.Succeed(requirement);
            }
            else
            {
                context.Fail(new AuthorizationFailureReason(this, FarmPermissionHandler.NotMemberReason));
            }

            return;
        }

        if (context.User.HasClaim(CnucnmClaims.Role, GlobalRoles.Admin))
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.GetUserId() is not { } userId)
        {
            return;
        }

        if (await FarmCaller.RoleAsync(httpContext, memberships, farmId, userId) is null)
        {
            context.Fail(new AuthorizationFailureReason(this, FarmPermissionHandler.NotMemberReason));
        }
        else
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>The farm of the route and the caller's role on it, read once per request (the membership and the permission
/// requirement both ask).</summary>
internal static class FarmCaller
{
    private static readonly object RoleKey = new();

    public static Guid? FarmId(HttpContext httpContext) =>
        httpContext.GetRouteValue("farmId") is string raw && Guid.TryParse(raw, out var farmId) ? farmId : null;

    public static async Task<FarmRole?> RoleAsync(HttpContext httpContext, IFarmMembershipStore memberships, Guid farmId, Guid userId)
    {
        if (httpContext.Items.TryGetValue(RoleKey, out var known) && known is KnownRole read && read.FarmId == farmId && read.UserId == userId)
        {
            return read.Role;
        }

        var role = await memberships.GetRoleAsync(farmId, userId, httpContext.RequestAborted);
        httpContext.Items[RoleKey] = new KnownRole(farmId, userId, role);
        return role;
    }

    private sealed record KnownRole(Guid FarmId, Guid UserId, FarmRole? Role);
}

/// <summary>Checks the caller's role on the farm of the route. Non-members are told the farm does not
/// exist (404), so farm ids cannot be probed; members without the permission get 403.</summary>
public sealed class FarmPermissionHandler(IFarmMembershipStore memberships, IHttpContextAccessor http)
    : AuthorizationHandler<FarmPermissionRequirement>
{
    public const string NotMemberReason = "not-a-member";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, FarmPermissionRequirement requirement)
    {
        if (http.HttpContext is not { } httpContext || FarmCaller.FarmId(httpContext) is not { } farmId)
        {
            context.Fail(new AuthorizationFailureReason(this, "route has no farm id"));
            return;
        }

        if (context.User.GetDeviceFarmId() is { } deviceFarm)
        {
            if (deviceFarm == farmId && requirement.Permission == FarmPermission.IngestReadings)
            {
                context.Succeed(requirement);
            }
            else
            {
                context.Fail(new AuthorizationFailureReason(this, deviceFarm == farmId ? "device keys may only ingest" : NotMemberReason));
            }

            return;
        }

        if (context.User.HasClaim(CnucnmClaims.Role, GlobalRoles.Admin))
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.GetUserId() is not { } userId)
        {
            return;
        }

        var role = await FarmCaller.RoleAsync(httpContext, memberships, farmId, userId);
        if (role is null)
        {
            context.Fail(new AuthorizationFailureReason(this, NotMemberReason));
        }
        else if (role.Value.Allows(requirement.Permission))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"role {role.Value.ToWire()} may not {requirement.Permission}"));
        }
    }
}

/// <summary>Writes 401/403/404 as ProblemDetails; a non-member's 403 becomes 404.</summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            await context.ChallengeAsync();
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await Write(context, StatusCodes.Status401Unauthorized, "Authentication is required.");
            return;
        }

        var notMember = authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == FarmPermissionHandler.NotMemberReason) == true;
        if (notMember)
        {
            await Write(context, StatusCodes.Status404NotFound, "Not found.");
            return;
        }

        await Write(context, StatusCodes.Status403Forbidden, "You do not have permission to do this.");
    }

    private Task Write(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        return problems.WriteProblemAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
