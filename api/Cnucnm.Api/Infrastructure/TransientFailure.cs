using Cnucnm.Contracts;
using Npgsql;
using Orleans.Runtime;

namespace Cnucnm.Api.Infrastructure;

/// <summary>Failures of a dependency that heal by themselves (PostgreSQL unreachable or restarting,
/// a silo that died or is leaving, a grain call that timed out). Clients get 503 with Retry-After,
/// never a 2xx and never a 500.</summary>
public static class TransientFailure
{
    public const int RetryAfterSeconds = 2;

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
                case SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException:
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
