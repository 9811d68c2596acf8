using Cnucnm.Storage;
using Cnucnm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cnucnm.Storage.Tests;

/// <summary>
/// The base of every store contract, as dotnet/orleans' <c>MembershipTableTestsBase</c> is of its membership tables:
/// an abstract class per store interface holds the tests, and one small subclass per implementation says which
/// stores to test. Both come from <see cref="StorageServiceCollectionExtensions.AddCnucnmStorage"/>, the composition
/// the service itself uses, so a contract test sees the stores exactly as the API and the silo do. PostgreSQL is the
/// reference: where the in-memory twin (the embedded profile's default) differs, the twin is wrong.
/// Each test gets its own stores (a fresh database for PostgreSQL): outbox claims see the whole table.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The PostgreSQL connection string of an empty database, or null for the in-memory stores.</summary>
    protected abstract Task<string?> ConnectionStringAsync();

    protected T Store<T>() where T : notnull =>
        (_services ?? throw new InvalidOperationException("The stores are created in InitializeAsync.")).GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        var connectionString = await ConnectionStringAsync();
        _services = new ServiceCollection().AddLogging().AddCnucnmStorage(connectionString).BuildServiceProvider();
        if (connectionString is not null)
        {
            await _services.GetRequiredService<SchemaMigrator>().MigrateAsync(Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The stores of the embedded profile.</summary>
public static class InMemoryStores
{
    public static Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}

/// <summary>The PostgreSQL stores, each test on a new, migrated database of the throwaway server.</summary>
public static class PostgresStores
{
    public static async Task<string?> ConnectionStringAsync(PostgresServer postgres) => await postgres.CreateDatabaseAsync("cnucnm_store");
}
