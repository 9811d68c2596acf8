using System.Text.RegularExpressions;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Silo.Hosting.Email;
using MailKit.Security;
using Cnucnm.Testing;
using MimeKit;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>Every e-mail template, in English and Korean, sent through the product's MailKit sender to a
/// real SMTP server and read back as the recipient's mail client would.</summary>
public sealed partial class EmailTemplateTests : IAsyncLifetime
{
    private static readonly Uri Link = new("https://cnucnm.example/#/reset-password?token=abc-123_x");
    private static readonly AlertEmailItem Alert = new(Guid.NewGuid(), Guid.NewGuid(), "천안 <목장>", AlertKind.IntakeDrop, AlertSeverity.Critical,
        "High pen: intake down 12 %", "Dry matter intake 19.1 kg/head against 21.7 formulated.", new DateTimeOffset(2026, 11, 25, 6, 30, 0, TimeSpan.Zero));

    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    private SmtpReceiver _smtp = null!;
    private SmtpEmailSender _sender = null!;

    public ValueTask InitializeAsync()
    {
        _smtp = new SmtpReceiver();
        _sender = new SmtpEmailSender(new EmailOptions
        {
            SmtpHost = "127.0.0.1",
            SmtpPort = _smtp.Port,
            Security = SecureSocketOptions.None,
            FromAddress = "alerts@cnucnm.example",
            FromName = "CNUCNM",
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _smtp.DisposeAsync();

    public static TheoryData<string, string, string[]> Templates() => new()
    {
        { "passwordReset", "en", ["Reset your CNUCNM password", "60 minutes", "Hello Kim,"] },
        { "passwordReset", "ko", ["CNUCNM 비밀번호 재설정", "60분", "Kim님, 안녕하세요."] },
        { "emailVerification", "en", ["Confirm your e-mail address for CNUCNM", "48 hours"] },
        { "emailVerification", "ko", ["CNUCNM 이메일 주소 확인", "48시간"] },
        // The role is named in the reader's language (catalogue role.*), never the API's value.
        { "invitation", "en", ["Invitation to 천안 <목장> on CNUCNM", "Kim invited you to the farm 천안 <목장> as nutritionist.", "7 days"] },
        { "invitation", "ko", ["CNUCNM 천안 <목장> 목장 초대", "Kim님이 천안 <목장> 목장에 영양사 역할로 초대했습니다.", "7일"] },
        { "alert", "en", ["[천안 <목장>] Critical: High pen: intake down 12 %", "Intake drop alert on 천안 <목장> (2026-11-25 15:30 Asia/Seoul)", "21.7 formulated"] },
        { "alert", "ko", ["[천안 <목장>] 긴급: High pen: intake down 12 %", "섭취량 감소 알림", "2026-11-25 15:30 Asia/Seoul"] },
        // One ration change's eight deficits: one e-mail listing them, times on the reader's clock (06:30 UTC is 15:30 in Seoul).
        { "alertBurst", "en", ["[천안 <목장>] Warning: 8 alerts", "8 alerts on 천안 <목장> together (from 2026-11-25 15:30 Asia/Seoul).",
            "2026-11-25 15:30 Asia/Seoul · 천안 <목장> · Warning · Nutrient deficit: High pen: MP short by 3", "Nutrient deficit: High pen: MP short by 10"] },
        { "alertBurst", "ko", ["[천안 <목장>] 주의: 알림 8건", "천안 <목장> 목장에 알림 8건이 함께 발생했습니다 (2026-11-25 15:30 Asia/Seoul부터).", "영양소 부족: High pen: MP short by 3"] },
        { "alertDigest", "en", ["CNUCNM alert digest 2026-11-25 (2)", "2 alerts since your last digest.", "Low stock: Silage below 3 days"] },
        { "alertDigest", "ko", ["CNUCNM 알림 요약 2026-11-25 (2건)", "알림 2건입니다.", "재고 부족: Silage below 3 days"] },
        {
            "weeklyReport", "en",
            ["CNUCNM weekly farm report 2026-11-16 to 2026-11-22", "천안 <목장>: 3 alerts this week, 1 not yet acknowledged.",
             "· High pen (40 head): ate 23.1 kg DM/head/day (7 days recorded), formulated 24.5 kg DM/head/day, feed cost 8,421 KRW/head/day",
             "· Dry cows (12 head): ate — kg DM/head/day (0 days recorded), formulated 13.0 kg DM/head/day, feed cost —/head/day"]
        },
        {
            "weeklyReport", "ko",
            ["CNUCNM 주간 목장 보고서 2026-11-16–2026-11-22", "천안 <목장>: 이번 주 알림 3건, 미확인 알림 1건.",
             "· High pen (40두): 섭취 23.1 kg DM/두/일 (7일 기록), 배합 24.5 kg DM/두/일, 사료비 8,421 KRW/두/일"]
        },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_arrives_with_subject_text_and_html_parts_and_its_link(string template, string language, string[] expected)
    {
        var content = template switch
        {
            "passwordReset" => EmailTemplates.PasswordReset(language, "Kim", Link, TimeSpan.FromHours(1)),
            "emailVerification" => EmailTemplates.EmailVerification(language, "Kim", Link, TimeSpan.FromHours(48)),
            "invitation" => EmailTemplates.FarmInvitation(language, "천안 <목장>", "nutritionist", "Kim", Link, TimeSpan.FromDays(7)),
            "alert" => EmailTemplates.AlertNotification(language, "Kim", Alert, Seoul, Link),
            "alertBurst" => EmailTemplates.AlertBurst(language, "Kim", [.. Enumerable.Range(3, 8).Select(n => Alert with
                {
                    Kind = AlertKind.NutrientDeficit, Severity = AlertSeverity.Warning, Title = $"High pen: MP short by {n}", RaisedAt = Alert.RaisedAt.AddMilliseconds(n),
                })], Seoul, Link),
            "weeklyReport" => EmailTemplates.WeeklyFarmReport(language, "Kim", new DateOnly(2026, 11, 23),
                [new WeeklyFarmSection(Guid.NewGuid(), "천안 <목장>", "KRW",
                    [new WeeklyGroupLine("High pen", 40, 24.52, 23.08, 7, 8421m), new WeeklyGroupLine("Dry cows", 12, 13.0, null, 0, null)], 3, 1)], Link),
            _ => EmailTemplates.AlertDigest(language, "Kim", new DateOnly(2026, 11, 25),
                [Alert, Alert with { Kind = AlertKind.InventoryLow, Severity = AlertSeverity.Warning, Title = "Silage below 3 days" }], Seoul, Link),
        };
        var to = $"{template}-{language}@farm.test";

        await _sender.SendAsync(to, "Kim", content, TestContext.Current.CancellationToken);
        var message = await _smtp.WaitForAsync(to);

        Assert.Equal("alerts@cnucnm.example", message.From.Mailboxes.Single().Address);
        Assert.Equal(content.Subject, message.Subject);
        var text = message.TextBody;
        var html = message.HtmlBody;
        Assert.NotNull(text);
        Assert.NotNull(html);
        var everything = $"{message.Subject}\n{text}";
        foreach (var phrase in expected)
        {
            Assert.Contains(phrase, everything, StringComparison.Ordinal);
        }

        Assert.Contains(Link.AbsoluteUri, text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link.AbsoluteUri}\"", html, StringComparison.Ordinal);
        // Data is encoded in HTML: the farm name's angle brackets never become markup.
        Assert.DoesNotContain("<목장>", html, StringComparison.Ordinal);
        Assert.Equal(language == "ko", HangulOutsideData().IsMatch(text.Replace("천안", "", StringComparison.Ordinal).Replace("목장>", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Korean_text_survives_the_trip_through_SMTP_unchanged()
    {
        var content = EmailTemplates.EmailVerification("ko", "김철수", Link, TimeSpan.FromHours(48));
        await _sender.SendAsync("kim@farm.test", "김철수", content, TestContext.Current.CancellationToken);
        var message = await _smtp.WaitForAsync("kim@farm.test");
        Assert.Equal("CNUCNM 이메일 주소 확인", message.Subject);
        Assert.Equal("김철수", message.To.Mailboxes.Single().Name);
        Assert.StartsWith("김철수님, 안녕하세요.", message.TextBody, StringComparison.Ordinal);
    }

    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex HangulOutsideData();
}
