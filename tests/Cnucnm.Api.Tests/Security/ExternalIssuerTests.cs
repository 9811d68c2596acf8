using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Cnucnm.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Cnucnm.Api.Tests.Security;

/// <summary>
/// Tokens of a farm group's own OpenID Connect provider (Cnucnm:Auth:ExternalAuthority). The provider's
/// discovery document and keys are given to the JwtBearer handler directly (no network here); everything
/// after that (issuer and audience checks, the local account, which claims are believed) is the product's.
/// </summary>
public sealed class ExternalIssuerTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Authority = "https://idp.farmgroup.example";
    private const string Audience = "cnucnm";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly RsaSecurityKey _providerKey = new(RSA.Create(2048)) { KeyId = "provider-1" };
    private CnucnmApiFactory _api = null!;

    public async ValueTask InitializeAsync()
    {
        postgres.RequireAvailable();
        var discovery = new OpenIdConnectConfiguration { Issuer = Authority };
        discovery.SigningKeys.Add(_providerKey);
        _api = await CnucnmApiFactory.StartAsync(postgres,
            new Dictionary<string, string?> { ["Cnucnm:Auth:ExternalAuthority"] = Authority, ["Cnucnm:Auth:ExternalAudience"] = Audience },
            services => services.PostConfigure<JwtBearerOptions>("External",
                o => o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery)));
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_providers_token_signs_in_to_a_local_account_believing_only_a_verified_email_and_no_global_roles()
    {
        var verified = await MeAsync(Token("farmer-1", ("email", "kim@farmgroup.example"), ("email_verified", "true"), ("role", "admin")));
        Assert.Equal("kim@farmgroup.example", verified.GetProperty("email").GetString());
        Assert.Equal("Kim Farmer", verified.GetProperty("displayName").GetString());
        Assert.Empty(verified.GetProperty("globalRoles").EnumerateArray());
        Assert.True(verified.GetProperty("emailVerified").GetBoolean()); // the provider verified it: alert e-mails may go there
        // The same person again: the same local account.
        var again = await MeAsync(Token("farmer-1", ("email", "kim@farmgroup.example"), ("email_verified", "true")));
        Assert.Equal(verified.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());

        // An address the provider has not verified is not taken: farm owners add members by e-mail.
        var unverified = await MeAsync(Token("farmer-2", ("email", "vet@clinic.example"), ("email_verified", "false")));
        Assert.Equal("farmer-2@idp.farmgroup.example", unverified.GetProperty("email").GetString());
        Assert.False(unverified.GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task A_new_persons_first_requests_arriving_together_share_one_local_account()
    {
        var token = Token("farmer-5", ("email", "park@farmgroup.example"), ("email_verified", "true"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => MeAsync(token)));
        Assert.Single(answers.Select(a => a.GetProperty("id").GetGuid()).Distinct());
    }

    [Fact]
    public async Task A_providers_user_registers_a_farm_and_opens_its_event_stream_with_the_token_in_the_query()
    {
        var token = Token("farmer-4", ("email", "lee@farmgroup.example"), ("email_verified", "true"));
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await client.PostAsync("/api/v1/farms", JsonContent.Create(new
        {
            name = "Group farm", location = new { region = "Gyeonggi-do", countryCode = "KR" }, currency = "KRW",
        }), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var farmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();

        using var browser = _api.CreateClient(); // EventSource: no headers, the token in the query
        using var events = await browser.GetAsync($"/api/v1/farms/{farmId}/events?access_token={token}", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Tokens_for_another_audience_or_signed_with_another_key_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendMeAsync(Token("farmer-3", audience: "another-api"))).StatusCode);
        var forged = Token("farmer-3", key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "provider-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendMeAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendMeAsync(Token("farmer-3"))).StatusCode);
    }

    private string Token(string subject, params (string Type, string Value)[] claims) => Token(subject, Audience, null, claims);

    private string Token(string subject, string audience = Audience, RsaSecurityKey? key = null, params (string Type, string Value)[] claims)
    {
        var identity = new ClaimsIdentity([new Claim("sub", subject), new Claim("name", "Kim Farmer"), .. claims.Select(c => new Claim(c.Type, c.Value))]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Subject = identity,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key ?? _providerKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<HttpResponseMessage> SendMeAsync(string token)
    {
        using var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/me", Ct);
    }

    private async Task<JsonElement> MeAsync(string token)
    {
        using var response = await SendMeAsync(token);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
