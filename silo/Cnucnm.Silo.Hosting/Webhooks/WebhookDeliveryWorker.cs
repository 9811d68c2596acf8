using System.Collections.Concurrent;
using Cnucnm.Storage.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>
/// Sends the webhook outbox. Each round claims due deliveries (in PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of silos run a worker without sending a row twice),
/// sends them in parallel and records every outcome. A silo that dies mid-round loses nothing: its
/// claims expire after the lease and another worker sends those deliveries again (a documented
/// duplicate, recognisable by the event id).
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IWebhookStore store, WebhookSender sender, WebhookOptions options, TimeProvider clock, ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // PostgreSQL unavailable, most likely: the outbox is intact; try again after the interval.
                LogRoundFailed(logger, exception);
            }

            if (claimed < options.BatchSize)
            {
                try
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claim, send, record. Returns how many deliveries were claimed.</summary>
    public async Task<int> RunRoundAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await store.ClaimDueAsync(now, now + options.Lease, options.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var outcomes = new ConcurrentBag<AttemptOutcome>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (delivery, token) => outcomes.Add(await sender.SendAsync(delivery, token)));
        await store.RecordAsync([.. outcomes], cancellationToken);
        foreach (var dead in outcomes.Where(o => o.NewStatus == WebhookDeliveryStatus.Dead))
        {
            LogDeadLettered(logger, dead.DeliveryId, dead.Attempt, dead.Error);
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery round failed; the outbox is retried")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} dead-lettered after attempt {Attempt}: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid deliveryId, int attempt, string? error);
}
