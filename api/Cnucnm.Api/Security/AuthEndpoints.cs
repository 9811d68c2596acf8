using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cnucnm.Api.Security;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Authentication");
        auth.MapPost("/register", RegisterAsync).WithName("Register").AllowAnonymous()
            .WithSummary("Register (when registration is open): always 202; a new address gets an e-mail whose link makes the account, an address with an account is told by e-mail.");
        auth.MapPost("/register/confirm", ConfirmRegistrationAsync).WithName("ConfirmRegistration").AllowAnonymous()
            .WithSummary("Make the account with the token from the registration e-mail; signs the new account in.");
        auth.MapPost("/token", TokenAsync).WithName("Token").AllowAnonymous()
            .WithSummary("Sign in with e-mail and password, or exchange a refresh token.");
        auth.MapPost("/logout", LogoutAsync).WithName("Logout").RequireAuthorization(Policies.User)
            .WithSummary("Revoke the refresh token's session; every access token of the account stops working (other sessions renew theirs).");
        auth.MapPost("/password-reset", RequestReset).WithName("RequestPasswordReset").AllowAnonymous()
            .WithSummary("E-mail a single-use password reset link (always 202: whether the address has an account is not disclosed).");
        auth.MapPost("/password-reset/confirm", ResetAsync).WithName("ResetPassword").AllowAnonymous()
            .WithSummary("Set a new password with the token from the e-mail; signs out every session.");
        auth.MapPost("/email-verification/confirm", VerifyEmailAsync).WithName("VerifyEmail").AllowAnonymous()
            .WithSummary("Confirm the e-mail address with the token from the e-mail.");
        auth.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").RequireAuthorization(Policies.User)
            .WithSummary("Change the password; ends every session, the caller's included, and returns a new one for the caller.");

        var me = endpoints.MapGroup("/api/v1/me").WithTags("Authentication");
        me.MapGet("/", MeAsync).WithName("Me").RequireAuthorization(Policies.User)
            .WithSummary("The signed-in person, their global roles and farms.");
        me.MapPost("/email-verification", SendVerificationAsync).WithName("SendEmailVerification").RequireAuthorization(Policies.User)
            .WithSummary("E-mail a new verification link to the signed-in person's address.");
        me.MapPut("/language", SetLanguageAsync).WithName("SetLanguage").RequireAuthorization(Policies.User)
            .WithSummary("Remember the UI language (en or ko).");
        return endpoints;
    }

    /// <summary>The same answer, body and work for a new and an existing address (issue #20): whether an address has an
    /// account is told only to that address, by e-mail.</summary>
    private static async Task<Results<Accepted<RegistrationAccepted>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountEmailService emails, IOptions<AuthOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.AllowRegistration)
        {
            return TypedResults.Problem(title: "Registration is closed; ask an administrator for an account.", statusCode: StatusCodes.Status403Forbidden);
        }

        var validation = request.Validate(passwordRequired: true);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        await emails.RegisterAsync(request.Email, request.DisplayName, request.Password!, request.Language ?? "en", cancellationToken);
        return TypedResults.Accepted((string?)null, new RegistrationAccepted(emails.ConfirmsRegistrationByEmail));
    }

    private static async Task<Results<Ok<TokenPair>, ValidationProblem>> ConfirmRegistrationAsync(
        RegistrationConfirmRequest request, AccountEmailService emails, TokenService tokens, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.Token, "token", 200);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return await emails.ConfirmRegistrationAsync(request.Token, cancellationToken) is { } user
            ? TypedResults.Ok(await tokens.IssueAsync(user, null, cancellationToken))
            : TypedResults.ValidationProblem(new Validation().Add("token", "is invalid, already used or expired; register again.").Errors);
    }

    private static Results<Accepted, ValidationProblem> RequestReset(PasswordResetRequest request, AccountEmailService emails)
    {
        var validation = new Validation().RequireText(request.Email, "email", 254);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        emails.RequestPasswordReset(request.Email!);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetAsync(
        PasswordResetConfirmRequest request, AccountEmailService emails, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.Token, "token", 200);
        if (PasswordPolicy.Problem(request.NewPassword) is { } problem)
        {
            validation.Add("newPassword", problem);
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return await emails.ResetPasswordAsync(request.Token!, request.NewPassword!, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Validation().Add("token", "is invalid, already used or expired; request a new e-mail.").Errors);
    }

    private static async Task<Results<NoContent, ValidationProblem>> VerifyEmailAsync(
        EmailVerificationRequest request, AccountEmailService emails, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.Token, "token", 200);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return await emails.VerifyEmailAsync(request.Token!, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Validation().Add("token", "is invalid, already used or expired; request a new e-mail.").Errors);
    }

    private static async Task<Results<Accepted, NotFound>> SendVerificationAsync(
        ClaimsPrincipal principal, IUserStore users, AccountEmailService emails, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(principal.GetUserId()!.Value, cancellationToken) is not { } user)
        {
            return TypedResults.NotFound();
        }

        await emails.SendVerificationAsync(user, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<TokenPair>, ValidationProblem, ProblemHttpResult>> TokenAsync(
        TokenRequest request, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        if (request.GrantType == "refresh_token")
        {
            if (string.IsNullOrEmpty(request.RefreshToken))
            {
                return TypedResults.ValidationProblem(new Validation().Add("refreshToken", "is required.").Errors);
            }

            var (status, pair) = await accounts.RefreshAsync(request.RefreshToken, cancellationToken);
            return pair is not null
                ? TypedResults.Ok(pair)
                : TypedResults.Problem(title: status == RedeemStatus.Reused
                    ? "This refresh token was already used; the session has been revoked for safety."
                    : "The refresh token is invalid, expired or revoked.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (request.GrantType is not (null or "password"))
        {
            return TypedResults.ValidationProblem(new Validation().Add("grantType", "must be password or refresh_token.").Errors);
        }

        var validation = new Validation().RequireText(request.Email, "email", 254).RequireText(request.Password, "password", 256);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await accounts.SignInAsync(request.Email!, request.Password!, Source(http), cancellationToken);
        return result.Outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.Ok(result.Tokens!),
            SignInOutcome.Throttled => Throttled(http, result.RetryAfter!.Value),
            SignInOutcome.LockedOut => LockedOut(result.LockedUntil),
            _ => TypedResults.Problem(title: "Wrong e-mail address or password.", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem>> LogoutAsync(LogoutRequest request, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Validation().Add("refreshToken", "is required.").Errors);
        }

        await accounts.LogoutAsync(user.GetUserId()!.Value, request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<TokenPair>, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.CurrentPassword, "currentPassword", 256);
        if (PasswordPolicy.Problem(request.NewPassword, user.FindFirst(CnucnmClaims.Email)?.Value, user.FindFirst(CnucnmClaims.Name)?.Value) is { } problem)
        {
            validation.Add("newPassword", problem);
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await accounts.ChangePasswordAsync(user.GetUserId()!.Value, request.CurrentPassword!, request.NewPassword!, Source(http), cancellationToken);
        return result.Outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.Ok(result.Tokens!),
            SignInOutcome.Throttled => Throttled(http, result.RetryAfter!.Value),
            SignInOutcome.LockedOut => LockedOut(result.LockedUntil),
            _ => TypedResults.ValidationProblem(new Validation().Add("currentPassword", "is not correct.").Errors),
        };
    }

    /// <summary>Where a password attempt comes from, for the sign-in throttle.</summary>
    private static string Source(HttpContext http) => SignInKeys.Source(http.Connection.RemoteIpAddress);

    /// <summary>This source sent too many wrong passwords; the same answer whether or not the address has an account.</summary>
    private static ProblemHttpResult Throttled(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many wrong passwords from here; wait before trying again.", statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    /// <summary>Only after the right password: an administrator has locked the account.</summary>
    private static ProblemHttpResult LockedOut(DateTimeOffset? lockedUntil) =>
        TypedResults.Problem(title: "An administrator has locked this account.",
            statusCode: StatusCodes.Status423Locked, extensions: new Dictionary<string, object?> { ["lockedUntil"] = lockedUntil });

    private static async Task<Results<Ok<MeResponse>, NotFound>> MeAsync(ClaimsPrincipal principal, IUserStore users, IFarmMembershipStore memberships,
        IAccountTokenStore tokens, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(principal.GetUserId()!.Value, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var farms = await memberships.ListForUserAsync(user.Id, cancellationToken);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email, user.DisplayName, user.GlobalRoles, user.PreferredLanguage,
            [.. farms.Select(f => new MembershipResponse(f.FarmId, Contracts.Security.FarmPermissions.ToWire(f.Role)))],
            await tokens.EmailVerifiedAtAsync(user.Id, cancellationToken) is not null));
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetLanguageAsync(LanguageRequest request, ClaimsPrincipal principal, IUserStore users,
        Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CancellationToken cancellationToken)
    {
        if (request.Language is not ("en" or "ko"))
        {
            return TypedResults.ValidationProblem(new Validation().Add("language", "must be en or ko.").Errors);
        }

        await users.SetPreferredLanguageAsync(principal.GetUserId()!.Value, request.Language, cancellationToken);
        Localization.ServerLanguage.Forget(cache, principal.GetUserId()!.Value);
        return TypedResults.NoContent();
    }
}

/// <param name="Language">UI language: en or ko.</param>
public sealed record RegisterRequest(string Email, string DisplayName, string? Password, string? Language)
{
    public Validation Validate(bool passwordRequired)
    {
        var validation = new Validation()
            .Require(Email is { Length: > 3 and <= 254 } e && e.Contains('@', StringComparison.Ordinal) && !e.Contains(' ', StringComparison.Ordinal), "email", "must be an e-mail address.")
            .RequireText(DisplayName, "displayName", 100)
            .Require(Language is null or "en" or "ko", "language", "must be en or ko.");
        if ((passwordRequired || Password is not null) && PasswordPolicy.Problem(Password, Email, DisplayName) is { } passwordProblem)
        {
            validation.Add("password", passwordProblem);
        }

        return validation;
    }
}

/// <param name="GrantType">password (default) or refresh_token.</param>
public sealed record TokenRequest(string? GrantType, string? Email, string? Password, string? RefreshToken);

public sealed record LogoutRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record LanguageRequest(string? Language);

public sealed record UserResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> GlobalRoles, string Language);

public sealed record MembershipResponse(Guid FarmId, string Role);

public sealed record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> GlobalRoles, string Language, IReadOnlyList<MembershipResponse> Farms,
    bool EmailVerified);

public sealed record PasswordResetRequest(string? Email);

public sealed record PasswordResetConfirmRequest(string? Token, string? NewPassword);

public sealed record EmailVerificationRequest(string? Token);

public sealed record RegistrationConfirmRequest(string Token);

/// <param name="ConfirmByEmail">True when the account is made by the e-mailed link; false on an installation that sends no
/// e-mail, where it is made at once. A setting of the installation: the same for every address.</param>
public sealed record RegistrationAccepted(bool ConfirmByEmail);
