using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cnucnm.Api.Tests.Security;

/// <summary>
/// Wrong passwords slow down the source that sends them, never the account: its owner signs in from anywhere else,
/// and nobody learns from the answers whether an address has an account.
/// </summary>
public sealed class SignInThrottleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Password = "correct-horse-1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _nextAddress;

    /// <summary>A source address of its own for each use (TEST-NET-3), so tests do not share throttles.</summary>
    private static IPAddress NewSource() => IPAddress.Parse($"203.0.113.{Interlocked.Increment(ref _nextAddress)}");

    private async Task<string> RegisterAsync()
    {
        using var client = api.Factory.CreateClientFrom(NewSource());
        var email = $"throttle-{Guid.NewGuid():N}@farm.test";
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = "Kim", password = Password }, Ct)).StatusCode);
        return email;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password }, Ct);

    [Fact]
    public async Task Fifty_wrong_passwords_from_one_source_do_not_stop_the_owner_signing_in_from_another()
    {
        var email = await RegisterAsync();
        using var attacker = api.Factory.CreateClientFrom(NewSource());

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            answers.Add((await SignInAsync(attacker, email, $"guess-number-{attempt}")).StatusCode);
        }

        // The attacker's source is slowed down: a few free mistakes, then 429 with Retry-After, even for the right password.
        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        var right = await SignInAsync(attacker, email, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.NotNull(right.Headers.RetryAfter?.Delta);

        using var owner = api.Factory.CreateClientFrom(NewSource());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(owner, email, Password)).StatusCode);
    }

    [Fact]
    public async Task Existing_and_unknown_addresses_get_the_same_answers_in_the_same_order()
    {
        var email = await RegisterAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@farm.test";

        var forExisting = await AnswersAsync(email);
        var forUnknown = await AnswersAsync(unknown);

        Assert.Equal(forExisting, forUnknown);
        Assert.Contains("429", forExisting, StringComparison.Ordinal);
    }

    /// <summary>Status and title of six wrong passwords from a fresh source.</summary>
    private async Task<string> AnswersAsync(string email)
    {
        using var client = api.Factory.CreateClientFrom(NewSource());
        var answers = new List<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var response = await SignInAsync(client, email, "wrong-password-1");
            var title = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("title").GetString();
            answers.Add($"{(int)response.StatusCode} {title}");
        }

        return string.Join("; ", answers);
    }

    [Fact]
    public async Task A_source_spraying_one_password_over_many_accounts_is_slowed_down_and_others_are_not()
    {
        using var sprayer = api.Factory.CreateClientFrom(NewSource());
        var answers = new List<HttpStatusCode>();
        for (var account = 0; account < 20; account++)
        {
            // Each address once: no per-account throttle applies, only the source's.
            answers.Add((await SignInAsync(sprayer, $"spray-{account}-{Guid.NewGuid():N}@farm.test", "Summer2026!!")).StatusCode);
        }

        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);

        var email = await RegisterAsync();
        using var someoneElse = api.Factory.CreateClientFrom(NewSource());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(someoneElse, email, Password)).StatusCode);
    }

    [Fact]
    public async Task Wrong_current_passwords_in_a_password_change_count_against_the_source()
    {
        var email = await RegisterAsync();
        using var signIn = api.Factory.CreateClientFrom(NewSource());
        var tokens = (await (await SignInAsync(signIn, email, Password)).Content.ReadFromJsonAsync<CnucnmApiFactory.TokenBody>(Ct))!;
        using var session = api.Factory.CreateClientFrom(NewSource(), tokens.AccessToken);

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            answers.Add((await session.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = $"guess-number-{attempt}", newPassword = "taken-over-by-someone-1" }, Ct)).StatusCode);
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.BadRequest, a));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        // The owner, elsewhere, still signs in with the unchanged password.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(signIn, email, Password)).StatusCode);
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("aaaaaaaaaa")]
    [InlineData("password12")]
    public async Task Registration_refuses_common_and_guessable_passwords(string password)
    {
        using var client = api.Factory.CreateClientFrom(NewSource());
        var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"weak-{Guid.NewGuid():N}@farm.test", displayName = "Kim", password }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("password", out _), errors.ToString());
    }
}
