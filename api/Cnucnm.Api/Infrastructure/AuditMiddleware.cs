using Cnucnm.Api.Security;
using Cnucnm.Storage.Identity;

namespace Cnucnm.Api.Infrastructure;

/// <summary>
/// Records every write (POST, PUT, PATCH, DELETE) once it is answered: who (user or device key), what (method
/// and route), which farm, when, from where, and the final status. It wraps the exception handler, so refusals
/// by authentication and authorization (401, 403) and failures (400 from bad JSON, 500, 503) are recorded with
/// the status the client got; requests refused by the rate limiter (429) are not, so that a flood cannot turn
/// into audit rows.
/// </summary>
public sealed partial class AuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider clock, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        // The route as matched now: the exception handler clears it when a request fails.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        Guid? routeFarmId = context.GetRouteValue("farmId") is string raw && Guid.TryParse(raw, out var id) ? id : null;
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Response.StatusCode != StatusCodes.Status429TooManyRequests)
            {
                await RecordAsync(context, route, routeFarmId);
            }
        }
    }

    private async Task RecordAsync(HttpContext context, string route, Guid? routeFarmId)
    {
        // Failed sign-ins are recorded too (status 401/423): they matter for security reviews.
        var entry = new AuditEntry(
            clock.GetUtcNow(),
            context.User.IsDevice() ? "device" : context.User.GetUserId() is null ? "anonymous" : "user",
            context.User.ActorId(),
            routeFarmId ?? context.User.GetDeviceFarmId(),
            $"{context.Request.Method} {route}",
            context.Request.Path.Value ?? "",
            context.Response.StatusCode,
            context.Connection.RemoteIpAddress?.ToString(),
            context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 300)] : null,
            System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        try
        {
            await audit.WriteAsync(entry, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogAuditFailed(logger, exception, entry.Action);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry for {Action}")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string action);
}
