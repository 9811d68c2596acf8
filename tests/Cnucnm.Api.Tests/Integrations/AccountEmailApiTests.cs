using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cnucnm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>The API with an SMTP server configured (an in-process one): password reset and e-mail
/// verification end to end, from the request to the e-mail to the link's token.</summary>
public sealed class AccountEmailApiTests(PostgresServer postgres) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiWithSmtp _env = null!;

    private SmtpReceiver Smtp => _env.Smtp;

    private CnucnmApiFactory Api => _env.Api;

    public async ValueTask InitializeAsync() =>
        _env = await ApiWithSmtp.StartAsync(postgres, new Dictionary<string, string?> { ["Cnucnm:Email:FromAddress"] = "no-reply@cnucnm.example" });

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task Password_reset_end_to_end_sets_the_new_password_once_and_signs_out_every_session()
    {
        using var anonymous = Api.CreateClient();
        var email = $"reset-{Guid.NewGuid():N}@farm.test";
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email, displayName = "박영희", password = "old-password-1", language = "ko" }, Ct)).StatusCode);
        var registration = SmtpReceiver.LinkToken(await Smtp.WaitForAsync(email, m => m.Subject == "CNUCNM 가입 확인"), "confirm-registration");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/register/confirm", new { token = registration }, Ct)).StatusCode);
        var session = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "old-password-1" }, Ct))
            .Content.ReadFromJsonAsync<CnucnmApiFactory.TokenBody>(Ct);

        // An unknown address gets the same answer and no e-mail.
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "nobody@farm.test" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email }, Ct)).StatusCode);
        var first = SmtpReceiver.LinkToken(await Smtp.WaitForAsync(email, m => m.Subject == "CNUCNM 비밀번호 재설정"), "reset-password");
        // A second request supersedes the first link.
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = email.ToUpperInvariant() }, Ct)).StatusCode);
        var second = SmtpReceiver.LinkToken(await Smtp.WaitForAsync(email, m => m.Subject == "CNUCNM 비밀번호 재설정" && SmtpReceiver.LinkToken(m, "reset-password") != first), "reset-password");

        var stale = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token = first, newPassword = "new-password-22" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("token", (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm",
            new { token = second, newPassword = "new-password-22" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm",
            new { token = second, newPassword = "another-password-3" }, Ct)).StatusCode); // single use

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "old-password-1" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "new-password-22" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "refresh_token", refreshToken = session!.RefreshToken }, Ct)).StatusCode);
        Assert.DoesNotContain(Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "nobody@farm.test"));
    }

    [Fact]
    public async Task An_account_an_administrator_made_gets_a_verification_email_whose_link_confirms_the_address_once()
    {
        var (client, email) = await AdminMadeAccountAsync("verify");
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("emailVerified").GetBoolean());
        var token = SmtpReceiver.LinkToken(await Smtp.WaitForAsync(email, m => m.Subject == "Confirm your e-mail address for CNUCNM"), "verify-email");

        using var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/v1/auth/email-verification/confirm", new { token }, Ct)).StatusCode);
        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("emailVerified").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/v1/auth/email-verification/confirm", new { token }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/v1/auth/email-verification/confirm", new { token = "made-up" }, Ct)).StatusCode);

        // Asking again sends a fresh link.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/me/email-verification", null, Ct)).StatusCode);
        await Smtp.WaitForAsync(email, m => m.Subject == "Confirm your e-mail address for CNUCNM" && SmtpReceiver.LinkToken(m, "verify-email") != token);
    }

    [Fact]
    public async Task An_administrator_creates_accounts_where_registration_is_closed_and_the_person_sets_their_own_password()
    {
        using var admin = await Api.AdminClientAsync();
        var email = $"new-vet-{Guid.NewGuid():N}@clinic.test";

        var bad = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "not an address", displayName = "", password = "short", language = "fr" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["displayName", "email", "language", "password"],
            (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        // Without a password: nobody knows the account's, and the person is e-mailed a link to set one.
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, displayName = "최수의", language = "ko" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, displayName = "again" }, Ct)).StatusCode);
        var token = SmtpReceiver.LinkToken(await Smtp.WaitForAsync(email, m => m.Subject == "CNUCNM 비밀번호 재설정"), "reset-password");
        await Smtp.WaitForAsync(email, m => (m.TextBody ?? "").Contains("#/verify-email", StringComparison.Ordinal));

        using var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent,
            (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "own-password-77" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "own-password-77" }, Ct)).StatusCode);

        // With a password the administrator hands over: it signs in at once.
        var handed = $"new-manager-{Guid.NewGuid():N}@farm.test";
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = handed, displayName = "Manager", password = "handed-over-1" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = handed, password = "handed-over-1" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes_and_expire()
    {
        var (_, email) = await AdminMadeAccountAsync("hashes");
        var token = SmtpReceiver.LinkToken(await Smtp.WaitForAsync(email), "verify-email");
        await using var db = Npgsql.NpgsqlDataSource.Create(ConnectionString());
        await using (var read = db.CreateCommand("SELECT a.token_hash, a.expires_at - a.created_at FROM account_tokens a JOIN app_users u ON u.id = a.user_id WHERE u.email = $1"))
        {
            read.Parameters.AddWithValue(email);
            await using var reader = await read.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct));
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), reader.GetFieldValue<byte[]>(0));
            Assert.Equal(TimeSpan.FromHours(48), reader.GetTimeSpan(1));
        }

        await using (var expire = db.CreateCommand("UPDATE account_tokens SET expires_at = now() - interval '1 second'"))
        {
            await expire.ExecuteNonQueryAsync(Ct);
        }

        using var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/v1/auth/email-verification/confirm", new { token }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_registration_is_stored_with_its_token_hashed_and_its_link_expires()
    {
        using var anonymous = Api.CreateClient();
        var email = $"pending-{Guid.NewGuid():N}@farm.test";
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, displayName = "Kim", password = "correct-horse-1" }, Ct)).StatusCode);
        var token = SmtpReceiver.LinkToken(await Smtp.WaitForAsync(email), "confirm-registration");
        await using var db = Npgsql.NpgsqlDataSource.Create(ConnectionString());
        await using (var read = db.CreateCommand("SELECT token_hash, expires_at - created_at, password_hash FROM pending_registrations WHERE email = $1"))
        {
            read.Parameters.AddWithValue(email);
            await using var reader = await read.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct));
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), reader.GetFieldValue<byte[]>(0));
            Assert.Equal(TimeSpan.FromHours(48), reader.GetTimeSpan(1));
            Assert.DoesNotContain("correct-horse-1", reader.GetString(2), StringComparison.Ordinal);
        }

        await using (var expire = db.CreateCommand("UPDATE pending_registrations SET expires_at = now() - interval '1 second'"))
        {
            await expire.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/v1/auth/register/confirm", new { token }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "correct-horse-1" }, Ct)).StatusCode);
    }

    /// <summary>An account an administrator made with a password: its address is not confirmed yet.</summary>
    private async Task<(HttpClient Client, string Email)> AdminMadeAccountAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@farm.test";
        using var admin = await Api.AdminClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/users", new { email, displayName = name, password = "correct-horse-1" }, Ct)).StatusCode);
        return (await Api.SignInAsync(email, "correct-horse-1"), email);
    }

    private string ConnectionString() =>
        Api.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Cnucnm"]!;
}
