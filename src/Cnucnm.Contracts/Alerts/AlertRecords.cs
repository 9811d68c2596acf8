namespace Cnucnm.Contracts.Alerts;

[GenerateSerializer, Alias("cnucnm.AlertKind")]
public enum AlertKind
{
    NutrientDeficit = 0,
    NutrientExcess = 1,
    InfeasibleFormulation = 2,
    PriceJump = 3,
    IntakeDrop = 4,
    SensorSilent = 5,
    InventoryLow = 6,
    RationSuggestion = 7,
    WeighingOverdue = 8,
    CalvingDue = 9,
    DryOffDue = 10,
}

[GenerateSerializer, Alias("cnucnm.AlertSeverity")]
public enum AlertSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}

/// <summary>A stored alert. <see cref="DedupeKey"/> keeps one open alert per condition.</summary>
/// <param name="Title">In the caller's language when the API answers (English as stored).</param>
/// <param name="TitleMessage">The title as a message code with parameters (null on alerts stored before codes).</param>
/// <param name="DetailMessage">The detail as a message code with parameters.</param>
[GenerateSerializer, Immutable, Alias("cnucnm.Alert")]
public sealed record Alert(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid FarmId,
    [property: Id(2)] Guid? GroupId,
    [property: Id(3)] AlertKind Kind,
    [property: Id(4)] AlertSeverity Severity,
    [property: Id(5)] string Title,
    [property: Id(6)] string Detail,
    [property: Id(7)] DateTimeOffset RaisedAt,
    [property: Id(8)] DateTimeOffset? AcknowledgedAt,
    [property: Id(9)] string? AcknowledgedBy,
    [property: Id(10)] string DedupeKey,
    [property: Id(11)] Cnucnm.Nutrition.Messages.ServerMessage? TitleMessage = null,
    [property: Id(12)] Cnucnm.Nutrition.Messages.ServerMessage? DetailMessage = null);
