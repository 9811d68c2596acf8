using System.Security.Claims;
using System.Security.Cryptography;
using Cnucnm.Storage.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cnucnm.Api.Security;

/// <summary>Issues short-lived JWT access tokens and rotating refresh tokens.</summary>
public sealed class TokenService(IOptions<AuthOptions> options, SigningKeyProvider keys, IRefreshTokenStore refreshTokens, TimeProvider clock)
{
    private readonly AuthOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<TokenPair> IssueAsync(UserAccount user, Guid? familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(_options.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(CnucnmClaims.UserId, user.Id.ToString()),
            new(CnucnmClaims.Name, user.DisplayName),
            new(CnucnmClaims.Email, user.Email),
            new(CnucnmClaims.SecurityStamp, user.SecurityStamp.ToString("N")),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(user.GlobalRoles.Select(role => new Claim(CnucnmClaims.Role, role)));

        var accessToken = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var refreshExpires = now.AddDays(_options.RefreshTokenDays);
        await refreshTokens.AddAsync(new RefreshToken(
            Guid.CreateVersion7(), familyId ?? Guid.CreateVersion7(), user.Id, Hash(refreshToken), now, refreshExpires, null, null), cancellationToken);
        return new TokenPair(accessToken, "Bearer", (int)(expires - now).TotalSeconds, refreshToken, refreshExpires);
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}

/// <param name="AccessToken">JWT for the Authorization header.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="RefreshToken">Single-use token that buys the next pair; keep it secret.</param>
public sealed record TokenPair(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

/// <summary>The access-token signing key from configuration, or an ephemeral one in the embedded default.</summary>
public sealed partial class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<AuthOptions> options, ILogger<SigningKeyProvider> logger)
    {
        if (options.Value.SigningKey is { Length: > 0 } configured)
        {
            Key = new SymmetricSecurityKey(Convert.FromBase64String(configured)) { KeyId = "cnucnm-1" };
        }
        else
        {
            LogEphemeralKey(logger);
            Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "ephemeral" };
        }
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cnucnm:Auth:SigningKey is not set: using an ephemeral key; tokens will not survive a restart.")]
    private static partial void LogEphemeralKey(ILogger logger);
}
