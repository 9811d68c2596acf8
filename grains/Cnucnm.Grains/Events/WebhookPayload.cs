using System.Text.Json;
using System.Text.Json.Serialization;
using Cnucnm.Contracts.Events;

namespace Cnucnm.Grains.Events;

/// <summary>The JSON body of a webhook delivery (schema in docs/integrations.md). The same event has the
/// same <see cref="Id"/> in every attempt and re-send: receivers de-duplicate on it.</summary>
public sealed record WebhookPayload(
    Guid Id,
    string Type,
    Guid FarmId,
    Guid? GroupId,
    long Sequence,
    DateTimeOffset OccurredAt,
    string Summary,
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyDictionary<string, string> Links)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static WebhookPayload Of(Guid eventId, Guid farmId, FarmEvent farmEvent) =>
        new(eventId, WebhookEventTypes.Of(farmEvent.Kind), farmId, farmEvent.GroupId, farmEvent.Sequence, farmEvent.At, farmEvent.Summary,
            farmEvent.Values, LinksOf(farmId, farmEvent));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Where a receiver fetches the rest (with an API token): for rations, the JSON ration and
    /// the mixer hand-off (JSON load sheet, XLSX and CSV).</summary>
    private static Dictionary<string, string> LinksOf(Guid farmId, FarmEvent farmEvent)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal) { ["events"] = $"/api/v1/farms/{farmId}/events" };
        if (farmEvent.GroupId is { } groupId)
        {
            var ration = $"/api/v1/farms/{farmId}/groups/{groupId}/ration";
            links["group"] = $"/api/v1/farms/{farmId}/groups/{groupId}";
            if (farmEvent.Kind is FarmEventKind.RationChanged or FarmEventKind.SuggestionCreated)
            {
                links["ration"] = ration;
                links["mixerSheet"] = $"{ration}/mixer-sheet";
                links["mixerSheetXlsx"] = $"{ration}/mixer-sheet.xlsx";
                links["mixerSheetCsv"] = $"{ration}/mixer-sheet.csv";
            }
        }

        if (farmEvent.Kind is FarmEventKind.AlertRaised or FarmEventKind.AlertAcknowledged)
        {
            links["alerts"] = $"/api/v1/farms/{farmId}/alerts";
        }

        return links;
    }
}
