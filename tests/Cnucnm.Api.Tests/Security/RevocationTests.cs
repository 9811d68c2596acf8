using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Testing;

namespace Cnucnm.Api.Tests.Security;

/// <summary>Two API processes (each with its silo) in one cluster on one database, as behind a load balancer.</summary>
public sealed class ApiClusterFixture(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>The documented longest delay (Cnucnm:Auth:SessionCheckSeconds), shortened for the tests.</summary>
    public static readonly TimeSpan SessionCheck = TimeSpan.FromSeconds(2);

    public IReadOnlyList<CnucnmApiFactory> Processes { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        postgres.RequireAvailable();
        Processes = await CnucnmApiFactory.StartClusterAsync(postgres, 2, new Dictionary<string, string?>
        {
            ["Cnucnm:Auth:SessionCheckSeconds"] = SessionCheck.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes.Reverse())
        {
            await process.DisposeAsync();
        }
    }
}

/// <summary>
/// Each way a session ends makes its old access token fail: at once on the process that made the change, and on
/// the other process within the session check's delay (after that process had cached the token's stamp as valid).
/// </summary>
public sealed class RevocationTests(ApiClusterFixture cluster) : IClassFixture<ApiClusterFixture>
{
    private const string Password = "correct-horse-1";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CnucnmApiFactory A => cluster.Processes[0];

    private CnucnmApiFactory B => cluster.Processes[1];

    private sealed record Account(string Email, Guid Id, CnucnmApiFactory.TokenBody Tokens);

    private async Task<Account> NewAccountAsync(string password = Password)
    {
        using var anonymous = A.CreateClient();
        var email = $"revoke-{Guid.NewGuid():N}@farm.test";
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = "Kim", password }, Ct)).StatusCode);
        var tokens = await SignInAsync(A, email, password);
        using var me = A.CreateClientWith(tokens.AccessToken);
        var id = JsonDocument.Parse(await me.GetStringAsync("/api/v1/me", Ct)).RootElement.GetProperty("id").GetGuid();
        return new Account(email, id, tokens);
    }

    private static async Task<CnucnmApiFactory.TokenBody> SignInAsync(CnucnmApiFactory process, string email, string password = Password)
    {
        using var client = process.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CnucnmApiFactory.TokenBody>(Ct))!;
    }

    private static async Task<HttpStatusCode> GetAsync(CnucnmApiFactory process, string accessToken, string path)
    {
        using var client = process.CreateClientWith(accessToken);
        return (await client.GetAsync(path, Ct)).StatusCode;
    }

    /// <summary>The token works on both processes, which caches its stamp as current on both.</summary>
    private async Task AssertWorksOnBothAsync(string accessToken, string path = "/api/v1/me")
    {
        Assert.Equal(HttpStatusCode.OK, await GetAsync(A, accessToken, path));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(B, accessToken, path));
    }

    private async Task AssertEndedAsync(string accessToken, string path = "/api/v1/me")
    {
        var changed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(A, accessToken, path));
        HttpStatusCode onB;
        while ((onB = await GetAsync(B, accessToken, path)) != HttpStatusCode.Unauthorized && changed.Elapsed < ApiClusterFixture.SessionCheck + Margin)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(onB == HttpStatusCode.Unauthorized, $"the other process still answered {onB} {changed.Elapsed.TotalSeconds:0.0} s after the change");
    }

    [Fact]
    public async Task Removing_a_global_role_ends_the_tokens_that_carry_it()
    {
        var account = await NewAccountAsync();
        using var admin = await A.AdminClientAsync();
        Assert.True((await admin.PutAsJsonAsync($"/api/v1/admin/users/{account.Id}/roles", new { roles = new[] { "admin" } }, Ct)).IsSuccessStatusCode);
        var asAdmin = await SignInAsync(A, account.Email);
        var adminOnly = $"/api/v1/admin/users?email={Uri.EscapeDataString(account.Email)}";
        await AssertWorksOnBothAsync(asAdmin.AccessToken, adminOnly);

        Assert.True((await admin.PutAsJsonAsync($"/api/v1/admin/users/{account.Id}/roles", new { roles = Array.Empty<string>() }, Ct)).IsSuccessStatusCode);

        await AssertEndedAsync(asAdmin.AccessToken, adminOnly);
        var renewed = await SignInAsync(B, account.Email);
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(B, renewed.AccessToken, adminOnly));
    }

    [Fact]
    public async Task Changing_the_password_ends_old_tokens_and_gives_the_caller_a_new_session()
    {
        var account = await NewAccountAsync();
        await AssertWorksOnBothAsync(account.Tokens.AccessToken);

        using var client = A.CreateClientWith(account.Tokens.AccessToken);
        var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Password, newPassword = "new-horse-battery-2" }, Ct);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var renewed = (await change.Content.ReadFromJsonAsync<CnucnmApiFactory.TokenBody>(Ct))!;

        await AssertEndedAsync(account.Tokens.AccessToken);
        await AssertWorksOnBothAsync(renewed.AccessToken);
    }

    [Fact]
    public async Task Signing_out_ends_the_access_token()
    {
        var account = await NewAccountAsync();
        await AssertWorksOnBothAsync(account.Tokens.AccessToken);

        using var client = A.CreateClientWith(account.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = account.Tokens.RefreshToken }, Ct)).StatusCode);

        await AssertEndedAsync(account.Tokens.AccessToken);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_ends_every_access_token_of_the_account()
    {
        var account = await NewAccountAsync();
        using var anonymous = A.CreateClient();
        var rotated = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken = account.Tokens.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await rotated.Content.ReadFromJsonAsync<CnucnmApiFactory.TokenBody>(Ct))!;
        await AssertWorksOnBothAsync(account.Tokens.AccessToken);
        await AssertWorksOnBothAsync(second.AccessToken);

        var replay = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken = account.Tokens.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        await AssertEndedAsync(second.AccessToken);
        await AssertEndedAsync(account.Tokens.AccessToken);
    }

    [Fact]
    public async Task Locking_an_account_ends_its_tokens_and_refuses_even_the_right_password()
    {
        var account = await NewAccountAsync();
        await AssertWorksOnBothAsync(account.Tokens.AccessToken);
        using var admin = await A.AdminClientAsync();

        var locked = await admin.PutAsJsonAsync($"/api/v1/admin/users/{account.Id}/lock", new { until = DateTimeOffset.UtcNow.AddHours(1) }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, locked.StatusCode);

        await AssertEndedAsync(account.Tokens.AccessToken);
        using var anonymous = B.CreateClient();
        Assert.Equal((HttpStatusCode)423, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = account.Email, password = Password }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken = account.Tokens.RefreshToken }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/admin/users/{account.Id}/lock", new { until = (DateTimeOffset?)null }, Ct)).StatusCode);
        await SignInAsync(B, account.Email);
    }

    [Fact]
    public async Task Deleting_an_account_ends_its_tokens()
    {
        var account = await NewAccountAsync();
        await AssertWorksOnBothAsync(account.Tokens.AccessToken);
        using var admin = await A.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/users/{account.Id}", Ct)).StatusCode);

        await AssertEndedAsync(account.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/admin/users/{account.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_open_event_stream_on_another_process_ends_with_its_session()
    {
        var account = await NewAccountAsync();
        using var owner = A.CreateClientWith(account.Tokens.AccessToken);
        var created = await owner.PostAsJsonAsync("/api/v1/farms", new
        {
            name = "Revocation farm",
            location = new { region = "Chungcheongnam-do", countryCode = "KR", latitude = 36.45, longitude = 126.8 },
            currency = "KRW",
            timeZone = "Asia/Seoul",
            climate = new { ambientTemperatureCelsius = 12.5, relativeHumidityPercent = 65 },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var farmId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetGuid();

        using var streamClient = B.CreateClientWith(account.Tokens.AccessToken);
        using var response = await streamClient.GetAsync($"/api/v1/farms/{farmId}/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await events.NextAsync("ready", TimeSpan.FromSeconds(10));

        var changed = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = account.Tokens.RefreshToken }, Ct)).StatusCode);

        // Within twice the check's delay: the stream's own check interval plus the process's cached stamp.
        var ended = await events.NextAsync("ended", ApiClusterFixture.SessionCheck * 2 + Margin);
        Assert.Contains("session", ended.Data, StringComparison.Ordinal);
        Assert.True(changed.Elapsed < ApiClusterFixture.SessionCheck * 2 + Margin, $"{changed.Elapsed.TotalSeconds:0.0} s");
        await Assert.ThrowsAsync<EndOfStreamException>(() => events.NextAsync(null, TimeSpan.FromSeconds(5)));
    }
}
