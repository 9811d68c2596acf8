using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Cnucnm.Contracts;
using Cnucnm.Storage.Webhooks;

namespace Cnucnm.Silo.Hosting.Webhooks;

/// <summary>Sends one attempt of a delivery: signs it, POSTs it, and says what happens next (delivered,
/// retry at a jittered back-off, or dead after the configured attempts).</summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, WebhookSecrets secrets, WebhookOptions options, TimeProvider clock)
{
    public const string ClientName = "cnucnm-webhooks";
    private const int MaxErrorLength = 500;

    private static readonly Counter<long> Attempts = Telemetry.Meter.CreateCounter<long>("cnucnm.webhooks.attempts", description: "Webhook delivery attempts by outcome");
    private readonly RetrySchedule _schedule = new(options.BaseDelay, options.MaxDelay);

    public async Task<AttemptOutcome> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var at = clock.GetUtcNow();
        int? statusCode = null;
        string? error;
        var refused = false;
        try
        {
            var protector = secrets.Protector ?? throw new System.Security.Cryptography.CryptographicException(
                $"{IntegrationsSetup.SecretKeySetting} is not configured: the secret cannot be decrypted.");
            var secret = protector.Unprotect(delivery.SecretCiphertext, delivery.SubscriptionId);
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
            var timestamp = at.ToUnixTimeSeconds();
            request.Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json");
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("CNUCNM-Webhooks", "1"));
            request.Headers.Add(WebhookSignature.EventIdHeader, delivery.EventId.ToString());
            request.Headers.Add(WebhookSignature.EventTypeHeader, delivery.EventType);
            request.Headers.Add(WebhookSignature.DeliveryIdHeader, delivery.Id.ToString());
            request.Headers.Add(WebhookSignature.AttemptHeader, delivery.Attempt.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, delivery.Payload));

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"HTTP {statusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"no answer within {options.RequestTimeout.TotalSeconds:0.###} s";
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // Refused connection, TLS failure, undecryptable secret…: a failed attempt like any other, so the
            // delivery backs off and is dead-lettered in the end instead of being retried forever.
            error = exception is HttpRequestException { InnerException: { } inner } ? $"{exception.Message} ({inner.Message})" : exception.Message;
            refused = IsRefusedByEgressRules(exception);
        }

        var duration = clock.GetElapsedTime(started);
        string status;
        DateTimeOffset? next = null;
        if (error is null)
        {
            status = WebhookDeliveryStatus.Delivered;
        }
        else if (refused)
        {
            // The target itself is refused (loopback, private, link-local): retrying cannot help.
            status = WebhookDeliveryStatus.Dead;
            error = $"refused by the egress rules: {error}";
        }
        else if (delivery.AttemptsSinceResend >= options.MaxAttempts)
        {
            status = WebhookDeliveryStatus.Dead;
        }
        else
        {
            status = WebhookDeliveryStatus.Pending;
            next = clock.GetUtcNow() + _schedule.Delay(delivery.AttemptsSinceResend, Random.Shared.NextDouble());
        }

        Attempts.Add(1, new KeyValuePair<string, object?>("outcome", status));
        return new AttemptOutcome(delivery.Id, delivery.Attempt, at, statusCode, Truncate(error), duration, status, next);
    }

    private static bool IsRefusedByEgressRules(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is WebhookEgressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Truncate(string? error) => error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
}
