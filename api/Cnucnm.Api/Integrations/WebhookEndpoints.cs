using System.Security.Claims;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Security;
using Cnucnm.FieldValidation;
using Cnucnm.Silo.Hosting.Webhooks;
using Cnucnm.Storage.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Cnucnm.Contracts;

namespace Cnucnm.Api.Integrations;

/// <summary>A farm's outgoing webhooks (owners and managers): subscribe a URL to event types, see the
/// delivery log, re-send a delivery. Deliveries are signed (docs/integrations.md) and sent at least once.</summary>
public static class WebhookEndpoints
{
    private const int MaxUrlLength = 2000;
    private static readonly string[] Statuses =
        [WebhookDeliveryStatus.Pending, WebhookDeliveryStatus.Delivered, WebhookDeliveryStatus.Dead, WebhookDeliveryStatus.Cancelled];

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var policy = Policies.Farm(FarmPermission.ManageIntegrations);
        var webhooks = endpoints.Farm().MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook").RequireAuthorization(policy)
            .WithSummary("Subscribe a URL to event types; the signing secret is in this response only.");
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks").RequireAuthorization(policy)
            .WithSummary("The farm's webhook subscriptions (without their secrets).");
        webhooks.MapDelete("/{webhookId:guid}", DeleteAsync).WithName("DeleteWebhook").RequireAuthorization(policy)
            .WithSummary("Delete a subscription; its pending deliveries are cancelled.");
        webhooks.MapGet("/{webhookId:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").RequireAuthorization(policy)
            .WithSummary("The delivery log, newest first: status, every attempt with its HTTP status or error, and the payload.");
        webhooks.MapPost("/{webhookId:guid}/deliveries/{deliveryId:guid}/resend", ResendAsync).WithName("ResendWebhookDelivery").RequireAuthorization(policy)
            .WithSummary("Send a delivery again now (a dead-lettered one included), with a fresh set of attempts and the same event id.");
        return endpoints;
    }

    private static async Task<Results<Created<CreatedWebhookResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid farmId, CreateWebhookRequest request, IWebhookStore store, WebhookSecrets secrets, IGrainFactory grains, ClaimsPrincipal caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var url = ValidateUrl(request.Url, validation);
        if (request.EventTypes is not { Length: > 0 })
        {
            validation.Add("eventTypes", $"is required: one or more of {string.Join(", ", WebhookEventTypes.All)}.");
        }
        else
        {
            foreach (var unknown in request.EventTypes.Where(t => !WebhookEventTypes.IsKnown(t)))
            {
                validation.Add("eventTypes", $"'{unknown}' is not an event type; use {string.Join(", ", WebhookEventTypes.All)}.");
            }
        }

        if (request.Description is { Length: > 200 })
        {
            validation.Add("description", "must be at most 200 characters.");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (secrets.Protector is not { } protector)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: $"Webhooks are not configured on this server ({IntegrationsSetup.SecretKeySetting} is missing).");
        }

        var id = Guid.CreateVersion7();
        var secret = WebhookSecretProtector.NewSecret();
        var subscription = new WebhookSubscription(id, farmId, url!, [.. request.EventTypes!.Distinct(StringComparer.Ordinal)],
            request.Description?.Trim() ?? "", protector.Protect(secret, id), caller.ActorId(), clock.GetUtcNow());
        await store.AddSubscriptionAsync(subscription, cancellationToken);
        await grains.FarmEvents(farmId).WebhooksChangedAsync(CancellationToken.None); // the change is stored: the feed must learn of it
        return TypedResults.Created($"/api/v1/farms/{farmId}/webhooks/{id}",
            new CreatedWebhookResponse(id, subscription.Url.AbsoluteUri, subscription.EventTypes, subscription.Description, secret, subscription.CreatedAt));
    }

    private static async Task<Ok<List<WebhookResponse>>> ListAsync(Guid farmId, IWebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListSubscriptionsAsync(farmId, cancellationToken))
            .Select(s => new WebhookResponse(s.Id, s.Url.AbsoluteUri, s.EventTypes, s.Description, s.CreatedBy, s.CreatedAt)).ToList());

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid farmId, Guid webhookId, IWebhookStore store, IGrainFactory grains, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await store.DeleteSubscriptionAsync(farmId, webhookId, clock.GetUtcNow(), cancellationToken))
        {
            return TypedResults.NotFound();
        }

        await grains.FarmEvents(farmId).WebhooksChangedAsync(CancellationToken.None); // the change is stored: the feed must learn of it
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<WebhookDeliveryResponse>>, ValidationProblem, NotFound>> DeliveriesAsync(
        Guid farmId, Guid webhookId, IWebhookStore store, HttpResponse response, CancellationToken cancellationToken, string? status = null, int limit = 50,
        Guid? after = null)
    {
        var validation = new Validation()
            .Require(status is null || Statuses.Contains(status), "status", $"must be one of {string.Join(", ", Statuses)}.")
            .Require(limit is >= 1 and <= 500, "limit", "must be between 1 and 500.");
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (await store.FindSubscriptionAsync(farmId, webhookId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var deliveries = await store.ListDeliveriesAsync(farmId, webhookId, status, limit, cancellationToken, after);
        if (deliveries.Count == limit)
        {
            // A full page: the next one starts after its last delivery (RFC 8288 link).
            var next = $"/api/v1/farms/{farmId}/webhooks/{webhookId}/deliveries?limit={limit}&after={deliveries[^1].Id}{(status is null ? "" : $"&status={status}")}";
            response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return TypedResults.Ok(deliveries.Select(d => new WebhookDeliveryResponse(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAt,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.LastStatusCode, d.LastError,
            [.. d.AttemptLog.Select(a => new WebhookAttemptResponse(a.Attempt, a.At, a.StatusCode, a.Error, a.DurationMs))],
            ParseJson(d.Payload))).ToList());
    }

    private static System.Text.Json.JsonElement ParseJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static async Task<Results<Accepted, NotFound>> ResendAsync(
        Guid farmId, Guid webhookId, Guid deliveryId, IWebhookStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        await store.ResendAsync(farmId, webhookId, deliveryId, clock.GetUtcNow(), cancellationToken)
            ? TypedResults.Accepted($"/api/v1/farms/{farmId}/webhooks/{webhookId}/deliveries")
            : TypedResults.NotFound();

    private static Uri? ValidateUrl(string? raw, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            validation.Add("url", "is required.");
            return null;
        }

        if (raw.Length > MaxUrlLength || !Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.UserInfo.Length > 0 || url.Fragment.Length > 0)
        {
            validation.Add("url", $"must be an absolute http or https URL without credentials or fragment, at most {MaxUrlLength} characters.");
            return null;
        }

        return url;
    }
}

public sealed record CreateWebhookRequest(string? Url, string[]? EventTypes, string? Description);

/// <param name="Secret">Verify each delivery's X-Cnucnm-Signature with it. It is shown only in this response.</param>
public sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> EventTypes, string Description, string Secret, DateTimeOffset CreatedAt);

public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> EventTypes, string Description, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record WebhookAttemptResponse(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
/// <param name="Payload">The JSON body sent (the same in every attempt).</param>
public sealed record WebhookDeliveryResponse(
    Guid Id,
    Guid EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    int? LastStatusCode,
    string? LastError,
    IReadOnlyList<WebhookAttemptResponse> AttemptLog,
    System.Text.Json.JsonElement Payload);
