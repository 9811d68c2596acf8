using Cnucnm.FieldValidation;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cnucnm.Api.Infrastructure;

/// <summary>Turns exceptions into ProblemDetails: request problems into 400 with a field-level
/// message, anything else into a bare 500 (logged, never a stack trace to the client).</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            problem = new HttpValidationProblemDetails(Describe(badRequest, PrefersKorean(httpContext.Request)))
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request could not be read.",
            };
        }
        else if (Unstorable(exception))
        {
            // PostgreSQL's text cannot hold U+0000 (SQLSTATE 22021); the statement failed, so nothing was written.
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [NulCharacter] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be stored.",
            };
        }
        else if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        else if (TransientFailure.Describe(exception) is { } unavailable)
        {
            // PostgreSQL down or a silo lost: nothing was acknowledged, the client retries the same
            // request (ingestion is idempotent by device and sequence).
            LogUnavailable(logger, httpContext.Request.Path, unavailable);
            httpContext.Response.Headers.RetryAfter = TransientFailure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable; retry later.",
            };
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public const string NulCharacter = "contains the NUL character (U+0000), which text cannot hold; remove it.";

    private static bool Unstorable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "22021" } || (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Unstorable)))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> Describe(BadHttpRequestException exception, bool korean) =>
        exception.InnerException is JsonException json
            ? RequiredMembers.FieldErrors(json, korean)
            : new(StringComparer.Ordinal) { ["body"] = [exception.Message] };

    /// <summary>Field messages in Korean when the request's language is Korean (Localization/ServerLanguage.cs: ?lang, Accept-Language, the
    /// person's stored language); before localisation ran (a body refused early), when the client asks for Korean first.</summary>
    internal static bool PrefersKorean(HttpRequest request) =>
        request.HttpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } language
            ? language.RequestCulture.UICulture.TwoLetterISOLanguageName == "ko"
            : request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault() is { } first
        && first.Value.Value?.StartsWith("ko", StringComparison.OrdinalIgnoreCase) == true;

    [LoggerMessage(Level = LogLevel.Warning, Message = "503 for {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
