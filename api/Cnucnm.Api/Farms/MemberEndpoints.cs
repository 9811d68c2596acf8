using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Farms;

/// <summary>People on a farm and their roles. People join by invitation (<see cref="InvitationEndpoints"/>); here their
/// role is changed or they are removed. Only owners grant or take away the owner role, and a farm always keeps at least
/// one owner.</summary>
public static class MemberEndpoints
{
    public static IEndpointRouteBuilder MapMemberEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var members = endpoints.Farm().MapGroup("/members").WithTags("Farm members");
        members.MapGet("/", ListAsync).WithName("ListMembers").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("People on the farm and their roles.");
        members.MapPut("/", PutAsync).WithName("PutMember").RequireAuthorization(Policies.Farm(FarmPermission.ManageMembers))
            .WithSummary("Change a member's role (people join by invitation: POST invitations).");
        members.MapDelete("/{userId:guid}", DeleteAsync).WithName("DeleteMember").RequireAuthorization(Policies.Farm(FarmPermission.ManageMembers))
            .WithSummary("Remove a person from the farm.");
        return endpoints;
    }

    private static async Task<Ok<List<MemberResponse>>> ListAsync(Guid farmId, IFarmMembershipStore memberships, CancellationToken cancellationToken) =>
        TypedResults.Ok((await memberships.ListForFarmAsync(farmId, cancellationToken)).Select(MemberResponse.From).ToList());

    private static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        Guid farmId, MemberRequest request, IFarmMembershipStore memberships, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.Email, "email", 254)
            .Require(FarmPermissions.TryParse(request.Role, out var role), "role", "must be one of owner, manager, nutritionist, veterinarian, viewer.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        // Only the farm's own members are looked up: the answer says nothing about whether the address has an account.
        var member = (await memberships.ListForFarmAsync(farmId, cancellationToken))
            .FirstOrDefault(m => string.Equals(m.Email, request.Email.Trim(), StringComparison.OrdinalIgnoreCase));
        if (member is null)
        {
            return TypedResults.ValidationProblem(new Validation().Add("email", "is not a member of this farm; invite the person instead.").Errors);
        }

        var callerRole = await CallerRoleAsync(farmId, caller, memberships, cancellationToken);
        if ((role == FarmRole.Owner || member.Role == FarmRole.Owner) && callerRole != FarmRole.Owner)
        {
            return TypedResults.Problem(title: "Only an owner can grant or change the owner role.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (member.Role == FarmRole.Owner && role != FarmRole.Owner && await OwnerCountAsync(farmId, memberships, cancellationToken) == 1)
        {
            return TypedResults.Problem(title: "A farm must keep at least one owner.", statusCode: StatusCodes.Status409Conflict);
        }

        await memberships.UpsertAsync(farmId, member.UserId, role, caller.ActorId(), cancellationToken);
        return TypedResults.Ok(MemberResponse.From(member with { Role = role }));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid farmId, Guid userId, IFarmMembershipStore memberships, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var current = await memberships.GetRoleAsync(farmId, userId, cancellationToken);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        if (current == FarmRole.Owner)
        {
            if (await CallerRoleAsync(farmId, caller, memberships, cancellationToken) != FarmRole.Owner)
            {
                return TypedResults.Problem(title: "Only an owner can remove an owner.", statusCode: StatusCodes.Status403Forbidden);
            }

            if (await OwnerCountAsync(farmId, memberships, cancellationToken) == 1)
            {
                return TypedResults.Problem(title: "A farm must keep at least one owner.", statusCode: StatusCodes.Status409Conflict);
            }
        }

        await memberships.RemoveAsync(farmId, userId, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<FarmRole?> CallerRoleAsync(Guid farmId, ClaimsPrincipal caller, IFarmMembershipStore memberships, CancellationToken cancellationToken) =>
        caller.HasClaim(CnucnmClaims.Role, GlobalRoles.Admin) ? FarmRole.Owner
        : caller.GetUserId() is { } id ? await memberships.GetRoleAsync(farmId, id, cancellationToken) : null;

    internal static async Task<int> OwnerCountAsync(Guid farmId, IFarmMembershipStore memberships, CancellationToken cancellationToken) =>
        (await memberships.ListForFarmAsync(farmId, cancellationToken)).Count(m => m.Role == FarmRole.Owner);
}

/// <param name="Role">owner, manager, nutritionist, veterinarian or viewer.</param>
public sealed record MemberRequest(string Email, string Role);

public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, string Role, DateTimeOffset AddedAt)
{
    public static MemberResponse From(FarmMember member) => new(member.UserId, member.Email, member.DisplayName, member.Role.ToWire(), member.AddedAt);
}
