using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Cnucnm.Api.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cnucnm.Api.Tests.Security;

/// <summary>Operators open the Orleans dashboard from a browser with the short-lived cookie the web UI asks for
/// (issue 19, point 9); nobody else does, and no token in the address opens it.</summary>
public sealed class DashboardAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Session = "/api/v1/auth/dashboard-session";
    private const string Dashboard = "/dashboard/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client that sends only what the test gives it (no cookie jar, no bearer header).</summary>
    private HttpClient Bare() => api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<HttpResponseMessage> DashboardWithCookieAsync(string token, string path = Dashboard)
    {
        using var client = Bare();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{DashboardAccess.CookieName}={token}");
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Asks for the dashboard cookie as the admin (roles admin and operator) and returns the Set-Cookie header and the JWT in it.</summary>
    private async Task<(string SetCookie, string Token, JsonElement Body)> IssueAsOperatorAsync()
    {
        using var admin = await api.Factory.AdminClientAsync();
        var response = await admin.PostAsync(Session, null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DashboardAccess.CookieName + "=", StringComparison.Ordinal));
        var token = setCookie[(DashboardAccess.CookieName.Length + 1)..].Split(';')[0];
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (setCookie, token, body);
    }

    [Fact]
    public async Task An_operator_gets_a_short_lived_http_only_cookie_scoped_to_the_dashboard_that_opens_it()
    {
        var before = DateTimeOffset.UtcNow;
        var (setCookie, token, body) = await IssueAsOperatorAsync();

        var attributes = setCookie.ToLowerInvariant();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/dashboard", attributes);
        Assert.DoesNotContain("secure", attributes.Replace("samesite", "", StringComparison.Ordinal)); // plain HTTP in the test server
        var maxAge = int.Parse(attributes.Split(';').Select(a => a.Trim()).Single(a => a.StartsWith("max-age=", StringComparison.Ordinal))["max-age=".Length..],
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(maxAge, 60, 5 * 60);
        Assert.Equal(Dashboard, body.GetProperty("url").GetString());
        Assert.InRange(body.GetProperty("expiresAt").GetDateTimeOffset(), before.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(1));

        var page = await DashboardWithCookieAsync(token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);

        // Single purpose: the cookie's JWT is no API access token.
        using var asBearer = api.Factory.CreateClientWith(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asBearer.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_non_operator_is_refused_and_an_anonymous_caller_must_sign_in()
    {
        var (person, _) = await api.Factory.CreateUserClientAsync("not-operator");
        using (person)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsync(Session, null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync(Dashboard, Ct)).StatusCode);
        }

        using var anonymous = Bare();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Session, null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Dashboard, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_cookie_stops_working_when_it_expires()
    {
        var (_, issued, _) = await IssueAsOperatorAsync();
        var claims = new JsonWebTokenHandler().ReadJsonWebToken(issued).Claims
            .Where(c => c.Type is not ("exp" or "nbf" or "iat" or "aud" or "iss")).ToList();

        // The same credential re-signed with the server's key: the server judges only its lifetime.
        var fresh = Sign(claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(4));
        var expired = Sign(claims, DateTime.UtcNow.AddMinutes(-6), DateTime.UtcNow.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.OK, (await DashboardWithCookieAsync(fresh)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DashboardWithCookieAsync(expired)).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_in_the_query_string_does_not_open_the_dashboard()
    {
        using var admin = await api.Factory.SignInAsync(CnucnmApiFactory.AdminEmail, CnucnmApiFactory.AdminPassword);
        var accessToken = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        var (_, dashboardToken, _) = await IssueAsOperatorAsync();
        using var bare = Bare();
        foreach (var token in new[] { accessToken, dashboardToken })
        {
            var query = $"?access_token={Uri.EscapeDataString(token)}";
            Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync(Dashboard + query, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/dashboard/events" + query, Ct)).StatusCode);
        }

        // The same access token in the header does open it (scripts), so the refusals above are about the address.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Dashboard, Ct)).StatusCode);
    }

    private string Sign(IEnumerable<Claim> claims, DateTime notBefore, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "cnucnm",
            Audience = DashboardAccess.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(api.Factory.SigningKey)) { KeyId = "cnucnm-1" }, SecurityAlgorithms.HmacSha256),
        });
}
