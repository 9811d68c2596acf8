using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Farms;

/// <summary>
/// People join a farm by invitation (issue #20): the farm's owners (and managers, who manage members) invite an e-mail
/// address in a role; the answer is the same whether or not the address has an account, and no account is looked up.
/// The e-mail carries a single-use link that expires after 7 days; the invited person accepts signed in with that
/// address (registering with it first when they have none). Pending invitations are listed and revocable.
/// </summary>
public static class InvitationEndpoints
{
    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var farm = endpoints.Farm().MapGroup("/invitations").WithTags("Farm members")
            .RequireAuthorization(Policies.Farm(FarmPermission.ManageMembers));
        farm.MapPost("/", InviteAsync).WithName("InviteMember")
            .WithSummary("Invite an e-mail address to the farm in a role (always 202 with the invitation: whether the address has an account is not disclosed).");
        farm.MapGet("/", ListForFarmAsync).WithName("ListInvitations")
            .WithSummary("The farm's pending invitations.");
        farm.MapDelete("/{invitationId:guid}", RevokeAsync).WithName("RevokeInvitation")
            .WithSummary("Revoke a pending invitation; its link stops working.");

        var mine = endpoints.MapGroup("/api/v1/me/invitations").WithTags("Farm members").RequireAuthorization(Policies.User);
        mine.MapGet("/", ListMineAsync).WithName("ListMyInvitations")
            .WithSummary("Pending invitations to the signed-in person's address.");
        mine.MapPost("/accept", AcceptByTokenAsync).WithName("AcceptInvitation")
            .WithSummary("Accept the invitation of an e-mailed link, signed in with the invited address.");
        mine.MapPost("/{invitationId:guid}/accept", AcceptByIdAsync).WithName("AcceptMyInvitation")
            .WithSummary("Accept one of the signed-in person's pending invitations.");
        return endpoints;
    }

    private static async Task<Results<Accepted<InvitationResponse>, ValidationProblem, ProblemHttpResult, NotFound>> InviteAsync(
        Guid farmId, InvitationRequest request, IFarmMembershipStore memberships, IFarmInvitationStore invitations, AccountEmailService emails,
        IGrainFactory grains, ClaimsPrincipal caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(request.Email is { Length: > 3 and <= 254 } e && e.Contains('@', StringComparison.Ordinal) && !e.Contains(' ', StringComparison.Ordinal),
                "email", "must be an e-mail address.")
            .Require(FarmPermissions.TryParse(request.Role, out var role), "role", "must be one of owner, manager, nutritionist, veterinarian, viewer.")
            .Require(request.Language is null or "en" or "ko", "language", "must be en or ko.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (role == FarmRole.Owner && await MemberEndpoints.CallerRoleAsync(farmId, caller, memberships, cancellationToken) != FarmRole.Owner)
        {
            return TypedResults.Problem(title: "Only an owner can grant or change the owner role.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (await grains.Farm(farmId).GetAsync(cancellationToken) is not { } farm)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var invitation = new FarmInvitation(Guid.CreateVersion7(), farmId, farm.Profile.Name, request.Email.Trim(), role, caller.ActorId(), now,
            now + AccountEmailService.InvitationValidity);
        var token = AccountEmailService.NewToken();
        await invitations.AddAsync(invitation, TokenService.Hash(token), cancellationToken);
        emails.SendInvitation(invitation, token, caller.FindFirst(CnucnmClaims.Name)?.Value ?? "A farm owner", request.Language ?? "en");
        return TypedResults.Accepted($"/api/v1/farms/{farmId}/invitations", InvitationResponse.From(invitation));
    }

    private static async Task<Ok<List<InvitationResponse>>> ListForFarmAsync(Guid farmId, IFarmInvitationStore invitations, TimeProvider clock,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await invitations.ListPendingForFarmAsync(farmId, clock.GetUtcNow(), cancellationToken)).Select(InvitationResponse.From).ToList());

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid farmId, Guid invitationId, IFarmInvitationStore invitations, TimeProvider clock,
        CancellationToken cancellationToken) =>
        await invitations.RevokeAsync(farmId, invitationId, clock.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<List<InvitationResponse>>> ListMineAsync(ClaimsPrincipal caller, IUserStore users, IFarmInvitationStore invitations,
        TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.FindByIdAsync(caller.GetUserId()!.Value, cancellationToken) is { } user
            ? (await invitations.ListPendingForEmailAsync(user.Email, clock.GetUtcNow(), cancellationToken)).Select(InvitationResponse.From).ToList()
            : []);

    private static async Task<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AcceptByTokenAsync(
        InvitationAcceptRequest request, ClaimsPrincipal caller, IUserStore users, IFarmMembershipStore memberships, IFarmInvitationStore invitations,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.Token, "token", 200);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var invitation = await invitations.FindPendingByTokenAsync(TokenService.Hash(request.Token), clock.GetUtcNow(), cancellationToken);
        if (invitation is null)
        {
            return TypedResults.ValidationProblem(new Validation().Add("token", "is invalid, already used, revoked or expired; ask for a new invitation.").Errors);
        }

        return await AcceptAsync(invitation, caller, users, memberships, invitations, clock, cancellationToken);
    }

    private static async Task<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AcceptByIdAsync(
        Guid invitationId, ClaimsPrincipal caller, IUserStore users, IFarmMembershipStore memberships, IFarmInvitationStore invitations,
        TimeProvider clock, CancellationToken cancellationToken) =>
        await invitations.FindPendingAsync(invitationId, clock.GetUtcNow(), cancellationToken) is { } invitation
            ? await AcceptAsync(invitation, caller, users, memberships, invitations, clock, cancellationToken)
            : TypedResults.NotFound();

    /// <summary>Only the invited address may accept, once; the farm keeps at least one owner.</summary>
    private static async Task<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AcceptAsync(
        FarmInvitation invitation, ClaimsPrincipal caller, IUserStore users, IFarmMembershipStore memberships, IFarmInvitationStore invitations,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(caller.GetUserId()!.Value, cancellationToken);
        if (user is null || !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(title: "This invitation was sent to another e-mail address; sign in with that address to accept it.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var current = await memberships.GetRoleAsync(invitation.FarmId, user.Id, cancellationToken);
        if (current == FarmRole.Owner && invitation.Role != FarmRole.Owner
            && await MemberEndpoints.OwnerCountAsync(invitation.FarmId, memberships, cancellationToken) == 1)
        {
            return TypedResults.Problem(title: "A farm must keep at least one owner.", statusCode: StatusCodes.Status409Conflict);
        }

        if (!await invitations.AcceptAsync(invitation.Id, clock.GetUtcNow(), cancellationToken))
        {
            return TypedResults.NotFound(); // accepted or revoked a moment ago
        }

        await memberships.UpsertAsync(invitation.FarmId, user.Id, invitation.Role, invitation.InvitedBy, cancellationToken);
        return TypedResults.Ok(new MembershipResponse(invitation.FarmId, invitation.Role.ToWire()));
    }
}

/// <param name="Role">owner, manager, nutritionist, veterinarian or viewer.</param>
/// <param name="Language">Language of the invitation e-mail: en (default) or ko.</param>
public sealed record InvitationRequest(string Email, string Role, string? Language);

public sealed record InvitationAcceptRequest(string Token);

public sealed record InvitationResponse(Guid Id, Guid FarmId, string FarmName, string Email, string Role, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt)
{
    public static InvitationResponse From(FarmInvitation invitation) =>
        new(invitation.Id, invitation.FarmId, invitation.FarmName, invitation.Email, invitation.Role.ToWire(), invitation.InvitedAt, invitation.ExpiresAt);
}
