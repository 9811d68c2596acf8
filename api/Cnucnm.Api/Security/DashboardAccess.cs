using System.Security.Claims;
using Cnucnm.Contracts.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cnucnm.Api.Security;

/// <summary>
/// Operators open the Orleans dashboard from a browser (issue 19, point 9). An address bar cannot send a bearer
/// header, and a token in a URL lives on in history, logs and Referer headers, so the web UI asks
/// <c>POST /api/v1/auth/dashboard-session</c> (with its bearer header) for a single-purpose credential: a JWT signed with
/// the access-token key but for the audience <see cref="Audience"/> (so it is no API token), valid
/// <see cref="AuthOptions.DashboardSessionMinutes"/> minutes, sent back as an HttpOnly, SameSite=Strict cookie scoped
/// to <c>/dashboard</c> (Secure over HTTPS). Every API process shares the signing key, so any of them accepts it; the
/// account's security stamp is checked like an access token's, so a role change or sign-out ends it too.
/// </summary>
public static class DashboardAccess
{
    public const string SchemeName = "DashboardCookie";

    public const string CookieName = "cnucnm_dashboard";

    /// <summary>Where the dashboard is mapped, and the only path the cookie is sent to.</summary>
    public const string Path = "/dashboard";

    /// <summary>The credential's audience: not the API's, so the JWT bearer scheme of the API refuses it.</summary>
    public const string Audience = "cnucnm-dashboard";

    public static IEndpointRouteBuilder MapDashboardSessionEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/auth").WithTags("Authentication")
            .MapPost("/dashboard-session", IssueAsync).WithName("CreateDashboardSession").RequireAuthorization(Policies.Operator)
            .WithSummary("For an operator: sets a short-lived HttpOnly cookie, sent only to /dashboard, that opens the Orleans dashboard in this browser.");
        return endpoints;
    }

    /// <summary>Options of the scheme that reads the credential from the cookie, and only from there.</summary>
    public static void Configure(JwtBearerOptions options, SymmetricSecurityKey key, AuthOptions auth, Func<TokenValidatedContext, Task> requireCurrentSession)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            NameClaimType = CnucnmClaims.Name,
            RoleClaimType = CnucnmClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // Without the cookie this scheme has nothing to say: it must not fall back to the Authorization
                // header or a query string.
                if (context.Request.Cookies.TryGetValue(CookieName, out var token) && token.Length > 0)
                {
                    context.Token = token;
                }
                else
                {
                    context.NoResult();
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = requireCurrentSession,
        };
    }

    private static Ok<DashboardSession> IssueAsync(HttpContext http, ClaimsPrincipal principal, SigningKeyProvider keys,
        IOptions<AuthOptions> options, TimeProvider clock)
    {
        var auth = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(auth.DashboardSessionMinutes);
        var claims = new List<Claim>
        {
            new(CnucnmClaims.UserId, principal.GetUserId()!.Value.ToString()),
            new(CnucnmClaims.Name, principal.FindFirst(CnucnmClaims.Name)?.Value ?? ""),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (principal.FindFirst(CnucnmClaims.SecurityStamp) is { } stamp)
        {
            claims.Add(new Claim(CnucnmClaims.SecurityStamp, stamp.Value));
        }

        // Only the roles that open the dashboard: the credential carries nothing else.
        claims.AddRange(principal.FindAll(CnucnmClaims.Role)
            .Where(r => r.Value is GlobalRoles.Operator or GlobalRoles.Admin)
            .Select(r => new Claim(CnucnmClaims.Role, r.Value)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = Path,
            MaxAge = expires - now,
            IsEssential = true,
        });
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new DashboardSession(Path + "/", expires));
    }
}

/// <param name="Url">Where to open the dashboard in the same browser.</param>
/// <param name="ExpiresAt">When the cookie stops opening it (UTC); ask again after that.</param>
public sealed record DashboardSession(string Url, DateTimeOffset ExpiresAt);
