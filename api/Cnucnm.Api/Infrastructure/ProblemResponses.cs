namespace Cnucnm.Api.Infrastructure;

/// <summary>Problem details written outside an endpoint (authorization, rate limits).</summary>
public static class ProblemResponses
{
    /// <summary>
    /// Writes <paramref name="context"/> through the problem-details service. A client whose Accept header names
    /// no JSON type (a browser's EventSource sends only <c>text/event-stream</c>) has no writer that "can write"
    /// for it; it still gets its status with an <c>application/problem+json</c> body, not an exception and a 500.
    /// </summary>
    public static async Task WriteProblemAsync(this IProblemDetailsService problems, ProblemDetailsContext context)
    {
        if (!await problems.TryWriteAsync(context))
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            await context.HttpContext.Response.WriteAsJsonAsync(context.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json", context.HttpContext.RequestAborted);
        }
    }
}
