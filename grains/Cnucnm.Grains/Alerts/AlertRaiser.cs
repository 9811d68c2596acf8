using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Events;
using Cnucnm.Storage.LiveHerd;
using Cnucnm.Storage.Notifications;
using Cnucnm.Contracts;
using Cnucnm.Nutrition.Messages;

namespace Cnucnm.Grains.Alerts;

/// <summary>Stores an alert (one open alert per condition), writes the e-mails the farm's members asked for
/// to the e-mail outbox (due now, after quiet hours, or at the digest hour), then tells the farm's dashboards.</summary>
public sealed class AlertRaiser(IAlertStore alerts, INotificationStore notifications, IGrainFactory grains, TimeProvider clock)
{
    /// <summary>Raises an alert whose title and detail are message codes (rendered in the reader's language by the API); the
    /// stored title and detail are their English text.</summary>
    public Task<Alert?> RaiseAsync(Guid farmId, Guid? groupId, AlertKind kind, AlertSeverity severity, ServerMessage title, ServerMessage detail,
        string dedupeKey, CancellationToken cancellationToken = default) =>
        RaiseAsync(new Alert(Guid.CreateVersion7(), farmId, groupId, kind, severity, ServerText.English(title), ServerText.English(detail),
            clock.GetUtcNow(), null, null, dedupeKey, title, detail), cancellationToken);

    public Task<Alert?> RaiseAsync(Guid farmId, Guid? groupId, AlertKind kind, AlertSeverity severity, string title, string detail,
        string dedupeKey, CancellationToken cancellationToken = default) =>
        RaiseAsync(new Alert(Guid.CreateVersion7(), farmId, groupId, kind, severity, title, detail, clock.GetUtcNow(), null, null, dedupeKey), cancellationToken);

    private async Task<Alert?> RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        var (farmId, groupId, kind, title) = (alert.FarmId, alert.GroupId, alert.Kind, alert.Title);
        var stored = await alerts.RaiseAsync(alert, cancellationToken);
        if (stored is not null)
        {
            AlertMetrics.Raised.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
            await EnqueueEmailsAsync(stored, cancellationToken);
            // Persist, then publish: the alert is stored, so its event goes out whatever becomes of the caller.
            await grains.FarmEvents(farmId).PublishAsync(FarmEventKind.AlertRaised, groupId, title, cancellationToken: CancellationToken.None);
        }

        return stored;
    }

    /// <summary>Closes the open alert of a condition that is over (acknowledged by whoever ended it) and tells the dashboards.</summary>
    public async Task CloseAsync(Guid farmId, string dedupeKey, string closedBy, CancellationToken cancellationToken = default)
    {
        if (await alerts.AcknowledgeOpenAsync(farmId, dedupeKey, closedBy, clock.GetUtcNow(), cancellationToken) is { } closed)
        {
            await grains.FarmEvents(farmId).PublishAsync(FarmEventKind.AlertAcknowledged, closed.GroupId, $"Acknowledged: {closed.Title}",
                cancellationToken: CancellationToken.None);
        }
    }

    private async Task EnqueueEmailsAsync(Alert alert, CancellationToken cancellationToken)
    {
        var recipients = await notifications.RecipientsAsync(alert.FarmId, AlertEmailData.KindName(alert.Kind), cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var data = AlertEmailData.Of(alert).ToJson();
        await notifications.EnqueueAsync([.. recipients.Select(r => new OutboxEmail(Guid.CreateVersion7(), r.UserId, r.Email, r.Language,
            r.Preferences.Delivery == AlertEmailDelivery.DailyDigest ? EmailOutboxKind.AlertDigest : EmailOutboxKind.Alert,
            data, NotificationSchedule.DueAt(r.Preferences, now), now))], cancellationToken);
    }
}

internal static class AlertMetrics
{
    public static readonly System.Diagnostics.Metrics.Counter<long> Raised =
        Contracts.Telemetry.Meter.CreateCounter<long>("cnucnm.alerts.raised", description: "Alerts raised, by kind");
}
