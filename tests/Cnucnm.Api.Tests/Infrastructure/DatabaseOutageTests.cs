using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cnucnm.Api.Infrastructure;
using Cnucnm.Testing;
using Npgsql;
using Orleans.Runtime;

namespace Cnucnm.Api.Tests.Infrastructure;

/// <summary>While PostgreSQL is down nothing can be acknowledged: ingestion answers 503 with
/// Retry-After (never 2xx, never 500) and serves again by itself once the server is back.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Ingestion_answers_503_with_retry_after_while_PostgreSQL_is_down_and_recovers_by_itself()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // A server of its own: stopping the shared one would fail the other test classes.
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        postgres.RequireAvailable();
        await using var factory = await CnucnmApiFactory.StartAsync(postgres);
        using var device = factory.CreateClient();
        // Well formed, unknown: the key lookup is the first thing that needs PostgreSQL.
        device.DefaultRequestHeaders.Add("X-Api-Key", "cnk_0123456789ab_" + new string('s', 43));
        var batch = new
        {
            readings = new[]
            {
                new { deviceId = "bunk-1", sequence = 1, measuredAt = DateTimeOffset.UtcNow, groupId = Guid.NewGuid(), feedId = "tmr", deliveredKgAsFed = 500.0 },
            },
        };

        var before = await device.PostAsJsonAsync("/api/v1/intake-readings", batch, cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);

        await postgres.StopAsync();
        var during = await device.PostAsJsonAsync("/api/v1/intake-readings", batch, cancellation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(during.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.DoesNotContain("Npgsql", await during.Content.ReadAsStringAsync(cancellation), StringComparison.Ordinal);

        await postgres.StartAsync();
        var after = await device.PostAsJsonAsync("/api/v1/intake-readings", batch, cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public void Unreachable_database_on_either_side_and_lost_silos_are_transient_but_constraint_violations_are_not()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        Assert.NotNull(TransientFailure.Describe(refused));
        Assert.NotNull(TransientFailure.Describe(new InvalidOperationException("wrapped", refused)));
        Assert.NotNull(TransientFailure.Describe(new SiloUnavailableException("silo S127.0.0.1:11111 is dead")));
        Assert.NotNull(TransientFailure.Describe(new TimeoutException("Response did not arrive on time")));
        Assert.NotNull(TransientFailure.Describe(new Cnucnm.Contracts.StorageUnavailableException("PostgreSQL unavailable: Failed to connect")));

        var uniqueViolation = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
        Assert.Null(TransientFailure.Describe(uniqueViolation));
        Assert.Null(TransientFailure.Describe(new InvalidOperationException("a bug")));
    }
}
