using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Events;
using Cnucnm.Storage.LiveHerd;

namespace Cnucnm.Grains.Alerts;

/// <summary>Stores an alert (one open alert per condition), then tells the farm's dashboards.</summary>
public sealed class AlertRaiser(IAlertStore alerts, IGrainFactory grains, TimeProvider clock)
{
    public async Task<Alert?> RaiseAsync(Guid farmId, Guid? groupId, AlertKind kind, AlertSeverity severity, string title, string detail,
        string dedupeKey, CancellationToken cancellationToken = default)
    {
        var alert = new Alert(Guid.CreateVersion7(), farmId, groupId, kind, severity, title, detail, clock.GetUtcNow(), null, null, dedupeKey);
        var stored = await alerts.RaiseAsync(alert, cancellationToken);
        if (stored is not null)
        {
            AlertMetrics.Raised.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
            await grains.GetGrain<IFarmEventsGrain>(farmId).PublishAsync(FarmEventKind.AlertRaised, groupId, title);
        }

        return stored;
    }
}

internal static class AlertMetrics
{
    public static readonly System.Diagnostics.Metrics.Counter<long> Raised =
        Contracts.Telemetry.Meter.CreateCounter<long>("cnucnm.alerts.raised", description: "Alerts raised, by kind");
}
