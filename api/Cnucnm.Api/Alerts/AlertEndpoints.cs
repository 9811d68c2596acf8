using Cnucnm.FieldValidation;
using System.Security.Claims;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Api.Security;
using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Events;
using Cnucnm.Contracts.Security;
using Cnucnm.Storage.LiveHerd;
using Microsoft.AspNetCore.Http.HttpResults;
using Cnucnm.Contracts;

namespace Cnucnm.Api.Alerts;

public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var alerts = endpoints.Farm().MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync).WithName("ListAlerts").RequireAuthorization(Policies.Farm(FarmPermission.Read))
            .WithSummary("Alerts of the farm, newest first (open=true: unacknowledged only).");
        alerts.MapPost("/{alertId:guid}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlert")
            .RequireAuthorization(Policies.Farm(FarmPermission.AcknowledgeAlerts))
            .WithSummary("Acknowledge an alert.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<Alert>>, ValidationProblem>> ListAsync(
        Guid farmId, IAlertStore alerts, Localization.MessageLocalizer text, CancellationToken cancellationToken, bool open = false, int limit = 100)
    {
        if (limit is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Validation().Add("limit", "must be between 1 and 1000.").Errors);
        }

        return TypedResults.Ok<IReadOnlyList<Alert>>([.. (await alerts.ListAsync(farmId, open, limit, cancellationToken)).Select(text.Localize)]);
    }

    private static async Task<Results<Ok<Alert>, NotFound>> AcknowledgeAsync(
        Guid farmId, Guid alertId, IAlertStore alerts, IGrainFactory grains, ClaimsPrincipal user, TimeProvider clock, Localization.MessageLocalizer text,
        CancellationToken cancellationToken)
    {
        var alert = await alerts.AcknowledgeAsync(farmId, alertId, user.ActorId(), clock.GetUtcNow(), cancellationToken);
        if (alert is null)
        {
            return TypedResults.NotFound();
        }

        // Persist, then publish: the acknowledgement is stored, so its event goes out even if the client has gone.
        await grains.FarmEvents(farmId).PublishAsync(FarmEventKind.AlertAcknowledged, alert.GroupId, $"Acknowledged: {alert.Title}",
            cancellationToken: CancellationToken.None);
        return TypedResults.Ok(text.Localize(alert));
    }
}
