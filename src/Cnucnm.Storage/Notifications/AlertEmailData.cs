using System.Text.Json;
using System.Text.Json.Serialization;
using Cnucnm.Contracts.Alerts;

namespace Cnucnm.Storage.Notifications;

/// <summary>The alert an outbox e-mail is about, as stored in <c>email_outbox.data</c>.</summary>
public sealed record AlertEmailData(Guid AlertId, Guid FarmId, Guid? GroupId, AlertKind Kind, AlertSeverity Severity, string Title, string Detail, DateTimeOffset RaisedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The name of an alert kind in preferences and the API (camelCase, as the API writes enums).</summary>
    public static string KindName(AlertKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static AlertEmailData Of(Alert alert) =>
        new(alert.Id, alert.FarmId, alert.GroupId, alert.Kind, alert.Severity, alert.Title, alert.Detail, alert.RaisedAt);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AlertEmailData FromJson(string json) => JsonSerializer.Deserialize<AlertEmailData>(json, Json)!;
}
