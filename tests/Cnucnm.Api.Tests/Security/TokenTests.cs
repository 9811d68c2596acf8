using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cnucnm.Api.Tests.Security;

public sealed class TokenTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Password = "correct-horse-1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, string Email)> RegisterAsync()
    {
        var client = api.Factory.CreateClient();
        var email = $"token-{Guid.NewGuid():N}@farm.test";
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = "Kim", password = Password }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (client, email);
    }

    private static async Task<CnucnmApiFactory.TokenBody> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CnucnmApiFactory.TokenBody>(Ct))!;
    }

    private async Task<HttpStatusCode> MeWithAsync(string token)
    {
        using var client = api.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/me", Ct)).StatusCode;
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken }, Ct);

    private string Forge(Action<SecurityTokenDescriptor> change, byte[]? key = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "cnucnm",
            Audience = "cnucnm-api",
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("name", "x")]),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(key ?? Convert.FromBase64String(api.Factory.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        change(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    [Fact]
    public async Task Signed_in_user_reaches_protected_endpoints_and_anonymous_gets_401_problem()
    {
        var (client, email) = await RegisterAsync();
        var tokens = await SignInAsync(client, email);

        Assert.Equal(HttpStatusCode.OK, await MeWithAsync(tokens.AccessToken));
        var anonymous = await client.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_well_formed_token_with_our_key_is_accepted_so_the_forgery_tests_below_are_meaningful()
    {
        // The forged-token tests only change one property each; this one changes none.
        var (userId, stamp) = await SignedInAccountAsync();

        var token = Forge(d => d.Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", "Kim"), new Claim("sst", stamp)]));

        Assert.Equal(HttpStatusCode.OK, await MeWithAsync(token));
    }

    [Fact]
    public async Task A_token_without_the_accounts_current_security_stamp_or_for_no_account_is_rejected()
    {
        var (userId, stamp) = await SignedInAccountAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(Forge(d => d.Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", "Kim")]))));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(Forge(d => d.Subject =
            new ClaimsIdentity([new Claim("sub", userId), new Claim("name", "Kim"), new Claim("sst", Guid.NewGuid().ToString("N"))]))));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(Forge(d => d.Subject =
            new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("name", "Kim"), new Claim("sst", stamp)]))));
    }

    /// <summary>A registered, signed-in account's id and the security stamp its access token carries.</summary>
    private async Task<(string UserId, string Stamp)> SignedInAccountAsync()
    {
        var (client, email) = await RegisterAsync();
        var tokens = await SignInAsync(client, email);
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(tokens.AccessToken);
        return (jwt.GetClaim("sub").Value, jwt.GetClaim("sst").Value);
    }

    [Fact]
    public async Task Expired_token_is_rejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(Forge(d =>
        {
            d.NotBefore = DateTime.UtcNow.AddHours(-2);
            d.IssuedAt = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddHours(-1);
        })));

    [Fact]
    public async Task Token_with_the_wrong_signature_is_rejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(Forge(_ => { }, RandomNumberGenerator.GetBytes(32))));

    [Fact]
    public async Task Token_for_another_audience_is_rejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(Forge(d => d.Audience = "another-api")));

    [Fact]
    public async Task Token_from_another_issuer_is_rejected() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithAsync(Forge(d => d.Issuer = "https://evil.example")));

    [Fact]
    public async Task Refresh_rotates_and_reusing_a_spent_token_revokes_the_whole_family()
    {
        var (client, email) = await RegisterAsync();
        var first = await SignInAsync(client, email);

        var rotated = await RefreshAsync(client, first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await rotated.Content.ReadFromJsonAsync<CnucnmApiFactory.TokenBody>(Ct))!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await MeWithAsync(second.AccessToken));

        var replay = await RefreshAsync(client, first.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The legitimate holder's newer token died with the family.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, second.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var (client, email) = await RegisterAsync();
        var tokens = await SignInAsync(client, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var logout = await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Unknown_refresh_token_is_rejected()
    {
        using var client = api.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, "not-a-token")).StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var (client, email) = await RegisterAsync();

        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@farm.test", password = "whatever-123" }, Ct);
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "whatever-123" }, Ct);

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("title").GetString(),
            JsonDocument.Parse(await wrong.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Password_change_revokes_refresh_tokens_and_the_old_password()
    {
        var (client, email) = await RegisterAsync();
        var tokens = await SignInAsync(client, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var wrongCurrent = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "nope-nope-1", newPassword = "new-horse-battery-2" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Password, newPassword = "new-horse-battery-2" }, Ct);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens.RefreshToken)).StatusCode);
        var old = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await SignInAsync(client, email, "new-horse-battery-2");
    }

    [Fact]
    public async Task Registering_an_existing_email_answers_as_for_a_new_one_and_weak_passwords_are_refused()
    {
        var (client, email) = await RegisterAsync();

        var again = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), displayName = "Kim", password = Password }, Ct);
        var weak = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "x" + email, displayName = "Kim", password = "short" }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode); // AccountDiscoveryTests: the same answer as for a new address
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("password", await weak.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
