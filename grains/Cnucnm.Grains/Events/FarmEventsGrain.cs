using Cnucnm.Contracts;
using Cnucnm.Contracts.Events;
using Cnucnm.Storage.Webhooks;
using Orleans.Streams;

namespace Cnucnm.Grains.Events;

/// <summary>
/// Numbers a farm's events, keeps the last <see cref="Capacity"/> for dashboards that reconnect with
/// Last-Event-ID, and publishes them on the farm's stream. Events describe facts already stored
/// elsewhere, so the buffer lives in memory: after a silo loss a dashboard gets a gap and reloads.
/// Sequence numbers start from the clock (ms × 1000) so they keep increasing across activations.
/// An event type that one of the farm's webhooks subscribes to is written to the webhook outbox
/// (PostgreSQL) before it is published: the delivery worker sends it from there, at least once.
/// </summary>
[GrainType("farm-events")]
public sealed class FarmEventsGrain(TimeProvider clock, IWebhookStore webhooks) : Grain, IFarmEventsGrain
{
    public const int Capacity = 1000;

    private readonly LinkedList<FarmEvent> _recent = new();
    private long _sequence;
    private IAsyncStream<FarmEvent>? _stream;
    private IReadOnlySet<string>? _subscribedTypes; // loaded by the first publish, so activation never needs the database

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _sequence = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _stream = this.GetStreamProvider(ProviderNames.Streams)
            .GetStream<FarmEvent>(StreamId.Create(FarmStreams.Namespace, this.GetPrimaryKey()));
        return Task.CompletedTask;
    }

    public Task WebhooksChangedAsync(CancellationToken cancellationToken)
    {
        _subscribedTypes = null;
        return Task.CompletedTask;
    }

    public async Task PublishAsync(FarmEventKind kind, Guid? groupId, string summary, IReadOnlyDictionary<string, double>? values,
        CancellationToken cancellationToken)
    {
        var farmEvent = new FarmEvent(++_sequence, clock.GetUtcNow(), kind, groupId, summary,
            values ?? new Dictionary<string, double>());
        var type = WebhookEventTypes.Of(kind);
        _subscribedTypes ??= await webhooks.SubscribedEventTypesAsync(this.GetPrimaryKey(), CancellationToken.None);
        if (_subscribedTypes.Contains(type))
        {
            // Durable before anything is sent; a failure here fails the publish, so the caller sees it.
            var payload = WebhookPayload.Of(Guid.CreateVersion7(), this.GetPrimaryKey(), farmEvent);
            await webhooks.EnqueueAsync(new WebhookEvent(payload.FarmId, payload.Id, type, payload.ToJson(), farmEvent.At), CancellationToken.None);
        }

        _recent.AddLast(farmEvent);
        if (_recent.Count > Capacity)
        {
            _recent.RemoveFirst();
        }

        await _stream!.OnNextAsync(farmEvent);
    }

    public Task<FarmEventPage> GetSinceAsync(long afterSequence, CancellationToken cancellationToken = default)
    {
        var events = _recent.Where(e => e.Sequence > afterSequence).ToList();
        // A gap: the client's last event is no longer kept (trimmed, or from a previous activation).
        var gap = afterSequence > 0 && !_recent.Any(e => e.Sequence == afterSequence);
        return Task.FromResult(new FarmEventPage(events, gap, _recent.Last?.Value.Sequence ?? _sequence));
    }
}
