using Cnucnm.Api.Security;
using Cnucnm.Storage.Identity;

namespace Cnucnm.Api.Infrastructure;

/// <summary>Records every write (POST, PUT, PATCH, DELETE) after it is answered: who (user or device
/// key), what (method and route), which farm, when, from where, and the status.</summary>
public sealed partial class AuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider clock, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            await RecordAsync(context);
        }
    }

    private async Task RecordAsync(HttpContext context)
    {
        // Failed sign-ins are recorded too (status 401/423): they matter for security reviews.
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var route = endpoint?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        Guid? farmId = context.GetRouteValue("farmId") is string raw && Guid.TryParse(raw, out var id) ? id
            : context.User.GetDeviceFarmId();
        var entry = new AuditEntry(
            clock.GetUtcNow(),
            context.User.IsDevice() ? "device" : context.User.GetUserId() is null ? "anonymous" : "user",
            context.User.ActorId(),
            farmId,
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
