using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Cnucnm.Storage.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cnucnm.Api.Security;

/// <summary>
/// Device API keys for sensors: <c>cnk_{prefix}_{secret}</c> in the <c>X-Api-Key</c> header. The
/// prefix finds the key; the secret is compared by SHA-256 in constant time. Keys are random
/// 256-bit secrets, so a plain hash is enough (a slow password hash would cap ingestion).
/// </summary>
public sealed class DeviceKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDeviceKeyStore keys,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DeviceKey";
    public const string HeaderName = "X-Api-Key";

    // last-used time is written at most once a minute per key.
    private static readonly ConcurrentDictionary<Guid, DateTimeOffset> LastTouched = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1)
        {
            return AuthenticateResult.NoResult();
        }

        if (!DeviceKeyFormat.TryParse(values[0], out var prefix, out var secret))
        {
            return AuthenticateResult.Fail("malformed device key");
        }

        var key = await keys.FindByPrefixAsync(prefix, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(key.SecretHash, DeviceKeyFormat.HashSecret(secret)))
        {
            return AuthenticateResult.Fail("unknown or revoked device key");
        }

        var now = clock.GetUtcNow();
        if (!LastTouched.TryGetValue(key.Id, out var touched) || now - touched > TimeSpan.FromMinutes(1))
        {
            LastTouched[key.Id] = now;
            await keys.TouchAsync(key.Id, now, Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(CnucnmClaims.DeviceKeyId, key.Id.ToString()),
            new Claim(CnucnmClaims.DeviceFarmId, key.FarmId.ToString()),
            new Claim(CnucnmClaims.Name, key.Name),
        ], SchemeName, CnucnmClaims.Name, CnucnmClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

public static class DeviceKeyFormat
{
    public static (string Key, string Prefix, byte[] SecretHash) Create()
    {
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var secret = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return ($"cnk_{prefix}_{secret}", prefix, HashSecret(secret));
    }

    public static bool TryParse(string? key, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = key?.Split('_', 3);
        if (parts is not { Length: 3 } || parts[0] != "cnk" || parts[1].Length != 12 || parts[2].Length < 20)
        {
            return false;
        }

        (prefix, secret) = (parts[1], parts[2]);
        return true;
    }

    public static byte[] HashSecret(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
