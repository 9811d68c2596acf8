using System.Text.Json;
using System.Text.Json.Serialization;
using Cnucnm.Contracts.Alerts;

namespace Cnucnm.Storage.Notifications;

/// <summary>The alert an outbox e-mail is about, as stored in <c>email_outbox.data</c>; title and detail in English and, when the alert
/// has them, as message codes that the e-mail renders in the recipient's language.</summary>
public sealed record AlertEmailData(Guid AlertId, Guid FarmId, Guid? GroupId, AlertKind Kind, AlertSeverity Severity, string Title, string Detail, DateTimeOffset RaisedAt,
    Cnucnm.Nutrition.Messages.ServerMessage? TitleMessage = null, Cnucnm.Nutrition.Messages.ServerMessage? DetailMessage = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The name of an alert kind in preferences and the API (camelCase, as the API writes enums).</summary>
    public static string KindName(AlertKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static AlertEmailData Of(Alert alert) =>
        new(alert.Id, alert.FarmId, alert.GroupId, alert.Kind, alert.Severity, alert.Title, alert.Detail, alert.RaisedAt, alert.TitleMessage, alert.DetailMessage);

    /// <summary>The title and detail in <paramref name="language"/> (en, ko): from the codes when there are, else as stored.</summary>
    public (string Title, string Detail) In(string language)
    {
        var culture = language == "ko" ? Cnucnm.Nutrition.Messages.ServerText.KoreanCulture : Cnucnm.Nutrition.Messages.ServerText.EnglishCulture;
        return (TitleMessage is { } title ? Cnucnm.Nutrition.Messages.ServerText.In(title, culture) : Title,
            DetailMessage is { } detail ? Cnucnm.Nutrition.Messages.ServerText.In(detail, culture) : Detail);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AlertEmailData FromJson(string json) => JsonSerializer.Deserialize<AlertEmailData>(json, Json)!;
}
