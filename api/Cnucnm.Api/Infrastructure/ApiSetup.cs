using System.Text.Json;
using System.Text.Json.Serialization;
using Cnucnm.Api.Localization;
using Cnucnm.Api.Security;
using Cnucnm.Silo.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Cnucnm.Api.Infrastructure;

public static class ApiSetup
{
    public static void AddCnucnmApi(this WebApplicationBuilder builder, CnucnmOptions cnucnm, ApiOptions api)
    {
        builder.Services.Configure<JsonOptions>(json => ConfigureJson(json.SerializerOptions));
        // Binding failures (malformed JSON, wrong types) become exceptions that the handler turns
        // into 400 ProblemDetails, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            Localization.ValidationMessages.Apply(context);
        });
        builder.Services.AddCnucnmLocalization();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddSingleton<Animals.GroupInputsSync>();
        // Two records are named NutrientLine: the evaluation's line (Nutrition) and a group's requirement line (Contracts). One
        // schema id for both described one with the other's fields, whichever the generator met first (it changed with route order).
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.CreateSchemaReferenceId = type =>
            type.Type == typeof(Cnucnm.Contracts.Groups.NutrientLine) ? "GroupNutrientLine" : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type));
        builder.Services.AddOpenApi(o => o.AddOperationTransformer(OpenApiContract.DescribeEdgesAsync).AddSchemaTransformer(RequiredMembers.DescribeRequiredAsync).AddDocumentTransformer(OpenApiContract.DescribeTagsAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CNUCNM API";
            document.Info.Description = "Cattle nutrition requirements, least-cost rations and live herds. "
                + "Authenticate with a bearer token from POST /api/v1/auth/token, or (sensors) an X-Api-Key device key. "
                + "Errors are RFC 9457 problem details; validation errors list every field.";
            // The origin the client reached (a relative server): the committed document stays the same wherever
            // it is generated.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The origin that served this document." }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/v1/auth/token.",
            };
            document.Components.SecuritySchemes["deviceKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "Device key of a farm sensor (ingestion only).",
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("deviceKey", document)] = [] },
            ];
            return Task.CompletedTask;
        }));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in api.TrustedProxyNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (api.CorsOrigins.Length > 0)
            {
                policy.WithOrigins(api.CorsOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", "Retry-After");
            }
        }));
        builder.AddCnucnmSecurity(cnucnm);
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // {"role":"viewer","role":"owner"} is refused, not read as its last value: a proxy or validator in front
        // may read the first one.
        options.AllowDuplicateProperties = false;
        RequiredMembers.Apply(options);
    }

    public static void UseCnucnmApi(this WebApplication app)
    {
        // Behind the ingress the client's address and scheme come from X-Forwarded-For/-Proto, trusted only
        // from the configured proxy networks: rate limits, lock-out and the audit log see the real client.
        app.UseForwardedHeaders();
        app.UseMiddleware<AuditMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // The web front (wwwroot) is public like the sign-in page it is; every call it makes is authorised.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = WebFront.PrepareResponse });
        app.UseCors();
        app.UseCnucnmSecurity();
        app.UseCnucnmLocalization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("CNUCNM API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
    }
}

/// <summary>Headers that keep browsers from sniffing, framing or leaking referrers.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        return next(context);
    }
}
