using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Cnucnm.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>PostgreSQL stores when a connection string is given; in-memory stores otherwise
    /// (the embedded profile and unit tests only).</summary>
    public static IServiceCollection AddCnucnmStorage(this IServiceCollection services, string? postgresConnectionString)
    {
        if (postgresConnectionString is { Length: > 0 })
        {
            services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(postgresConnectionString).Build());
            services.TryAddSingleton<SchemaMigrator>();
        }

        return services;
    }
}
