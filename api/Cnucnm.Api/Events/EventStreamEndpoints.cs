using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Cnucnm.Api.Security;
using Cnucnm.Contracts;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Security;
using Orleans.Streams;

namespace Cnucnm.Api.Events;

/// <summary>
/// <c>GET /api/v1/farms/{farmId}/events</c>: the farm's events as server-sent events. Resumes after
/// <c>Last-Event-ID</c> from the farm's recent-event buffer (a <c>reset</c> event when that is no
/// longer possible), then streams live from the farm's Orleans stream. Bursts are coalesced: within
/// a short window only the latest intake figure per group is sent.
/// </summary>
public static class EventStreamEndpoints
{
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventStreamEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Farm().MapGet("/events", Stream).WithTags("Events").WithName("FarmEvents")
            .RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Server-sent events of the farm (resume with Last-Event-ID; browsers may pass ?access_token=).");
        return endpoints;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ServerSentEventsResult<object> Stream(Guid farmId, HttpContext http, IClusterClient cluster,
        SessionGuard sessions, TimeProvider clock, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : http.Request.Query["lastEventId"].ToString();
        _ = long.TryParse(lastEventId, out var after);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        // The stream lasts as long as the token it was opened with: the client reconnects with a fresh one,
        // and membership is checked again then (a removed member stops receiving within one token lifetime).
        var endsAt = long.TryParse(http.User.FindFirst("exp")?.Value, out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : DateTimeOffset.MaxValue;
        // A session that ends (sign-out, password or role change, lock-out, deletion) ends its open streams too, within
        // the session check's delay: the stream asks again as often as a request would find out.
        var userId = http.User.GetUserId();
        var stamp = http.User.FindFirst(CnucnmClaims.SecurityStamp)?.Value;
        Func<CancellationToken, ValueTask<bool>>? sessionIsCurrent = userId is { } id && stamp is not null
            ? ct => sessions.IsCurrentAsync(id, stamp, ct)
            : null;
        return TypedResults.ServerSentEvents(EventsAsync(farmId, after, endsAt, sessionIsCurrent, sessions.MaximumDelay, cluster, clock,
            lifetime.ApplicationStopping, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<object>> EventsAsync(Guid farmId, long after, DateTimeOffset endsAt,
        Func<CancellationToken, ValueTask<bool>>? sessionIsCurrent, TimeSpan sessionCheck, IClusterClient cluster,
        TimeProvider clock, CancellationToken stopping, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The application stopping ends the stream as a finished response (the browser reconnects, to another
        // instance in a rolling restart, and resumes by Last-Event-ID); waiting for the client to leave would hold
        // the graceful stop for Kestrel's whole shutdown timeout and then cut the connection.
        var channel = Channel.CreateBounded<FarmEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        var stream = cluster.GetStreamProvider(ProviderNames.Streams).GetStream<FarmEvent>(StreamId.Create(FarmStreams.Namespace, farmId));
        // Subscribe first, then read the backlog: nothing falls between the two; duplicates are skipped by sequence.
        var subscription = await stream.SubscribeAsync((e, _) => channel.Writer.WriteAsync(e, cancellationToken).AsTask());
        try
        {
            var backlog = await cluster.FarmEvents(farmId).GetSinceAsync(after, cancellationToken);
            if (backlog.Gap)
            {
                yield return new SseItem<object>(new { reason = "events were missed; reload the farm" }, "reset");
            }

            var sent = after;
            foreach (var farmEvent in backlog.Events)
            {
                sent = farmEvent.Sequence;
                yield return Item(farmEvent);
            }

            yield return new SseItem<object>(new { lastSequence = Math.Max(sent, backlog.LastSequence) }, "ready");

            var nextBeat = clock.GetUtcNow() + Heartbeat;
            var nextCheck = clock.GetUtcNow() + sessionCheck;
            while (!cancellationToken.IsCancellationRequested && !stopping.IsCancellationRequested && clock.GetUtcNow() < endsAt)
            {
                if (sessionIsCurrent is not null && clock.GetUtcNow() >= nextCheck)
                {
                    if (!await sessionIsCurrent(cancellationToken))
                    {
                        yield return new SseItem<object>(new { reason = "the session has ended; sign in again" }, "ended");
                        yield break;
                    }

                    nextCheck = clock.GetUtcNow() + sessionCheck;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
                wait.CancelAfter(Until(Earliest(endsAt, nextBeat, sessionIsCurrent is null ? DateTimeOffset.MaxValue : nextCheck), clock.GetUtcNow()));
                bool ready;
                try
                {
                    ready = await channel.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    ready = false;
                }

                if (!ready)
                {
                    if (clock.GetUtcNow() >= nextBeat)
                    {
                        nextBeat = clock.GetUtcNow() + Heartbeat;
                        yield return new SseItem<object>(new { }, "ping");
                    }

                    continue;
                }

                // Let a burst arrive, then send it coalesced.
                await Task.Delay(CoalesceWindow, cancellationToken);
                foreach (var farmEvent in Coalesce(Drain(channel.Reader)).Where(e => e.Sequence > sent))
                {
                    sent = farmEvent.Sequence;
                    yield return Item(farmEvent);
                }
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private static DateTimeOffset Earliest(params DateTimeOffset[] times) => times.Min();

    private static TimeSpan Until(DateTimeOffset at, DateTimeOffset now) => at > now ? at - now : TimeSpan.Zero;

    private static List<FarmEvent> Drain(ChannelReader<FarmEvent> reader)
    {
        var events = new List<FarmEvent>();
        while (reader.TryRead(out var farmEvent))
        {
            events.Add(farmEvent);
        }

        return events;
    }

    /// <summary>Within a burst, only the newest intake figure of each group matters; everything else is kept.</summary>
    public static IEnumerable<FarmEvent> Coalesce(IEnumerable<FarmEvent> burst)
    {
        var ordered = burst.OrderBy(e => e.Sequence).ToList();
        var latestIntake = ordered.Where(e => e.Kind == FarmEventKind.IntakeRecorded)
            .GroupBy(e => e.GroupId).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Last().Sequence);
        return ordered.Where(e => e.Kind != FarmEventKind.IntakeRecorded || latestIntake[e.GroupId ?? Guid.Empty] == e.Sequence);
    }

    private static SseItem<object> Item(FarmEvent farmEvent) =>
        new(new { farmEvent.Sequence, farmEvent.At, kind = farmEvent.Kind.ToString(), farmEvent.GroupId, farmEvent.Summary, farmEvent.Values },
            char.ToLowerInvariant(farmEvent.Kind.ToString()[0]) + farmEvent.Kind.ToString()[1..])
        {
            EventId = farmEvent.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
}
