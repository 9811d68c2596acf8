using Cnucnm.Contracts;
using Npgsql;

namespace Cnucnm.Grains.Infrastructure;

/// <summary>
/// Turns a transient PostgreSQL failure inside any grain call into <see cref="StorageUnavailableException"/>.
/// Npgsql's exceptions have no Orleans codec: sent back as they are, the response fails to serialize
/// and the caller gets a CodecNotFoundException (a 500 at the API) instead of a retryable answer.
/// </summary>
public sealed class StorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (Translate(exception) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>The exception to send the caller when <paramref name="exception"/> (or one it wraps)
    /// is a transient PostgreSQL failure; null for anything else (bugs, constraint violations).</summary>
    public static StorageUnavailableException? Translate(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } database)
            {
                // Message only: the inner Npgsql exception would not serialize either.
                return new StorageUnavailableException($"PostgreSQL unavailable: {database.Message}");
            }
        }

        return null;
    }
}
