using Cnucnm.Storage.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>
/// Sends the webhook outbox. The worker claims due deliveries (in PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>,
/// so any number of silos run a worker without sending a row twice) and sends each on its own: its outcome is
/// recorded the moment its receiver answers or times out, and a freed slot is filled at once. No delivery waits
/// for another, and one subscription holds at most <see cref="WebhookOptions.MaxConcurrencyPerSubscription"/> of the
/// <see cref="WebhookOptions.MaxConcurrency"/> slots, so a slow or hanging receiver delays only its own deliveries.
/// A silo that dies mid-send loses nothing: its claims expire after the lease and another worker sends those
/// deliveries again (a documented duplicate, recognisable by the event id).
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IWebhookStore store, WebhookSender sender, WebhookOptions options, TimeProvider clock, ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _inFlightBySubscription = [];
    private readonly SemaphoreSlim _slotFreed = new(0);
    private int _inFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sends = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                var started = await ClaimAndStartAsync(stoppingToken);
                claimed = started.Count;
                sends.AddRange(started);
                sends.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // PostgreSQL unavailable, most likely: the outbox is intact; try again after the interval.
                LogRoundFailed(logger, exception);
            }

            if (claimed == 0 || FreeSlots() == 0)
            {
                try
                {
                    // Idle, or every slot taken: look again after the interval, or as soon as a send finishes.
                    await _slotFreed.WaitAsync(options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        // Sends in flight finish (or time out) and record their outcome before the host stops.
        await Task.WhenAll(sends);
    }

    /// <summary>Claims what the free slots allow, starts each send and returns the sends started (tests await them).</summary>
    public async Task<IReadOnlyList<Task>> ClaimAndStartAsync(CancellationToken cancellationToken)
    {
        var free = FreeSlots();
        if (free == 0)
        {
            return [];
        }

        Guid[] busy;
        lock (_lock)
        {
            busy = [.. _inFlightBySubscription.Where(s => s.Value >= options.MaxConcurrencyPerSubscription).Select(s => s.Key)];
        }

        var now = clock.GetUtcNow();
        // One per subscription a claim: a subscription below its cap stays at or below it (claims repeat while slots are free).
        var claimed = await store.ClaimDueAsync(now, now + options.Lease, free, cancellationToken, busy, perSubscription: 1);
        var started = new List<Task>(claimed.Count);
        foreach (var delivery in claimed)
        {
            lock (_lock)
            {
                _inFlight++;
                _inFlightBySubscription[delivery.SubscriptionId] = _inFlightBySubscription.GetValueOrDefault(delivery.SubscriptionId) + 1;
            }

            started.Add(Task.Run(() => SendAsync(delivery, cancellationToken), CancellationToken.None));
        }

        return started;
    }

    private async Task SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await sender.SendAsync(delivery, cancellationToken);
            await store.RecordAsync([outcome], CancellationToken.None);
            if (outcome.NewStatus == WebhookDeliveryStatus.Dead)
            {
                LogDeadLettered(logger, outcome.DeliveryId, outcome.Attempt, outcome.Error);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not recorded: the lease runs out and the delivery is sent again.
            LogSendFailed(logger, exception, delivery.Id);
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
                var left = _inFlightBySubscription[delivery.SubscriptionId] - 1;
                if (left == 0)
                {
                    _inFlightBySubscription.Remove(delivery.SubscriptionId);
                }
                else
                {
                    _inFlightBySubscription[delivery.SubscriptionId] = left;
                }
            }

            _slotFreed.Release();
        }
    }

    private int FreeSlots()
    {
        lock (_lock)
        {
            return Math.Max(0, options.MaxConcurrency - _inFlight);
        }
    }

    public override void Dispose()
    {
        _slotFreed.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery round failed; the outbox is retried")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} could not be recorded; it is sent again when its lease ends")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} dead-lettered after attempt {Attempt}: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid deliveryId, int attempt, string? error);
}
