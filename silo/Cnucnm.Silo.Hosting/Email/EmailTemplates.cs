using System.Globalization;
using System.Net;
using System.Text;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Nutrition.Messages;

namespace Cnucnm.Silo.Hosting.Email;

/// <summary>One alert as an e-mail shows it.</summary>
public sealed record AlertEmailItem(Guid AlertId, Guid FarmId, string FarmName, AlertKind Kind, AlertSeverity Severity, string Title, string Detail, DateTimeOffset RaisedAt);

/// <summary>
/// The e-mails CNUCNM sends, in English (<c>en</c>) and Korean (<c>ko</c>; any other language falls back
/// to English). Each has a plain-text and an HTML part; everything that comes from data is HTML-encoded.
/// </summary>
public static class EmailTemplates
{
    public static EmailContent PasswordReset(string language, string displayName, Uri link, TimeSpan validFor) =>
        FromCatalogue(language, "email.passwordReset", 2, link, ("name", displayName), ("minutes", Minutes(validFor)));

    public static EmailContent EmailVerification(string language, string displayName, Uri link, TimeSpan validFor) =>
        FromCatalogue(language, "email.verification", 1, link, ("name", displayName), ("hours", Hours(validFor)));

    /// <summary>To a new address: the link makes the account (registration by confirmation e-mail, issue #20).</summary>
    public static EmailContent RegistrationConfirmation(string language, string displayName, Uri link, TimeSpan validFor) =>
        FromCatalogue(language, "email.registration", 2, link, ("name", displayName), ("hours", Hours(validFor)));

    /// <summary>To an address that has an account already: somebody tried to register with it; a reset link if that was the owner.</summary>
    public static EmailContent RegistrationAttempt(string language, string displayName, Uri resetLink, TimeSpan validFor) =>
        FromCatalogue(language, "email.registrationAttempt", 2, resetLink, ("name", displayName), ("minutes", Minutes(validFor)));

    /// <summary>An invitation to a farm: accepted signed in with this address (registering first when there is no account). The role is
    /// named in the reader's language (<c>role.*</c>).</summary>
    public static EmailContent FarmInvitation(string language, string farmName, string role, string invitedBy, Uri link, TimeSpan validFor) =>
        FromCatalogue(language, "email.invitation", 2, link, ("farm", farmName), ("role", role), ("by", invitedBy), ("days", Days(validFor)));

    /// <summary>An e-mail whose texts are catalogue codes (<c>{prefix}.subject</c>, <c>.greeting</c>, <c>.p1</c> … <c>.p{paragraphs}</c>,
    /// <c>.action</c>) rendered in the reader's language (Korean for <c>ko</c>, else English) with the same arguments.</summary>
    private static EmailContent FromCatalogue(string language, string prefix, int paragraphs, Uri link, params (string Name, object? Value)[] args)
    {
        string Text(string code) => ServerText.In(ServerMessage.Of($"{prefix}.{code}", args), Culture(language));
        return Build(Text("subject"), Text("greeting"), [.. Enumerable.Range(1, paragraphs).Select(i => Text($"p{i}"))], (Text("action"), link));
    }

    private static System.Globalization.CultureInfo Culture(string language) => Korean(language) ? ServerText.KoreanCulture : ServerText.EnglishCulture;

    private static string Catalogue(string language, string code, params (string Name, object? Value)[] args) =>
        ServerText.In(ServerMessage.Of(code, args), Culture(language));

    /// <summary>One alert; its time in <paramref name="zone"/> (the person's zone, else the farm's).</summary>
    public static EmailContent AlertNotification(string language, string displayName, AlertEmailItem alert, TimeZoneInfo zone, Uri link) => Korean(language)
        ? Build($"[{alert.FarmName}] {SeverityKo(alert.Severity)}: {alert.Title}", $"{displayName}님,",
            [$"{alert.FarmName} 목장에 {KindKo(alert.Kind)} 알림이 발생했습니다 ({Local(alert.RaisedAt, zone)}).", $"{alert.Title} — {alert.Detail}"],
            ("알림 보기", link))
        : Build($"[{alert.FarmName}] {alert.Severity}: {alert.Title}", $"Hello {displayName},",
            [$"{KindEn(alert.Kind)} alert on {alert.FarmName} ({Local(alert.RaisedAt, zone)}).", $"{alert.Title} — {alert.Detail}"],
            ("Open alerts", link));

    /// <summary>The events of one farm written within the burst window (one ration change's deficits), as one e-mail.</summary>
    public static EmailContent AlertBurst(string language, string displayName, IReadOnlyList<AlertEmailItem> alerts, TimeZoneInfo zone, Uri link)
    {
        var ko = Korean(language);
        var farm = alerts[0].FarmName;
        var worst = alerts.Max(a => a.Severity);
        var lines = AlertLines(alerts, zone, ko);
        var firstAt = Local(alerts.Min(a => a.RaisedAt), zone);
        return ko
            ? Build($"[{farm}] {SeverityKo(worst)}: 알림 {alerts.Count}건", $"{displayName}님,",
                [$"{farm} 목장에 알림 {alerts.Count}건이 함께 발생했습니다 ({firstAt}부터).", .. lines], ("알림 보기", link))
            : Build($"[{farm}] {worst}: {alerts.Count} alerts", $"Hello {displayName},",
                [$"{alerts.Count} alerts on {farm} together (from {firstAt}).", .. lines], ("Open alerts", link));
    }

    public static EmailContent AlertDigest(string language, string displayName, DateOnly day, IReadOnlyList<AlertEmailItem> alerts, TimeZoneInfo zone, Uri link)
    {
        var ko = Korean(language);
        var lines = AlertLines(alerts, zone, ko);
        return ko
            ? Build($"CNUCNM 알림 요약 {day:yyyy-MM-dd} ({alerts.Count}건)", $"{displayName}님,", [$"지난 요약 이후 알림 {alerts.Count}건입니다.", .. lines], ("알림 보기", link))
            : Build($"CNUCNM alert digest {day:yyyy-MM-dd} ({alerts.Count})", $"Hello {displayName},", [$"{alerts.Count} alerts since your last digest.", .. lines], ("Open alerts", link));
    }

    public static EmailContent WeeklyFarmReport(string language, string displayName, DateOnly weekEnd, IReadOnlyList<WeeklyFarmSection> farms, Uri link)
    {
        var from = weekEnd.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = weekEnd.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var paragraphs = new List<string>();
        foreach (var farm in farms)
        {
            paragraphs.Add(Catalogue(language, "email.weekly.farm", ("farm", farm.FarmName), ("raised", farm.AlertsRaised), ("open", farm.AlertsOpen)));
            foreach (var group in farm.Groups)
            {
                var eaten = group.MeanDryMatterIntakeKgPerHead is { } kg ? Number(kg, 1) : "—";
                var formulated = group.FormulatedDryMatterKgPerHead is { } f ? Number(f, 1) : "—";
                var cost = group.CostPerHeadPerDay is { } c ? $"{Number((double)c, 0)} {farm.Currency}" : "—";
                paragraphs.Add(Catalogue(language, "email.weekly.group", ("group", group.GroupName), ("head", group.HeadCount), ("eaten", eaten),
                    ("days", group.DaysWithIntake), ("formulated", formulated), ("cost", cost)));
            }
        }

        if (farms.Count == 0)
        {
            paragraphs.Add(Catalogue(language, "email.weekly.noFarm"));
        }

        return Build(Catalogue(language, "email.weekly.subject", ("from", from), ("to", to)), Catalogue(language, "email.weekly.greeting", ("name", displayName)),
            paragraphs, (Catalogue(language, "email.weekly.action"), link));
    }

    private static string Number(double value, int decimals) => value.ToString(decimals == 0 ? "#,0" : "#,0.0", CultureInfo.InvariantCulture);

    private static bool Korean(string language) => string.Equals(language, "ko", StringComparison.OrdinalIgnoreCase);

    private static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    private static string Days(TimeSpan span) => ((int)span.TotalDays).ToString(CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture);

    private static List<string> AlertLines(IReadOnlyList<AlertEmailItem> alerts, TimeZoneInfo zone, bool ko) =>
    [
        .. alerts.OrderBy(a => a.RaisedAt)
            .Select(a => ko
                ? $"{Local(a.RaisedAt, zone)} · {a.FarmName} · {SeverityKo(a.Severity)} · {KindKo(a.Kind)}: {a.Title}"
                : $"{Local(a.RaisedAt, zone)} · {a.FarmName} · {a.Severity} · {KindEn(a.Kind)}: {a.Title}"),
    ];

    /// <summary>A time as the reader's clock shows it, with the zone named: "2026-11-25 15:30 Asia/Seoul".</summary>
    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone.Id}";

    private static string SeverityKo(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "긴급",
        AlertSeverity.Warning => "주의",
        _ => "정보",
    };

    private static string KindEn(AlertKind kind) => kind switch
    {
        AlertKind.NutrientDeficit => "Nutrient deficit",
        AlertKind.NutrientExcess => "Nutrient excess",
        AlertKind.InfeasibleFormulation => "Infeasible formulation",
        AlertKind.PriceJump => "Price jump",
        AlertKind.IntakeDrop => "Intake drop",
        AlertKind.SensorSilent => "Silent sensor",
        AlertKind.InventoryLow => "Low stock",
        AlertKind.RationSuggestion => "Ration suggestion",
        _ => kind.ToString(),
    };

    private static string KindKo(AlertKind kind) => kind switch
    {
        AlertKind.NutrientDeficit => "영양소 부족",
        AlertKind.NutrientExcess => "영양소 과잉",
        AlertKind.InfeasibleFormulation => "배합 불가",
        AlertKind.PriceJump => "가격 급등",
        AlertKind.IntakeDrop => "섭취량 감소",
        AlertKind.SensorSilent => "센서 무응답",
        AlertKind.InventoryLow => "재고 부족",
        AlertKind.RationSuggestion => "배합 제안",
        _ => kind.ToString(),
    };

    private static EmailContent Build(string subject, string greeting, IReadOnlyList<string> paragraphs, (string Label, Uri Url) action)
    {
        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var paragraph in paragraphs)
        {
            text.AppendLine(paragraph);
        }

        text.AppendLine().AppendLine($"{action.Label}: {action.Url.AbsoluteUri}").AppendLine().AppendLine("CNUCNM");

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:sans-serif;line-height:1.5\"><p>").Append(Encode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        }

        html.Append("<p><a href=\"").Append(Encode(action.Url.AbsoluteUri)).Append("\">").Append(Encode(action.Label)).Append("</a></p>")
            .Append("<p style=\"color:#666\">CNUCNM</p></body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
