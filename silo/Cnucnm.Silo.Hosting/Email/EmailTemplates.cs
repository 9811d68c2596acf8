using System.Globalization;
using System.Net;
using System.Text;
using Cnucnm.Contracts.Alerts;

namespace Cnucnm.Silo.Hosting.Email;

/// <summary>One alert as an e-mail shows it.</summary>
public sealed record AlertEmailItem(Guid AlertId, Guid FarmId, string FarmName, AlertKind Kind, AlertSeverity Severity, string Title, string Detail, DateTimeOffset RaisedAt);

/// <summary>
/// The e-mails CNUCNM sends, in English (<c>en</c>) and Korean (<c>ko</c>; any other language falls back
/// to English). Each has a plain-text and an HTML part; everything that comes from data is HTML-encoded.
/// </summary>
public static class EmailTemplates
{
    public static EmailContent PasswordReset(string language, string displayName, Uri link, TimeSpan validFor) => Korean(language)
        ? Build("CNUCNM 비밀번호 재설정", $"{displayName}님, 안녕하세요.",
            [$"비밀번호 재설정을 요청하셨습니다. 아래 링크에서 새 비밀번호를 정하세요. 링크는 {Minutes(validFor)}분 동안 한 번만 쓸 수 있습니다.",
             "요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다."], ("비밀번호 재설정", link))
        : Build("Reset your CNUCNM password", $"Hello {displayName},",
            [$"Someone asked to reset your password. Choose a new one with the link below; it works once, for {Minutes(validFor)} minutes.",
             "If it was not you, ignore this e-mail: your password stays as it is."], ("Reset password", link));

    public static EmailContent EmailVerification(string language, string displayName, Uri link, TimeSpan validFor) => Korean(language)
        ? Build("CNUCNM 이메일 주소 확인", $"{displayName}님, 안녕하세요.",
            [$"이 주소가 맞는지 확인해 주세요. 확인해야 알림 메일을 받을 수 있습니다. 링크는 {Hours(validFor)}시간 동안 한 번만 쓸 수 있습니다."],
            ("이메일 주소 확인", link))
        : Build("Confirm your e-mail address for CNUCNM", $"Hello {displayName},",
            [$"Please confirm this is your address; alert e-mails are sent only to confirmed addresses. The link works once, for {Hours(validFor)} hours."],
            ("Confirm address", link));

    /// <summary>To a new address: the link makes the account (registration by confirmation e-mail, issue #20).</summary>
    public static EmailContent RegistrationConfirmation(string language, string displayName, Uri link, TimeSpan validFor) => Korean(language)
        ? Build("CNUCNM 가입 확인", $"{displayName}님, 안녕하세요.",
            [$"이 주소로 CNUCNM 가입을 신청하셨습니다. 아래 링크를 누르면 계정이 만들어집니다. 링크는 {Hours(validFor)}시간 동안 한 번만 쓸 수 있습니다.",
             "신청하지 않으셨다면 이 메일을 무시하세요. 계정은 만들어지지 않습니다."], ("가입 확인", link))
        : Build("Confirm your CNUCNM registration", $"Hello {displayName},",
            [$"Someone registered for CNUCNM with this address. The link below creates the account; it works once, for {Hours(validFor)} hours.",
             "If it was not you, ignore this e-mail: no account is made."], ("Create my account", link));

    /// <summary>To an address that has an account already: somebody tried to register with it; a reset link if that was the owner.</summary>
    public static EmailContent RegistrationAttempt(string language, string displayName, Uri resetLink, TimeSpan validFor) => Korean(language)
        ? Build("CNUCNM 가입 시도 알림", $"{displayName}님, 안녕하세요.",
            ["누군가 이미 계정이 있는 이 주소로 CNUCNM 가입을 시도했습니다. 새 계정은 만들어지지 않았습니다.",
             $"직접 하셨고 비밀번호가 기억나지 않으면 아래 링크에서 새 비밀번호를 정하세요. 링크는 {Minutes(validFor)}분 동안 한 번만 쓸 수 있습니다. 아니라면 이 메일을 무시하세요."],
            ("비밀번호 재설정", resetLink))
        : Build("Someone tried to register with your CNUCNM address", $"Hello {displayName},",
            ["Someone tried to register for CNUCNM with this address, which has an account already. No new account was made.",
             $"If it was you and you have forgotten your password, choose a new one with the link below; it works once, for {Minutes(validFor)} minutes. Otherwise ignore this e-mail."],
            ("Reset password", resetLink));

    /// <summary>An invitation to a farm: accepted signed in with this address (registering first when there is no account).</summary>
    public static EmailContent FarmInvitation(string language, string farmName, string role, string invitedBy, Uri link, TimeSpan validFor) => Korean(language)
        ? Build($"CNUCNM {farmName} 목장 초대", "안녕하세요.",
            [$"{invitedBy}님이 {farmName} 목장에 {role} 역할로 초대했습니다.",
             $"이 주소로 로그인한 뒤(계정이 없으면 이 주소로 가입한 뒤) 아래 링크에서 초대를 수락하세요. 링크는 {Days(validFor)}일 동안 한 번만 쓸 수 있습니다."],
            ("초대 수락", link))
        : Build($"Invitation to {farmName} on CNUCNM", "Hello,",
            [$"{invitedBy} invited you to the farm {farmName} as {role}.",
             $"Sign in with this address (or register with it first if you have no account), then accept with the link below; it works once, for {Days(validFor)} days."],
            ("Accept invitation", link));

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
        var ko = Korean(language);
        var from = weekEnd.AddDays(-7);
        var to = weekEnd.AddDays(-1);
        var paragraphs = new List<string>();
        foreach (var farm in farms)
        {
            paragraphs.Add(ko
                ? $"{farm.FarmName}: 이번 주 알림 {farm.AlertsRaised}건, 미확인 알림 {farm.AlertsOpen}건."
                : $"{farm.FarmName}: {farm.AlertsRaised} alerts this week, {farm.AlertsOpen} not yet acknowledged.");
            foreach (var group in farm.Groups)
            {
                var eaten = group.MeanDryMatterIntakeKgPerHead is { } kg ? Number(kg, 1) : "—";
                var formulated = group.FormulatedDryMatterKgPerHead is { } f ? Number(f, 1) : "—";
                var cost = group.CostPerHeadPerDay is { } c ? $"{Number((double)c, 0)} {farm.Currency}" : "—";
                paragraphs.Add(ko
                    ? $"· {group.GroupName} ({group.HeadCount}두): 섭취 {eaten} kg DM/두/일 ({group.DaysWithIntake}일 기록), 배합 {formulated} kg DM/두/일, 사료비 {cost}/두/일"
                    : $"· {group.GroupName} ({group.HeadCount} head): ate {eaten} kg DM/head/day ({group.DaysWithIntake} days recorded), formulated {formulated} kg DM/head/day, feed cost {cost}/head/day");
            }
        }

        if (farms.Count == 0)
        {
            paragraphs.Add(ko ? "소속된 목장이 없습니다." : "You are not a member of any farm.");
        }

        return ko
            ? Build($"CNUCNM 주간 목장 보고서 {from:yyyy-MM-dd}–{to:yyyy-MM-dd}", $"{displayName}님,", paragraphs, ("목장 보기", link))
            : Build($"CNUCNM weekly farm report {from:yyyy-MM-dd} to {to:yyyy-MM-dd}", $"Hello {displayName},", paragraphs, ("Open farms", link));
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
