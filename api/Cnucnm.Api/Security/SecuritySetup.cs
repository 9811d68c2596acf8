using Cnucnm.Api.Infrastructure;
using Cnucnm.FieldValidation;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Cnucnm.Silo.Hosting;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cnucnm.Api.Security;

public static class SecuritySetup
{
    internal const string SelectorScheme = "Cnucnm";
    private const string ExternalScheme = "External";

    public static void AddCnucnmSecurity(this WebApplicationBuilder builder, CnucnmOptions cnucnm)
    {
        var auth = builder.AddSettings<AuthOptions>(AuthOptions.SectionName, settings => settings
            .Validate(o => o.SigningKey is null || IsValidKey(o.SigningKey), "Cnucnm:Auth:SigningKey must be base64 of at least 32 bytes.")
            .Validate(o => cnucnm.Profile == HostingProfile.Embedded || !string.IsNullOrEmpty(o.SigningKey),
                "Cnucnm:Auth:SigningKey is required with the Postgres profile (every API instance must share it)."));
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<SessionGuard>();
        builder.Services.AddSingleton<AccountEmailService>();
        builder.Services.AddSingleton<AccountEmailQueue>();
        builder.Services.AddHostedService<AccountEmailDispatcher>();
        builder.Services.AddHostedService<BootstrapAdminService>();
        builder.Services.AddHttpContextAccessor();

        var authentication = builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "JWT, external issuer or device key", o => o.ForwardDefaultSelector = context =>
            {
                if (context.Request.Headers.ContainsKey(DeviceKeyAuthenticationHandler.HeaderName))
                {
                    return DeviceKeyAuthenticationHandler.SchemeName;
                }

                if (auth.ExternalAuthority is { Length: > 0 } authority && BearerIssuer(context) is { } issuer
                    && issuer.TrimEnd('/') == authority.TrimEnd('/'))
                {
                    return ExternalScheme;
                }

                return JwtBearerDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, DeviceKeyAuthenticationHandler>(DeviceKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { })
            .AddJwtBearer(DashboardAccess.SchemeName, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(DashboardAccess.SchemeName)
            .Configure<SigningKeyProvider, IOptions<AuthOptions>>((o, keys, options) =>
                DashboardAccess.Configure(o, keys.Key, options.Value, RequireCurrentSessionAsync));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<AuthOptions>>((o, keys, options) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Value.Issuer,
                    ValidAudience = options.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = CnucnmClaims.Name,
                    RoleClaimType = CnucnmClaims.Role,
                };
                o.Events = new JwtBearerEvents { OnMessageReceived = AccessTokenFromQueryForEventStreams, OnTokenValidated = RequireCurrentSessionAsync };
            });

        if (auth.ExternalAuthority is { Length: > 0 })
        {
            authentication.AddJwtBearer(ExternalScheme, o =>
            {
                o.Authority = auth.ExternalAuthority;
                o.Audience = auth.ExternalAudience;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = CnucnmClaims.Name;
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = AccessTokenFromQueryForEventStreams,
                    OnTokenValidated = MapExternalIdentityAsync,
                };
            });
        }

        builder.Services.AddSingleton<IAuthorizationHandler, FarmPermissionHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, FarmMembershipHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddAuthorization(Policies.Add);
        builder.AddCnucnmRateLimits();
    }

    public static void UseCnucnmSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    private static bool IsValidKey(string key)
    {
        Span<byte> buffer = stackalloc byte[256];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32;
    }

    /// <summary>The issuer named by the request's bearer token (header, or the event stream's query), unverified: it only picks the scheme.</summary>
    private static string? BearerIssuer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : QueryToken(context.Request);
        var handler = new JsonWebTokenHandler();
        return token is not null && handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Issuer : null;
    }

    /// <summary>Browsers' EventSource cannot send headers: the SSE endpoint accepts ?access_token= (only under
    /// /api/, never for the dashboard, which has its own short-lived cookie).</summary>
    private static Task AccessTokenFromQueryForEventStreams(MessageReceivedContext context)
    {
        if (QueryToken(context.Request) is { } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    private static string? QueryToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && request.Path.Value?.EndsWith("/events", StringComparison.Ordinal) == true && request.Query.TryGetValue("access_token", out var token)
            ? token.ToString()
            : null;

    /// <summary>Refuses an access token whose account is gone, locked, or has a new security stamp since it was issued.</summary>
    private static async Task RequireCurrentSessionAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
        if (principal.GetUserId() is not { } userId
            || !await guard.IsCurrentAsync(userId, principal.FindFirst(CnucnmClaims.SecurityStamp)?.Value, context.HttpContext.RequestAborted))
        {
            context.Fail("the session has ended");
        }
    }

    /// <summary>A person from the external issuer gets (or is linked to) a local account; farm roles are
    /// ours, global roles from the external token are not trusted.</summary>
    private static async Task MapExternalIdentityAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var subject = principal.FindFirst("sub")?.Value;
        if (subject is null)
        {
            context.Fail("external token has no subject");
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var issuer = context.SecurityToken.Issuer;
        // Only an address the provider has verified becomes the account's e-mail: farm owners add members by
        // e-mail, so an unverified one would let anyone claim a colleague's address.
        var email = principal.FindFirst("email_verified")?.Value is "true" or "True" ? principal.FindFirst("email")?.Value ?? "" : "";
        var user = await users.FindOrCreateExternalAsync(issuer, subject, email, principal.FindFirst("name")?.Value ?? subject, context.HttpContext.RequestAborted);
        var claims = new List<Claim>
        {
            new(CnucnmClaims.UserId, user.Id.ToString()),
            new(CnucnmClaims.Name, user.DisplayName),
            new(CnucnmClaims.Email, user.Email),
        };
        claims.AddRange(user.GlobalRoles.Select(r => new Claim(CnucnmClaims.Role, r)));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ExternalScheme, CnucnmClaims.Name, CnucnmClaims.Role));
    }
}

/// <summary>Settings of section <c>Cnucnm:RateLimits</c> (requests per second, token bucket).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Cnucnm:RateLimits";

    [Range(1, int.MaxValue)]
    public int UserPerSecond { get; set; } = 50;

    [Range(1, int.MaxValue)]
    public int UserBurst { get; set; } = 200;

    /// <summary>Requests per second one device key may send: with batches of 100 readings, 100,000 readings/s
    /// (a busy feeding station sends a few readings a second; README, "Configuration").</summary>
    [Range(1, int.MaxValue)]
    public int DevicePerSecond { get; set; } = 1000;

    /// <summary>Requests a device key may send at once: a station back from an outage uploads its backlog at this
    /// burst before the per-second rate applies (10,000 requests of up to 1,000 readings each).</summary>
    [Range(1, int.MaxValue)]
    public int DeviceBurst { get; set; } = 10000;

    /// <summary>Anonymous callers (sign-in, registration) per client address.</summary>
    [Range(1, int.MaxValue)]
    public int AnonymousPerMinute { get; set; } = 60;
}

internal static class RateLimits
{
    public static void AddCnucnmRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.AddSettings<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var user = context.User;
                if (user.IsDevice())
                {
                    return Bucket($"device:{user.FindFirst(CnucnmClaims.DeviceKeyId)!.Value}", limits.DevicePerSecond, limits.DeviceBurst);
                }

                if (user.GetUserId() is { } id)
                {
                    return Bucket($"user:{id}", limits.UserPerSecond, limits.UserBurst);
                }

                if (context.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"ip:{address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.AnonymousPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteProblemAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests; retry later." },
                });
            };
        });
    }

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
