using Cnucnm.Contracts;
using Npgsql;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Cnucnm.Api.Infrastructure;

/// <summary>Failures of a dependency that heal by themselves (PostgreSQL unreachable or restarting,
/// a silo that died or is leaving, a gateway that refuses connections, a grain call that timed out).
/// Clients get 503 with Retry-After, never a 2xx and never a 500: a 500 means a bug. This is the one
/// mapping; <see cref="ProblemExceptionHandler"/> uses it for every endpoint.</summary>
public static class TransientFailure
{
    /// <summary>What the 503 asks a client to wait. A lost silo is declared dead within about 6 s
    /// (docs/reliability.md), so retrying every second lands on the survivors as soon as they serve.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>A short reason when <paramref name="exception"/> (or one it wraps) is transient; otherwise null.</summary>
    public static string? Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException { IsTransient: true } database:
                    return $"database: {database.Message}";
                case StorageUnavailableException storage:
                    return $"database (silo): {storage.Message}";
                // A silo that died or is shutting down, a message the runtime could not deliver, a gateway that is
                // overloaded, refused or dropped the connection, or a client the silo no longer knows.
                case SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException
                    or ConnectionFailedException or ClientNotAvailableException:
                    return $"cluster: {current.GetType().Name}";
                case TimeoutException:
                    return $"timeout: {current.Message}";
                case AggregateException aggregate when aggregate.InnerExceptions.Count > 1:
                    return aggregate.InnerExceptions.Select(Describe).FirstOrDefault(r => r is not null);
            }
        }

        return null;
    }
}
