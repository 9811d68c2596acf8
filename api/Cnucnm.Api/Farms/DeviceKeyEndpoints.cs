using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cnucnm.Api.Farms;

/// <summary>API keys for a farm's sensors: shown once at creation, stored hashed, ingestion only.</summary>
public static class DeviceKeyEndpoints
{
    public static IEndpointRouteBuilder MapDeviceKeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.Farm().MapGroup("/device-keys").WithTags("Device keys");
        keys.MapPost("/", CreateAsync).WithName("CreateDeviceKey").RequireAuthorization(Policies.Farm(FarmPermission.ManageDevices))
            .WithSummary("Create a key for a sensor; the key is in this response only.");
        keys.MapGet("/", ListAsync).WithName("ListDeviceKeys").RequireAuthorization(Policies.Farm(FarmPermission.ManageDevices))
            .WithSummary("The farm's device keys (without their secrets), with last-used times.");
        keys.MapDelete("/{keyId:guid}", RevokeAsync).WithName("RevokeDeviceKey").RequireAuthorization(Policies.Farm(FarmPermission.ManageDevices))
            .WithSummary("Revoke a key; the device is refused from then on.");
        return endpoints;
    }

    private static async Task<Results<Created<CreatedDeviceKeyResponse>, ValidationProblem>> CreateAsync(
        Guid farmId, DeviceKeyRequest request, IDeviceKeyStore keys, ClaimsPrincipal caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.Name, "name", 100);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var (secret, prefix, hash) = DeviceKeyFormat.Create();
        var key = new DeviceKey(Guid.CreateVersion7(), farmId, request.Name!.Trim(), prefix, hash, caller.ActorId(), clock.GetUtcNow(), null, null);
        await keys.AddAsync(key, cancellationToken);
        return TypedResults.Created($"/api/v1/farms/{farmId}/device-keys/{key.Id}",
            new CreatedDeviceKeyResponse(key.Id, key.Name, prefix, secret, key.CreatedAt));
    }

    private static async Task<Ok<List<DeviceKeyResponse>>> ListAsync(Guid farmId, IDeviceKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await keys.ListAsync(farmId, cancellationToken))
            .Select(k => new DeviceKeyResponse(k.Id, k.Name, k.Prefix, k.CreatedBy, k.CreatedAt, k.RevokedAt, k.LastUsedAt)).ToList());

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(Guid farmId, Guid keyId, IDeviceKeyStore keys, TimeProvider clock, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(farmId, keyId, clock.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}

public sealed record DeviceKeyRequest(string? Name);

/// <param name="Key">Send it in the X-Api-Key header. It is shown only in this response.</param>
public sealed record CreatedDeviceKeyResponse(Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);

public sealed record DeviceKeyResponse(Guid Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
