using System.Security.Claims;

namespace Cnucnm.Api.Security;

/// <summary>Claim types and helpers for the two kinds of callers: people (JWT) and devices (API key).</summary>
public static class CnucnmClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";

    /// <summary>The account's security stamp when the access token was issued (see <see cref="SessionGuard"/>).</summary>
    public const string SecurityStamp = "sst";
    public const string DeviceKeyId = "device_key";
    public const string DeviceFarmId = "device_farm";

    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserId), out var id) && principal.FindFirst(DeviceKeyId) is null ? id : null;

    public static Guid? GetDeviceFarmId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(DeviceFarmId), out var id) ? id : null;

    public static bool IsDevice(this ClaimsPrincipal principal) => principal.FindFirst(DeviceKeyId) is not null;

    /// <summary>"user:{id}" or "device:{id}", for audit and logs (never an e-mail address).</summary>
    public static string ActorId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DeviceKeyId) is { } key ? $"device:{key}"
        : principal.FindFirstValue(UserId) is { } user ? $"user:{user}"
        : "anonymous";
}
