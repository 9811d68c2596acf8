namespace Cnucnm.Contracts.Events;

/// <summary>The names of farm events as webhook subscribers see them (<c>X-Cnucnm-Event-Type</c> and
/// the payload's <c>type</c>). Names are part of the public contract: never rename one.</summary>
public static class WebhookEventTypes
{
    private static readonly Dictionary<FarmEventKind, string> Names = new()
    {
        [FarmEventKind.GroupChanged] = "group.changed",
        [FarmEventKind.IntakeRecorded] = "intake.recorded",
        [FarmEventKind.RationChanged] = "ration.changed",
        [FarmEventKind.PriceChanged] = "price.changed",
        [FarmEventKind.AlertRaised] = "alert.raised",
        [FarmEventKind.AlertAcknowledged] = "alert.acknowledged",
        [FarmEventKind.SuggestionCreated] = "ration.suggested",
        [FarmEventKind.AnalysisApplied] = "analysis.applied",
    };

    public static IReadOnlyCollection<string> All { get; } = [.. Names.Values.Order(StringComparer.Ordinal)];

    public static string Of(FarmEventKind kind) => Names[kind];

    public static bool IsKnown(string? name) => name is not null && Names.ContainsValue(name);
}
