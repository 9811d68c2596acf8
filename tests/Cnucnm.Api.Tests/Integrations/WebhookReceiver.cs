using System.Collections.Concurrent;
using Cnucnm.Silo.Hosting.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cnucnm.Api.Tests.Integrations;

/// <summary>What the receiver meant to answer an attempt. <see cref="Stored"/>: it kept the event before answering.</summary>
public enum ReceiverAnswer
{
    Ok,
    RefusedUnavailable,
    StoredThenError,
    StoredThenTooSlow,
    BadSignature,
}

public sealed record ReceivedDelivery(Guid EventId, Guid DeliveryId, int Attempt, string EventType, string Body, ReceiverAnswer Answer)
{
    public bool Stored => Answer is ReceiverAnswer.Ok or ReceiverAnswer.StoredThenError or ReceiverAnswer.StoredThenTooSlow;
}

/// <summary>
/// A webhook receiver on a real Kestrel socket, as a customer would run one: verifies every signature,
/// and answers according to <see cref="Decide"/> (always OK unless a test says otherwise). It can be
/// stopped (connections refused) and started again on the same port.
/// </summary>
public sealed class WebhookReceiver(string secret, TimeSpan slowAnswer) : IAsyncDisposable
{
    private readonly int _port = Cnucnm.Testing.PostgresServer.FreePort();
    private WebApplication? _app;

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    /// <summary>Chooses each attempt's answer; called once per request with a valid signature.</summary>
    public Func<ReceiverAnswer> Decide { get; set; } = () => ReceiverAnswer.Ok;

    public Uri Url => new($"http://127.0.0.1:{_port}/hooks/cnucnm");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        var app = builder.Build();
        app.MapPost("/hooks/cnucnm", (Delegate)HandleAsync);
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var valid = WebhookSignature.Verify(secret, headers[WebhookSignature.TimestampHeader], body, headers[WebhookSignature.SignatureHeader],
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var answer = valid ? Decide() : ReceiverAnswer.BadSignature;
        Received.Enqueue(new ReceivedDelivery(
            Guid.Parse(headers[WebhookSignature.EventIdHeader].ToString()),
            Guid.Parse(headers[WebhookSignature.DeliveryIdHeader].ToString()),
            int.Parse(headers[WebhookSignature.AttemptHeader].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            headers[WebhookSignature.EventTypeHeader].ToString(), body, answer));
        switch (answer)
        {
            case ReceiverAnswer.Ok:
                return Results.Ok();
            case ReceiverAnswer.RefusedUnavailable:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case ReceiverAnswer.StoredThenError:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case ReceiverAnswer.StoredThenTooSlow:
                try
                {
                    await Task.Delay(slowAnswer, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The sender gave up waiting, as intended.
                }

                return Results.Ok();
            default:
                return Results.Unauthorized();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
