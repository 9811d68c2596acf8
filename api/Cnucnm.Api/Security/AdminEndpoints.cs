using Cnucnm.FieldValidation;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Security;

/// <summary>Account administration for the global admin role.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Administration");
        admin.MapPost("/users", CreateAsync).WithName("CreateUser").RequireAuthorization(Policies.Admin)
            .WithSummary("Create an account for a person (where self-registration is closed). Without a password the person gets an e-mail to set one.");
        admin.MapGet("/users", FindAsync).WithName("FindUser").RequireAuthorization(Policies.Admin)
            .WithSummary("Find an account by e-mail address.");
        admin.MapPut("/users/{userId:guid}/roles", SetRolesAsync).WithName("SetGlobalRoles").RequireAuthorization(Policies.Admin)
            .WithSummary("Set an account's global roles (admin, operator); the account's access tokens stop working, its sessions renew them with the new roles.");
        admin.MapPut("/users/{userId:guid}/lock", LockAsync).WithName("LockUser").RequireAuthorization(Policies.Admin)
            .WithSummary("Lock an account until a time (or unlock it with null): every session of the account ends.");
        admin.MapDelete("/users/{userId:guid}", DeleteAsync).WithName("DeleteUser").RequireAuthorization(Policies.Admin)
            .WithSummary("Delete an account with its sessions and farm memberships.");
        return endpoints;
    }

    /// <summary>
    /// The account is made as registration makes it, with the confirmation e-mail. Without a password it gets
    /// a random one nobody knows, and the person a password-reset e-mail to set their own (they can ask for
    /// another on the sign-in page when it has expired).
    /// </summary>
    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RegisterRequest request, AccountService accounts, AccountEmailService emails, CancellationToken cancellationToken)
    {
        var validation = request.Validate(passwordRequired: false);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var password = request.Password ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var user = await accounts.RegisterAsync(request.Email!, request.DisplayName!, password, request.Language ?? "en", cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(title: "An account with this e-mail address exists.", statusCode: StatusCodes.Status409Conflict);
        }

        await emails.SendVerificationAsync(user, cancellationToken);
        if (request.Password is null)
        {
            emails.RequestPasswordReset(user.Email);
        }

        return TypedResults.Created($"/api/v1/admin/users?email={Uri.EscapeDataString(user.Email)}",
            new UserResponse(user.Id, user.Email, user.DisplayName, user.GlobalRoles, user.PreferredLanguage));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem>> FindAsync(IUserStore users, CancellationToken cancellationToken, string? email = null)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return TypedResults.ValidationProblem(new Validation().Add("email", "is required.").Errors);
        }

        var user = await users.FindByEmailAsync(email, cancellationToken);
        return user is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new UserResponse(user.Id, user.Email, user.DisplayName, user.GlobalRoles, user.PreferredLanguage));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem>> SetRolesAsync(
        Guid userId, GlobalRolesRequest request, IUserStore users, SessionGuard sessions, CancellationToken cancellationToken)
    {
        var roles = request.Roles ?? [];
        var unknown = roles.Where(r => !GlobalRoles.All.Contains(r)).ToList();
        if (request.Roles is null || unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Validation().Add("roles",
                request.Roles is null ? "is required." : $"unknown role(s) {string.Join(", ", unknown)}; use admin, operator.").Errors);
        }

        var user = await users.FindByIdAsync(userId, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await users.SetGlobalRolesAsync(userId, [.. roles.Distinct(StringComparer.Ordinal)], cancellationToken);
        sessions.Forget(userId);
        user = await users.FindByIdAsync(userId, cancellationToken);
        return TypedResults.Ok(new UserResponse(user!.Id, user.Email, user.DisplayName, user.GlobalRoles, user.PreferredLanguage));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> LockAsync(
        Guid userId, LockRequest request, IUserStore users, SessionGuard sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Until is { } until && until <= clock.GetUtcNow())
        {
            return TypedResults.ValidationProblem(new Validation().Add("until", "must be in the future (null unlocks).").Errors);
        }

        if (await users.FindByIdAsync(userId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        await users.SetLockedUntilAsync(userId, request.Until, cancellationToken);
        if (request.Until is not null)
        {
            await sessions.EndAllSessionsAsync(userId, cancellationToken);
        }

        sessions.Forget(userId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid userId, IUserStore users, SessionGuard sessions, CancellationToken cancellationToken)
    {
        var deleted = await users.DeleteAsync(userId, cancellationToken);
        sessions.Forget(userId);
        return deleted ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}

public sealed record GlobalRolesRequest(string[]? Roles);

/// <param name="Until">When the lock ends; null unlocks the account.</param>
public sealed record LockRequest(DateTimeOffset? Until);
