using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cnucnm.Api.Tests.LiveHerd;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Grains.Alerts;
using Cnucnm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>Alert e-mails by preference, end to end: the alert is raised by the product's AlertRaiser in the
/// API's embedded silo, written to the e-mail outbox and sent by the silo's worker to an in-process SMTP server.</summary>
public sealed partial class AlertEmailApiTests(PostgresServer postgres) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApiWithSmtp _env = null!;

    private SmtpReceiver Smtp => _env.Smtp;

    private CnucnmApiFactory Api => _env.Api;

    public async ValueTask InitializeAsync() =>
        _env = await ApiWithSmtp.StartAsync(postgres, new Dictionary<string, string?>
        {
            ["Cnucnm:Email:OutboxPollInterval"] = "00:00:00.200",
            ["Cnucnm:Email:AlertBurstWindow"] = "00:00:01",
        });

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task Members_get_alert_emails_as_they_asked_immediately_in_a_digest_after_quiet_hours_or_not_at_all()
    {
        var herd = await HerdApi.CreateAsync(Api, withRation: false);
        var owner = await VerifiedMemberAsync(herd, null, "owner", new { alertKinds = new[] { "intakeDrop", "inventoryLow" }, delivery = "immediate", timeZone = "Asia/Seoul" });
        var digest = await VerifiedMemberAsync(herd, "manager", "digest", new { alertKinds = new[] { "intakeDrop", "inventoryLow" }, delivery = "dailyDigest", digestHour = 6, timeZone = "Asia/Seoul" });
        var now = DateTimeOffset.UtcNow;
        var quiet = await VerifiedMemberAsync(herd, "viewer", "quiet", new
        {
            alertKinds = new[] { "intakeDrop" },
            delivery = "immediate",
            quietHoursStart = now.AddHours(-1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            quietHoursEnd = now.AddHours(2).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            timeZone = "UTC",
        });
        var unwanted = await VerifiedMemberAsync(herd, "nutritionist", "unwanted", new { alertKinds = new[] { "priceJump" }, delivery = "immediate", timeZone = "UTC" });
        // An account an administrator made keeps an unconfirmed address until its owner uses the verification link.
        var unverified = $"unverified-{Guid.NewGuid():N}@farm.test";
        using (var admin = await Api.AdminClientAsync())
        {
            await DemoFarm.Ok(await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = unverified, displayName = "Unverified", password = "correct-horse-1" }, Ct));
        }

        var unverifiedClient = await Api.SignInAsync(unverified, "correct-horse-1");
        await DemoFarm.AddMemberAsync(herd.Owner, herd.FarmId, unverifiedClient, unverified, "viewer");
        Assert.Equal(HttpStatusCode.OK, (await unverifiedClient.PutAsJsonAsync("/api/v1/me/notifications", new { alertKinds = new[] { "intakeDrop" }, delivery = "immediate" }, Ct)).StatusCode);

        var raiser = Api.Services.GetRequiredService<AlertRaiser>();
        await raiser.RaiseAsync(herd.FarmId, herd.GroupId, AlertKind.IntakeDrop, AlertSeverity.Critical, "High pen: intake down 12 %",
            "Dry matter intake 19.1 kg/head against 21.7 formulated.", $"test-intake-{Guid.NewGuid()}", Ct);
        await raiser.RaiseAsync(herd.FarmId, null, AlertKind.InventoryLow, AlertSeverity.Warning, "Corn silage: 2 days left",
            "At the current use, corn silage runs out in 2 days.", $"test-stock-{Guid.NewGuid()}", Ct);

        // Raised within the burst window on one farm: one e-mail listing both, its times on the owner's clock (Seoul).
        var immediate = await Smtp.WaitForAsync(owner, m => (m.Subject ?? "").StartsWith("[천안 목장]", StringComparison.Ordinal));
        Assert.Equal("[천안 목장] Critical: 2 alerts", immediate.Subject);
        Assert.Contains($"https://cnucnm.example/#/farms/{herd.FarmId}/alerts", immediate.TextBody, StringComparison.Ordinal);
        Assert.Contains("Intake drop: High pen: intake down 12 %", immediate.TextBody, StringComparison.Ordinal);
        Assert.Contains("Low stock: Corn silage: 2 days left", immediate.TextBody, StringComparison.Ordinal);
        Assert.Contains(" Asia/Seoul · 천안 목장 · Critical", immediate.TextBody, StringComparison.Ordinal);

        // The digest waits for 06:00 in Seoul; the quiet-hours e-mail for the end of the quiet hours.
        await using var db = NpgsqlDataSource.Create(Api.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Cnucnm"]!);
        var digestDue = await DueAtAsync(db, digest);
        Assert.Equal(2, digestDue.Count);
        Assert.All(digestDue, due => Assert.Equal(21, due.UtcDateTime.Hour)); // 06:00 KST
        var quietDue = Assert.Single(await DueAtAsync(db, quiet));
        Assert.Equal(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(2), quietDue); // the end of the quiet hours
        Assert.Empty(await DueAtAsync(db, unwanted));
        Assert.Empty(await DueAtAsync(db, unverified));

        // When the digest hour comes, the two alerts arrive as one e-mail.
        await using (var due = db.CreateCommand("UPDATE email_outbox SET due_at = now() WHERE to_address = $1"))
        {
            due.Parameters.AddWithValue(digest);
            await due.ExecuteNonQueryAsync(Ct);
        }

        var summary = await Smtp.WaitForAsync(digest, m => (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));
        Assert.Matches(DigestSubject(), summary.Subject);
        Assert.Contains("High pen: intake down 12 %", summary.TextBody, StringComparison.Ordinal);
        Assert.Contains("Corn silage: 2 days left", summary.TextBody, StringComparison.Ordinal);
        await Task.Delay(1000, Ct);
        Assert.Single(Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == digest) && (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));
        // Besides their account e-mails (registration or address confirmation, the farm's invitation), nothing for the person in
        // quiet hours, the one who wants other kinds, the unconfirmed one.
        Assert.DoesNotContain(Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == quiet || b.Address == unwanted || b.Address == unverified)
                                                   && !(m.Subject ?? "").Contains("Confirm", StringComparison.Ordinal)
                                                   && !(m.Subject ?? "").StartsWith("Invitation to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_ration_change_sends_one_email_per_person_listing_its_deficits()
    {
        var herd = await HerdApi.CreateAsync(Api, withRation: false);
        var owner = await VerifiedMemberAsync(herd, null, "owner", new { alertKinds = new[] { "nutrientDeficit" }, delivery = "immediate", timeZone = "Asia/Seoul" });
        var nutritionist = await VerifiedMemberAsync(herd, "nutritionist", "nutritionist", new { alertKinds = new[] { "nutrientDeficit" }, delivery = "immediate" });

        // Corn silage alone, far too little: one ration change, several nutrients short, each its own alert.
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}/groups/{herd.GroupId}/ration",
            new { items = new[] { new { feedId = "corn-silage", kgDryMatterPerHead = 12.0 } } }, Ct));
        var deficits = (await DemoFarm.Ok(await herd.Owner.GetAsync($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct))).EnumerateArray()
            .Where(a => a.GetProperty("kind").GetString() == "nutrientDeficit").Select(a => a.GetProperty("title").GetString()!).ToList();
        Assert.True(deficits.Count >= 3, $"the ration should fall short in several nutrients: {string.Join("; ", deficits)}");

        foreach (var person in new[] { owner, nutritionist })
        {
            var email = await Smtp.WaitForAsync(person, m => (m.Subject ?? "").StartsWith("[천안 목장]", StringComparison.Ordinal));
            Assert.Equal($"[천안 목장] Warning: {deficits.Count} alerts", email.Subject);
            Assert.All(deficits, title => Assert.Contains(title, email.TextBody, StringComparison.Ordinal));
            // No time zone chosen: the farm's default, Asia/Seoul.
            Assert.Contains(" Asia/Seoul · 천안 목장 · Warning · Nutrient deficit: ", email.TextBody, StringComparison.Ordinal);
        }

        await Task.Delay(1500, Ct); // several worker rounds past the burst window
        foreach (var person in new[] { owner, nutritionist })
        {
            Assert.Single(Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == person) && (m.Subject ?? "").StartsWith("[천안 목장]", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_weekly_farm_report_arrives_once_with_each_groups_ration()
    {
        var herd = await HerdApi.CreateAsync(Api);
        var owner = await VerifiedMemberAsync(herd, null, "owner", new { alertKinds = Array.Empty<string>(), delivery = "off", weeklyReport = true, digestHour = 0, timeZone = "UTC" });

        var report = await Smtp.WaitForAsync(owner, m => (m.Subject ?? "").StartsWith("CNUCNM weekly farm report", StringComparison.Ordinal));
        // The farm was created today, after the reported week: no alerts in that week; the ration's open alerts still count.
        var open = (await herd.Owner.GetFromJsonAsync<JsonElement>($"/api/v1/farms/{herd.FarmId}/alerts?open=true", Ct)).GetArrayLength();
        Assert.Contains($"천안 목장: 0 alerts this week, {open} not yet acknowledged.", report.TextBody, StringComparison.Ordinal);
        // HerdApi's ration: 8.21 + 6.73 + 5.47 + 4.11 = 24.52 kg DM per head for the 40-cow pen; no intake readings yet.
        Assert.True((report.TextBody ?? "").Contains("· High pen (40 head): ate — kg DM/head/day (0 days recorded), formulated 24.5 kg DM/head/day, feed cost ",
            StringComparison.Ordinal), report.TextBody);
        await Task.Delay(1500, Ct); // several worker rounds
        Assert.Single(Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == owner) && (m.Subject ?? "").Contains("weekly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preferences_are_validated_field_by_field_and_read_back()
    {
        var (client, _) = await Api.CreateUserClientAsync("prefs");
        var empty = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications", Ct);
        Assert.Equal("off", empty.GetProperty("delivery").GetString());

        var bad = await client.PutAsJsonAsync("/api/v1/me/notifications",
            new { alertKinds = new[] { "cowEscaped" }, delivery = "hourly", quietHoursStart = "25:00", digestHour = 24, timeZone = "Mars/Olympus" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["alertKinds", "delivery", "digestHour", "quietHoursStart", "timeZone"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me/notifications",
            new { alertKinds = new[] { "sensorSilent" }, delivery = "immediate", quietHoursStart = "22:00", quietHoursEnd = "06:30", timeZone = "Asia/Seoul" }, Ct)).StatusCode);
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications", Ct);
        Assert.Equal("06:30", stored.GetProperty("quietHoursEnd").GetString());
        Assert.Equal("sensorSilent", stored.GetProperty("alertKinds")[0].GetString());
    }

    [Fact]
    public async Task A_person_who_names_no_time_zone_gets_their_farms_else_Asia_Seoul()
    {
        var (loner, _) = await Api.CreateUserClientAsync("loner");
        Assert.Equal("Asia/Seoul", (await loner.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications", Ct)).GetProperty("timeZone").GetString());

        var herd = await HerdApi.CreateAsync(Api, withRation: false);
        await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync($"/api/v1/farms/{herd.FarmId}", new
        {
            name = "Kona dairy", location = new { region = "Hawaii", countryCode = "US" }, currency = "USD", timeZone = "Pacific/Honolulu",
        }, Ct));
        Assert.Equal("Pacific/Honolulu", (await herd.Owner.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications", Ct)).GetProperty("timeZone").GetString());
        var saved = await DemoFarm.Ok(await herd.Owner.PutAsJsonAsync("/api/v1/me/notifications", new { alertKinds = new[] { "intakeDrop" }, delivery = "immediate" }, Ct));
        Assert.Equal("Pacific/Honolulu", saved.GetProperty("timeZone").GetString());
    }

    /// <summary>A member with the role (the farm's owner when null) who set these preferences; registration by confirmation
    /// e-mail confirmed their address.</summary>
    private async Task<string> VerifiedMemberAsync(HerdApi herd, string? role, string name, object preferences)
    {
        HttpClient client;
        string email;
        if (role is null)
        {
            client = herd.Owner;
            email = (await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("email").GetString()!;
        }
        else
        {
            (client, email) = await Api.CreateUserClientAsync(name);
            await DemoFarm.AddMemberAsync(herd.Owner, herd.FarmId, client, email, role);
        }

        Assert.True((await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("emailVerified").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/me/notifications", preferences, Ct)).StatusCode);
        return email;
    }

    private static async Task<List<DateTimeOffset>> DueAtAsync(NpgsqlDataSource db, string address)
    {
        await using var command = db.CreateCommand("SELECT due_at FROM email_outbox WHERE to_address = $1 AND status = 'pending'");
        command.Parameters.AddWithValue(address);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var due = new List<DateTimeOffset>();
        while (await reader.ReadAsync(Ct))
        {
            due.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }

        return due;
    }

    [GeneratedRegex(@"^CNUCNM alert digest \d{4}-\d{2}-\d{2} \(2\)$")]
    private static partial Regex DigestSubject();
}
